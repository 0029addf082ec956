import { useId, useState, type FormEvent, type RefObject } from 'react';
import { FieldHint } from '../../ui/FieldHint.js';
import { checkSectionName } from './checkSectionName.js';
import { SectionNameInput } from './SectionNameInput.js';

interface NewSectionFormProps {
  sections: readonly string[];
  inputRef: RefObject<HTMLInputElement | null>;
  /** Adds the name at the end of the list; resolves to true, or why it was not added (false: shown above the list). */
  onAdd: (name: string) => Promise<true | string | false>;
}

/** The field that adds a section at the end of the list, with why a name cannot be added. */
export function NewSectionForm({ sections, inputRef, onAdd }: NewSectionFormProps) {
  const id = useId();
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = checkSectionName(newName, sections);
    if (!checked.ok) {
      setError(checked.message);
      inputRef.current?.focus();
      return;
    }
    // The field is free for the next name at once; if this one cannot be added after all, it comes back with the reason.
    setNewName('');
    setError(null);
    const added = await onAdd(checked.name);
    if (added !== true) {
      setNewName((typed) => typed || checked.name);
      if (added) {
        setError(added);
        inputRef.current?.focus();
      }
    }
  }

  return (
    <form className="sections-add" onSubmit={(event) => void add(event)} noValidate>
      <label className="field-label" htmlFor={id}>
        New section
      </label>
      <div className="sections-add-row">
        <SectionNameInput
          id={id}
          inputRef={inputRef}
          value={newName}
          placeholder="e.g. Tokyo Report"
          invalid={!!error}
          onChange={(value) => {
            setNewName(value);
            setError(null);
          }}
        />
        <button type="submit" className="button">
          Add section
        </button>
      </div>
      <FieldHint id={`${id}-note`} error={error} hint="Added at the end of the list; move it up where it belongs." />
    </form>
  );
}
