import { watch, type FSWatcher } from 'node:fs';

export interface FolderWatch {
  close(): void;
}

export interface WatchFolderOptions {
  /** Quiet time after the last event before the names are reported (one git pull → one report). */
  delayMs: number;
  /** Names worth reporting (others, such as temp files, are dropped as they come). */
  accept?: (name: string) => boolean;
  /** Where the platform cannot watch the folder, how often it is scanned instead. */
  pollMs: number;
}

/**
 * Reports the names of files that changed in one folder (not its subfolders), debounced; null means "look at them
 * all" (the platform did not say which file, or the folder is polled because it cannot be watched).
 */
export function watchFolder(dir: string, onChange: (names: Set<string> | null) => void, { delayMs, pollMs, accept }: WatchFolderOptions): FolderWatch {
  let names: Set<string> | null = new Set();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastEvent = 0;
  let poll: ReturnType<typeof setInterval> | null = null;
  let watcher: FSWatcher | null = null;
  let closed = false;

  const report = () => {
    // Events keep coming (a sync in progress): wait until they have been quiet for delayMs.
    const quietFor = performance.now() - lastEvent;
    if (quietFor < delayMs) {
      timer = setTimeout(report, delayMs - quietFor);
      return;
    }
    timer = null;
    const reported = names;
    names = new Set();
    if (!closed && (reported === null || reported.size > 0)) onChange(reported);
  };
  const noteChange = (name: string | null) => {
    if (name !== null && accept && !accept(name)) return;
    if (name === null) names = null;
    else names?.add(name);
    lastEvent = performance.now();
    timer ??= setTimeout(report, delayMs);
  };
  const startPolling = () => {
    watcher?.close();
    watcher = null;
    if (closed || poll) return;
    poll = setInterval(() => noteChange(null), pollMs);
    poll.unref();
  };

  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => noteChange(typeof name === 'string' ? name : null));
    watcher.on('error', startPolling);
  } catch {
    startPolling();
  }
  return {
    close() {
      closed = true;
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
    },
  };
}
