import type { MenuItemConstructorOptions } from 'electron';
import type { LibraryMenuCommand, MenuCommand } from '../shared/contract.js';
import { MENU_SHORTCUTS } from '../shared/menuShortcuts.js';
import type { RecentLibrary } from '../shared/preferences.js';
import { STATUS_LABELS, STORY_STATUSES } from '../shared/story.js';

export interface MenuOptions {
  isMac: boolean;
  /** Unpackaged builds get Reload and Toggle Developer Tools. */
  isPackaged: boolean;
  /** Newest first; the first is the library open now. */
  recentLibraries?: readonly RecentLibrary[];
  sendCommand(command: MenuCommand | LibraryMenuCommand): void;
  openRecentLibrary?(id: string): void;
}

/** "Mod-Shift-p" → "CmdOrCtrl+Shift+P". */
export function toAccelerator(keys: string): string {
  return keys
    .split('-')
    .map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** The application menu as data; menu.ts installs it. */
export function menuTemplate({ isMac, isPackaged, recentLibraries = [], sendCommand, openRecentLibrary }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand | LibraryMenuCommand): MenuItemConstructorOptions => {
    const keys = MENU_SHORTCUTS[name];
    return { label, ...(keys ? { accelerator: toAccelerator(keys) } : {}), click: () => sendCommand(name) };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developerItems: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }, separator];
  const settings = command('Settings…', 'settings');

  const recent: MenuItemConstructorOptions[] = recentLibraries.length
    ? recentLibraries.map((library) => ({ label: library.name, click: () => openRecentLibrary?.(library.id) }))
    : [{ label: 'No Recent Libraries', enabled: false }];

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Copydesk',
          submenu: [
            { role: 'about', label: 'About Copydesk' },
            separator,
            settings,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        command('New Story', 'new-story'),
        command('Open Library…', 'open-library'),
        { label: 'Open Recent', submenu: recent },
        command('Sections…', 'sections'),
        separator,
        command('Save Now', 'save-now'),
        separator,
        command('Export HTML…', 'export-html'),
        command('Export All…', 'export-all'),
        ...(isMac ? [] : [separator, settings]),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        command('Preview', 'preview'),
        command('Find in List', 'find-in-list'),
        command('Trash', 'show-trash'),
        command('Story List', 'toggle-story-list'),
        separator,
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Story',
      submenu: [
        command('Duplicate', 'duplicate'),
        command('Move to Trash', 'trash'),
        separator,
        { label: 'Set Status', submenu: STORY_STATUSES.map((status) => command(STATUS_LABELS[status], `status-${status}`)) },
        separator,
        command('Notes', 'notes'),
        command('History', 'history'),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Copydesk' }] },
  ];
}
