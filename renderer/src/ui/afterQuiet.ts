/** A callback that runs once calls to `poke` have stopped for a while, and what controls it. */
export interface AfterQuiet {
  /** Notes an edit: `run` follows `delayMs` after the last poke. */
  poke(): void;
  /** Drops a pending run. */
  cancel(): void;
  /** True while a run is pending. */
  readonly pending: boolean;
}

/**
 * Runs `run` `delayMs` after the last `poke`, like a debounce, but a poke while one is pending only notes its time:
 * a burst of typing costs one timer, not a clearTimeout and a setTimeout per key inside the keystroke. When the
 * timer fires early (the burst went on), it is set again for what is left of the pause.
 */
export function afterQuiet(run: () => void, delayMs: number): AfterQuiet {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const fire = () => {
    const left = last + delayMs - Date.now();
    if (left > 0) {
      timer = setTimeout(fire, left);
      return;
    }
    timer = undefined;
    run();
  };
  return {
    poke() {
      last = Date.now();
      timer ??= setTimeout(fire, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
