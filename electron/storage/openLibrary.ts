import path from 'node:path';
import { CopydeskError } from '../../shared/result.js';
import { addStory } from './stories/addStory.js';
import { createStory } from './stories/createStory.js';
import { duplicateStory } from './stories/duplicateStory.js';
import { createKeyedQueue } from './stories/keyedQueue.js';
import { createKnownStories } from './stories/knownStories.js';
import type { LibraryContext } from './libraryContext.js';
import { loadLibraryIndex, type LibraryIndexData } from './index/libraryIndex.js';
import { createIndexWriter } from './index/libraryIndexWriter.js';
import { fileSystemError } from './files/ioError.js';
import { makeFolderDurably } from './files/writeFileDurably.js';
import { acquireLibraryLock, type LibraryLock } from './files/libraryLock.js';
import { libraryPaths } from './files/libraryPaths.js';
import { assertNoLinksSync } from './files/libraryLinks.js';
import { removeLibraryTempFiles, removeRevisionTempFiles } from './files/removeLibraryTempFiles.js';
import { renameSection, saveSections } from './settings/librarySections.js';
import type { LibraryStore, OpenLibraryOptions } from './libraryStore.js';
import { createLibraryTrash } from './trash/libraryTrash.js';
import { importImage, readMedia } from './mediaStore.js';
import { readStory } from './stories/readStory.js';
import { restoreRevision } from './revisions/restoreRevision.js';
import { listRevisions, readRevision } from './revisions/revisionStore.js';
import { saveExportSettings, saveLibrarySettings } from './settings/saveSettings.js';
import { saveStory } from './stories/saveStory.js';
import { createStoredStories } from './stories/storedStories.js';
import { addNote, deleteNote, setStatus } from './stories/storyWorkflow.js';
import { watchStories } from './watching/watchStories.js';

const CANNOT_WRITE = 'This library cannot be opened for changes';

/** An error from the file system (an errno code) or one this library made of it. */
const isFileSystemFailure = (error: unknown) =>
  error instanceof CopydeskError ? error.code !== 'internal' : typeof (error as NodeJS.ErrnoException | null)?.code === 'string';

export type { LibraryStore, OpenLibraryOptions, SaveOptions, SectionRename } from './libraryStore.js';

