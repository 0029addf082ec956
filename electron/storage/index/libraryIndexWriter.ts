import { ioError } from '../files/ioError.js';
import type { KeyedQueue } from '../stories/keyedQueue.js';
import { writeLibraryIndex, type IndexEntry, type LibraryIndexData } from './libraryIndex.js';
import type { LibraryPaths } from '../files/libraryPaths.js';

const INDEX_KEY = '\u0000index';
/** library.json is written at the latest this many index delays after the first change it has not taken in. */
const INDEX_MAX_WAIT = 10;

export interface IndexWriterOptions {
  paths: LibraryPaths;
  data: LibraryIndexData;
  entries: Map<string, IndexEntry>;
  enqueue: KeyedQueue;
  /** Quiet milliseconds after the last change before library.json is written. */
  delayMs: number;
  readOnly: boolean;
  /** library.json already differs from the library (it was rebuilt while loading). */
  dirty: boolean;
}

export interface LibraryIndexWriter {
  /** True while library.json lags behind the library. */
  readonly dirty: boolean;
  /** Writes library.json now if it has changed. */
  flush(): Promise<void>;
  /** The list changed: library.json is written once saves pause. */
  scheduleIndexWrite(): void;
  /** Writes library.json now (a settings change), putting the old value back if that fails. */
  storeNow<T>(what: string, apply: () => void, undo: () => void, result: () => T): Promise<T>;
}

/** When library.json is written: at once for settings, after a pause in saving for the list of stories. */
export function createIndexWriter({ paths, data, entries, enqueue, delayMs, readOnly, dirty }: IndexWriterOptions): LibraryIndexWriter {
  let indexDirty = dirty;
  let indexTimer: ReturnType<typeof setTimeout> | null = null;

  const flush = () =>
    enqueue(INDEX_KEY, async () => {
      if (indexTimer) clearTimeout(indexTimer);
      indexTimer = null;
      if (!indexDirty || readOnly) return;
      indexDirty = false;
      try {
        await writeLibraryIndex(paths, data, entries);
      } catch (error) {
        indexDirty = true;
        throw error;
      }
    });

  // While stories keep being saved (someone typing), library.json waits for a pause, up to INDEX_MAX_WAIT delays:
  // rewriting its megabytes takes tens of milliseconds, and the index is a cache the story files can rebuild.
  let firstChange = 0;
  let lastChange = 0;
  const writeIndexWhenQuiet = () => {
    const at = performance.now();
    const wait = Math.min(lastChange + delayMs, firstChange + delayMs * INDEX_MAX_WAIT) - at;
    if (wait > 0) {
      indexTimer = setTimeout(writeIndexWhenQuiet, wait);
      return;
    }
    indexTimer = null;
    void flush().catch(() => undefined);
  };

  return {
    get dirty() {
      return indexDirty;
    },
    flush,
    scheduleIndexWrite() {
      indexDirty = true;
      lastChange = performance.now();
      if (indexTimer || readOnly) return;
      firstChange = lastChange;
      indexTimer = setTimeout(writeIndexWhenQuiet, delayMs);
    },
    async storeNow(what, apply, undo, result) {
      apply();
      indexDirty = true;
      try {
        await flush();
      } catch (error) {
        undo();
        throw ioError('saved to', error, what);
      }
      return result();
    },
  };
}
