import { cleanText } from '../cleanText.js';
import type { BodyNode } from '../story.js';
import { isAllowedLinkUrl } from '../storyExtensions.js';

type Mark = NonNullable<BodyNode['marks']>[number];

const CONTAINERS = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem']);
const TEXTBLOCKS = new Set(['paragraph', 'heading']);

function sanitizeMark(mark: Mark): Mark | null {
  if (mark.type === 'bold' || mark.type === 'italic') return { type: mark.type };
  if (mark.type !== 'link') return null;
  const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
  return isAllowedLinkUrl(href) ? { type: 'link', attrs: { href } } : null;
}

function sanitizeInline(node: BodyNode): BodyNode[] {
  if (node.type === 'hardBreak') return [{ type: 'hardBreak' }];
  if (node.type !== 'text') return (node.content ?? []).flatMap(sanitizeInline);
  const text = cleanText(node.text ?? '');
  if (!text) return [];
  const marks = (node.marks ?? []).map(sanitizeMark).filter((mark): mark is Mark => mark !== null);
  return [marks.length ? { type: 'text', text, marks } : { type: 'text', text }];
}

function headingLevel(node: BodyNode): 2 | 3 {
  return node.attrs?.level === 3 || node.attrs?.level === 4 || node.attrs?.level === 5 || node.attrs?.level === 6 ? 3 : 2;
}

function sanitizeBlock(node: BodyNode): BodyNode[] {
  if (TEXTBLOCKS.has(node.type)) {
    const content = (node.content ?? []).flatMap(sanitizeInline);
    if (!content.some((child) => child.type === 'text')) return [];
    return node.type === 'heading'
      ? [{ type: 'heading', attrs: { level: headingLevel(node) }, content }]
      : [{ type: 'paragraph', content }];
  }
  if (node.type === 'text') return sanitizeBlock({ type: 'paragraph', content: [node] });
  if (!CONTAINERS.has(node.type)) return (node.content ?? []).flatMap(sanitizeBlock);
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    const items = (node.content ?? []).flatMap((child) =>
      child.type === 'listItem' ? sanitizeBlock(child) : sanitizeBlock({ type: 'listItem', content: [child] }),
    );
    if (!items.length) return [];
    const start = node.attrs?.start;
    const attrs = node.type === 'orderedList' && Number.isInteger(start) && (start as number) > 1 ? { start } : undefined;
    return [attrs ? { type: node.type, attrs, content: items } : { type: node.type, content: items }];
  }
  const content = (node.content ?? []).flatMap(sanitizeBlock);
  if (!content.length) return [];
  // A list item must open with a paragraph.
  if (node.type === 'listItem' && content[0]!.type !== 'paragraph') return [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\u00a0' }] }, ...content] }];
  return [{ type: node.type, content }];
}

/**
 * The body reduced to what Copydesk publishes: known nodes and marks only, no attributes but heading level,
 * list start and an allowed link href, no empty blocks. Unknown wrappers are unwrapped so their text survives.
 */
export function sanitizeBody(doc: BodyNode): BodyNode {
  return { type: 'doc', content: sanitizeBlock({ ...doc, type: 'doc' }).flatMap((root) => root.content ?? []) };
}
