import { useId, useState } from 'react';
import type { FieldSuggestions, SuggestableField } from '../../../../shared/story.js';
import { STORY_TEXT_MAX } from '../../../../shared/story.js';
import { useSettingsStore } from '../../settings/index.js';

interface FieldSuggestionBoxProps {
  field: SuggestableField;
  /** The field's name as its label shows it. */
  label: string;
  value: string;
  suggestions: FieldSuggestions;
  onChange: (patch: { fieldSuggestions: FieldSuggestions } & Partial<Record<SuggestableField, string>>) => void;
}

function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A suggested change of a text field (headline, dek): the field keeps its text; the suggestion shows under it, with
 * who and when, until the writer accepts it (the field takes the suggested text) or rejects it. Without one, "Suggest
 * a change" opens a box to write one.
 */
export function FieldSuggestionBox({ field, label, value, suggestions, onChange }: FieldSuggestionBoxProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const pending = suggestions[field];
  const without = () => {
    const rest = { ...suggestions };
    delete rest[field];
    return rest;
  };

  if (pending) {
    return (
      <div className="field-suggestion" role="group" aria-label={`Suggested ${label.toLowerCase()}`}>
        <p className="field-suggestion-text">
          <span className="field-suggestion-who">
            {pending.author || 'Someone'} suggests{pending.at ? ` (${when(pending.at)})` : ''}:
          </span>{' '}
          <ins className="cd-suggestion cd-suggestion--insertion">{pending.proposed}</ins>
        </p>
        <button type="button" className="suggestions-button" onClick={() => onChange({ [field]: pending.proposed, fieldSuggestions: without() })}>
          Accept {label.toLowerCase()}
        </button>
        <button type="button" className="suggestions-button" onClick={() => onChange({ fieldSuggestions: without() })}>
          Reject {label.toLowerCase()}
        </button>
      </div>
    );
  }
  if (draft === null) {
    return (
      <button type="button" className="suggestions-button field-suggest-open" onClick={() => setDraft(value)}>
        Suggest a {label.toLowerCase()}
      </button>
    );
  }
  const submit = () => {
    const proposed = draft.replace(/\s*[\r\n]+\s*/g, ' ');
    setDraft(null);
    if (proposed === value) return;
    const author = useSettingsStore.getState().userName;
    onChange({ fieldSuggestions: { ...suggestions, [field]: { proposed, author, at: new Date().toISOString() } } });
  };
  return (
    <div className="field-suggestion" role="group" aria-label={`Suggest a ${label.toLowerCase()}`}>
      <label className="field-label" htmlFor={inputId}>
        Suggested {label.toLowerCase()}
      </label>
      <input
        id={inputId}
        className="field-control"
        type="text"
        value={draft}
        maxLength={STORY_TEXT_MAX[field]}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      <button type="button" className="suggestions-button" onClick={submit}>
        Suggest
      </button>
      <button type="button" className="suggestions-button" onClick={() => setDraft(null)}>
        Cancel
      </button>
    </div>
  );
}
