import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/channels.js';
import type { Handlers } from '../../shared/contract.js';
import { CopydeskError, UNEXPECTED_ERROR_MESSAGE } from '../../shared/result.js';
import { invokeChannel } from './invokeChannel.js';

function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, unused])) as unknown as Handlers;
  return { ...handlers, ...overrides };
}

describe('invokeChannel', () => {
  it('returns the handler result in an ok envelope', async () => {
    const handlers = fakeHandlers({ getLibrary: async () => ({ name: 'Desk', storyCount: 2, problems: [] }) });
    await expect(invokeChannel(handlers, 'getLibrary', undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Desk', storyCount: 2, problems: [] },
    });
  });

  it('rejects bad input before the handler runs, naming the field', async () => {
    let called = false;
    const handlers = fakeHandlers({
      getStory: async () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const result = await invokeChannel(handlers, 'getStory', { id: '../../etc/passwd' });
    expect(called).toBe(false);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('id:') } });
  });

  it('rejects input for a channel that takes none', async () => {
    const result = await invokeChannel(fakeHandlers({}), 'listStories', { sneaky: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
  });

  it('a CopydeskError from the handler keeps its code and message', async () => {
    const handlers = fakeHandlers({
      getStory: async () => {
        throw new CopydeskError('not-found', 'This story is no longer in the library.');
      },
    });
    await expect(invokeChannel(handlers, 'getStory', { id: 'abc' })).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'This story is no longer in the library.' },
    });
  });

  it('any other error becomes an internal error with a sentence for the user; its detail goes to the main-side log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = fakeHandlers({
      listStories: async () => {
        throw new TypeError('boom');
      },
    });
    const result = await invokeChannel(handlers, 'listStories', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: UNEXPECTED_ERROR_MESSAGE } });
    expect(String(logged.mock.calls[0]![1])).toContain('boom');
    logged.mockRestore();
  });

  it('a handler failing on a real file-system error sends no path and no errno text to the renderer', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const folder = await mkdtemp(path.join(tmpdir(), 'copydesk-invoke-'));
    try {
      const failures = [
        () => readFile(path.join(folder, 'missing', 'library.json')),
        () => writeFile(folder, 'a folder is not a file'),
        () => rename(path.join(folder, 'nothing-here'), path.join(folder, 'elsewhere')),
      ];
      for (const fail of failures) {
        const result = await invokeChannel(fakeHandlers({ listStories: async () => void (await fail()) as never }), 'listStories', undefined);
        expect(result).toEqual({ ok: false, error: { code: 'internal', message: UNEXPECTED_ERROR_MESSAGE } });
        expect(JSON.stringify(result)).not.toMatch(/ENOENT|EISDIR|\/tmp|copydesk-invoke/);
      }
      expect(logged).toHaveBeenCalledTimes(failures.length);
      expect(logged.mock.calls.map((call) => String(call[1])).join('\n')).toContain(folder);
    } finally {
      logged.mockRestore();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('output that breaks the contract is an internal error, not data for the renderer', async () => {
    const handlers = fakeHandlers({
      getLibrary: async () => ({ name: 'Desk', storyCount: 1.5, problems: [] }),
    });
    const result = await invokeChannel(handlers, 'getLibrary', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('storyCount') } });
  });

  it.each(['deleteEverything', 'constructor', '__proto__', 'close'])('an unknown channel %s is rejected', async (name) => {
    const handlers = { ...fakeHandlers({}), close: async () => {} };
    const result = await invokeChannel(handlers, name, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(name) } });
  });
});
