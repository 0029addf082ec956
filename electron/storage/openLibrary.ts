import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryProblem, SaveResult } from '../../shared/contract.js';
import { ExportSettingsSchema, type ExportSettings } from '../../shared/exportSettings.js';
import { CopydeskError } from '../../shared/result.js';
import {
  EMPTY_STORY_META,
  emptyStoryFields,
  STORY_SCHEMA_VERSION,
  StoryFieldsSchema,
  StoryMetaSchema,
  StorySchema,
  type MediaRef,
  type Story,
  type StoryEdit,
  type StoryFields,
  type StoryMeta,
  type StorySummary,
} from '../../shared/story.js';
import { readJsonFile, writeJsonFile } from './jsonFile.js';
import { canonicalJson } from './canonicalJson.js';
import { createKeyedQueue } from './keyedQueue.js';
import { loadLibraryIndex, writeLibraryIndex, type IndexEntry } from './libraryIndex.js';
import { libraryPaths } from './libraryPaths.js';
import { importImage, mediaExists, readMedia } from './mediaStore.js';
import { migrateStory } from './migrations/migrateStory.js';
import { quarantineFile } from './quarantineFile.js';
import { summarizeStory } from './summarizeStory.js';

export interface LibraryStore {
  readonly root: string;
  readonly name: string;
  problems(): LibraryProblem[];
  /** Summaries of every story, most recently edited first. */
  listSummaries(): StorySummary[];
  createStory(): Promise<Story>;
  readStory(id: string): Promise<Story>;
  /** Saves edited fields; a publishing field (slug, tags, publishedAt) left out keeps its stored value. */
  saveStory(id: string, baseRevision: number, fields: StoryEdit): Promise<SaveResult>;
  /** Adds a whole story under its own id (an import); refuses with 'conflict' if the library has a story with that id. */
  addStory(story: Story): Promise<StorySummary>;
  hasStory(id: string): boolean;
  exportSettings(): ExportSettings;
  /** Changes the given export settings, keeps the others, and writes library.json before resolving. */
  saveExportSettings(patch: Partial<ExportSettings>): Promise<ExportSettings>;
  importImage(sourcePath: string): Promise<MediaRef>;
  readMedia(mediaId: string): Promise<Buffer>;
  mediaFile(mediaId: string): string;
  /** Writes the index now if it has changed. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenLibraryOptions {
  /** Milliseconds to gather index changes before writing library.json (saving a story never waits for it). */
  indexDelayMs?: number;
  now?: () => Date;
}

/** A file-system failure as a message a writer can act on; the text stays in the editor and is retried. */
function ioError(action: 'saved to' | 'read from', error: unknown, what = 'The story'): CopydeskError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Copydesk may not write to the library folder'
    : code === 'ENOTDIR' || code === 'ENOENT' ? 'the library folder is missing or was moved'
    : (error as Error).message;
  return new CopydeskError('io', `${what} could not be ${action} the library: ${reason}.`);
}

const INDEX_KEY = '\u0000index';

type EditedFields = StoryFields & StoryMeta;
const FIELD_KEYS = [...Object.keys(StoryFieldsSchema.shape), ...Object.keys(StoryMetaSchema.shape)] as (keyof EditedFields)[];
const sameFields = (a: EditedFields, b: EditedFields) => FIELD_KEYS.every((key) => canonicalJson(a[key]) === canonicalJson(b[key]));

/** The fields a save writes: the edit, with each publishing field it leaves out taken from the stored story. */
function editedFields(edit: StoryEdit, stored: StoryMeta | null): EditedFields {
  const meta = stored ?? EMPTY_STORY_META;
  return { ...edit, slug: edit.slug ?? meta.slug, tags: edit.tags ?? meta.tags, publishedAt: edit.publishedAt === undefined ? meta.publishedAt : edit.publishedAt };
}

