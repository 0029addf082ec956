import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  /**
   * A one-line value shown on as many lines as it needs (a headline, a byline): it grows with its text, and neither
   * Enter nor a pasted line break makes a new line.
   */
  wraps?: boolean;
  rows?: number;
  className?: string;
  placeholder?: string;
  hint?: string | null;
  hintTone?: 'info' | 'warning';
  /** A length the text should keep to (the library's headline or dek limit): a counter shows "64 / 70". */
  limit?: number;
  list?: string;
  /** On unless turned off, e.g. for a slug. */
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /** Shown under the control (a suggested change of the field). */
  below?: ReactNode;
}

/** A labelled one-line input or textarea, with an optional hint tied to it by aria-describedby. */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  multiline = false,
  wraps = false,
  rows = 2,
  className,
  placeholder,
  hint,
  hintTone = 'info',
  list,
  limit,
  spellCheck = true,
  inputRef,
  onKeyDown,
  below,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const length = limit === undefined ? 0 : [...value].length;
  const over = limit !== undefined && length > limit;
  const describedBy = [limit !== undefined ? counterId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    onKeyDown: wraps ? (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onKeyDown?.(event);
      // Enter that confirms an IME composition (Japanese, Chinese, Korean input) is not a new line either way.
      if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
    } : onKeyDown,
    spellCheck,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': hint && hintTone === 'warning' ? true : undefined,
    onChange: (event: { target: { value: string } }) => onChange(wraps ? event.target.value.replace(/\s*[\r\n]+\s*/g, ' ') : event.target.value),
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {limit === undefined ? (
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
      ) : (
        <div className="field-label-row">
          <label className="field-label" htmlFor={id}>
            {label}
          </label>
          <span
            id={counterId}
            className={over ? 'field-counter is-over' : 'field-counter'}
            data-testid={`${label.toLowerCase()}-counter`}
            title={over ? `${length - limit} characters over this library’s limit of ${limit}` : `This library’s limit is ${limit} characters`}
          >
            {length} / {limit}
            {over && <span className="visually-hidden"> characters, over the limit</span>}
          </span>
        </div>
      )}
      {wraps ? (
        <textarea {...common} ref={inputRef} rows={1} className="field-control is-one-line" />
      ) : multiline ? (
        <textarea {...common} ref={inputRef} rows={rows} className="field-control" />
      ) : (
        <input {...common} ref={inputRef} type="text" list={list} autoComplete="off" className="field-control" />
      )}
      {hint && (
        <p id={hintId} className={`field-hint field-hint-${hintTone}`}>
          {hint}
        </p>
      )}
      {below}
    </div>
  );
}
