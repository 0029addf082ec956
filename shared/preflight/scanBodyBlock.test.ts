import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../storyBody.js';
import { blockText } from './blockText.js';
import { scanBodyBlock } from './scanBodyBlock.js';

const text = (value: string, marks?: BodyNode['marks']): BodyNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: BodyNode[]): BodyNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

describe('a block’s text', () => {
  it('counts text in order, a hard break as one character, and paragraphs inside a quote one after another', () => {
    const quote: BodyNode = { type: 'blockquote', content: [paragraph(text('One'), { type: 'hardBreak' }, text('two')), paragraph(text('Three'))] };
    expect(blockText(quote).textblocks).toEqual([
      { type: 'paragraph', text: 'One\ntwo', start: 0 },
      { type: 'paragraph', text: 'Three', start: 7 },
    ]);
  });

  it('joins a mark over neighbouring text nodes into one range', () => {
    const link = { type: 'link', attrs: { href: 'http://a.example' } };
    const { marks } = blockText(paragraph(text('See '), text('the ', [link]), text('report', [link, { type: 'bold' }]), text('.')));
    expect(marks.map(({ mark, from, to }) => [mark.type, from, to])).toEqual([['link', 4, 14], ['bold', 8, 14]]);
  });
});

describe('body checks in one block', () => {
  it('finds empty paragraphs and subheads', () => {
    expect(scanBodyBlock(paragraph()).findings).toEqual([{ id: 'empty-blocks', from: 0, to: 0, reason: 'An empty paragraph.' }]);
    expect(scanBodyBlock({ type: 'heading', attrs: { level: 2 }, content: [text('  ')] }).findings).toEqual([{ id: 'empty-blocks', from: 0, to: 0, reason: 'An empty subhead.' }]);
    expect(scanBodyBlock(paragraph()).hasText).toBe(false);
  });

  it('finds links that are not https, with the linked text’s range', () => {
    const scan = scanBodyBlock(paragraph(text('Read '), text('this', [{ type: 'link', attrs: { href: 'http://example.com/a' } }]), text(' and '), text('that', [{ type: 'link', attrs: { href: 'https://example.com/b' } }])));
    expect(scan.findings).toEqual([{ id: 'insecure-links', from: 5, to: 9, reason: 'Link to http://example.com/a is not https.' }]);
  });

  it('counts suggested edits: one per suggestion, however many runs of text it covers', () => {
    const insertion = (at: string) => ({ type: 'insertion', attrs: { id: 's1', author: 'Ed', at } });
    const scan = scanBodyBlock(
      paragraph(
        text('Old '),
        text('new ', [insertion('2026-12-05T09:00:00Z')]),
        text('bold', [{ type: 'bold' }, insertion('2026-12-05T09:00:00Z')]),
        text(' text', [insertion('2026-12-05T09:00:01Z')]),
        text(' gone', [{ type: 'deletion', attrs: { id: 's2' } }]),
      ),
    );
    expect(scan.suggestions).toBe(2);
  });

  it('places findings inside a list or quote at their offset in the whole block', () => {
    const list: BodyNode = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('First'))] }, { type: 'listItem', content: [paragraph(text('Call TK'))] }] };
    expect(scanBodyBlock(list).findings).toEqual([{ id: 'placeholder-text', from: 10, to: 12, reason: 'Placeholder “TK” is still in the text.' }]);
  });

  it('lets a quotation run on into the next paragraph of a quote, and reports one that never closes', () => {
    const runOn: BodyNode = { type: 'blockquote', content: [paragraph(text('“We will go on.')), paragraph(text('“And we will win.”'))] };
    expect(scanBodyBlock(runOn).findings).toEqual([]);
    const unclosed: BodyNode = { type: 'blockquote', content: [paragraph(text('“We will go on.')), paragraph(text('He left.'))] };
    expect(scanBodyBlock(unclosed).findings).toEqual([{ id: 'unbalanced-quotes', from: 0, to: 1, reason: 'This quotation is never closed.' }]);
  });
});
