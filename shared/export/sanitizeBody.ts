import { cleanText } from '../cleanText.js';
import type { BodyNode } from '../story.js';
import { publishableHref } from './publishableHref.js';

type Mark = NonNullable<BodyNode['marks']>[number];

const CONTAINERS = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem']);
const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/** The marks without attributes, one object each for every text node (the sanitized body is only ever read). */
const BOLD: Mark = Object.freeze({ type: 'bold' });
const ITALIC: Mark = Object.freeze({ type: 'italic' });

function sanitizeMark(mark: Mark): Mark | null {
  if (mark.type === 'bold') return BOLD;
  if (mark.type === 'italic') return ITALIC;
  if (mark.type !== 'link') return null;
  const href = typeof mark.attrs?.href === 'string' ? publishableHref(mark.attrs.href.trim()) : null;
  return href === null ? null : { type: 'link', attrs: { href } };
}

// Each function below appends what a node becomes (none, one or more nodes) to `out`: no array per node.

function sanitizeInline(node: BodyNode, out: BodyNode[]): void {
  if (node.type === 'hardBreak') {
    out.push({ type: 'hardBreak' });
    return;
  }
  if (node.type !== 'text') {
    for (const child of node.content ?? []) sanitizeInline(child, out);
    return;
  }
  const text = cleanText(node.text ?? '');
  if (!text) return;
  const marks: Mark[] = [];
  for (const mark of node.marks ?? []) {
    const clean = sanitizeMark(mark);
    if (clean) marks.push(clean);
  }
  out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
}

function headingLevel(node: BodyNode): 2 | 3 {
  return node.attrs?.level === 3 || node.attrs?.level === 4 || node.attrs?.level === 5 || node.attrs?.level === 6 ? 3 : 2;
}

function sanitizeBlocks(nodes: readonly BodyNode[] | undefined): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of nodes ?? []) sanitizeBlock(node, out);
  return out;
}

function sanitizeBlock(node: BodyNode, out: BodyNode[]): void {
  if (TEXTBLOCKS.has(node.type)) {
    const content: BodyNode[] = [];
    for (const child of node.content ?? []) sanitizeInline(child, content);
    if (!content.some((child) => child.type === 'text')) return;
    out.push(node.type === 'heading' ? { type: 'heading', attrs: { level: headingLevel(node) }, content } : { type: 'paragraph', content });
    return;
  }
  if (node.type === 'text') {
    sanitizeBlock({ type: 'paragraph', content: [node] }, out);
    return;
  }
  if (!CONTAINERS.has(node.type)) {
    for (const child of node.content ?? []) sanitizeBlock(child, out);
    return;
  }
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    const items: BodyNode[] = [];
    for (const child of node.content ?? []) sanitizeBlock(child.type === 'listItem' ? child : { type: 'listItem', content: [child] }, items);
    if (!items.length) return;
    const start = node.attrs?.start;
    const attrs = node.type === 'orderedList' && Number.isInteger(start) && (start as number) > 1 ? { start } : undefined;
    out.push(attrs ? { type: node.type, attrs, content: items } : { type: node.type, content: items });
    return;
  }
  const content = sanitizeBlocks(node.content);
  if (!content.length) return;
  // A list item must open with a paragraph.
  if (node.type === 'listItem' && content[0]!.type !== 'paragraph') {
    out.push({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\u00a0' }] }, ...content] });
    return;
  }
  out.push({ type: node.type, content });
}

/**
 * The body reduced to what Copydesk publishes: known nodes and marks only, no attributes but heading level,
 * list start and an allowed link href (as a valid URL string), no empty blocks. Unknown wrappers are unwrapped so
 * their text survives.
 */
export function sanitizeBody(doc: BodyNode): BodyNode {
  const roots: BodyNode[] = [];
  sanitizeBlock({ ...doc, type: 'doc' }, roots);
  const content: BodyNode[] = [];
  for (const root of roots) content.push(...(root.content ?? []));
  return { type: 'doc', content };
}
