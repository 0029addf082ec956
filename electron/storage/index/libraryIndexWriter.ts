import { ioError } from '../files/ioError.js';
import type { KeyedQueue } from '../stories/keyedQueue.js';
import { settingsFileData, writeLibraryIndex, type IndexEntry, type LibraryIndexData } from './libraryIndex.js';
import { writeSettingsFile } from '../settings/settingsFile.js';
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
  /** True while library.json or settings.json lags behind the library. */
  readonly dirty: boolean;
  /** Writes settings.json, then library.json, now if they have changed. */
  flush(): Promise<void>;
  /** The list changed: library.json is written once saves pause. */
  scheduleIndexWrite(): void;
  /** The Trash's list changed: settings.json is written once saves pause (a kill before is reconciled at open). */
  scheduleSettingsWrite(): void;
  /** Writes settings.json now (a settings change), putting the old value back if that fails. */
  storeNow<T>(what: string, apply: () => void, undo: () => void, result: () => T): Promise<T>;
}

/**
 * When the library's two files are written: settings.json (what cannot be rebuilt) at once for a settings change and
 * after a pause for the Trash; library.json (the index, a cache) after a pause in saving.
 */
export function createIndexWriter({ paths, data, entries, enqueue, delayMs, readOnly, dirty }: IndexWriterOptions): LibraryIndexWriter {
  let indexDirty = dirty;
  let settingsDirty = false;
  let indexTimer: ReturnType<typeof setTimeout> | null = null;

  const writeSettings = async () => {
    if (!settingsDirty || readOnly) return;
    settingsDirty = false;
    try {
      await writeSettingsFile(paths, settingsFileData(data));
    } catch (error) {
      settingsDirty = true;
      throw error;
    }
  };

  const flush = () =>
    enqueue(INDEX_KEY, async () => {
      if (indexTimer) clearTimeout(indexTimer);
      indexTimer = null;
      await writeSettings();
      if (!indexDirty || readOnly) return;
      indexDirty = false;
      try {
        await writeLibraryIndex(paths, entries);
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
  const schedule = () => {
    lastChange = performance.now();
    if (indexTimer || readOnly) return;
    firstChange = lastChange;
    indexTimer = setTimeout(writeIndexWhenQuiet, delayMs);
  };

  return {
    get dirty() {
      return indexDirty || settingsDirty;
    },
    flush,
    scheduleIndexWrite() {
      indexDirty = true;
      schedule();
    },
    scheduleSettingsWrite() {
      settingsDirty = true;
      schedule();
    },
    async storeNow(what, apply, undo, result) {
      apply();
      settingsDirty = true;
      try {
        await enqueue(INDEX_KEY, writeSettings);
      } catch (error) {
        undo();
        throw ioError('saved to', error, what);
      }
      return result();
    },
  };
}
