import type { SaveResult } from '../../../../shared/contract.js';
import { CopydeskError } from '../../../../shared/result.js';
import type { StoryEdit } from '../../../../shared/story.js';
import { afterQuiet, type AfterQuiet } from '../../ui/afterQuiet.js';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export type FlushResult = { ok: true } | { ok: false; conflict: boolean; message: string };

export interface StorySaverOptions {
  storyId: string;
  revision: number;
  getFields: () => StoryEdit;
  save: (input: { id: string; baseRevision: number; fields: StoryEdit }) => Promise<SaveResult>;
  onSaved: (result: SaveResult) => void;
  onState: (state: SaveState) => void;
  debounceMs?: number;
  maxWaitMs?: number;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;
export const CONFLICT_MESSAGE = 'this story was changed elsewhere';

/**
 * Saves one story: debounced after edits, one save in flight at a time, retries with backoff,
 * and stops on a conflict so another writer's revision is never overwritten.
 */
export class StorySaver {
  private readonly options: StorySaverOptions;
  private revision: number;
  private dirty = false;
  private state: SaveState = { kind: 'saved' };
  private inFlight: Promise<boolean> | null = null;
  /** The pause in typing a save waits for: one timer per burst, not a new one per key. */
  private readonly pause: AfterQuiet;
  private maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 0;
  private disposed = false;

  constructor(options: StorySaverOptions) {
    this.options = options;
    this.revision = options.revision;
    this.pause = afterQuiet(() => void this.run(), options.debounceMs ?? 1_000);
  }

  get currentState(): SaveState {
    return this.state;
  }

  /** Records an edit; the save follows after a pause in typing. */
  markDirty(): void {
    if (this.disposed) return;
    this.dirty = true;
    if (this.state.kind === 'conflict' || this.state.kind === 'failed') return;
    if (this.state.kind === 'saved') this.setState({ kind: 'dirty' });
    if (!this.inFlight) this.schedule();
  }

  /** Saves everything now; resolves once nothing is left unsaved, or with why it could not be saved. */
  async flush(): Promise<FlushResult> {
    this.clearPendingTimers();
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.state.kind === 'conflict') return { ok: false, conflict: true, message: CONFLICT_MESSAGE };
      if (!this.dirty) return { ok: true };
      if (this.disposed) return { ok: false, conflict: false, message: 'The editor was closed before saving.' };
      const saved = await this.run();
      if (!saved) {
        const state: SaveState = this.currentState;
        if (state.kind === 'conflict') return { ok: false, conflict: true, message: CONFLICT_MESSAGE };
        return { ok: false, conflict: false, message: state.kind === 'failed' ? state.message : 'Not saved.' };
      }
    }
  }

  /**
   * Runs a change the main process makes to the story (status, notes, restore) between saves: the edits are saved
   * first, no save starts while it runs, and the revision it returns becomes the base of the next save.
   */
  async change<T extends { revision: number }>(apply: (baseRevision: number) => Promise<T>): Promise<T> {
    const flushed = await this.flush();
    if (!flushed.ok) throw new Error(`the story could not be saved first: ${flushed.message}`);
    const applied = apply(this.revision).then((result) => {
      this.revision = result.revision;
      return result;
    });
    const settled = () => {
      this.inFlight = null;
      if (this.dirty && !this.disposed && this.state.kind !== 'conflict') this.schedule();
      return true;
    };
    this.inFlight = applied.then(settled, settled);
    return applied;
  }

  dispose(): void {
    this.disposed = true;
    this.clearPendingTimers();
  }

  private schedule(): void {
    const { maxWaitMs = 5_000 } = this.options;
    this.pause.poke();
    // Long stretches of typing still save every few seconds.
    this.maxWaitTimer ??= setTimeout(() => void this.run(), maxWaitMs);
  }

  private clearPendingTimers(): void {
    this.pause.cancel();
    clearTimeout(this.maxWaitTimer);
    clearTimeout(this.retryTimer);
    this.maxWaitTimer = this.retryTimer = undefined;
  }

  private run(): Promise<boolean> {
    if (this.inFlight) return this.inFlight;
    if (this.disposed || this.state.kind === 'conflict') return Promise.resolve(false);
    if (!this.dirty) return Promise.resolve(true);
    this.clearPendingTimers();
    this.dirty = false;
    this.setState({ kind: 'saving' });
    const attempt = Promise.resolve()
      .then(() =>
        this.options.save({ id: this.options.storyId, baseRevision: this.revision, fields: this.options.getFields() }),
      )
      .then(
        (result) => this.succeeded(result),
        (error: unknown) => this.failed(error),
      );
    this.inFlight = attempt;
    return attempt;
  }

  private succeeded(result: SaveResult): boolean {
    this.inFlight = null;
    this.revision = result.revision;
    this.retryDelay = 0;
    if (!this.disposed) this.options.onSaved(result);
    if (this.dirty) {
      this.setState({ kind: 'dirty' });
      if (!this.disposed) this.schedule();
    } else {
      this.setState({ kind: 'saved' });
    }
    return true;
  }

  private failed(error: unknown): boolean {
    this.inFlight = null;
    this.dirty = true;
    if (error instanceof CopydeskError && error.code === 'conflict') {
      this.setState({ kind: 'conflict' });
      return false;
    }
    this.retryDelay = this.retryDelay === 0 ? FIRST_RETRY_MS : Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    this.setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    if (!this.disposed) this.retryTimer = setTimeout(() => void this.run(), this.retryDelay);
    return false;
  }

  private setState(state: SaveState): void {
    const previous = this.state;
    this.state = state;
    const same = previous.kind === state.kind && (previous.kind !== 'failed' || previous.message === (state as { message: string }).message);
    if (!same && !this.disposed) this.options.onState(state);
  }
}

/** The exact text of the save status for a state. */
export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${state.message} — retrying`;
    case 'conflict':
      return `Not saved: ${CONFLICT_MESSAGE}`;
  }
}
