import { readdir } from 'node:fs/promises';
import type { LibraryProblem, StoriesChangedOnDisk } from '../../../shared/contract.js';
import type { CopydeskError } from '../../../shared/result.js';
import type { Story, StorySummary } from '../../../shared/story.js';
import type { KeyedQueue } from '../stories/keyedQueue.js';
import type { IndexEntry } from '../index/libraryIndex.js';
import { storyIdFromFileName, type LibraryPaths } from '../files/libraryPaths.js';
import { LinkInLibraryError, linkProblem } from '../files/libraryLinks.js';
import { readStoryFile, sameStamp, stampOrNull, type FileStamp } from '../stories/storyFiles.js';
import { watchFolder, type FolderWatch } from './watchFolder.js';

export interface WatchStoriesContext {
  paths: LibraryPaths;
  delayMs: number;
  enqueue: KeyedQueue;
  entries: Map<string, IndexEntry>;
  /** Puts a story version found on disk into the list and the search. */
  index(story: Story, stamp: FileStamp): StorySummary;
  /** Moves an unreadable story file to quarantine and takes it out of the list. */
  setAside(id: string, error: CopydeskError): Promise<LibraryProblem>;
  forget(id: string): void;
  isTrashed(id: string): boolean;
  /** The stamp of the version of a story the editor last read or Copydesk last wrote (with its hash on a coarse clock). */
  seenStamp(id: string): FileStamp | undefined;
  onChange(change: StoriesChangedOnDisk): void;
}

/** Where fs.watch is unavailable, how often stories/ is scanned instead. */
const POLL_MS = 5_000;
/** A file that does not parse is looked at again after this long before it is set aside (a sync may be mid-write). */
const RECHECK_MS = 1_000;
const BATCH = 64;

/**
 * Notices story files changed, added or removed in stories/ by anything but this library (a git pull, a synced
 * drive, a text editor): brings the list and the search up to date and reports the change. Copydesk's own writes
 * are recognised by their size and modification time, which the index holds.
 */
export interface StoriesWatch extends FolderWatch {
  /** Looks at every story file now (after opening from library.json without checking the files). */
  checkAll(): void;
}

export function watchStories(ctx: WatchStoriesContext): StoriesWatch {
  const { paths, entries } = ctx;
  const unreadable = new Map<string, FileStamp>();
  let closed = false;
  const rechecks = new Set<ReturnType<typeof setTimeout>>();
  const linksReported = new Set<string>();

  async function check(ids: Set<string>) {
    const change: StoriesChangedOnDisk = { changed: [], removed: [], problems: [] };
    const look = (id: string) =>
      ctx.enqueue(id, async () => {
        if (closed) return;
        const entry = entries.get(id);
        // Most events are Copydesk's own writes: the stamp tells them apart without reading the file.
        // A story file that is a link is never read: it leaves the list and is reported once.
        const link = (error: unknown) => {
          if (!(error instanceof LinkInLibraryError)) return;
          if (entry) {
            ctx.forget(id);
            change.removed.push(id);
          }
          if (!linksReported.has(error.file)) change.problems.push(linkProblem(error));
          linksReported.add(error.file);
        };
        const stamp = await stampOrNull(paths.storyFile(id)).catch((error: unknown) => void link(error));
        // On a coarse clock the same time and size may be other bytes: where the hash of the listed version is known, the file is read.
        const seen = ctx.seenStamp(id);
        const listedHash = stamp && entry && seen?.sha256 && sameStamp(entry, stamp) && sameStamp(seen, stamp) ? seen.sha256 : undefined;
        if (stamp === undefined || (stamp !== null && entry && sameStamp(entry, stamp) && !listedHash)) return;
        const read = stamp === null ? ({ kind: 'missing' } as const) : await readStoryFile(paths.storyFile(id), id).catch((error: unknown) => void link(error));
        if (read === null || read === undefined) return;
        if (read.kind === 'missing') {
          unreadable.delete(id);
          if (entry) {
            ctx.forget(id);
            change.removed.push(id);
          }
          return;
        }
        if (entry && sameStamp(entry, read.stamp) && (!listedHash || read.stamp.sha256 === listedHash)) return;
        if (read.kind === 'ok') {
          unreadable.delete(id);
          change.changed.push(ctx.index(read.story, read.stamp));
          return;
        }
        const before = unreadable.get(id);
        if (!before || !sameStamp(before, read.stamp)) {
          unreadable.set(id, read.stamp);
          const timer = setTimeout(() => {
            rechecks.delete(timer);
            void check(new Set([id]));
          }, RECHECK_MS);
          rechecks.add(timer);
          return;
        }
        unreadable.delete(id);
        change.problems.push(await ctx.setAside(id, read.error));
        if (entry) change.removed.push(id);
      });
    const list = [...ids].filter((id) => !ctx.isTrashed(id));
    for (let i = 0; i < list.length; i += BATCH) await Promise.all(list.slice(i, i + BATCH).map(look));
    if (!closed && (change.changed.length || change.removed.length || change.problems.length)) ctx.onChange(change);
  }

  async function onNames(names: Set<string> | null) {
    let ids: Set<string>;
    if (names === null) {
      const files = await readdir(paths.storiesDir).catch(() => [] as string[]);
      ids = new Set([...files.map(storyIdFromFileName).filter((id): id is string => id !== null), ...entries.keys()]);
    } else {
      ids = new Set([...names].map(storyIdFromFileName).filter((id): id is string => id !== null));
    }
    if (ids.size) await check(ids);
  }

  const watch = watchFolder(paths.storiesDir, (names) => void onNames(names).catch(() => undefined), {
    delayMs: ctx.delayMs,
    pollMs: POLL_MS,
    accept: (name) => storyIdFromFileName(name) !== null,
  });
  return {
    checkAll: () => void onNames(null).catch(() => undefined),
    close() {
      closed = true;
      watch.close();
      for (const timer of rechecks) clearTimeout(timer);
    },
  };
}
