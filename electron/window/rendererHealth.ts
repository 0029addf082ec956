// What the main process does when the window's renderer crashes or hangs, free of Electron so it is unit-tested in
// plain Node: keep what the library has, tell the user, let them reload, and never make closing wait on a dead renderer.

/** Electron's RenderProcessGoneDetails['reason']. */
export type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

export interface RendererHealthDeps {
  /** Writes whatever the main process still holds for the library (pending saves, the index). */
  flushLibrary(): Promise<void>;
  /** Shows the message with its buttons; resolves with the index of the button chosen. */
  ask(message: { message: string; detail: string; buttons: string[] }): Promise<number>;
  /** Starts a new renderer for the window (after a crash: reload; after a hang: end the hung one first). */
  reload(options: { endHungRenderer: boolean }): void;
  closeWindow(): void;
  /** The close handshake (closeGuard.ts). */
  guard: { rendererLost(): void; rendererBack(): void };
  log(message: string, error?: unknown): void;
}

export interface RendererHealth {
  /** webContents 'render-process-gone'. */
  gone(reason: GoneReason): Promise<void>;
  /** BrowserWindow 'unresponsive'. */
  unresponsive(): Promise<void>;
  /** BrowserWindow 'responsive'. */
  responsive(): void;
}

const WHY: Partial<Record<GoneReason, string>> = {
  oom: 'ran out of memory',
  killed: 'was ended by another program',
  'launch-failed': 'could not start',
};

const KEPT =
  'Copydesk saves as you type: everything saved before this is kept in the library. Text typed in the last moment before it may be missing; check the open story after reloading.';

export function createRendererHealth(deps: RendererHealthDeps): RendererHealth {
  let asking = false;
  const keepLibrary = () => deps.flushLibrary().catch((error: unknown) => deps.log('Copydesk could not write the library after the window failed:', error));

  const offerReload = async (message: string, endHungRenderer: boolean, stay: string) => {
    if (asking) return;
    asking = true;
    try {
      const choice = await deps.ask({ message, detail: KEPT, buttons: ['Reload Window', stay] });
      if (choice === 0) {
        deps.guard.rendererBack();
        deps.reload({ endHungRenderer });
      } else if (stay === 'Close Window') {
        deps.closeWindow();
      }
    } finally {
      asking = false;
    }
  };

  return {
    async gone(reason) {
      // A renderer that exits cleanly is one closing with its window.
      if (reason === 'clean-exit') return;
      deps.guard.rendererLost();
      deps.log(`Copydesk's window stopped: ${reason}`);
      await keepLibrary();
      await offerReload(`Copydesk’s window stopped working (it ${WHY[reason] ?? 'crashed'}).`, false, 'Close Window');
    },
    async unresponsive() {
      deps.guard.rendererLost();
      await keepLibrary();
      await offerReload('Copydesk’s window is not responding.', true, 'Wait');
    },
    responsive() {
      deps.guard.rendererBack();
    },
  };
}
