// The close handshake, free of Electron so it is unit-tested in plain Node:
// a window closes only after the renderer confirms it has saved, or the user says so.

export interface CloseGuardDeps {
  /** Ask the renderer to save and then confirm (sends the flushBeforeClose event). */
  askRendererToFlush(): void;
  /** Close the window for real; the guard lets this close through. */
  closeWindow(): void;
  /** The renderer did not answer: resolves true if the user chooses to close anyway. */
  askUserToCloseAnyway(): Promise<boolean>;
  timeoutMs: number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface CloseGuard {
  /** Call from the window's `close` event; returns true when the close must be prevented. */
  onCloseRequested(): boolean;
  /** The renderer has saved everything (the confirmClose channel). */
  confirm(): void;
  /** Stop timers, e.g. when the window is gone. */
  dispose(): void;
  /**
   * The renderer crashed or hangs: nobody can answer the flush, so a close goes through at once (a close already
   * waiting for it closes now) instead of waiting out the timeout.
   */
  rendererLost(): void;
  /** The renderer answers again (reloaded, or responsive after a hang): closes ask it to save first again. */
  rendererBack(): void;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let state: 'open' | 'waiting' | 'asking-user' | 'confirmed' = 'open';
  let rendererLost = false;
  let timer: unknown = null;

  const stopTimer = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };

  const closeForReal = () => {
    stopTimer();
    state = 'confirmed';
    deps.closeWindow();
  };

  const onRendererSilent = async () => {
    timer = null;
    if (state !== 'waiting') return;
    state = 'asking-user';
    const closeAnyway = await deps.askUserToCloseAnyway();
    if (state !== 'asking-user') return;
    if (closeAnyway) closeForReal();
    else state = 'open';
  };

  return {
    onCloseRequested() {
      if (state === 'confirmed' || rendererLost) return false;
      if (state === 'open') {
        state = 'waiting';
        timer = deps.setTimer(() => void onRendererSilent(), deps.timeoutMs);
        deps.askRendererToFlush();
      }
      return true;
    },
    confirm() {
      // A confirmation nobody asked for must not close the window.
      if (state === 'waiting' || state === 'asking-user') closeForReal();
    },
    dispose: stopTimer,
    rendererLost() {
      rendererLost = true;
      if (state === 'waiting') closeForReal();
    },
    rendererBack() {
      rendererLost = false;
      if (state !== 'confirmed') state = 'open';
    },
  };
}