/** Opens (creating if needed) a library folder. The store keeps story summaries in memory, never bodies. */
export async function openLibrary(root: string, options: OpenLibraryOptions = {}): Promise<LibraryStore> {
  const paths = libraryPaths(path.resolve(root));
  const now = options.now ?? (() => new Date());
  const indexDelayMs = options.indexDelayMs ?? 300;
  await mkdir(paths.storiesDir, { recursive: true });
  await mkdir(paths.mediaDir, { recursive: true });

  const loaded = await loadLibraryIndex(paths, path.basename(paths.root) || 'Library');
  const entries = loaded.entries;
  const problems = [...loaded.problems];
  let settings = loaded.settings;
  const enqueue = createKeyedQueue();
  let indexDirty = loaded.stale;
  let indexTimer: ReturnType<typeof setTimeout> | null = null;

  const flush = () =>
    enqueue(INDEX_KEY, async () => {
      if (indexTimer) clearTimeout(indexTimer);
      indexTimer = null;
      if (!indexDirty) return;
      indexDirty = false;
      try {
        await writeLibraryIndex(paths, loaded.name, settings, entries);
      } catch (error) {
        indexDirty = true;
        throw error;
      }
    });

  const scheduleIndexWrite = () => {
    indexDirty = true;
    if (indexTimer) return;
    indexTimer = setTimeout(() => void flush().catch(() => undefined), indexDelayMs);
  };

  if (indexDirty) await flush();

  async function writeStory(story: Story): Promise<StorySummary> {
    const file = paths.storyFile(story.id);
    let info;
    try {
      await writeJsonFile(file, StorySchema.parse(story));
      info = await stat(file);
    } catch (error) {
      throw ioError('saved to', error);
    }
    const summary = summarizeStory(story);
    entries.set(story.id, { summary, mtimeMs: info.mtimeMs, size: info.size } satisfies IndexEntry);
    scheduleIndexWrite();
    return summary;
  }

  async function readStoryFile(id: string): Promise<Story> {
    const file = paths.storyFile(id);
    const read = await readJsonFile(file).catch((error: unknown) => {
      throw ioError('read from', error);
    });
    if (read.kind === 'missing') {
      if (entries.delete(id)) scheduleIndexWrite();
      throw new CopydeskError('not-found', 'This story is no longer in the library; it may have been deleted or moved.');
    }
    try {
      if (read.kind === 'corrupt') throw new CopydeskError('corrupt', `it is not valid JSON (${read.message})`);
      return migrateStory(read.data);
    } catch (error) {
      if (!(error instanceof CopydeskError) || error.code === 'unsupported') throw error;
      const moved = await quarantineFile(file, paths.quarantineDir);
      const message = `stories/${id}.json could not be opened and was moved to quarantine/${moved}: ${error.message}.`;
      problems.push({ file: `stories/${id}.json`, message });
      if (entries.delete(id)) scheduleIndexWrite();
      throw new CopydeskError('corrupt', message);
    }
  }

  return {
    root: paths.root,
    name: loaded.name,
    problems: () => [...problems],
    listSummaries: () =>
      [...entries.values()].map((entry) => entry.summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)),

    async createStory() {
      const id = randomUUID();
      const stamp = now().toISOString();
      const story: Story = {
        schemaVersion: STORY_SCHEMA_VERSION,
        id,
        revision: 1,
        createdAt: stamp,
        updatedAt: stamp,
        ...emptyStoryFields(),
        ...EMPTY_STORY_META,
      };
      await enqueue(id, () => writeStory(story));
      return story;
    },

    readStory: (id) => enqueue(id, () => readStoryFile(id)),

    saveStory: (id, baseRevision, fields) =>
      enqueue(id, async () => {
        if (fields.image && !(await mediaExists(paths, fields.image.id))) {
          throw new CopydeskError('invalid-input', 'The lead image is missing from the library; choose it again.');
        }
        let stored: Story | null = null;
        try {
          stored = await readStoryFile(id);
        } catch (error) {
          // A story file deleted or damaged on disk is written anew from the editor (a damaged one is in quarantine).
          if (!(error instanceof CopydeskError) || (error.code !== 'corrupt' && error.code !== 'not-found')) throw error;
        }
        if (stored && stored.revision !== baseRevision) {
          throw new CopydeskError('conflict', 'This story was changed elsewhere since you opened it.');
        }
        const edited = editedFields(fields, stored);
        if (stored && sameFields(stored, edited)) {
          return { changed: false, revision: stored.revision, updatedAt: stored.updatedAt, summary: summarizeStory(stored) };
        }
        const stamp = now().toISOString();
        const story: Story = {
          schemaVersion: STORY_SCHEMA_VERSION,
          id,
          revision: (stored?.revision ?? baseRevision) + 1,
          createdAt: stored?.createdAt ?? stamp,
          updatedAt: stamp,
          ...edited,
        };
        const summary = await writeStory(story);
        return { changed: true, revision: story.revision, updatedAt: story.updatedAt, summary };
      }),

    addStory: (story) =>
      enqueue(story.id, async () => {
        const exists = await stat(paths.storyFile(story.id)).then(() => true, () => false);
        if (exists || entries.has(story.id)) throw new CopydeskError('conflict', `The library already has a story with id ${story.id}.`);
        return writeStory(story);
      }),
    hasStory: (id) => entries.has(id),

    exportSettings: () => settings,
    async saveExportSettings(patch) {
      const next = ExportSettingsSchema.safeParse({ ...settings, ...patch });
      if (!next.success) throw new CopydeskError('invalid-input', next.error.issues[0]!.message);
      if (canonicalJson(next.data) === canonicalJson(settings)) return settings;
      const previous = settings;
      settings = next.data;
      indexDirty = true;
      try {
        await flush();
      } catch (error) {
        settings = previous;
        throw ioError('saved to', error, 'The export settings');
      }
      return settings;
    },

    importImage: (sourcePath) => importImage(paths, sourcePath),
    readMedia: (mediaId) => readMedia(paths, mediaId),
    mediaFile: (mediaId) => paths.mediaFile(mediaId),
    flush,
    close: flush,
  };
}
