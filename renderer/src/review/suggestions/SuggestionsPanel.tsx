import type { Editor } from '@tiptap/react';
import { useId } from 'react';
import { shortcut } from '../../ui/shortcut.js';
import { suggestionByline, suggestionChange } from './describeSuggestion.js';
import type { PendingSuggestion } from './pendingSuggestions.js';
import { SUGGESTING_SHORTCUT } from './suggestingMode.js';
import { useSuggestionList } from './useSuggestionList.js';

/**
 * The side list of the body's pending suggestions, in document order: what each changes, who and when; a click on one
 * selects its text in the body, and each has its own Accept and Reject. Follows the text a moment after edits, like
 * the bar above the body (which has Previous/Next and Accept all / Reject all).
 */
export function SuggestionsPanel({ editor }: { editor: Editor }) {
  const headingId = useId();
  const list = useSuggestionList(editor);
  const keys = shortcut(SUGGESTING_SHORTCUT);

  const select = (suggestion: PendingSuggestion) => editor.chain().focus().setTextSelection({ from: suggestion.from, to: suggestion.to }).scrollIntoView().run();

  return (
    <section className="panel suggestions-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Suggestions{list.length > 0 ? ` (${list.length})` : ''}
      </h2>
      {list.length === 0 ? (
        <p className="field-hint">No suggested edits in the body. Turn on Suggesting ({keys.label}) to suggest changes instead of making them.</p>
      ) : (
        <ul className="suggestion-list" aria-label="Pending suggestions">
          {list.map((suggestion) => {
            const change = suggestionChange(suggestion);
            const byline = suggestionByline(suggestion);
            return (
              <li key={`${suggestion.kind}:${String(suggestion.id)}`} className={`suggestion-item suggestion-item--${suggestion.kind}`}>
                <button type="button" className="suggestion-item-change link-button" title="Select this text in the body" onClick={() => select(suggestion)}>
                  {change}
                </button>
                {byline && <p className="suggestion-item-byline">{byline}</p>}
                <div className="suggestion-item-actions">
                  <button type="button" className="suggestions-button" aria-label={`Accept: ${change}`} onClick={() => editor.chain().focus().acceptSuggestion(suggestion.id).run()}>
                    Accept
                  </button>
                  <button type="button" className="suggestions-button" aria-label={`Reject: ${change}`} onClick={() => editor.chain().focus().rejectSuggestion(suggestion.id).run()}>
                    Reject
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
