const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

export interface Shortcut {
  /** Shown to people: "Ctrl+Shift+E" or "⌘⇧E". */
  label: string;
  /** For aria-keyshortcuts: "Control+Shift+E" or "Meta+Shift+E". */
  aria: string;
}

/** A shortcut written ProseMirror-style ("Mod-Shift-e") for display and for aria-keyshortcuts. */
export function shortcut(keys: string): Shortcut {
  const parts = keys.split('-').map((part) => (part.length === 1 ? part.toUpperCase() : part));
  const key = parts.pop() ?? '';
  const mac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
  const other: Record<string, string> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' };
  const aria: Record<string, string> = { Mod: isMac ? 'Meta' : 'Control', Shift: 'Shift', Alt: 'Alt' };
  return {
    label: isMac ? parts.map((p) => mac[p] ?? p).join('') + key : [...parts.map((p) => other[p] ?? p), key].join('+'),
    aria: [...parts.map((p) => aria[p] ?? p), key].join('+'),
  };
}

/** True when the platform's command modifier (Cmd on macOS, Ctrl elsewhere) is held. */
export function hasModifier(event: { metaKey: boolean; ctrlKey: boolean }): boolean {
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** True when a keydown is the shortcut `keys` ("Mod-Shift-p", "Mod-,"): the same modifiers, no others, and the key. */
export function matchesShortcut(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('-');
  const key = parts.pop()!.toLowerCase();
  if (parts.includes('Mod') ? !hasModifier(event) : event.metaKey || event.ctrlKey) return false;
  if (parts.includes('Shift') !== event.shiftKey || parts.includes('Alt') !== event.altKey) return false;
  if (event.key.toLowerCase() === key) return true;
  // Layouts where Shift or Alt changes the character: compare the physical key too.
  if (/^[a-z]$/.test(key)) return event.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return key === ',' && event.code === 'Comma';
}
