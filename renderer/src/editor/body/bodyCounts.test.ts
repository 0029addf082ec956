import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../shared/wordCount.js';
import { createStoryExtensions } from '../../../../shared/storyExtensions.js';
import { countBody } from './bodyCounts.js';

const schema = getSchema(createStoryExtensions());

/** What the toolbar showed before counts were kept per block: the whole text, counted at once. */
function countWhole(doc: Node) {
  const text = doc.textBetween(0, doc.content.size, '\n', '\n');
  return { words: countWords(text), characters: [...text.replace(/\n/g, '')].length };
}

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

describe('countBody', () => {
  it('counts a body of paragraphs, subheads, lists, quotes and line breaks like the whole text', () => {
    const doc = Node.fromJSON(schema, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Quake hits Noto' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'end' }, { type: 'hardBreak' }, { type: 'text', text: 'start 😀 naïve' }] },
        paragraph(''),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('one')] }, { type: 'listItem', content: [paragraph('two words')] }] },
        { type: 'blockquote', content: [paragraph('“Quoted,” she said.'), paragraph('東京 都')] },
      ],
    });
    expect(countBody(doc)).toEqual(countWhole(doc));
    expect(countBody(doc)).toEqual({ words: 15, characters: 66 });
  });

  it('gives the same counts as the whole text for any paragraphs, and after typing into one of them', () => {
    const clean = (text: string) => text.replace(/[\r\n]/g, ' ');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), (texts, typed, at) => {
        const state = EditorState.create({ doc: Node.fromJSON(schema, { type: 'doc', content: texts.map((text) => paragraph(clean(text))) }) });
        expect(countBody(state.doc)).toEqual(countWhole(state.doc));
        // Typed at a text position (inside a paragraph, not between two).
        const positions: number[] = [];
        state.doc.descendants((node, pos) => void (node.isTextblock && positions.push(pos + 1 + Math.min(at % (node.content.size + 1), node.content.size))));
        const edited = state.tr.insertText(clean(typed), positions[at % positions.length]!).doc;
        expect(countBody(edited)).toEqual(countWhole(edited));
      }),
    );
  });
});
