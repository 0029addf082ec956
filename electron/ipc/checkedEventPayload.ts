import type { EventName } from '../../shared/channels.js';
import { eventContract, type EventPayloads } from '../../shared/contract.js';

/**
 * The payload as the event's schema gives it to the renderer, or null (logged here, on the main side) when it breaks the
 * contract: an event the renderer cannot trust is not sent, as a channel's bad output is not returned.
 */
export function checkedEventPayload<E extends EventName>(name: E, payload: EventPayloads[E]): { payload: EventPayloads[E] } | null {
  const parsed = eventContract[name].safeParse(payload);
  if (parsed.success) return { payload: parsed.data as EventPayloads[E] };
  console.error(`Copydesk: the ${name} event was not sent; its payload breaks the contract:`, parsed.error.issues.slice(0, 3));
  return null;
}
