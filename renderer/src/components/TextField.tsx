import { useId, type KeyboardEvent, type Ref } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  rows?: number;
  className?: string;
  placeholder?: string;
  hint?: string | null;
  hintTone?: 'info' | 'warning';
  list?: string;
  /** On unless turned off, e.g. for a slug. */
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/** A labelled one-line input or textarea, with an optional hint tied to it by aria-describedby. */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  multiline = false,
  rows = 2,
  className,
  placeholder,
  hint,
  hintTone = 'info',
  list,
  spellCheck = true,
  inputRef,
  onKeyDown,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    onKeyDown,
    spellCheck,
    'aria-describedby': hint ? hintId : undefined,
    'aria-invalid': hint && hintTone === 'warning' ? true : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} ref={inputRef} rows={rows} className="field-control" />
      ) : (
        <input {...common} ref={inputRef} type="text" list={list} autoComplete="off" className="field-control" />
      )}
      {hint && (
        <p id={hintId} className={`field-hint field-hint-${hintTone}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
