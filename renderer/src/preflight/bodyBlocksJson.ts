import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { BodyNode } from '../../../shared/story.js';

/**
 * The body as JSON whose top-level blocks keep their identity while unchanged: ProseMirror reuses the node of a block
 * an edit did not touch, so only changed blocks are converted, and preflight's per-block cache finds the rest.
 */
export function bodyBlocksJson(doc: ProseMirrorNode, known: WeakMap<ProseMirrorNode, BodyNode>): BodyNode {
  const content: BodyNode[] = [];
  doc.forEach((block) => {
    let json = known.get(block);
    if (!json) {
      json = block.toJSON() as BodyNode;
      known.set(block, json);
    }
    content.push(json);
  });
  return { type: 'doc', content };
}
