import type { ChannelName, EventName } from '../../shared/channels.js';
import type { ChannelOutput, CopydeskBridge, EventPayloads } from '../../shared/contract.js';
import { CopydeskError, type Envelope } from '../../shared/result.js';

declare global {
  interface Window {
    copydesk: CopydeskBridge;
  }
}

type BridgeInput<K extends ChannelName> = Parameters<CopydeskBridge[K]>[0];
type InputArgs<K extends ChannelName> = undefined extends BridgeInput<K>
  ? [input?: BridgeInput<K>]
  : [input: BridgeInput<K>];

/** Calls a main-process channel; resolves with its value or throws CopydeskError(code, message). */
export async function call<K extends ChannelName>(name: K, ...args: InputArgs<K>): Promise<ChannelOutput<K>> {
  const bridge = window.copydesk as CopydeskBridge | undefined;
  if (!bridge) throw new CopydeskError('internal', 'Copydesk is not connected to its library (no bridge).');
  const method = bridge[name] as (input: BridgeInput<K>) => Promise<Envelope<ChannelOutput<K>>>;
  const envelope = await method(args[0] as BridgeInput<K>);
  if (!envelope.ok) throw new CopydeskError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  const bridge = window.copydesk as CopydeskBridge | undefined;
  if (!bridge) return () => {};
  return bridge.on(event, listener);
}

/** A message a user can read, from anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
