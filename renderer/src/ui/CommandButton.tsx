import type { ReactNode } from 'react';
import { ActionIcon, type ActionIconName } from './ActionIcon.js';
import type { Shortcut } from './shortcut.js';

interface CommandButtonProps {
  /** What it does, shown on hover; its shortcut is added in brackets. */
  title: string;
  shortcut?: Shortcut;
  icon?: ActionIconName;
  className?: string;
  /** For a toggle (Preview): aria-pressed, and the active look. */
  pressed?: boolean;
  /** The id of what it shows or hides (aria-controls). */
  controls?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A button for a window command: its visible label, an optional icon, and its shortcut in the title and for assistive tech. */
export function CommandButton({ title, shortcut, icon, className = 'button', pressed, controls, disabled, onClick, children }: CommandButtonProps) {
  return (
    <button
      type="button"
      className={pressed ? `${className} is-active` : className}
      title={shortcut ? `${title} (${shortcut.label})` : title}
      aria-keyshortcuts={shortcut?.aria}
      aria-pressed={pressed}
      aria-controls={controls}
      disabled={disabled}
      onClick={onClick}
    >
      {icon && <ActionIcon name={icon} />}
      {children}
    </button>
  );
}
