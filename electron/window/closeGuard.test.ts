import { describe, expect, it } from 'vitest';
import { createCloseGuard } from './closeGuard.js';

function setup(userAnswer: () => Promise<boolean> = async () => false) {
  const log: string[] = [];
  let pendingTimer: (() => void) | null = null;
  const guard = createCloseGuard({
    askRendererToFlush: () => log.push('flush'),
    closeWindow: () => {
      log.push('close');
      // A real window.close() fires the close event again.
      if (guard.onCloseRequested()) log.push('prevented-again');
    },
    askUserToCloseAnyway: () => {
      log.push('ask-user');
      return userAnswer();
    },
    timeoutMs: 10_000,
    setTimer: (callback) => {
      pendingTimer = callback;
      return 1;
    },
    clearTimer: () => {
      pendingTimer = null;
    },
  });
  const fireTimer = async () => {
    const callback = pendingTimer;
    pendingTimer = null;
    callback?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { guard, log, fireTimer, hasTimer: () => pendingTimer !== null };
}

describe('closing the window', () => {
  it('asks the renderer to save first and closes once it confirms', () => {
    const { guard, log, hasTimer } = setup();
    expect(guard.onCloseRequested()).toBe(true);
    expect(log).toEqual(['flush']);
    guard.confirm();
    expect(log).toEqual(['flush', 'close']);
    expect(hasTimer()).toBe(false);
  });

  it('asks the renderer only once while it is saving', () => {
    const { guard, log } = setup();
    guard.onCloseRequested();
    expect(guard.onCloseRequested()).toBe(true);
    expect(log).toEqual(['flush']);
  });

  it('a confirmation nobody asked for does not close the window', () => {
    const { guard, log } = setup();
    guard.confirm();
    expect(log).toEqual([]);
    expect(guard.onCloseRequested()).toBe(true);
  });

  it('a silent renderer makes the user choose, and Cancel keeps the window open', async () => {
    const { guard, log, fireTimer } = setup(async () => false);
    guard.onCloseRequested();
    await fireTimer();
    expect(log).toEqual(['flush', 'ask-user']);
    expect(guard.onCloseRequested()).toBe(true);
    expect(log).toEqual(['flush', 'ask-user', 'flush']);
  });

  it('a silent renderer closes only when the user says Close Anyway', async () => {
    const { guard, log, fireTimer } = setup(async () => true);
    guard.onCloseRequested();
    await fireTimer();
    expect(log).toEqual(['flush', 'ask-user', 'close']);
  });

  it('a late confirmation while the user is asked closes the window once', async () => {
    let answer: (value: boolean) => void = () => {};
    const { guard, log, fireTimer } = setup(() => new Promise((resolve) => (answer = resolve)));
    guard.onCloseRequested();
    await fireTimer();
    guard.confirm();
    answer(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['flush', 'ask-user', 'close']);
  });
});

describe('closing a window whose renderer crashed or hangs', () => {
  it('closes at once, without waiting for an answer that cannot come', () => {
    const { guard, log, hasTimer } = setup();
    guard.rendererLost();
    expect(guard.onCloseRequested()).toBe(false);
    expect(log).toEqual([]);
    expect(hasTimer()).toBe(false);
  });

  it('closes a window that was already waiting for the renderer when it died', () => {
    const { guard, log, hasTimer } = setup();
    guard.onCloseRequested();
    guard.rendererLost();
    expect(log).toEqual(['flush', 'close']);
    expect(hasTimer()).toBe(false);
  });

  it('asks the renderer to save again once it is back (reloaded)', () => {
    const { guard, log } = setup();
    guard.rendererLost();
    guard.rendererBack();
    expect(guard.onCloseRequested()).toBe(true);
    expect(log).toEqual(['flush']);
  });
});
