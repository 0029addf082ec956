import { revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
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
  let state = EditorState.create({ schema, doc: schema.nodeFromJSON(body) });
  revertSuggestions(state, (tr) => {
    state = state.apply(tr);
  });
  return state.doc.toJSON() as BodyNode;
}
