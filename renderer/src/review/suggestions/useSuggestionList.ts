import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { afterQuiet } from '../../ui/afterQuiet.js';
import { pendingSuggestions, type PendingSuggestion } from './pendingSuggestions.js';

const REFRESH_MS = 250;

/** The body's pending suggestions, recomputed a moment after the document changes (never on every keystroke). */
export function useSuggestionList(editor: Editor): PendingSuggestion[] {
  const [list, setList] = useState(() => pendingSuggestions(editor.state.doc));
  useEffect(() => {
    const quiet = afterQuiet(() => setList(pendingSuggestions(editor.state.doc)), REFRESH_MS);
    const refresh = () => quiet.poke();
    editor.on('update', refresh);
    return () => {
      quiet.cancel();
      editor.off('update', refresh);
    };
  }, [editor]);
  return list;
}
