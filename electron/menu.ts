import { BrowserWindow, Menu } from 'electron';
import type { LibraryMenuCommand, MenuCommand } from '../shared/contract.js';
import { MENU_COMMANDS } from '../shared/contract.js';
import type { RecentLibrary } from '../shared/preferences.js';
import { sendEvent } from './ipc/sendEvent.js';
import { menuTemplate } from './menuTemplate.js';

const isMenuCommand = (command: MenuCommand | LibraryMenuCommand): command is MenuCommand => (MENU_COMMANDS as readonly string[]).includes(command);

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/**
 * Installs (or rebuilds, when the recent libraries change) the native application menu; commands go to the focused
 * window as menuCommand / libraryMenuCommand events, a recent library as menuOpenRecentLibrary.
 */
export function installAppMenu(options: { isPackaged: boolean; recentLibraries: readonly RecentLibrary[] }): void {
  const template = menuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: options.isPackaged,
    recentLibraries: options.recentLibraries,
    sendCommand: (command) => {
      const win = focusedWindow();
      if (win === undefined) return;
      if (isMenuCommand(command)) sendEvent(win, 'menuCommand', command);
      else sendEvent(win, 'libraryMenuCommand', command);
    },
    openRecentLibrary: (id) => {
      const win = focusedWindow();
      if (win !== undefined) sendEvent(win, 'menuOpenRecentLibrary', { id });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
