import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** Where each comment thread's text is in the body: from its first `comment` mark to its last, by thread id. */
export function commentAnchors(doc: ProseMirrorNode): Map<string, { from: number; to: number }> {
  const anchors = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'comment') continue;
      const id = String(mark.attrs.id);
      const anchor = anchors.get(id);
      if (anchor) anchor.to = pos + node.nodeSize;
      else anchors.set(id, { from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  return anchors;
}
