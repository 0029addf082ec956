import { describe, expect, it } from 'vitest';
import { createRendererHealth } from './rendererHealth.js';

function setup(choose: (buttons: string[]) => string) {
  const log: string[] = [];
  const health = createRendererHealth({
    flushLibrary: async () => void log.push('library written'),
    ask: async ({ message, detail, buttons }) => {
      log.push(`asked: ${message}`);
      expect(detail).toMatch(/everything saved before this is kept/);
      return buttons.indexOf(choose(buttons));
    },
    reload: ({ endHungRenderer }) => void log.push(endHungRenderer ? 'hung renderer ended, reloaded' : 'reloaded'),
    closeWindow: () => void log.push('window closed'),
    guard: { rendererLost: () => void log.push('closing no longer waits'), rendererBack: () => void log.push('closing asks again') },
    log: () => undefined,
  });
  return { health, log };
}

describe('the window’s renderer crashes', () => {
  it('keeps the library, tells the user and reloads the window when asked', async () => {
    const { health, log } = setup(() => 'Reload Window');
    await health.gone('crashed');
    expect(log).toEqual(['closing no longer waits', 'library written', 'asked: Copydesk’s window stopped working (it crashed).', 'closing asks again', 'reloaded']);
  });

  it('says why when it knows (out of memory), and closes the window when asked', async () => {
    const { health, log } = setup(() => 'Close Window');
    await health.gone('oom');
    expect(log).toContain('asked: Copydesk’s window stopped working (it ran out of memory).');
    expect(log.at(-1)).toBe('window closed');
  });

  it('ignores a renderer that exits cleanly with its window', async () => {
    const { health, log } = setup(() => 'Reload Window');
    await health.gone('clean-exit');
    expect(log).toEqual([]);
  });
});

describe('the window’s renderer hangs', () => {
  it('offers to wait or reload; reloading ends the hung renderer first', async () => {
    const { health, log } = setup(() => 'Reload Window');
    await health.unresponsive();
    expect(log).toEqual(['closing no longer waits', 'library written', 'asked: Copydesk’s window is not responding.', 'closing asks again', 'hung renderer ended, reloaded']);
  });

  it('waits when asked, and closing asks the renderer again once it responds', async () => {
    const { health, log } = setup(() => 'Wait');
    await health.unresponsive();
    expect(log).not.toContain('window closed');
    health.responsive();
    expect(log.at(-1)).toBe('closing asks again');
  });
});
