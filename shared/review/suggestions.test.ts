import { applySuggestions, suggestChanges, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../storyBody.js';
import { createStoryExtensions } from '../storyExtensions.js';
import { dispatchAsSuggestion } from './suggestTransaction.js';
import { acceptAllSuggestionsIn, bodyWithoutSuggestions, hasBodySuggestions, holdsSuggestion, listBodySuggestions, rejectSuggestionIn } from './suggestions.js';

const schema = getSchema(createStoryExtensions());
let ids = 0;

const original: BodyNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Council backs budget' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'The council backed the budget ' }, { type: 'text', text: 'on Tuesday', marks: [{ type: 'italic' }] }, { type: 'text', text: ' night.' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schools get more.' }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Roads get less, the mayor said.' }] },
  ],
};

/** An editor state in Suggesting mode on `body`, as the app's is: every edit made through it becomes a suggestion. */
function suggesting(body: BodyNode): EditorState {
  const state = EditorState.create({ schema, doc: schema.nodeFromJSON(body), plugins: [suggestChanges()] });
  return state.apply(state.tr.setMeta(suggestChangesKey, { skip: true, enabled: true }));
}
/** What the app does with an edit in Suggesting mode. */
function suggest(state: EditorState, tr: Transaction): EditorState {
  let next = state;
  dispatchAsSuggestion(state, tr, () => `s${(ids += 1)}`, (applied) => (next = next.apply(applied)));
  return next;
}

/** Positions inside text in `doc` (where a writer can put the cursor). */
function textPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) for (let i = 0; i <= node.nodeSize; i += 1) positions.push(pos + i);
    return true;
  });
  return [...new Set(positions)];
}

type Edit = { kind: 'type'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'bold'; at: number; length: number } | { kind: 'split'; at: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom('new ', 'x', ' words') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('bold' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
);

function apply(state: EditorState, change: Edit): EditorState {
  const positions = textPositions(state.doc);
  const at = positions[change.at % positions.length]!;
  const to = change.kind === 'type' || change.kind === 'split' ? at : positions.find((p) => p >= at + change.length && state.doc.resolve(p).parent === state.doc.resolve(at).parent) ?? at;
  if (change.kind === 'type') return suggest(state, state.tr.insertText(change.text, at));
  if (change.kind === 'split') return suggest(state, state.tr.setSelection(TextSelection.create(state.doc, at)).split(at));
  if (to === at) return state;
  if (change.kind === 'delete') return suggest(state, state.tr.delete(at, to));
  return suggest(state, state.tr.addMark(at, to, schema.marks.bold!.create()));
}

/** The body as an export renders it: sanitizeBody drops empty paragraphs and headings. */
function withoutEmptyBlocks(node: BodyNode): BodyNode {
  if (!node.content) return node;
  const empty = (child: BodyNode) => (child.type === 'paragraph' || child.type === 'heading') && !child.content?.length;
  return { ...node, content: node.content.filter((child) => !empty(child)).map(withoutEmptyBlocks) };
}

describe('bodyWithoutSuggestions: what an export publishes', () => {
  it('is the body itself when nothing is pending', () => {
    expect(bodyWithoutSuggestions(original)).toBe(original);
  });

  it('is the writer’s text for any run of suggested typing, deleting and bolding', () => {
    fc.assert(
      fc.property(fc.array(edit.filter((change) => change.kind !== 'split'), { minLength: 1, maxLength: 6 }), (edits) => {
        let state = suggesting(original);
        for (const change of edits) state = apply(state, change);
        const pending = state.doc.toJSON() as BodyNode;
        if (!hasBodySuggestions(pending)) return;
        // Words, formatting and blocks as the writer left them, whatever was suggested on top.
        expect(bodyWithoutSuggestions(pending)).toEqual(original);
      }),
      { numRuns: 1000 },
    );
  });

  // Found by the property above (1 run in about 30,000): the library's reject removed a suggested run split by bold
  // only up to the end of its first part, then one character more, and skipped the rest, which was published.
  it('is the writer’s text after bolding beside a suggested insertion split by bold', () => {
    let state = suggesting(original);
    const edits: Edit[] = [
      { kind: 'bold', at: 21577405, length: 6 },
      { kind: 'bold', at: 907926427, length: 3 },
      { kind: 'bold', at: 1446121131, length: 8 },
      { kind: 'type', at: 1963192275, text: 'x' },
      { kind: 'bold', at: 1424075307, length: 6 },
    ];
    for (const change of edits) state = apply(state, change);
    expect(state.doc.textContent).toContain('ed the' + 'x' + ' budget ');
    expect(bodyWithoutSuggestions(state.doc.toJSON() as BodyNode)).toEqual(original);
  });

  // A suggested new paragraph (Enter in Suggesting mode) is undone too. Mixed with other suggestions in the same
  // place, the library's reject can leave an empty block behind (2% of random runs of six edits here), which an
  // export leaves out; the words are still the writer's.
  it('is the writer’s paragraphs after a suggested paragraph break, with typing before and after it', () => {
    fc.assert(
      fc.property(edit.filter((change) => change.kind === 'split'), fc.array(edit.filter((change) => change.kind === 'type'), { maxLength: 2 }), (split, typing) => {
        let state = suggesting(original);
        for (const change of [split, ...typing]) state = apply(state, change);
        const pending = state.doc.toJSON() as BodyNode;
        if (!hasBodySuggestions(pending)) return;
        expect(withoutEmptyBlocks(bodyWithoutSuggestions(pending))).toEqual(original);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out suggested bold (the old formatting is published), and publishes accepted bold', () => {
    let state = suggesting(original);
    state = suggest(state, state.tr.addMark(1, 8, schema.marks.bold!.create()));
    const pending = state.doc.toJSON() as BodyNode;
    expect(hasBodySuggestions(pending)).toBe(true);
    expect(JSON.stringify(pending)).toContain('"bold"');
    expect(JSON.stringify(bodyWithoutSuggestions(pending))).not.toContain('bold');
    let accepted = state;
    applySuggestions(state, (tr) => (accepted = state.apply(tr)));
    expect(JSON.stringify(bodyWithoutSuggestions(accepted.doc.toJSON() as BodyNode))).toContain('"bold"');
  });
});

describe('accepting and rejecting in the editor', () => {
  const pendingIds = (state: EditorState) => new Set(listBodySuggestions(state.doc.toJSON() as BodyNode).map((suggestion) => suggestion.id));

  it('leaves nothing pending after Accept all, or after rejecting each suggestion in turn', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let state = suggesting(original);
        for (const change of edits) state = apply(state, change);
        const accepted = acceptAllSuggestionsIn(state);
        expect(holdsSuggestion(accepted ? accepted.doc : state.doc)).toBe(false);
        let rejected = state;
        for (const id of pendingIds(state)) {
          const tr = rejectSuggestionIn(rejected, id);
          if (tr) rejected = rejected.apply(tr);
          expect(holdsSuggestion(rejected.doc, id)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