/** Opens (creating if needed) a library folder. The store keeps story summaries in memory, never every body. */
export async function openLibrary(root: string, options: OpenLibraryOptions = {}): Promise<LibraryStore> {
  const paths = libraryPaths(path.resolve(root));
  const now = options.now ?? (() => new Date());
  const userName = options.userName ?? (() => '');
  const readOnly = options.readOnly ?? false;

  let lock: LibraryLock | null = null;
  if (!readOnly) {
    await makeFolderDurably(paths.root).catch((error: unknown) => {
      throw fileSystemError(CANNOT_WRITE, error);
    });
    lock = await acquireLibraryLock(paths.lockFile, { now, holder: options.lockHolder });
  }
  let loaded;
  try {
    if (!readOnly) {
      await makeFolderDurably(paths.storiesDir).catch((error: unknown) => {
        throw fileSystemError(CANNOT_WRITE, error);
      });
      await makeFolderDurably(paths.mediaDir).catch((error: unknown) => {
        throw fileSystemError(CANNOT_WRITE, error);
      });
      // Best effort: a temp file that cannot be removed never keeps a library from opening.
      await removeLibraryTempFiles(paths).catch(() => undefined);
    }
    loaded = await loadLibraryIndex(paths, path.basename(paths.root) || 'Library', { readOnly, trustIndex: Boolean(options.live) && !readOnly });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const { entries } = loaded;
  const data: LibraryIndexData = loaded;
  const problems = [...loaded.problems];
  const enqueue = createKeyedQueue();
  let closed = false;

  const indexWriter = createIndexWriter({ paths, data, entries, enqueue, delayMs: options.indexDelayMs ?? 1000, readOnly, dirty: loaded.stale });
  const known = createKnownStories(paths, entries, indexWriter.scheduleIndexWrite);
  const isTrashed = (id: string) => data.trash.has(id);
  const stored = createStoredStories({ paths, readOnly, now, known, problems, isTrashed });
  const ctx: LibraryContext = {
    paths,
    data,
    enqueue,
    now,
    userName,
    async writing(run) {
      if (closed) throw new CopydeskError('conflict', 'This library was closed; another library is open now.');
      if (readOnly) throw new CopydeskError('unsupported', 'This library is open read-only.');
      return run();
    },
    isTrashed,
    indexWriter,
    known,
    stored,
    knownMedia: new Set(),
    problems,
  };

  const trash = createLibraryTrash(ctx);
  try {
    await trash.reconcile();
    await trash.sync();
    // A rebuilt library.json that cannot be written now (a full disk) is written with the next change: not a reason to refuse the library.
    if (indexWriter.dirty) {
      await indexWriter.flush().catch((error: unknown) => {
        if (!isFileSystemFailure(error)) throw error;
      });
    }
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const watcher = options.live && !readOnly
    ? watchStories({ paths, delayMs: options.watchDelayMs ?? 200, enqueue, entries, index: known.index, setAside: stored.setAside, forget: known.forget, isTrashed, seenStamp: (id) => known.seen.get(id)?.stamp, onChange: (change) => {
        problems.push(...change.problems);
        options.onStoriesChanged?.(change);
      } })
    : null;
  // The list came from library.json as it was; the story files are checked against it now, in the background.
  if (loaded.trusted) watcher?.checkAll();
  if (options.live) known.search.start();
  // Temp files a killed Copydesk left in revisions/<id>/: one folder per story, so looked for after the list is shown.
  const revisionTempsRemoved = readOnly ? Promise.resolve() : removeRevisionTempFiles(paths).then(() => undefined, () => undefined);

  return {
    root: paths.root,
    name: data.name,
    readOnly,
    problems: () => [...problems],
    listSummaries: known.summaries,
    searchStories: (query) => known.search.search(query),

    createStory: () => createStory(ctx),
    readStory: (id, readOptions) => readStory(ctx, id, readOptions),
    saveStory: (id, baseRevision, fields, saveOptions) => saveStory(ctx, id, baseRevision, fields, saveOptions),
    duplicateStory: (id) => duplicateStory(ctx, id),
    addStory: (story, addOptions) => addStory(ctx, story, addOptions),
    hasStory: (id) => entries.has(id),

    setStatus: (id, baseRevision, status) => setStatus(ctx, id, baseRevision, status),
    addNote: (id, baseRevision, text) => addNote(ctx, id, baseRevision, text),
    deleteNote: (id, baseRevision, noteId) => deleteNote(ctx, id, baseRevision, noteId),

    trashStory: (id) => trash.trashStory(id),
    restoreStory: (id) => trash.restoreStory(id),
    listTrash: () => trash.list(),
    emptyTrash: () => trash.empty(),

    listRevisions: (id) => listRevisions(paths, id),
    readRevision: (id, revisionId) => readRevision(paths, id, revisionId),
    restoreRevision: (id, baseRevision, revisionId) => restoreRevision(ctx, id, baseRevision, revisionId),

    sections: () => [...data.sections],
    saveSections: (sections) => saveSections(ctx, sections),
    renameSection: (from, to) => renameSection(ctx, from, to),

    librarySettings: () => data.librarySettings,
    saveLibrarySettings: (patch) => saveLibrarySettings(ctx, patch),
    exportSettings: () => data.settings,
    saveExportSettings: (patch) => saveExportSettings(ctx, patch),

    importImage: (sourcePath) => ctx.writing(() => importImage(paths, sourcePath)),
    readMedia: (mediaId) => readMedia(paths, mediaId),
    mediaFile(mediaId) {
      // Export copies or embeds the file named here: a link in media/ is refused, never followed.
      const file = paths.mediaFile(mediaId);
      assertNoLinksSync(paths.root, file);
      return file;
    },
    flush: indexWriter.flush,
    async close() {
      if (closed) return;
      closed = true;
      watcher?.close();
      known.search.stop();
      try {
        await enqueue.idle();
        await revisionTempsRemoved;
        // library.json only lags behind the story files here (settings are written when changed): if it cannot be
        // written now (a disk gone read-only or full), the next open rebuilds it from them, so closing goes on.
        await indexWriter.flush().catch((error: unknown) => {
          if (!isFileSystemFailure(error)) throw error;
        });
      } finally {
        // Always, even when the lock file cannot be removed: this process then takes it over when it opens the library again.
        await lock?.release();
      }
    },
  };
}
