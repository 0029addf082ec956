import type { LibraryMenuCommand, MenuCommand } from './contract.js';

/**
 * The keyboard shortcut of each menu command, written ProseMirror-style (Mod = Cmd on macOS, Ctrl elsewhere). The
 * native menu is built from this table; the renderer binds the same keys where there is no native menu.
 * Find in List is Mod-Shift-f so Mod-f stays free for finding text in the story being edited. Move to Trash has no
 * shortcut: every candidate (Mod-Backspace, Delete) also edits text.
 */
export const MENU_SHORTCUTS: Partial<Record<MenuCommand | LibraryMenuCommand, string>> = {
  'new-story': 'Mod-n',
  'open-library': 'Mod-o',
  'save-now': 'Mod-s',
  'export-html': 'Mod-Shift-e',
  settings: 'Mod-,',
  preview: 'Mod-Shift-p',
  'find-in-list': 'Mod-Shift-f',
  'toggle-story-list': 'Mod-Shift-l',
  duplicate: 'Mod-d',
  history: 'Mod-Shift-h',
};

/**
 * Who handles a menu command's shortcut, so each command fires exactly once on every platform. Where there is a native
 * menu (the Electron app, which installs one on macOS, Windows and Linux alike), its accelerator does, and the window's
 * keydown handler leaves the key alone (it neither acts nor calls preventDefault, so the accelerator gets it). Without
 * one (the renderer in a plain browser, as the e2e harness runs it), the window does. Never both: a Preview toggle that
 * fired twice would cancel itself.
 */
export function shortcutOwner(command: MenuCommand | LibraryMenuCommand, shell: { nativeMenu: boolean }): 'menu' | 'window' | null {
  if (!MENU_SHORTCUTS[command]) return null;
  return shell.nativeMenu ? 'menu' : 'window';
}
