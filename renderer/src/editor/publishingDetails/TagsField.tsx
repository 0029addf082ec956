import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;

interface TagsFieldProps {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
}

/**
 * The story's tags as tokens: a comma or Enter turns what was typed into a tag (pasting "a, b, c" adds three),
 * Backspace in the empty input removes the last one, and each tag has its own remove button.
 */
export function TagsField({ tags, onChange }: TagsFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  /** Adds the comma-separated tags in `text`; returns false (and says why) if they cannot all be added. */
  function add(text: string): boolean {
    const next = [...tags];
    for (const tag of text.split(',').map((part) => part.trim().replace(/\s+/g, ' '))) {
      if (!tag || next.includes(tag)) continue;
      if (tag.length > MAX_TAG_LENGTH) {
        setProblem(`A tag is at most ${MAX_TAG_LENGTH} characters.`);
        return false;
      }
      if (next.length >= MAX_TAGS) {
        setProblem(`A story has at most ${MAX_TAGS} tags.`);
        return false;
      }
      next.push(tag);
    }
    setProblem(null);
    if (next.length !== tags.length) onChange(next);
    return true;
  }

  function onInput(event: ChangeEvent<HTMLInputElement>) {
    const value = event.target.value;
    const comma = value.lastIndexOf(',');
    if (comma === -1) {
      setDraft(value);
      setProblem(null);
      return;
    }
    setDraft(add(value.slice(0, comma)) ? value.slice(comma + 1).trimStart() : value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (add(draft)) setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      setDraft(tags[tags.length - 1]!);
      onChange(tags.slice(0, -1));
    }
  }

  function remove(tag: string) {
    onChange(tags.filter((existing) => existing !== tag));
    setProblem(null);
    inputRef.current?.focus();
  }

  return (
    <div className="field field-tags">
      <label className="field-label" htmlFor={id}>
        Tags
      </label>
      <div className="token-input" onClick={(event) => event.target === event.currentTarget && inputRef.current?.focus()}>
        {tags.length > 0 && (
          <ul className="token-list" aria-label="Story tags">
            {tags.map((tag) => (
              <li key={tag} className="token">
                <span className="token-text">{tag}</span>
                <button type="button" className="token-remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                  <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
                    <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="token-draft"
          value={draft}
          placeholder={tags.length ? 'Add a tag' : 'e.g. Japan, diplomacy'}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={problem ? true : undefined}
          onChange={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft) && setDraft('')}
        />
      </div>
      <p id={hintId} className={problem ? 'field-hint field-hint-warning' : 'field-hint'}>
        {problem ?? 'Separate tags with commas or Enter.'}
      </p>
    </div>
  );
}
