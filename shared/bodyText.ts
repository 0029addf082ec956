import type { BodyNode } from './story.js';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'bulletList', 'orderedList']);

/** The plain text of a story body, blocks separated by blank lines. */
export function bodyText(node: BodyNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(bodyText);
  const separator = (node.content ?? []).some((child) => BLOCK_TYPES.has(child.type)) ? '\n\n' : '';
  return parts.join(separator);
}
