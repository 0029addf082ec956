import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RecentLibrary } from '../../../shared/preferences.js';
import { call, errorMessage } from '../api.js';
import type { Shortcut } from '../ui/shortcut.js';
import { ActionIcon } from '../ui/ActionIcon.js';

interface LibraryMenuProps {
  /** The library open now. */
  name: string;
  disabled: boolean;
  openShortcut: Shortcut;
  /** Switches to a recent library (App saves the open story first). */
  onOpenRecent: (library: RecentLibrary) => void;
  onOpenLibrary: () => void;
  onManageSections: () => void;
}

/**
 * The open library's name in the top bar, as a menu button: the recent libraries, Open Library… and the library's
 * sections. A menu in the WAI-ARIA sense: arrows, Home and End move, Escape closes and returns to the button.
 */
export function LibraryMenu({ name, disabled, openShortcut, onOpenRecent, onOpenLibrary, onManageSections }: LibraryMenuProps) {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentLibrary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const recentLabelId = useId();
  // Which item takes the focus when the menu opens: the first (Enter, Down) or the last (Up).
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];

  function show(focus: 'first' | 'last') {
    focusOnOpen.current = focus;
    setOpen(true);
    setRecent(null);
    setLoadError(null);
    call('getPreferences').then(
      (preferences) => setRecent(preferences.recentLibraries),
      (error: unknown) => setLoadError(`The recent libraries could not be read: ${errorMessage(error)}`),
    );
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  // Focus follows the menu's items as they appear (the recent list arrives after the menu opens).
  useEffect(() => {
    if (!open) return;
    if (recent === null && loadError === null) {
      menuRef.current?.focus();
      return;
    }
    if (menuRef.current?.contains(document.activeElement) && document.activeElement !== menuRef.current) return;
    const list = items();
    (focusOnOpen.current === 'first' ? list[0] : list[list.length - 1])?.focus();
  }, [open, recent, loadError]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => list[(index + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at < 0 ? list.length - 1 : at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  function choose(action: () => void) {
    close(true);
    action();
  }

  const others = recent?.slice(1) ?? [];

  return (
    <div ref={rootRef} className="library-menu">
      <button
        ref={buttonRef}
        type="button"
        className="library-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Library: recent libraries, open another, sections"
        disabled={disabled}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <span className="visually-hidden">Library: </span>
        <span className="library-button-name">{name}</span>
        <ActionIcon name="chevron-down" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="library-popover"
          role="menu"
          aria-label="Library"
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          onPointerMove={(event) => {
            // The pointer moves the focus, so one item is highlighted, as in a native menu.
            const item = (event.target as HTMLElement).closest<HTMLElement>('[role="menuitem"]');
            if (item && item !== document.activeElement) item.focus();
          }}
        >
          <div className="library-popover-current" role="presentation">
            <span className="library-popover-label">Open now</span>
            <span className="library-popover-current-name">{name}</span>
          </div>
          <div role="group" aria-labelledby={recentLabelId}>
            <div id={recentLabelId} className="library-popover-label" role="presentation">
              Recent libraries
            </div>
            {recent === null && !loadError && (
              <div className="library-popover-note" role="presentation">
                Loading…
              </div>
            )}
            {loadError && (
              <div className="library-popover-note library-popover-error" role="alert">
                {loadError}
              </div>
            )}
            {recent !== null && others.length === 0 && (
              <div className="library-popover-note" role="presentation">
                No other library opened yet.
              </div>
            )}
            {others.map((library) => (
              <button
                key={library.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="library-popover-item"
                onClick={() => choose(() => onOpenRecent(library))}
              >
                <ActionIcon name="folder" />
                <span className="library-popover-item-name">{library.name}</span>
              </button>
            ))}
          </div>
          <div className="library-popover-separator" role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="library-popover-item"
            aria-keyshortcuts={openShortcut.aria}
            onClick={() => choose(onOpenLibrary)}
          >
            <span className="library-popover-item-name">Open Library…</span>
            <kbd className="library-popover-shortcut">{openShortcut.label}</kbd>
          </button>
          <button type="button" role="menuitem" tabIndex={-1} className="library-popover-item" onClick={() => choose(onManageSections)}>
            <span className="library-popover-item-name">Sections…</span>
          </button>
        </div>
      )}
    </div>
  );
}
