import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contract.js';

export interface MenuOptions {
  isMac: boolean;
  /** Unpackaged builds get Reload and Toggle Developer Tools. */
  isPackaged: boolean;
  sendCommand(command: MenuCommand): void;
}

/** The application menu as data; menu.ts installs it. */
export function menuTemplate({ isMac, isPackaged, sendCommand }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => sendCommand(name),
  });
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];

  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        command('New Story', 'CmdOrCtrl+N', 'new-story'),
        command('Export HTML…', 'CmdOrCtrl+Shift+E', 'export-html'),
        command('Save Now', 'CmdOrCtrl+S', 'save-now'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Copydesk' }] },
  ];
}
