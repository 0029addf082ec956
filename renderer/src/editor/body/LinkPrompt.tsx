import { useId, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.js';
import { FieldHint } from '../../ui/FieldHint.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import { normaliseLinkUrl } from '../../../../shared/normaliseLinkUrl.js';

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
  const inputRef = useRef<HTMLInputElement>(null);
  const modal = useModalDialog({ onCancel, initialFocus: inputRef, selectText: true });
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const [url, setUrl] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

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
    <dialog {...modal} className="dialog link-prompt" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="dialog-title">
          {editing ? 'Edit link' : 'Add link'}
        </h2>
        <Field id={inputId} label="URL">
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
          <FieldHint id={errorId} error={error} />
        </Field>
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
