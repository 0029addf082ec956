import type { ReactNode } from 'react';
import { ActionIcon } from '../../ui/ActionIcon.js';
import { formatStoryCount } from '../../ui/formatStoryCount.js';

interface SectionRowProps {
  name: string;
  /** Its place in the list (0-based). */
  index: number;
  /** How many sections the list has. */
  count: number;
  storyCount: number;
  onMove: (by: -1 | 1) => void;
  onRename: () => void;
  onRemove: () => void;
}

/** A section in the list: its place, name and story count, and the buttons to move, rename and remove it. */
export function SectionRow({ name, index, count, storyCount, onMove, onRename, onRemove }: SectionRowProps) {
  return (
    <li className="sections-row">
      <span className="sections-position" aria-hidden="true">
        {index + 1}
      </span>
      <span className="sections-name">{name}</span>
      <span className="sections-count">{formatStoryCount(storyCount)}</span>
      <span className="sections-actions">
        <RowButton kind="button-quiet button-icon" label={`Move ${name} up`} title="Move up" focusKey={`up:${name}`} disabled={index === 0} onClick={() => onMove(-1)}>
          <ActionIcon name="up" />
        </RowButton>
        <RowButton kind="button-quiet button-icon" label={`Move ${name} down`} title="Move down" focusKey={`down:${name}`} disabled={index === count - 1} onClick={() => onMove(1)}>
          <ActionIcon name="down" />
        </RowButton>
        <RowButton kind="button-quiet" label={`Rename ${name}`} focusKey={`rename:${name}`} onClick={onRename}>
          Rename
        </RowButton>
        <RowButton kind="button-danger-quiet" label={`Remove ${name}`} focusKey={`remove:${name}`} onClick={onRemove}>
          Remove
        </RowButton>
      </span>
    </li>
  );
}

interface RowButtonProps {
  /** The button's classes after "button button-small". */
  kind: string;
  label: string;
  title?: string;
  /** How the dialog finds it again to give it the focus after the list changes. */
  focusKey: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function RowButton({ kind, label, title, focusKey, disabled, onClick, children }: RowButtonProps) {
  return (
    <button type="button" className={`button button-small ${kind}`} aria-label={label} title={title} data-focus-key={focusKey} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
