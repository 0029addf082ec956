import type { LibraryMenuCommand, MenuCommand } from '../../../shared/contract.js';
import { MENU_SHORTCUTS, shortcutOwner } from '../../../shared/menuShortcuts.js';
import { flushOpenStory, historyOpened, useOpenStoryStore } from '../editor/index.js';
import {
  duplicateOpenStory,
  newStory,
  openLibraryFromDialog,
  sectionsDialogOpened,
  trashHidden,
  trashOpenStory,
  trashToggled,
} from '../library/index.js';
import { exportOpenStory, exportStoriesInBatch, togglePreview } from '../publishing/index.js';
import { settingsOpened } from '../settings/index.js';
import { matchesShortcut, shortcut, type Shortcut } from '../ui/shortcut.js';
import { toggleStoryList } from './storyListShown.js';

/** The menu commands this window acts on: the File menu's and the library and review menus'. */
export type Command = MenuCommand | LibraryMenuCommand;

const session = () => useOpenStoryStore.getState().session;

function focusSearch(): void {
  trashHidden();
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus());
}

/** What each command does, whether it comes from the menu, a shortcut or a button. */
export const COMMANDS: Partial<Record<Command, () => void>> = {
  'new-story': () => void newStory(),
  'export-html': () => void exportOpenStory(),
  'save-now': () => void flushOpenStory(),
  preview: togglePreview,
  'export-all': () => void exportStoriesInBatch('all'),
  settings: settingsOpened,
  sections: sectionsDialogOpened,
  'open-library': () => void openLibraryFromDialog(),
  'find-in-list': focusSearch,
  'show-trash': trashToggled,
  'toggle-story-list': toggleStoryList,
  duplicate: () => void duplicateOpenStory(),
  trash: () => void trashOpenStory(),
  history: historyOpened,
  notes: () => session()?.focusNotes(),
  'status-draft': () => session()?.setStatus('draft'),
  'status-editing': () => session()?.setStatus('editing'),
  'status-ready': () => session()?.setStatus('ready'),
  'status-published': () => session()?.setStatus('published'),
  'status-spiked': () => session()?.setStatus('spiked'),
};

const KEYED_COMMANDS = ['new-story', 'save-now', 'export-html', 'preview', 'settings', 'open-library', 'toggle-story-list'] as const satisfies readonly Command[];

/** A command's shortcut (shared/menuShortcuts.ts), for titles and aria-keyshortcuts. */
export const keysOf = (command: (typeof KEYED_COMMANDS)[number]): Shortcut => shortcut(MENU_SHORTCUTS[command] ?? '');

/** The Electron shell serves the window from its own protocol, and always installs a native menu with the shortcuts. */
const shell = { nativeMenu: typeof location !== 'undefined' && location.protocol === 'copydesk-app:' };

/** The command a keydown asks for, when the window handles that key (shortcutOwner: not where a native menu does). */
export function commandForKey(event: KeyboardEvent): Command | null {
  return KEYED_COMMANDS.find((command) => shortcutOwner(command, shell) === 'window' && matchesShortcut(event, MENU_SHORTCUTS[command] ?? '')) ?? null;
}
