import type { BrowserWindow } from 'electron';
import { ipcChannel, type EventName } from '../../shared/channels.js';
import type { EventPayloads } from '../../shared/contract.js';
import { checkedEventPayload } from './checkedEventPayload.js';

/** Sends a contract event (main → renderer) to one window, if its payload keeps the contract; a closed window is skipped. */
export function sendEvent<E extends EventName>(win: BrowserWindow, name: E, payload: EventPayloads[E]): void {
  if (win.isDestroyed() || win.webContents.isDestroyed()) return;
  const checked = checkedEventPayload(name, payload);
  if (checked) win.webContents.send(ipcChannel(name), checked.payload);
}
