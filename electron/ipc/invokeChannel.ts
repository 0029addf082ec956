import type { z } from 'zod';
import type { ChannelName } from '../../shared/channels.js';
import { contract, type ChannelOutput, type Handlers } from '../../shared/contract.js';
import { CopydeskError, type Envelope } from '../../shared/result.js';
import { errorInfoLogged } from '../handlers/errorInfoLogged.js';

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The transport-independent half of every IPC call: validate the input against the contract,
 * call the handler, validate its output, and wrap the result or error in an envelope.
 * Used by the Electron IPC loop, the e2e bridge and the CLI.
 */
export async function invokeChannel<K extends ChannelName>(
  handlers: Handlers,
  name: K,
  rawInput: unknown,
): Promise<Envelope<ChannelOutput<K>>>;
export async function invokeChannel(handlers: Handlers, name: string, rawInput: unknown): Promise<Envelope<unknown>>;
export async function invokeChannel(handlers: Handlers, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannelName(name)) throw new CopydeskError('invalid-input', `Copydesk has no operation called "${name}".`);
    const schemas = contract[name];

    const input = schemas.input.safeParse(rawInput);
    if (!input.success) {
      throw new CopydeskError('invalid-input', `Invalid input for ${name}: ${describeIssues(input.error)}`);
    }

    const handler = handlers[name] as ((input: unknown) => Promise<unknown>) | undefined;
    if (typeof handler !== 'function') throw new CopydeskError('internal', `No handler is registered for ${name}.`);
    const output = schemas.output.safeParse(await handler(input.data));
    if (!output.success) {
      throw new CopydeskError('internal', `${name} returned data that breaks the contract: ${describeIssues(output.error)}`);
    }
    return { ok: true, value: output.data };
  } catch (error) {
    return { ok: false, error: errorInfoLogged(error, `running ${name}`) };
  }
}
