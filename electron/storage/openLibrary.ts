import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryProblem, SaveResult, StoryChange } from '../../shared/contract.js';
import { ExportSettingsSchema } from '../../shared/exportSettings.js';
import { LibrarySettingsSchema, SectionListSchema } from '../../shared/librarySettings.js';
import { CopydeskError } from '../../shared/result.js';
import type { RevisionReason } from '../../shared/revisions.js';
import {
  EMPTY_STORY_META,
  emptyStoryFields,
  emptyStoryWorkflow,
  STORY_SCHEMA_VERSION,
  STORY_TEXT_MAX,
  type Story,
  type StoryEdit,
  type StorySummary,
} from '../../shared/story.js';
import { bodyText } from '../../shared/bodyText.js';
import { canonicalJson } from './canonicalJson.js';
import { ioError } from './ioError.js';
import { createKeyedQueue } from './keyedQueue.js';
import { acquireLibraryLock, type LibraryLock } from './libraryLock.js';
import { loadLibraryIndex, writeLibraryIndex, type IndexEntry, type LibraryIndexData } from './libraryIndex.js';
import { libraryPaths } from './libraryPaths.js';
import { createLibrarySearch, storySearchText } from './librarySearch.js';
import { createLibraryTrash } from './libraryTrash.js';
import { importImage, mediaExists, readMedia } from './mediaStore.js';
import { orderedStory } from './orderedStory.js';
import { pathExists } from './pathExists.js';
import { quarantineFile } from './quarantineFile.js';
import type { LibraryStore, OpenLibraryOptions, SectionRename } from './libraryStore.js';
import { keepRevision, listRevisions, readRevision } from './revisionStore.js';
import { readSmallFile, readStoryFile, sameStamp, StaleFileError, stampOrNull, writeFileChecked, type FileCheck, type FileStamp } from './storyFiles.js';
import { SeenVersions } from './seenVersions.js';
import { editedFields, isBlank, pickFields, sameFields } from './storyEdits.js';
import { summarizeStory } from '../../shared/summarizeStory.js';
import { watchStories } from './watchStories.js';

export type { LibraryStore, OpenLibraryOptions, SaveOptions, SectionRename } from './libraryStore.js';

const INDEX_KEY = '\u0000index';
const SECTIONS_KEY = '\u0000sections';
/** The session of saves that name none: one per story while the library is open. */
const DEFAULT_SESSION = '\u0000open';
/** library.json is written at the latest this many index delays after the first change it has not taken in. */
const INDEX_MAX_WAIT = 10;

/** A story's list entry and the text it is found by. */
function prepareIndex(story: Story) {
  const text = bodyText(story.body);
  return { summary: summarizeStory(story, text), searchText: storySearchText(story, text) };
}

const changedElsewhere = () => new CopydeskError('conflict', 'This story was changed elsewhere since you opened it.');

