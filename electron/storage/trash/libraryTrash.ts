import { lstat, readdir, rm } from 'node:fs/promises';
import type { TrashedStory } from '../../../shared/contract.js';
import { CopydeskError } from '../../../shared/result.js';
import { summarizeStory } from '../../../shared/summarizeStory.js';
import type { LibraryContext } from '../libraryContext.js';
import { storyIdFromFileName } from '../files/libraryPaths.js';
import { assertNoLinks, LinkInLibraryError, linkProblem } from '../files/libraryLinks.js';
import { deleteRevisions } from '../revisions/revisionStore.js';
import { pathExists } from '../files/pathExists.js';
import { readStoryFile, stampOrNull } from '../stories/storyFiles.js';
import { fileSystemError } from '../files/ioError.js';
import { makeFolderDurably, renameDurably } from '../files/writeFileDurably.js';

/**
 * The Trash: trash/<id>.json, the story file moved there whole (its revisions stay in revisions/<id>/), with its list
 * entry and the time it was trashed in settings.json.
 */
export function createLibraryTrash(ctx: LibraryContext) {
  const { paths, data, enqueue, known, stored, indexWriter } = ctx;
  /** trash/ must be a folder of this library: a story moved into a link would leave the library, and emptying would delete there. */
  const assertTrashFolder = () => assertNoLinks(paths.root, paths.trashDir);
  const report = (error: LinkInLibraryError) => {
    if (!ctx.problems.some((problem) => problem.file === error.file)) ctx.problems.push(linkProblem(error));
  };

  /** The Trash as on disk: entries for files settings.json does not know (it was rebuilt), none for files gone. */
  async function sync(): Promise<TrashedStory[]> {
    try {
      await assertTrashFolder();
    } catch (error) {
      if (!(error instanceof LinkInLibraryError)) throw error;
      report(error);
      return [];
    }
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
      const read = await readStoryFile(paths.trashFile(id), id).catch((error: unknown) => {
        if (error instanceof LinkInLibraryError) report(error);
        return null;
      });
      if (read?.kind !== 'ok') continue;
      const trashedAt = (await lstat(paths.trashFile(id))).ctime.toISOString();
      data.trash.set(id, { summary: summarizeStory(read.story), trashedAt });
      changed = true;
    }
    if (changed) indexWriter.scheduleSettingsWrite();
    return [...data.trash.values()]
      .map(({ summary, trashedAt }) => ({ ...summary, trashedAt }))
      .sort((a, b) => (a.trashedAt > b.trashedAt ? -1 : a.trashedAt < b.trashedAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /**
   * Before the first list: a story moved to or from the Trash by a Copydesk killed before it wrote down the move is
   * listed where its file is. Only the stories the Trash knows of or holds are looked at (a trusted index is not checked
   * file by file at open; the watcher does that in the background).
   */
  async function reconcile(): Promise<void> {
    const names = await assertTrashFolder().then(
      () => readdir(paths.trashDir).catch(() => [] as string[]),
      () => [] as string[],
    );
    const ids = new Set([...names.map(storyIdFromFileName).filter((id): id is string => id !== null), ...data.trash.keys()]);
    for (const id of ids) {
      await enqueue(id, async () => {
        const stamp = await stampOrNull(paths.storyFile(id)).catch(() => undefined);
        if (stamp === undefined) return;
        if (stamp === null) {
          if (known.entries.has(id)) known.forget(id);
          return;
        }
        if (known.entries.has(id)) return;
        const read = await readStoryFile(paths.storyFile(id), id).catch(() => null);
        if (read?.kind === 'ok') known.index(read.story, read.stamp);
      });
    }
  }

  return {
    sync,
    reconcile,

    trashStory: (id: string) =>
      ctx.writing(() =>
        enqueue(id, async () => {
          const summary = known.summaryOf(id) ?? summarizeStory((await stored.readStored(id)).story);
          await makeFolderDurably(paths.trashDir).catch((error: unknown) => {
            throw fileSystemError('The story could not be moved to the Trash', error);
          });
          await assertTrashFolder();
          if (await pathExists(paths.trashFile(id))) {
            throw new CopydeskError('conflict', 'An older copy of this story is in the Trash; restore it or empty the Trash first.');
          }
          await renameDurably(paths.storyFile(id), paths.trashFile(id)).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') throw new CopydeskError('not-found', 'This story is no longer in the library; it may have been deleted or moved.');
            throw fileSystemError('The story could not be moved to the Trash', error);
          });
          known.forget(id);
          data.trash.set(id, { summary, trashedAt: ctx.now().toISOString() });
          indexWriter.scheduleSettingsWrite();
        }),
      ),

    restoreStory: (id: string) =>
      ctx.writing(() =>
        enqueue(id, async () => {
          await assertNoLinks(paths.root, paths.trashFile(id));
          if (!(await pathExists(paths.trashFile(id)))) {
            if (data.trash.delete(id)) indexWriter.scheduleSettingsWrite();
            throw new CopydeskError('not-found', 'This story is no longer in the Trash.');
          }
          if (await pathExists(paths.storyFile(id))) throw new CopydeskError('conflict', 'The library already has a story with this id.');
          await renameDurably(paths.trashFile(id), paths.storyFile(id)).catch((error: NodeJS.ErrnoException) => {
            throw fileSystemError('The story could not be restored from the Trash', error);
          });
          data.trash.delete(id);
          indexWriter.scheduleSettingsWrite();
          const { story, stamp } = await stored.readStored(id);
          known.remember(id, stamp, story);
          return known.index(story, stamp);
        }),
      ),

    list: sync,

    empty: () =>
      ctx.writing(async () => {
        let deleted = 0;
        for (const { id } of await sync()) {
          await enqueue(id, async () => {
            await rm(paths.trashFile(id), { force: true }).catch((error: unknown) => {
              throw fileSystemError('The Trash could not be emptied', error);
            });
            // Revisions go with the story, unless a story with the same id is in the library again.
            if (!(await pathExists(paths.storyFile(id)))) {
              await deleteRevisions(paths, id).catch((error: unknown) => {
                if (!(error instanceof LinkInLibraryError)) throw error;
                report(error);
              });
            }
            data.trash.delete(id);
            deleted += 1;
          });
        }
        indexWriter.scheduleSettingsWrite();
        return deleted;
      }),
  };
}
