import type { Mark } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';

const SUGGESTION_KINDS = new Set(['insertion', 'deletion', 'modification']);

function suggestionMarkAtCursor(state: EditorState): Mark | null {
  const { $from } = state.selection;
  const marks = [...$from.marks(), ...($from.nodeAfter?.marks ?? [])];
  return marks.find((mark) => SUGGESTION_KINDS.has(mark.type.name)) ?? null;
}

/** The suggestion the cursor is in, as "kind:id" (a string, so a selector on it changes only on entering or leaving one). */
export function suggestionAtCursor(state: EditorState): string | null {
  const mark = suggestionMarkAtCursor(state);
  return mark ? `${mark.type.name}:${String(mark.attrs.id)}` : null;
}

/**
 * Where the suggestion at the cursor runs within the cursor's paragraph (a deletion across paragraphs is anchored by
 * its part here). Walks that one paragraph only.
 */
export function suggestionRunAtCursor(state: EditorState): { from: number; to: number } | null {
  const mark = suggestionMarkAtCursor(state);
  if (!mark) return null;
  const { $from } = state.selection;
  const start = $from.start();
  const runs: { from: number; to: number }[] = [];
  $from.parent.forEach((child, offset) => {
    if (!child.marks.some((m) => m.type === mark.type && m.attrs.id === mark.attrs.id)) return;
    const from = start + offset;
    const last = runs[runs.length - 1];
    if (last && last.to === from) last.to = from + child.nodeSize;
    else runs.push({ from, to: from + child.nodeSize });
  });
  return runs.find((run) => run.from <= $from.pos && $from.pos <= run.to) ?? null;
}
