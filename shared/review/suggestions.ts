import type { BodyMark, BodyNode } from '../storyBody.js';

/** The mark names @handlewithcare/prosemirror-suggest-changes gives suggested edits in a body. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

const isSuggestionMark = (mark: BodyMark) => mark.type === 'insertion' || mark.type === 'deletion' || mark.type === 'modification';
const hasMark = (node: BodyNode, type: string) => node.marks?.some((mark) => mark.type === type) ?? false;

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

function original(node: BodyNode): BodyNode | null {
  if (hasMark(node, 'insertion')) return null;
  const copy: BodyNode = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((mark) => !isSuggestionMark(mark));
    if (marks.length) copy.marks = marks;
    else delete copy.marks;
  }
  if (node.content) {
    const content: BodyNode[] = [];
    for (const child of node.content) {
      const kept = original(child);
      if (kept) content.push(kept);
    }
    copy.content = content;
  }
  return copy;
}

/**
 * The body as it was before any pending suggestion: suggested insertions dropped, suggested deletions kept as plain
 * text, formatting suggestions left as marked. Exports publish this, so nothing the writer has not accepted goes out.
 * (Formatting suggestions are rare in copy; their text is the same either way.)
 */
export function bodyWithoutSuggestions(body: BodyNode): BodyNode {
  if (!hasBodySuggestions(body)) return body;
  return original(body) ?? { type: 'doc', content: [] };
}
