import type { BodyNode } from './story.js';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'bulletList', 'orderedList']);

/** Appends a node's text to `out`: its children's, separated by blank lines when any of them is a block. */
function appendText(node: BodyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.text ?? '');
    return;
  }
  if (node.type === 'hardBreak') {
    out.push('\n');
    return;
  }
  const children = node.content;
  if (!children?.length) return;
  let blocks = false;
  for (const child of children) if (BLOCK_TYPES.has(child.type)) blocks = true;
  for (let i = 0; i < children.length; i += 1) {
    if (blocks && i > 0) out.push('\n\n');
    appendText(children[i]!, out);
  }
}

/** The plain text of a story body, blocks separated by blank lines. One array for the whole body, joined once. */
export function bodyText(node: BodyNode): string {
  const out: string[] = [];
  appendText(node, out);
  return out.join('');
}