/** Opens (creating if needed) a library folder. The store keeps story summaries in memory, never every body. */
export async function openLibrary(root: string, options: OpenLibraryOptions = {}): Promise<LibraryStore> {
  const paths = libraryPaths(path.resolve(root));
  const now = options.now ?? (() => new Date());
  const userName = options.userName ?? (() => '');
  const indexDelayMs = options.indexDelayMs ?? 1000;
  const readOnly = options.readOnly ?? false;

  let lock: LibraryLock | null = null;
  if (!readOnly) {
    await mkdir(paths.root, { recursive: true });
    lock = await acquireLibraryLock(paths.lockFile, now);
  }
  let loaded;
  try {
    if (!readOnly) {
      await mkdir(paths.storiesDir, { recursive: true });
      await mkdir(paths.mediaDir, { recursive: true });
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
  let indexDirty = loaded.stale;
  let indexTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const seen = new SeenVersions(entries);
  const sessions = new Map<string, string>();
  /** Media files seen in media/ (content-addressed, never deleted by Copydesk), so a save need not look again. */
  const knownMedia = new Set<string>();

  const assertWritable = () => {
    if (readOnly) throw new CopydeskError('unsupported', 'This library is open read-only.');
  };
  /** Runs a change unless the library is closing; changes queued before close() still finish. */
  const writing = async <T>(run: () => Promise<T>): Promise<T> => {
    if (closed) throw new CopydeskError('conflict', 'This library was closed; another library is open now.');
    assertWritable();
    return run();
  };

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
    const wait = Math.min(lastChange + indexDelayMs, firstChange + indexDelayMs * INDEX_MAX_WAIT) - at;
    if (wait > 0) {
      indexTimer = setTimeout(writeIndexWhenQuiet, wait);
      return;
    }
    indexTimer = null;
    void flush().catch(() => undefined);
  };
  const scheduleIndexWrite = () => {
    indexDirty = true;
    lastChange = performance.now();
    if (indexTimer || readOnly) return;
    firstChange = lastChange;
    indexTimer = setTimeout(writeIndexWhenQuiet, indexDelayMs);
  };

  /** Writes library.json now (a settings change), putting the old value back if that fails. */
  async function storeNow<T>(what: string, apply: () => void, undo: () => void, result: () => T): Promise<T> {
    apply();
    indexDirty = true;
    try {
      await flush();
    } catch (error) {
      undo();
      throw ioError('saved to', error, what);
    }
    return result();
  }

  const search = createLibrarySearch({
    ids: () => [...entries.keys()],
    lists: (id) => entries.has(id),
    summaries: () => [...entries.values()].map((entry) => entry.summary),
    summary: (id) => entries.get(id)?.summary,
    async readText(id) {
      return storySearchText(JSON.parse(await readSmallFile(paths.storyFile(id))) as Story);
    },
  });

  const remember = (id: string, stamp: FileStamp, story: Story) => seen.remember(id, stamp, story);

  /** Takes a story out of the list, the search and memory (trashed, deleted or quarantined). */
  function forget(id: string) {
    if (entries.delete(id)) scheduleIndexWrite();
    seen.forget(id);
    sessions.delete(id);
    search.remove(id);
    search.invalidate();
  }

  /** Puts a story version into the list and the search (`prepared`: its summary and search text, made already). */
  function index(story: Story, stamp: FileStamp, prepared = prepareIndex(story)): StorySummary {
    entries.set(story.id, { summary: prepared.summary, mtimeMs: stamp.mtimeMs, size: stamp.size } satisfies IndexEntry);
    search.update(story.id, prepared.searchText);
    search.invalidate();
    scheduleIndexWrite();
    return prepared.summary;
  }

  /**
   * Writes a story file made by `make` (null: nothing to write) on the writer thread; with `check`, only if the file on
   * disk is still that version right before it is replaced. The summary and search text are made meanwhile. Resolves to the story written and its summary, or null.
   */
  async function writeStoryWith(id: string, make: () => Story | null, check?: FileCheck): Promise<{ story: Story; summary: StorySummary } | null> {
    let ordered: Story | null = null;
    let prepared: ReturnType<typeof prepareIndex> | undefined;
    let stamp: FileStamp | null;
    try {
      stamp = await writeFileChecked(
        paths.storyFile(id),
        () => {
          const story = make();
          ordered = story && orderedStory(story);
          return ordered && `${JSON.stringify(ordered, null, 2)}\n`;
        },
        check,
        () => (prepared = prepareIndex(ordered!)),
      );
    } catch (error) {
      throw error instanceof StaleFileError || error instanceof CopydeskError ? error : ioError('saved to', error);
    }
    if (stamp === null || ordered === null) return null;
    const story: Story = ordered;
    remember(id, stamp, story);
    return { story, summary: index(story, stamp, prepared) };
  }

  /** Writes a story file; with `check`, only if the file on disk passes it right before it is replaced. */
  async function writeStory(story: Story, check?: FileCheck): Promise<StorySummary> {
    return (await writeStoryWith(story.id, () => story, check))!.summary;
  }

  /** Sets an unreadable story file aside in quarantine/ (not in a read-only library) and says so. */
  async function setAside(id: string, error: CopydeskError): Promise<LibraryProblem> {
    const file = `stories/${id}.json`;
    if (readOnly || error.code === 'unsupported') {
      return { file, message: `${file} ${error.code === 'unsupported' ? 'was left untouched' : 'could not be opened'}: ${error.message}.` };
    }
    const moved = await quarantineFile(paths.storyFile(id), paths.quarantineDir, now());
    forget(id);
    return { file, message: `${file} could not be opened and was moved to quarantine/${moved}: ${error.message}.` };
  }

  async function readStored(id: string): Promise<{ story: Story; stamp: FileStamp }> {
    const read = await readStoryFile(paths.storyFile(id), id).catch((error: unknown) => {
      throw ioError('read from', error);
    });
    if (read.kind === 'missing') {
      forget(id);
      const inTrash = trash.has(id);
      throw new CopydeskError('not-found', inTrash ? 'This story is in the Trash; restore it to open it.' : 'This story is no longer in the library; it may have been deleted or moved.');
    }
    if (read.kind === 'unreadable') {
      const problem = await setAside(id, read.error);
      problems.push(problem);
      throw new CopydeskError(read.error.code === 'unsupported' ? 'unsupported' : 'corrupt', problem.message);
    }
    return read;
  }

  /**
   * The stored story a change is based on, after checking it is the version the editor has: the same revision, and
   * the same file on disk as when the editor read it or Copydesk wrote it (a hand edit or a sync may keep the
   * revision number). Null when the file is gone from disk.
   */
  async function storedForChange(id: string, baseRevision: number): Promise<Story | null> {
    if (trash.has(id)) throw new CopydeskError('not-found', 'This story is in the Trash; restore it to edit it.');
    const stamp = await stampOrNull(paths.storyFile(id)).catch((error: unknown) => {
      throw ioError('read from', error);
    });
    if (stamp === null) return null;
    const known = seen.get(id);
    let story = known && sameStamp(known.stamp, stamp) ? known.story : undefined;
    if (!story) {
      const read = await readStored(id);
      // Touched but unchanged (a sync that rewrote the same bytes) is no conflict.
      if (known && !sameStamp(known.stamp, read.stamp) && !(known.story && JSON.stringify(known.story) === JSON.stringify(orderedStory(read.story)))) {
        throw changedElsewhere();
      }
      story = read.story;
      remember(id, read.stamp, story);
    }
    if (story.revision !== baseRevision) throw changedElsewhere();
    return story;
  }

  /** Writes the editor's fields over `stored` (null: the file is gone, write it anew), unless nothing changed. */
  async function saveEdit(id: string, baseRevision: number, stored: Story | null, fields: StoryEdit, check?: FileCheck): Promise<SaveResult> {
    // Comparing and serialising happen while the temp file opens.
    const written = await writeStoryWith(
      id,
      () => {
        const edited = editedFields(fields, stored);
        if (stored && sameFields(stored, edited)) return null;
        const stamp = now().toISOString();
        return {
          ...(stored ?? { schemaVersion: STORY_SCHEMA_VERSION, id, createdAt: stamp, ...emptyStoryWorkflow() }),
          revision: (stored?.revision ?? baseRevision) + 1,
          updatedAt: stamp,
          updatedBy: userName(),
          ...pickFields(edited),
        } as Story;
      },
      check,
    );
    if (!written) return { changed: false, revision: stored!.revision, updatedAt: stored!.updatedAt, summary: entries.get(id)?.summary ?? summarizeStory(stored!) };
    return { changed: true, revision: written.story.revision, updatedAt: written.story.updatedAt, summary: written.summary };
  }

  const keep = (story: Story, reason: RevisionReason) =>
    keepRevision(paths, story, reason, { now: now(), timeZone: data.settings.timeZone }).catch((error: unknown) => {
      throw ioError('saved to', error, 'A revision of the story');
    });

  /** A change to a stored story (not an edit of its text): checked against baseRevision, kept first if `reason`. */
  const changeStory = (id: string, baseRevision: number, change: (story: Story) => Story, reason?: RevisionReason): Promise<StoryChange> =>
    writing(() => enqueue(id, async () => {
      const stored = await storedForChange(id, baseRevision);
      if (!stored) throw new CopydeskError('not-found', 'This story is no longer in the library; it may have been deleted or moved.');
      if (reason) await keep(stored, reason);
      const story = orderedStory({ ...change(stored), revision: stored.revision + 1 });
      const summary = await writeStory(story);
      return { revision: story.revision, updatedAt: story.updatedAt, summary, story };
    }));

  const trash = createLibraryTrash({ paths, data, enqueue, now, forget, scheduleIndexWrite, writing, readStored, index, remember, summaryOf: (id) => entries.get(id)?.summary });
  try {
    await trash.sync();
    if (indexDirty) await flush();
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const watcher = options.live && !readOnly
    ? watchStories({ paths, delayMs: options.watchDelayMs ?? 200, enqueue, entries, index, setAside, forget, isTrashed: (id) => trash.has(id), onChange: (change) => {
        problems.push(...change.problems);
        options.onStoriesChanged?.(change);
      } })
    : null;
  // The list came from library.json as it was; the story files are checked against it now, in the background.
  if (loaded.trusted) watcher?.checkAll();
  if (options.live) search.start();

  return {
    root: paths.root,
    name: data.name,
    readOnly,
    problems: () => [...problems],
    listSummaries: () =>
      [...entries.values()].map((entry) => entry.summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)),
    searchStories: (query) => search.search(query),

    createStory: () => writing(async () => {
      const id = randomUUID();
      const stamp = now().toISOString();
      const story: Story = {
        schemaVersion: STORY_SCHEMA_VERSION,
        id,
        revision: 1,
        createdAt: stamp,
        updatedAt: stamp,
        ...emptyStoryWorkflow(),
        updatedBy: userName(),
        ...emptyStoryFields(),
        ...EMPTY_STORY_META,
      };
      await enqueue(id, () => writeStory(story));
      return orderedStory(story);
    }),

    readStory: (id, { forEditor = false } = {}) =>
      enqueue(id, async () => {
        const known = seen.get(id);
        if (!forEditor && known?.story) {
          const stamp = await stampOrNull(paths.storyFile(id));
          if (stamp && sameStamp(stamp, known.stamp)) return known.story;
        }
        const { story, stamp } = await readStored(id);
        if (forEditor) remember(id, stamp, story);
        return story;
      }),

    saveStory: (id, baseRevision, fields, { session } = {}) =>
      writing(() => enqueue(id, async () => {
        if (fields.image && !knownMedia.has(fields.image.id)) {
          if (!(await mediaExists(paths, fields.image.id))) throw new CopydeskError('invalid-input', 'The lead image is missing from the library; choose it again.');
          knownMedia.add(fields.image.id);
        }
        const sessionKey = session === undefined ? DEFAULT_SESSION : session;
        const known = seen.get(id);
        // The story being edited is in memory: write over it if the file is still that version, without reading it.
        if (known?.story && !trash.has(id) && (sessionKey === null || sessions.get(id) === sessionKey)) {
          if (known.story.revision !== baseRevision) throw changedElsewhere();
          try {
            return await saveEdit(id, baseRevision, known.story, fields, { unchangedSince: known.stamp });
          } catch (error) {
            // The file is no longer the version kept in memory: the save goes the careful way, reading it first.
            if (!(error instanceof StaleFileError)) throw error;
          }
        }
        let stored: Story | null = null;
        try {
          stored = await storedForChange(id, baseRevision);
        } catch (error) {
          // A story file damaged on disk is written anew from the editor (the damaged one is in quarantine).
          if (!(error instanceof CopydeskError) || error.code !== 'corrupt') throw error;
        }
        if (stored && sessionKey !== null && sessions.get(id) !== sessionKey && !isBlank(stored) && !sameFields(stored, editedFields(fields, stored))) {
          await keep(stored, 'session');
        }
        const result = await saveEdit(id, baseRevision, stored, fields);
        if (sessionKey !== null && result.changed) sessions.set(id, sessionKey);
        return result;
      })),

    duplicateStory: (id) => writing(async () => {
      const source = await enqueue(id, async () => (await readStored(id)).story);
      const copyId = randomUUID();
      const stamp = now().toISOString();
      const story: Story = {
        ...source,
        ...emptyStoryWorkflow(),
        id: copyId,
        revision: 1,
        createdAt: stamp,
        updatedAt: stamp,
        updatedBy: userName(),
        headline: `${source.headline} (copy)`.trim().slice(0, STORY_TEXT_MAX.headline),
        slug: '',
        publishedAt: null,
      };
      await enqueue(copyId, () => writeStory(story));
      return orderedStory(story);
    }),

    setStatus: (id, baseRevision, status) =>
      changeStory(id, baseRevision, (story) => ({ ...story, status, statusHistory: [...story.statusHistory, { status, at: now().toISOString(), by: userName() }] }), 'status'),

    addNote: (id, baseRevision, text) =>
      changeStory(id, baseRevision, (story) => ({ ...story, notes: [...story.notes, { id: randomUUID(), at: now().toISOString(), by: userName(), text }] })),

    deleteNote: (id, baseRevision, noteId) =>
      changeStory(id, baseRevision, (story) => {
        if (!story.notes.some((note) => note.id === noteId)) throw new CopydeskError('not-found', 'This note is no longer on the story.');
        return { ...story, notes: story.notes.filter((note) => note.id !== noteId) };
      }),

    trashStory: (id) => trash.trashStory(id),
    restoreStory: (id) => trash.restoreStory(id),
    listTrash: () => trash.list(),
    emptyTrash: () => trash.empty(),

    listRevisions: (id) => listRevisions(paths, id),
    readRevision: (id, revisionId) => readRevision(paths, id, revisionId),
    restoreRevision: async (id, baseRevision, revisionId) => {
      const revision = await readRevision(paths, id, revisionId);
      const { story } = await changeStory(
        id,
        baseRevision,
        (current) => ({ ...current, ...pickFields(revision), updatedAt: now().toISOString(), updatedBy: userName() }),
        'restore',
      );
      return story;
    },

    addStory: (story, { reason } = {}) =>
      writing(() => enqueue(story.id, async () => {
        const exists = await pathExists(paths.storyFile(story.id));
        if (exists || entries.has(story.id) || trash.has(story.id)) throw new CopydeskError('conflict', `The library already has a story with id ${story.id}.`);
        const summary = await writeStory(story);
        if (reason) await keep(story, reason);
        return summary;
      })),
    hasStory: (id) => entries.has(id),

    sections: () => [...data.sections],
    saveSections: (sections) =>
      writing(() => enqueue(SECTIONS_KEY, async () => {
        const parsed = SectionListSchema.safeParse(sections);
        if (!parsed.success) throw new CopydeskError('invalid-input', parsed.error.issues[0]!.message);
        const previous = data.sections;
        return storeNow('The sections', () => (data.sections = parsed.data), () => (data.sections = previous), () => [...data.sections]);
      })),
    renameSection: (from, to) =>
      writing(() => enqueue(SECTIONS_KEY, async () => {
        if (from === to) return { sections: [...data.sections], updated: [] };
        const listed = data.sections.some((name) => name === from);
        const users = [...entries.values()].filter((entry) => entry.summary.section === from).map((entry) => entry.summary.id);
        if (!listed && users.length === 0) throw new CopydeskError('not-found', `There is no section “${from}”.`);
        const renamed = data.sections.map((name) => (name === from ? to : name));
        const next = renamed.filter((name, i) => renamed.findIndex((other) => other.toLocaleLowerCase() === name.toLocaleLowerCase()) === i);
        if (!listed && !next.some((name) => name.toLocaleLowerCase() === to.toLocaleLowerCase())) next.push(to);
        const previous = data.sections;
        await storeNow('The sections', () => (data.sections = next), () => (data.sections = previous), () => undefined);
        const updated: SectionRename['updated'] = [];
        for (const id of users) {
          const result = await enqueue(id, async () => {
            const { story: stored } = await readStored(id).catch(() => ({ story: null }));
            if (!stored || stored.section !== from) return null;
            const story = orderedStory({ ...stored, section: to, revision: stored.revision + 1, updatedAt: now().toISOString(), updatedBy: userName() });
            return { id, revision: story.revision, updatedAt: story.updatedAt, summary: await writeStory(story) };
          });
          if (result) updated.push(result);
        }
        return { sections: [...data.sections], updated };
      })),

    librarySettings: () => data.librarySettings,
    saveLibrarySettings: (patch) => writing(async () => {
      const next = LibrarySettingsSchema.safeParse({ ...data.librarySettings, ...patch });
      if (!next.success) throw new CopydeskError('invalid-input', next.error.issues[0]!.message);
      if (canonicalJson(next.data) === canonicalJson(data.librarySettings)) return data.librarySettings;
      const previous = data.librarySettings;
      return storeNow('The library settings', () => (data.librarySettings = next.data), () => (data.librarySettings = previous), () => data.librarySettings);
    }),

    exportSettings: () => data.settings,
    saveExportSettings: (patch) => writing(async () => {
      const next = ExportSettingsSchema.safeParse({ ...data.settings, ...patch });
      if (!next.success) throw new CopydeskError('invalid-input', next.error.issues[0]!.message);
      if (canonicalJson(next.data) === canonicalJson(data.settings)) return data.settings;
      const previous = data.settings;
      return storeNow('The export settings', () => (data.settings = next.data), () => (data.settings = previous), () => data.settings);
    }),

    importImage: (sourcePath) => writing(() => importImage(paths, sourcePath)),
    readMedia: (mediaId) => readMedia(paths, mediaId),
    mediaFile: (mediaId) => paths.mediaFile(mediaId),
    flush,
    async close() {
      if (closed) return;
      closed = true;
      watcher?.close();
      search.stop();
      await enqueue.idle();
      try {
        await flush();
      } finally {
        await lock?.release();
      }
    },
  };
}
