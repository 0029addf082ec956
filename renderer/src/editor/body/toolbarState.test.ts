import { getSchema } from '@tiptap/core';
import { history, undo } from '@tiptap/pm/history';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { EVERY_NODE_AND_MARK } from '../../../../shared/export/testing/exportCorpus.js';
import { createStoryExtensions } from '../../../../shared/storyExtensions.js';
import { formattingByIsActive, toolbarState, type ToolbarState } from './toolbarState.js';

const schema = getSchema(createStoryExtensions());

/** The toolbar's state as it was asked before: nine isActive calls (no history in these states). */
const byIsActive = (state: EditorState): ToolbarState => ({ ...formattingByIsActive(state), canUndo: false, canRedo: false });

const text = (value: string, ...marks: string[]) => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => (type === 'link' ? { type, attrs: { href: 'https://example.com/' } } : { type })) } : {}) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const item = (...content: object[]) => ({ type: 'listItem', content });

/** Every node and mark the editor makes, plus the nestings and edges a caret meets: empty blocks, marks at block ends, formatted subheads, review marks. */
const DOCUMENTS = [
  EVERY_NODE_AND_MARK,
  {
    type: 'doc',
    content: [
      paragraph(),
      { type: 'heading', attrs: { level: 2 }, content: [text('Bold', 'bold'), text(' and '), text('linked', 'link', 'italic')] },
      { type: 'heading', attrs: { level: 3 } },
      paragraph(text('ends bold', 'bold')),
      paragraph(text('starts italic', 'italic'), text(' plain')),
      { type: 'blockquote', content: [paragraph(), paragraph(text('quoted', 'bold'))] },
      { type: 'orderedList', content: [item(paragraph(text('one')), { type: 'blockquote', content: [paragraph(text('quote in a list', 'italic'))] })] },
      { type: 'bulletList', content: [item(paragraph()), item(paragraph(text('two', 'link')), { type: 'orderedList', content: [item(paragraph(text('nested', 'bold')))] })] },
      paragraph(text('suggested', 'bold'), { type: 'text', text: ' inserted', marks: [{ type: 'insertion', attrs: { id: 's1' } }] }, { type: 'text', text: ' commented', marks: [{ type: 'comment', attrs: { id: 'c1' } }, { type: 'italic' }] }),
    ],
  },
].map((json) => ProseMirrorNode.fromJSON(schema, json));

/** Every position of `doc` where a caret can be. */
function caretPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = [];
  for (let pos = 0; pos <= doc.content.size; pos += 1) if (doc.resolve(pos).parent.inlineContent) positions.push(pos);
  return positions;
}

/** Where `text` starts in `doc`. */
function bodyPosition(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  if (found < 0) throw new Error(`No "${text}" in the document.`);
  return found;
}

describe('toolbarState', () => {
  it('says what isActive says for a caret at every position of every kind of block, with and without stored marks', () => {
    let carets = 0;
    for (const doc of DOCUMENTS) {
      const base = EditorState.create({ doc, schema });
      for (const pos of caretPositions(doc)) {
        const state = base.apply(base.tr.setSelection(TextSelection.create(doc, pos)));
        for (const stored of [null, [], [schema.marks.bold!.create()], [schema.marks.italic!.create(), schema.marks.link!.create({ href: 'https://example.com/' })]]) {
          const withStored = stored === null ? state : state.apply(state.tr.setStoredMarks(stored));
          expect(toolbarState(withStored), `caret at ${pos}, stored ${JSON.stringify(stored)}`).toStrictEqual(byIsActive(withStored));
          carets += 1;
        }
      }
    }
    expect(carets).toBeGreaterThan(800);
  });

  it('shows a format pressed for a selection only when all of the selection has it, and a block when the selection is in it', () => {
    const doc = DOCUMENTS[1]!;
    const base = EditorState.create({ doc, schema });
    const select = (from: string, to: string) => {
      const start = bodyPosition(doc, from);
      return toolbarState(base.apply(base.tr.setSelection(TextSelection.create(doc, start, bodyPosition(doc, to) + to.length))));
    };
    // "Bold" in the H2 subhead, then "Bold and" across a mark's edge, then from the subhead into the next paragraphs.
    expect(select('Bold', 'Bold')).toMatchObject({ bold: true, subhead: true, paragraph: false, link: false });
    expect(select('Bold', ' and')).toMatchObject({ bold: false, subhead: true });
    expect(select('ends bold', 'ends bold')).toMatchObject({ bold: true, paragraph: true, subhead: false });
    expect(select('Bold', 'ends bold')).toMatchObject({ bold: false, subhead: false, paragraph: false });
    expect(select('nested', 'nested')).toMatchObject({ bold: true, bulletList: true, orderedList: true, paragraph: true });
  });

  it('enables Undo once there is something to undo, and Redo once something was undone', () => {
    const doc = DOCUMENTS[0]!;
    let state = EditorState.create({ doc, schema, plugins: [history()] });
    expect(toolbarState(state)).toMatchObject({ canUndo: false, canRedo: false });
    state = state.apply(state.tr.insertText('x', 1));
    expect(toolbarState(state)).toMatchObject({ canUndo: true, canRedo: false });
    expect(undo(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(toolbarState(state)).toMatchObject({ canUndo: false, canRedo: true });
  });
});
