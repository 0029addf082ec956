import { getSchema } from '@tiptap/core';
import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStoryExtensions } from '../../../../shared/storyExtensions.js';
import { suggestionDecorations } from './suggestionDecorations.js';

const schema = getSchema(createStoryExtensions());
const libraryDecorations = suggestChanges().spec.props!.decorations as (state: EditorState) => DecorationSet;

/** A decoration as it can be compared: where, what kind, and what it carries. */
function describe_(decoration: Decoration): string {
  const spec = decoration.spec as { key?: unknown; marks?: { type: { name: string }; attrs: { id: unknown } }[] };
  const type = (decoration as unknown as { type: { attrs?: Record<string, string> } }).type;
  const marks = (spec.marks ?? []).map((mark) => `${mark.type.name}:${String(mark.attrs.id)}`).join(',');
  return `${decoration.from}-${decoration.to} ${JSON.stringify(type.attrs ?? null)} key=${String(spec.key ?? '')} ${marks}`;
}
const listed = (set: DecorationSet) => set.find().map(describe_).sort();

const text = fc.record({
  text: fc.constantFrom('a', 'bc', 'def'),
  mark: fc.constantFrom(null, 'insertion', 'deletion', 'bold'),
  id: fc.constantFrom('s1', 's2', 's3'),
});
const paragraph = fc.array(text, { minLength: 0, maxLength: 4 }).map((runs) => ({
  type: 'paragraph',
  content: runs.length ? runs.map((run) => ({ type: 'text', text: run.text, ...(run.mark ? { marks: [{ type: run.mark, attrs: run.mark === 'bold' ? {} : { id: run.id } }] } : {}) })) : undefined,
}));
const block = fc.oneof(
  paragraph,
  fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => ({ type: 'bulletList', content: items.map((p) => ({ type: 'listItem', content: [p] })) })),
  fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
);
const documents = fc.array(block, { minLength: 1, maxLength: 8 }).map((content) => schema.nodeFromJSON({ type: 'doc', content }));

describe('suggestionDecorations', () => {
  it('draws exactly the decorations @handlewithcare/prosemirror-suggest-changes draws, for any document', () => {
    fc.assert(
      fc.property(documents, (doc: ProseMirrorNode) => {
        const state = EditorState.create({ schema, doc });
        expect(listed(suggestionDecorations(state))).toEqual(listed(libraryDecorations(state)));
      }),
      { numRuns: 500 },
    );
  });

  it('stays right as a document is edited block by block (the cached blocks are reused, the changed one redone)', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.tuple(fc.nat(), paragraph), { minLength: 1, maxLength: 6 }), (start, edits) => {
        let state = EditorState.create({ schema, doc: start });
        suggestionDecorations(state);
        for (const [where, replacement] of edits) {
          const index = where % state.doc.childCount;
          let from = 0;
          for (let i = 0; i < index; i += 1) from += state.doc.child(i).nodeSize;
          const tr = state.tr.replaceWith(from, from + state.doc.child(index).nodeSize, schema.nodeFromJSON(replacement));
          state = state.apply(tr);
          expect(listed(suggestionDecorations(state))).toEqual(listed(libraryDecorations(state)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays right as a story without suggestions is typed in, formatted, split, joined, and then given one', () => {
    // Keystroke-sized edits, most adding no suggestion (the path that skips the walk over the blocks), some adding one
    // (typed text, a line break or a range marked as a suggestion), some taking one away again.
    const edit = fc.record({
      kind: fc.constantFrom('type', 'type', 'type', 'delete', 'bold', 'split', 'join', 'suggest', 'suggestBreak', 'unsuggest'),
      at: fc.nat(),
      length: fc.integer({ min: 0, max: 4 }),
      mark: fc.constantFrom('insertion', 'deletion'),
      text: fc.constantFrom('a', 'aa', ' ', 'x'),
    });
    const clean = fc.array(fc.array(fc.constantFrom('a', 'aa', 'bc'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }).map((blocks) =>
      schema.nodeFromJSON({ type: 'doc', content: blocks.map((runs) => ({ type: 'paragraph', content: runs.map((run, i) => ({ type: 'text', text: run, ...(i % 2 ? { marks: [{ type: 'bold' }] } : {}) })) })) }),
    );
    fc.assert(
      fc.property(clean, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        let state = EditorState.create({ schema, doc: start });
        expect(listed(suggestionDecorations(state))).toEqual([]);
        for (const { kind, at, length, mark, text: typed } of edits) {
          const size = state.doc.content.size;
          const from = Math.min(at % (size + 1), size);
          const to = Math.min(from + length, size);
          const tr = state.tr;
          const suggestion = schema.marks[mark]!.create({ id: `s${at % 3}` });
          try {
            if (kind === 'type') tr.insertText(typed, from);
            else if (kind === 'delete') tr.delete(from, to);
            else if (kind === 'bold') tr.addMark(from, to, schema.marks.bold!.create());
            else if (kind === 'split') tr.split(from);
            else if (kind === 'join') tr.join(from);
            else if (kind === 'suggest') tr.addMark(from, to, suggestion);
            else if (kind === 'suggestBreak') tr.insert(from, schema.nodes.hardBreak!.create(null, null, [suggestion]));
            else tr.removeMark(0, size, schema.marks[mark]);
          } catch {
            continue; // Not a valid edit at this position (a split outside a textblock, a join of nothing).
          }
          state = state.apply(tr);
          expect(listed(suggestionDecorations(state))).toEqual(listed(libraryDecorations(state)));
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('marks a paragraph suggested for deletion and the ¶ where a suggested insertion splits one', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Gone', marks: [{ type: 'deletion', attrs: { id: 'd' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'one', marks: [{ type: 'insertion', attrs: { id: 'i' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'two', marks: [{ type: 'insertion', attrs: { id: 'i' } }] }, { type: 'text', text: ' kept' }] },
      ],
    });
    const found = listed(suggestionDecorations(EditorState.create({ schema, doc })));
    expect(found).toContainEqual(expect.stringMatching(/^0-6 \{"data-node-deletion":"true"\}/));
    expect(found).toContainEqual(expect.stringMatching(/^6-11 \{"data-node-insertion":"true"\}/));
    expect(found).toContainEqual(expect.stringMatching(/^10-10 .* key=i insertion:i$/));
  });
});
