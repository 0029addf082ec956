import type { BodyMark, BodyNode } from '../storyBody.js';

/** One paragraph or heading inside a top-level block: its text and where it starts in that block's text. */
export interface TextblockText {
  type: string;
  text: string;
  start: number;
}

/** A run of text carrying a mark, in the top-level block's text. */
export interface MarkedRange {
  mark: BodyMark;
  from: number;
  to: number;
}

export interface BlockText {
  textblocks: TextblockText[];
  marks: MarkedRange[];
}

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/**
 * The text of one top-level body block, textblock by textblock, with its marked ranges. Offsets count the characters
 * of text nodes in document order, and one for each hard break or other inline leaf (as a "\n" in the text), so the
 * editor can map them back to positions.
 */
export function blockText(block: BodyNode): BlockText {
  const textblocks: TextblockText[] = [];
  const marks: MarkedRange[] = [];
  let offset = 0;
  let current: TextblockText | null = null;

  const visit = (node: BodyNode): void => {
    if (typeof node.text === 'string') {
      const from = offset;
      offset += node.text.length;
      if (current) current.text += node.text;
      for (const mark of node.marks ?? []) {
        const same = marks.findLast((range) => range.to === from && range.mark.type === mark.type && JSON.stringify(range.mark.attrs) === JSON.stringify(mark.attrs));
        if (same) same.to = offset;
        else marks.push({ mark, from, to: offset });
      }
      return;
    }
    if (TEXTBLOCKS.has(node.type)) {
      const own: TextblockText = { type: node.type, text: '', start: offset };
      const outer = current;
      current = own;
      textblocks.push(own);
      for (const child of node.content ?? []) visit(child);
      current = outer;
      return;
    }
    if (current && !node.content) {
      offset += 1;
      current.text += '\n';
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(block);
  return { textblocks, marks };
}

/** What the panel calls a block: "paragraph 3", "heading 2"… counted from 1 among the body's top-level blocks. */
export function blockName(block: BodyNode, index: number): string {
  const kind =
    block.type === 'heading' ? 'subhead'
    : block.type === 'blockquote' ? 'quote'
    : block.type === 'bulletList' || block.type === 'orderedList' ? 'list'
    : 'paragraph';
  return `${kind} ${index + 1}`;
}
