import { getSchema } from '@tiptap/core';
import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { Step } from '@tiptap/pm/transform';
import type { BodyMark, BodyNode } from '../storyBody.js';
import { createStoryExtensions } from '../storyExtensions.js';

/** The mark names @handlewithcare/prosemirror-suggest-changes gives suggested edits in a body. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

const isSuggestionMark = (mark: BodyMark) => mark.type === 'insertion' || mark.type === 'deletion' || mark.type === 'modification';

/** One pending suggestion in a body, in document order: its id, kind, who and when (null when not recorded) and its text. */
export interface BodySuggestion {
  id: string;
  kind: SuggestionMarkName;
  author: string | null;
  at: string | null;
  text: string;
}

/** The body's pending suggestions, one entry per suggestion id and kind, in document order. */
export function listBodySuggestions(body: BodyNode): BodySuggestion[] {
  const found = new Map<string, BodySuggestion>();
  const walk = (node: BodyNode) => {
    for (const mark of node.marks ?? []) {
      if (!isSuggestionMark(mark)) continue;
      const id = String(mark.attrs?.id ?? '');
      const key = `${mark.type}:${id}`;
      const entry = found.get(key) ?? {
        id,
        kind: mark.type as SuggestionMarkName,
        author: typeof mark.attrs?.author === 'string' ? mark.attrs.author : null,
        at: typeof mark.attrs?.at === 'string' ? mark.attrs.at : null,
        text: '',
      };
      if (node.type === 'text') entry.text += node.text ?? '';
      found.set(key, entry);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(body);
  return [...found.values()];
}

/** Whether the body holds any pending suggestion. */
export function hasBodySuggestions(body: BodyNode): boolean {
  if (body.marks?.some(isSuggestionMark)) return true;
  return body.content?.some(hasBodySuggestions) ?? false;
}

let schema: Schema | undefined;

/**
 * The body as it was before any pending suggestion: every suggestion rejected with the library that made them
 * (@handlewithcare/prosemirror-suggest-changes), so suggested insertions go, suggested deletions stay, suggested
 * formatting goes back to what it was, and a suggested split or join of paragraphs is undone. Exports publish this,
 * so nothing the writer has not accepted goes out.
 */
export function bodyWithoutSuggestions(body: BodyNode): BodyNode {
  if (!hasBodySuggestions(body)) return body;
  schema ??= getSchema(createStoryExtensions());
  const state = EditorState.create({ schema, doc: schema.nodeFromJSON(body) });
  const tr = rejectAllSuggestionsIn(state);
  return (tr ? tr.doc : state.doc).toJSON() as BodyNode;
}

/**
 * At most this many passes of the library's command. The leftover a pass can leave (below) is at most one text node
 * per run, and a second pass clears it; the rest is headroom.
 */
const MAX_PASSES = 5;

/** Whether `doc` still holds a suggestion (with the id `id`, when given), on text or on a block. */
export function holdsSuggestion(doc: ProseMirrorNode, id?: string | number): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    found = node.marks.some((mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name) && (id === undefined || mark.attrs.id === id));
    return !found;
  });
  return found;
}

type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

/**
 * Runs one of the library's accept or reject commands until the suggestions it handles are gone, as one transaction
 * on `state` (one undo step), or null when it changes nothing.
 *
 * Why more than one pass: @handlewithcare/prosemirror-suggest-changes 0.1.8 removes a run of suggested text up to
 * the end of its first text node only, when the run is split by formatting (suggested " budget" with part of it
 * bold); and when the run has a space on either side it removes one character more, the first of the next node,
 * after which it skips that node altogether. Rejecting such a suggestion left suggested words in the story, and the
 * export, which publishes the body with every suggestion rejected, published them. What it leaves is still marked as
 * the same suggestion, so the next pass takes it.
 */
function settle(state: EditorState, command: Command, id?: string | number): Transaction | null {
  // Each pass runs on a plain state of the document so far (the caller's state may be a command's chained state,
  // whose `tr` is shared); the steps go onto the caller's transaction once, at the end.
  let current = EditorState.create({ doc: state.doc });
  const steps: Step[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const made: Transaction[] = [];
    if (!command(current, (next) => made.push(next))) break;
    const result = made[0];
    if (!result?.docChanged) break;
    steps.push(...result.steps);
    if (!holdsSuggestion(result.doc, id)) break;
    current = EditorState.create({ doc: result.doc });
  }
  if (!steps.length) return null;
  const tr = state.tr;
  for (const step of steps) tr.step(step);
  return tr.setMeta(suggestChangesKey, { skip: true });
}

/** Accepts the suggestion `id`: its insertions stay, its deletions go, its formatting is kept. */
export const acceptSuggestionIn = (state: EditorState, id: string | number) => settle(state, applySuggestion(id), id);
/** Rejects the suggestion `id`: its insertions go, its deletions stay, its formatting goes back to what it was. */
export const rejectSuggestionIn = (state: EditorState, id: string | number) => settle(state, revertSuggestion(id), id);
/** Accepts every pending suggestion. */
export const acceptAllSuggestionsIn = (state: EditorState) => settle(state, applySuggestions);
/** Rejects every pending suggestion: the body as it was before any of them. */
export const rejectAllSuggestionsIn = (state: EditorState) => settle(state, revertSuggestions);
