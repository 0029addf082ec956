import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { FieldHint } from '../../ui/FieldHint.js';
import { formatStoryCount } from '../../ui/formatStoryCount.js';
import { SectionNameInput } from './SectionNameInput.js';

interface SectionRenameRowProps {
  from: string;
  draft: string;
  error: string | null;
  /** How many stories have the section. */
  count: number;
  onDraft: (draft: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A section being renamed: its new name, Save and Cancel, and how many stories the rename changes. */
export function SectionRenameRow({ from, draft, error, count, onDraft, onKeyDown, onConfirm, onCancel }: SectionRenameRowProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const hint = count > 0 ? `Renames it in ${formatStoryCount(count)} too.` : 'No story has this section yet.';
  return (
    <li className="sections-row is-renaming">
      <div className="sections-rename">
        <label className="visually-hidden" htmlFor={id}>
          New name for {from}
        </label>
        <SectionNameInput id={id} inputRef={inputRef} value={draft} invalid={!!error} onChange={onDraft} onKeyDown={onKeyDown} />
        <button type="button" className="button button-small button-primary" onClick={onConfirm}>
          Save name
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FieldHint id={`${id}-note`} error={error} hint={hint} />
    </li>
  );
}
