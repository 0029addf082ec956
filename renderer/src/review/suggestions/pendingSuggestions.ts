import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** One pending suggestion in the open body: where it starts and ends, its kind, who and when, and its text. */
export interface PendingSuggestion {
  id: string | number;
  kind: 'insertion' | 'deletion' | 'modification';
  from: number;
  to: number;
  author: string | null;
  at: string | null;
  text: string;
}

/** The body's pending suggestions in document order (one per id and kind). Walked off the keystroke path. */
export function pendingSuggestions(doc: ProseMirrorNode): PendingSuggestion[] {
  const found = new Map<string, PendingSuggestion>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== 'insertion' && kind !== 'deletion' && kind !== 'modification') continue;
      const id = mark.attrs.id as string | number;
      const key = `${kind}:${String(id)}`;
      const entry = found.get(key);
      const text = node.isText ? (node.text ?? '').replace(/\u200b/g, '') : '';
      if (entry) {
        entry.to = pos + node.nodeSize;
        entry.text += text;
      } else {
        found.set(key, { id, kind, from: pos, to: pos + node.nodeSize, author: mark.attrs.author as string | null, at: mark.attrs.at as string | null, text });
      }
    }
    return true;
  });
  return [...found.values()].sort((a, b) => a.from - b.from);
}
