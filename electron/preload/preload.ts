// Runs sandboxed: its only runtime import may be 'electron' (scripts/build-electron.mjs checks the bundle).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, ipcChannel, type EventName } from '../../shared/channels.js';
import type { CopydeskBridge } from '../../shared/contract.js';

const invokers = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
);

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Copydesk has no event called "${String(event)}".`);
  // The page gets the payload only, never the IpcRendererEvent (it carries ipcRenderer's sender).
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(ipcChannel(event), forward);
  return () => {
    ipcRenderer.removeListener(ipcChannel(event), forward);
  };
}

const api = { ...invokers, on } as CopydeskBridge;

contextBridge.exposeInMainWorld('copydesk', api);
