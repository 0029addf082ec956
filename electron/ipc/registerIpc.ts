import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ipcChannel } from '../../shared/channels.js';
import type { Handlers } from '../../shared/contract.js';
import { isAppUrl } from '../window/securityRules.js';
import { invokeChannel } from './invokeChannel.js';

/** Only the top frame of one of our windows, showing our own origin, may call the API. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (BrowserWindow.fromWebContents(event.sender) === null) return false;
  return isAppUrl(frame.url);
}

/** Registers every contract channel on ipcMain; returns a function that removes them again. */
export function registerIpc(handlers: Handlers): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, rawInput: unknown) => {
      if (!isTrustedSender(event)) throw new Error(`Copydesk refused ${name} from an untrusted frame.`);
      return invokeChannel(handlers, name, rawInput);
    });
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
