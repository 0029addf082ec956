import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { pendingSuggestions, type PendingSuggestion } from './pendingSuggestions.js';

const REFRESH_MS = 250;

/** The body's pending suggestions, recomputed a moment after the document changes (never on every keystroke). */
export function useSuggestionList(editor: Editor): PendingSuggestion[] {
  const [list, setList] = useState(() => pendingSuggestions(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setList(pendingSuggestions(editor.state.doc)), REFRESH_MS);
    };
    editor.on('update', refresh);
    return () => {
      clearTimeout(timer);
      editor.off('update', refresh);
    };
  }, [editor]);
  return list;
}
