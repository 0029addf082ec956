import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useMemo } from 'react';
import { shortcut } from '../../ui/shortcut.js';
import { describeSuggestion } from './describeSuggestion.js';
import { pendingSuggestions, type PendingSuggestion } from './pendingSuggestions.js';
import { suggestionAtCursor } from './suggestionAtCursor.js';
import { isSuggesting, SUGGESTING_SHORTCUT } from './suggestingMode.js';
import { SuggestionPopover } from './SuggestionPopover.js';
import { useSuggestionList } from './useSuggestionList.js';

/**
 * Suggesting mode and the review of suggestions, under the body's toolbar: the Suggesting toggle (Mod-Alt-S), the
 * suggestion the cursor is on with Accept and Reject, Previous/Next through the list, and Accept all / Reject all.
 * It also feeds the popover on that suggestion in the body, which shares its list (no second walk, no extra render).
 */
export function SuggestionsBar({ editor }: { editor: Editor }) {
  const suggesting = useEditorState({ editor, selector: ({ editor: e }) => isSuggesting(e) });
  // The suggestion the cursor is in, as "kind:id": changes only when the cursor enters or leaves one (no render per key).
  const at = useEditorState({ editor, selector: ({ editor: e }) => suggestionAtCursor(e.state) });
  const list = useSuggestionList(editor);
  const current = useMemo(() => {
    if (!at) return null;
    const isAt = (suggestion: PendingSuggestion) => `${suggestion.kind}:${String(suggestion.id)}` === at;
    // A suggestion made in the last moment is not in the list yet: read it from the document now (once, on entering it).
    return list.find(isAt) ?? pendingSuggestions(editor.state.doc).find(isAt) ?? null;
  }, [at, list, editor]);
  const keys = shortcut(SUGGESTING_SHORTCUT);

  function go(step: 1 | -1) {
    if (!list.length) return;
    const cursor = editor.state.selection.from;
    const next = step === 1 ? (list.find((s) => s.from > cursor) ?? list[0]!) : ([...list].reverse().find((s) => s.to < cursor) ?? list[list.length - 1]!);
    editor.chain().focus().setTextSelection({ from: next.from, to: next.to }).scrollIntoView().run();
  }

  return (
    <div className="suggestions-bar" role="group" aria-label="Suggested edits">
      <button
        type="button"
        className={suggesting ? 'suggesting-toggle is-on' : 'suggesting-toggle'}
        aria-pressed={suggesting}
        aria-keyshortcuts={keys.aria}
        title={`Suggesting: your edits become suggestions the writer accepts or rejects (${keys.label})`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.chain().focus().toggleSuggesting().run()}
      >
        {suggesting ? 'Suggesting: on' : 'Suggesting'}
      </button>
      {list.length > 0 && (
        <>
          <span className="suggestions-count" aria-live="polite">
            {list.length === 1 ? '1 suggestion' : `${list.length} suggestions`}
          </span>
          <button type="button" className="suggestions-button" onClick={() => go(-1)}>
            Previous
          </button>
          <button type="button" className="suggestions-button" onClick={() => go(1)}>
            Next
          </button>
          <button type="button" className="suggestions-button" onClick={() => editor.chain().focus().acceptAllSuggestions().run()}>
            Accept all
          </button>
          <button type="button" className="suggestions-button" onClick={() => editor.chain().focus().rejectAllSuggestions().run()}>
            Reject all
          </button>
        </>
      )}
      {current && (
        <div className="suggestion-current" role="group" aria-label="This suggestion">
          <span className="suggestion-description">{describeSuggestion(current)}</span>
          <button type="button" className="suggestions-button" onClick={() => editor.chain().focus().acceptSuggestion(current.id).run()}>
            Accept
          </button>
          <button type="button" className="suggestions-button" onClick={() => editor.chain().focus().rejectSuggestion(current.id).run()}>
            Reject
          </button>
        </div>
      )}
      <SuggestionPopover editor={editor} current={current} />
    </div>
  );
}
