import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { TrashedStory } from '../../shared/contract.js';
import { CopydeskError } from '../../shared/result.js';
import type { Story, StorySummary } from '../../shared/story.js';
import type { KeyedQueue } from './keyedQueue.js';
import type { LibraryIndexData } from './libraryIndex.js';
import { storyIdFromFileName, type LibraryPaths } from './libraryPaths.js';
import { deleteRevisions } from './revisionStore.js';
import { pathExists } from './pathExists.js';
import { readStoryFile, type FileStamp } from './storyFiles.js';
import { summarizeStory } from '../../shared/summarizeStory.js';

/** What the Trash needs from the open library. */
export interface TrashContext {
  paths: LibraryPaths;
  data: LibraryIndexData;
  enqueue: KeyedQueue;
  now(): Date;
  /** Runs a change unless the library is read-only or closing. */
  writing<T>(run: () => Promise<T>): Promise<T>;
  readStored(id: string): Promise<{ story: Story; stamp: FileStamp }>;
  summaryOf(id: string): StorySummary | undefined;
  /** Takes a story out of the list and the search. */
  forget(id: string): void;
  /** Puts a story back into the list and the search, as the version the editor will open. */
  index(story: Story, stamp: FileStamp): StorySummary;
  remember(id: string, stamp: FileStamp, story: Story): void;
  scheduleIndexWrite(): void;
}

/**
 * The Trash: trash/<id>.json, the story file moved there whole (its revisions stay in revisions/<id>/), with its list
 * entry and the time it was trashed in library.json.
 */
export function createLibraryTrash(ctx: TrashContext) {
  const { paths, data, enqueue } = ctx;

  /** The Trash as on disk: entries for files library.json does not know (it was rebuilt), none for files gone. */
  async function sync(): Promise<TrashedStory[]> {
    const names = await readdir(paths.trashDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const ids = new Set(names.map(storyIdFromFileName).filter((id): id is string => id !== null));
    let changed = false;
    for (const id of data.trash.keys()) {
      if (!ids.has(id)) changed = data.trash.delete(id);
    }
    for (const id of ids) {
      if (data.trash.has(id)) continue;
      const read = await readStoryFile(paths.trashFile(id), id).catch(() => null);
      if (read?.kind !== 'ok') continue;
      const trashedAt = (await stat(paths.trashFile(id))).ctime.toISOString();
      data.trash.set(id, { summary: summarizeStory(read.story), trashedAt });
      changed = true;
    }
    if (changed) ctx.scheduleIndexWrite();
    return [...data.trash.values()]
      .map(({ summary, trashedAt }) => ({ ...summary, trashedAt }))
      .sort((a, b) => (a.trashedAt > b.trashedAt ? -1 : a.trashedAt < b.trashedAt ? 1 : a.id < b.id ? -1 : 1));
  }

  return {
    sync,
    has: (id: string) => data.trash.has(id),

    trashStory: (id: string) =>
      ctx.writing(() =>
        enqueue(id, async () => {
          const summary = ctx.summaryOf(id) ?? summarizeStory((await ctx.readStored(id)).story);
          await mkdir(paths.trashDir, { recursive: true });
          if (await pathExists(paths.trashFile(id))) {
            throw new CopydeskError('conflict', 'An older copy of this story is in the Trash; restore it or empty the Trash first.');
          }
          await rename(paths.storyFile(id), paths.trashFile(id)).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') throw new CopydeskError('not-found', 'This story is no longer in the library; it may have been deleted or moved.');
            throw new CopydeskError('io', `The story could not be moved to the Trash: ${error.message}.`);
          });
          ctx.forget(id);
          data.trash.set(id, { summary, trashedAt: ctx.now().toISOString() });
          ctx.scheduleIndexWrite();
        }),
      ),

    restoreStory: (id: string) =>
      ctx.writing(() =>
        enqueue(id, async () => {
          if (!(await pathExists(paths.trashFile(id)))) {
            if (data.trash.delete(id)) ctx.scheduleIndexWrite();
            throw new CopydeskError('not-found', 'This story is no longer in the Trash.');
          }
          if (await pathExists(paths.storyFile(id))) throw new CopydeskError('conflict', 'The library already has a story with this id.');
          await rename(paths.trashFile(id), paths.storyFile(id)).catch((error: NodeJS.ErrnoException) => {
            throw new CopydeskError('io', `The story could not be restored from the Trash: ${error.message}.`);
          });
          data.trash.delete(id);
          ctx.scheduleIndexWrite();
          const { story, stamp } = await ctx.readStored(id);
          ctx.remember(id, stamp, story);
          return ctx.index(story, stamp);
        }),
      ),

    list: sync,

    empty: () =>
      ctx.writing(async () => {
        let deleted = 0;
        for (const { id } of await sync()) {
          await enqueue(id, async () => {
            await rm(paths.trashFile(id), { force: true });
            // Revisions go with the story, unless a story with the same id is in the library again.
            if (!(await pathExists(paths.storyFile(id)))) await deleteRevisions(paths, id);
            data.trash.delete(id);
            deleted += 1;
          });
        }
        ctx.scheduleIndexWrite();
        return deleted;
      }),
  };
}
