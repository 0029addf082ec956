import type { BrowserWindow } from 'electron';
import { ipcChannel, type EventName } from '../../shared/channels.js';
import type { EventPayloads } from '../../shared/contract.js';

/** Sends a contract event (main → renderer) to one window; a closed window is skipped. */
export function sendEvent<E extends EventName>(win: BrowserWindow, name: E, payload: EventPayloads[E]): void {
  if (win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(ipcChannel(name), payload);
}
