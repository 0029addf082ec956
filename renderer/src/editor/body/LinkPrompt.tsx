import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { normaliseLinkUrl } from './normaliseLinkUrl.js';

interface LinkPromptProps {
  initialHref: string;
  /** The selection is already inside a link: offer to remove it. */
  editing: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** A modal dialog to add, change or remove a link. Enter applies, Escape cancels. */
export function LinkPrompt({ initialHref, editing, onApply, onRemove, onCancel }: LinkPromptProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const [url, setUrl] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
    return () => dialog.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = normaliseLinkUrl(url);
    if (!result.ok) {
      setError(result.error);
      inputRef.current?.focus();
      return;
    }
    onApply(result.href);
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog link-prompt"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog-title">
          {editing ? 'Edit link' : 'Add link'}
        </h2>
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            URL
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            inputMode="url"
            className="field-control"
            value={url}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={errorId} className="field-hint field-hint-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          {editing && (
            <button type="button" className="button button-danger-quiet dialog-remove" onClick={onRemove}>
              Remove
            </button>
          )}
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Apply
          </button>
        </div>
      </form>
    </dialog>
  );
}
