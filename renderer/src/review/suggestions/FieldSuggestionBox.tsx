import { useId, useMemo, useState } from 'react';
import { diffWords } from '../../../../shared/diff/diffWords.js';
import type { FieldSuggestion, FieldSuggestions, SuggestableField } from '../../../../shared/story.js';
import { STORY_TEXT_MAX } from '../../../../shared/story.js';
import { useSettingsStore } from '../../settings/index.js';
import { acceptFieldSuggestion, rejectFieldSuggestion, suggestFieldEdit, type FieldSuggestionPatch } from './fieldSuggestionEdits.js';

interface FieldSuggestionBoxProps {
  field: SuggestableField;
  /** The field's name as its label shows it. */
  label: string;
  value: string;
  suggestions: FieldSuggestions;
  /** Suggesting mode is on: the field itself takes suggestions, so there is no separate "Suggest a …" box. */
  suggesting: boolean;
  onChange: (patch: FieldSuggestionPatch) => void;
}

function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A changed run's text without the white space at its ends, which is shown unmarked: "close but clear", not "close_but clear". */
function Changed({ kind, text }: { kind: 'added' | 'removed'; text: string }) {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  const Tag = kind === 'added' ? 'ins' : 'del';
  const marked = core || text;
  return (
    <>
      {core ? before : ''}
      <Tag className={`cd-suggestion cd-suggestion--${kind === 'added' ? 'insertion' : 'deletion'}`}>{marked}</Tag>
      {core ? after : ''}
    </>
  );
}

/** The stored text with the suggestion's changes marked word by word: removed words struck, added ones underlined. */
function SuggestionDiff({ value, pending }: { value: string; pending: FieldSuggestion }) {
  const parts = useMemo(() => diffWords(value, pending.proposed).parts, [value, pending.proposed]);
  return (
    // Screen readers get the sentence after it instead: "was … / suggested …" reads better than interleaved words.
    <p className="field-suggestion-diff" aria-hidden="true">
      {parts.map((part, index) => (part.kind === 'same' ? <span key={index}>{part.text}</span> : <Changed key={index} kind={part.kind} text={part.text} />))}
      {pending.proposed === '' && <span className="field-suggestion-empty"> (left empty)</span>}
    </p>
  );
}

/**
 * A suggested change of a text field (headline, dek, byline): the field keeps its text; the suggestion shows under it
 * as a word diff, with who and when, until the writer accepts it (the field takes the suggested text) or rejects it.
 * Without one, and outside Suggesting mode, "Suggest a …" opens a box to write one.
 */
export function FieldSuggestionBox({ field, label, value, suggestions, suggesting, onChange }: FieldSuggestionBoxProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // The last Accept or Reject here, undoable while the field still holds what it left (no edit since).
  const [decided, setDecided] = useState<{ verb: 'Accepted' | 'Rejected'; suggestion: FieldSuggestion; before: string; after: string } | null>(null);
  const inputId = useId();
  const pending = suggestions[field];
  const name = label.toLowerCase();

  const decide = (verb: 'Accepted' | 'Rejected', suggestion: FieldSuggestion) => {
    setDecided({ verb, suggestion, before: value, after: verb === 'Accepted' ? suggestion.proposed : value });
    onChange(verb === 'Accepted' ? acceptFieldSuggestion(suggestions, field) : rejectFieldSuggestion(suggestions, field));
  };

  if (pending) {
    const at = pending.at ? when(pending.at) : '';
    return (
      <div className="field-suggestion is-pending" role="group" aria-label={`Suggested ${name}`}>
        <p className="field-suggestion-who">
          <span className="field-suggestion-author">
            <strong>{pending.author || 'Someone'}</strong> suggests
          </span>{' '}
          {at && <span className="field-suggestion-when">{at}</span>}
        </p>
        <SuggestionDiff value={value} pending={pending} />
        <p className="visually-hidden">
          Was “{value}”; suggested “{pending.proposed}”.
        </p>
        <div className="field-suggestion-actions">
          <button type="button" className="suggestions-button is-accept" onClick={() => decide('Accepted', pending)}>
            Accept {name}
          </button>
          <button type="button" className="suggestions-button" onClick={() => decide('Rejected', pending)}>
            Reject {name}
          </button>
        </div>
      </div>
    );
  }
  if (decided && decided.after === value && draft === null) {
    const undo = () => {
      setDecided(null);
      onChange({ [field]: decided.before, fieldSuggestions: { ...suggestions, [field]: decided.suggestion } });
    };
    return (
      <div className="field-suggestion-decided">
        <p role="status">
          {decided.verb} the suggested {name}.{' '}
          <button type="button" className="suggestions-button" aria-label={`Undo ${decided.verb === 'Accepted' ? 'accepting' : 'rejecting'} the suggested ${name}`} autoFocus onClick={undo}>
            Undo
          </button>
        </p>
        {!suggesting && (
          <button type="button" className="suggestions-button field-suggest-open" onClick={() => setDraft(value)}>
            Suggest a {name}
          </button>
        )}
      </div>
    );
  }
  if (suggesting) return null;
  if (draft === null) {
    return (
      <button type="button" className="suggestions-button field-suggest-open" onClick={() => setDraft(value)}>
        Suggest a {name}
      </button>
    );
  }
  const submit = () => {
    const proposed = draft.replace(/\s*[\r\n]+\s*/g, ' ');
    setDraft(null);
    if (proposed === value) return;
    onChange(suggestFieldEdit(suggestions, field, value, proposed, { author: useSettingsStore.getState().userName, at: new Date().toISOString() }));
  };
  return (
    <div className="field-suggestion" role="group" aria-label={`Suggest a ${name}`}>
      <label className="field-label" htmlFor={inputId}>
        Suggested {name}
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
