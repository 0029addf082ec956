import type { KeyboardEvent, Ref } from 'react';

interface SectionNameInputProps {
  id: string;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  placeholder?: string;
  invalid: boolean;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** A section name being typed (a new one or a new name), described by the note with the id `${id}-note`. */
export function SectionNameInput({ id, inputRef, value, placeholder, invalid, onChange, onKeyDown }: SectionNameInputProps) {
  return (
    <input
      id={id}
      ref={inputRef}
      type="text"
      className="field-control"
      value={value}
      maxLength={200}
      autoComplete="off"
      placeholder={placeholder}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={`${id}-note`}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
