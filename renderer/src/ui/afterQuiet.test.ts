import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterQuiet } from './afterQuiet.js';

describe('afterQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, the delay after the last poke of a burst', () => {
    const run = vi.fn();
    const quiet = afterQuiet(run, 250);
    for (let key = 0; key < 20; key += 1) {
      quiet.poke();
      vi.advanceTimersByTime(100);
    }
    // 100 ms after the last poke: not yet.
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(149);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(quiet.pending).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer for a whole burst instead of one per poke', () => {
    const quiet = afterQuiet(() => undefined, 250);
    const set = vi.spyOn(globalThis, 'setTimeout');
    for (let key = 0; key < 50; key += 1) {
      quiet.poke();
      vi.advanceTimersByTime(10);
    }
    // A 500 ms burst with a 250 ms pause: the first poke's timer, and one re-arm each time it fired mid-burst (at
    // 250 ms and at 490 ms): 3 timers for 50 keys, where a plain debounce sets 50.
    expect(set).toHaveBeenCalledTimes(3);
    set.mockRestore();
    quiet.cancel();
  });

  it('runs again after a later poke, and never after cancel', () => {
    const run = vi.fn();
    const quiet = afterQuiet(run, 50);
    quiet.poke();
    vi.advanceTimersByTime(50);
    quiet.poke();
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(2);
    quiet.poke();
    quiet.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
