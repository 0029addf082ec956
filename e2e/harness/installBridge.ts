import type { ChannelName, EventName } from '../../shared/channels.js';

/**
 * Runs in the page before the app's scripts (page.addInitScript): builds window.copydesk from the channel
 * list, exactly as the preload does, over Playwright bindings instead of ipcRenderer.
 */
export function installBridge({ channels, events }: { channels: readonly ChannelName[]; events: readonly EventName[] }) {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const invoke = w.__copydeskInvoke as (name: string, input: unknown) => Promise<unknown>;
  const listeners = new Map<string, Set<Listener>>(events.map((event) => [event, new Set<Listener>()]));
  const api: Record<string, unknown> = {};
  for (const name of channels) api[name] = (input?: unknown) => invoke(name, input);
  api.on = (event: string, listener: Listener) => {
    const set = listeners.get(event);
    if (!set) throw new Error(`Unknown event ${event}`);
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'copydesk', { value: Object.freeze(api), enumerable: true });
  // The harness's stand-in for webContents.send: main → renderer events.
  Object.defineProperty(window, '__copydeskEmit', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
}
