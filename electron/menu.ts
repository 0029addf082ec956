import { BrowserWindow, Menu } from 'electron';
import { sendEvent } from './ipc/sendEvent.js';
import { menuTemplate } from './menuTemplate.js';

/** Installs the native application menu; commands go to the focused window as menuCommand events. */
export function installAppMenu(options: { isPackaged: boolean }): void {
  const template = menuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: options.isPackaged,
    sendCommand: (command) => {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (win !== undefined) sendEvent(win, 'menuCommand', command);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
