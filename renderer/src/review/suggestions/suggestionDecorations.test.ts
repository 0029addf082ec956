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
