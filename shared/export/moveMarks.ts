import type { MarkType } from '@tiptap/pm/model';
import type { Template } from './specTemplate.js';

/**
 * ProseMirror's DOMSerializer step between two siblings: keeps the open marks the next node shares (in order, the
 * spanning ones), closes the rest, and opens the next node's other marks. The same for nodes and for a body's JSON.
 */
export function moveMarks<M extends { type: MarkType }>(
  marks: readonly M[],
  active: M[],
  closing: string[],
  out: string[],
  same: (a: M, b: M) => boolean,
  templateOf: (mark: M) => Template | null,
): void {
  let keep = 0;
  let rendered = 0;
  while (keep < active.length && rendered < marks.length) {
    const next = marks[rendered]!;
    if (!next.type.spec.toDOM) {
      rendered += 1;
      continue;
    }
    if (!same(next, active[keep]!) || next.type.spec.spanning === false) break;
    keep += 1;
    rendered += 1;
  }
  while (keep < active.length) {
    active.pop();
    out.push(closing.pop()!);
  }
  while (rendered < marks.length) {
    const add = marks[rendered++]!;
    const markTemplate = templateOf(add);
    if (markTemplate) {
      out.push(markTemplate.before);
      active.push(add);
      closing.push(markTemplate.after!);
    }
  }
}
