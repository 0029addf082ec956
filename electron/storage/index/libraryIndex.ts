import { lstat, readdir } from 'node:fs/promises';
import { z } from 'zod';
import type { LibraryProblem } from '../../../shared/contract.js';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/exportSettings.js';
import { DEFAULT_LIBRARY_SETTINGS, type LibrarySettings } from '../../../shared/librarySettings.js';
import { STORY_STATUSES, type StorySummary } from '../../../shared/story.js';
import { CopydeskError } from '../../../shared/result.js';
import { writeJsonFile } from '../files/jsonFile.js';
import { assertNoLinks, LinkInLibraryError, linkProblem, readTextNoFollow } from '../files/libraryLinks.js';
import { INDEX_SCHEMA_VERSION, isStoryId, quotedName, storyIdFromFileName, type LibraryPaths } from '../files/libraryPaths.js';
import { settingsOfFormat1 } from '../migrations/library0002SettingsFile.js';
import { readSettingsFile, writeSettingsFile } from '../settings/settingsFile.js';
import { quarantineOrKeep } from '../files/quarantineFile.js';
import { readStoryFile, stampOf, type FileStamp } from '../stories/storyFiles.js';
import { summarizeStory } from '../../../shared/summarizeStory.js';

export interface IndexEntry {
  summary: StorySummary;
  mtimeMs: number;
  size: number;
}

export interface TrashEntry {
  summary: StorySummary;
  trashedAt: string;
}

// The index is a cache Copydesk wrote: its ten thousand entries are checked for shape by hand, which is ten times
// faster than parsing them with StorySummarySchema (an entry that fails is read again from its story file).
const isString = (value: unknown): value is string => typeof value === 'string';
const STATUSES: readonly unknown[] = STORY_STATUSES;

function isSummary(value: unknown): value is StorySummary {
  const summary = value as Record<string, unknown> | null;
  return (
    typeof summary === 'object' && summary !== null &&
    isString(summary.id) && isString(summary.headline) && isString(summary.section) && isString(summary.byline) &&
    Number.isInteger(summary.wordCount) && (summary.wordCount as number) >= 0 &&
    isString(summary.createdAt) && isString(summary.updatedAt) &&
    (summary.status === undefined || STATUSES.includes(summary.status))
  );
}

function isIndexEntry(value: unknown): value is IndexEntry {
  const entry = value as Record<string, unknown> | null;
  return typeof entry === 'object' && entry !== null && isSummary(entry.summary) && typeof entry.mtimeMs === 'number' && typeof entry.size === 'number';
}

function isTrashEntry(value: unknown): value is TrashEntry {
  const entry = value as Record<string, unknown> | null;
  return typeof entry === 'object' && entry !== null && isSummary(entry.summary) && isString(entry.trashedAt);
}

// library.json: format 1 also held the settings (read only to migrate them, migrations/library0002SettingsFile.ts);
// format 2 is the index alone. Either one's index is a good cache.
const IndexFileSchema = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(INDEX_SCHEMA_VERSION)]),
  stories: z.record(z.string(), z.unknown()),
});

/** What settings.json holds: all a library cannot rebuild from its story files. */
export interface LibraryIndexData {
  name: string;
  settings: ExportSettings;
  librarySettings: LibrarySettings;
  /** The managed list of sections, in order. */
  sections: string[];
  /** What the Trash holds: each story's list entry when it was trashed, and when. */
  trash: Map<string, TrashEntry>;
}

export interface LoadedIndex extends LibraryIndexData {
  entries: Map<string, IndexEntry>;
  problems: LibraryProblem[];
  /** True when the index on disk differs from the story files and should be rewritten. */
  stale: boolean;
  /** True when the entries were taken from library.json without looking at the story files (trustIndex). */
  trusted: boolean;
}

const STAT_BATCH = 256;

/** The story files' stamps; a story file that is a link is reported and left out, never read. */
async function statAll(paths: LibraryPaths, ids: string[], problems: LibraryProblem[]) {
  const stats: { id: string; mtimeMs: number; size: number }[] = [];
  for (let i = 0; i < ids.length; i += STAT_BATCH) {
    const batch = ids.slice(i, i + STAT_BATCH);
    const results = await Promise.all(batch.map((id) => lstat(paths.storyFile(id)).catch(() => null)));
    results.forEach((s, j) => {
      if (s?.isSymbolicLink()) problems.push(linkProblem(new LinkInLibraryError(`stories/${batch[j]!}.json`)));
      else if (s?.isFile()) stats.push({ id: batch[j]!, mtimeMs: s.mtimeMs, size: s.size });
    });
  }
  return stats;
}

/** library.json parsed, or what kept it from being read. A link is never followed: the library does not open. */
async function readIndexFile(paths: LibraryPaths): Promise<{ kind: 'missing' } | { kind: 'ok'; data: unknown } | { kind: 'corrupt' }> {
  const text = await readTextNoFollow(paths.indexFile, paths.root).catch((error: unknown) => {
    if (error instanceof LinkInLibraryError) {
      throw new CopydeskError('corrupt', 'library.json in this folder is a link to another file; Copydesk does not follow links in a library. Replace the link with the file itself, then open the library again.');
    }
    throw error;
  });
  if (text === null) return { kind: 'missing' };
  try {
    return { kind: 'ok', data: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'corrupt' };
  }
}

/** The entries of a library.json map whose keys are story ids; any other key is reported and skipped, never a path. */
function storyKeyed(record: Record<string, unknown>, part: string, problems: LibraryProblem[], file = 'library.json'): [string, unknown][] {
  return Object.entries(record).filter(([key]) => {
    if (isStoryId(key)) return true;
    problems.push({ file, message: `${file} lists ${quotedName(key)} in its ${part}, which is not a story id; the entry was skipped.` });
    return false;
  });
}

/**
 * Reads one story file for the index. A file that cannot be read is set aside (or left, if from a newer Copydesk), unless
 * this is the first look (`firstLook`): then it is 'again', to be read once more after a moment (a sync or a network share
 * may be mid-write), so a good file is never quarantined for one bad read.
 */
async function indexStoryFile(paths: LibraryPaths, id: string, problems: LibraryProblem[], readOnly: boolean, firstLook: boolean): Promise<{ summary: StorySummary; stamp: FileStamp } | 'again' | null> {
  const file = `stories/${id}.json`;
  try {
    const read = await readStoryFile(paths.storyFile(id), id);
    if (read.kind === 'missing') return null;
    if (read.kind === 'unreadable') {
      if (firstLook && read.error.code !== 'unsupported') return 'again';
      throw read.error;
    }
    return { summary: summarizeStory(read.story), stamp: stampOf(read.stamp) };
  } catch (error) {
    if (error instanceof LinkInLibraryError) {
      problems.push(linkProblem(error));
      return null;
    }
    if (!(error instanceof CopydeskError)) throw error;
    if (error.code === 'unsupported') {
      problems.push({ file, message: `${file} was left untouched: ${error.message}.` });
      return null;
    }
    if (readOnly) {
      problems.push({ file, message: `${file} could not be opened: ${error.message}.` });
      return null;
    }
    const moved = await quarantineOrKeep(paths, paths.storyFile(id));
    problems.push({ file, message: `${file} could not be opened and ${moved}: ${error.message}.` });
    return null;
  }
}

/** How long a story file that could not be read at open is left before it is read again (and only then set aside). */
const REREAD_MS = 250;
const waitToReread = () => new Promise<void>((resolve) => setTimeout(resolve, REREAD_MS));

export interface LoadIndexOptions {
  readOnly?: boolean;
  /**
   * Take a valid library.json at its word, without looking at every story file (the app, which then checks the
   * files in the background and reports what changed). An index from before statuses existed is checked anyway.
   */
  trustIndex?: boolean;
  /** Waits before the story files that could not be read are read again (tests change the files meanwhile). */
  waitToReread?: () => Promise<void>;
}

/** Loads library.json and brings it in line with the story files; the index is a cache, rebuilt where stale. */
export async function loadLibraryIndex(paths: LibraryPaths, defaultName: string, { readOnly = false, trustIndex = false, waitToReread: wait = waitToReread }: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const problems: LibraryProblem[] = [];
  let stale = false;
  const data: LibraryIndexData = { name: defaultName, settings: DEFAULT_EXPORT_SETTINGS, librarySettings: DEFAULT_LIBRARY_SETTINGS, sections: [], trash: new Map() };
  let cached = new Map<string, IndexEntry>();
  const read = await readIndexFile(paths);
  const format1 = read.kind === 'ok' ? settingsOfFormat1(read.data) : null;
  const settingsRead = await readSettingsFile(paths).catch((error: unknown) => {
    if (error instanceof LinkInLibraryError) {
      throw new CopydeskError('corrupt', 'settings.json in this folder is a link to another file; Copydesk does not follow links in a library. Replace the link with the file itself, then open the library again.');
    }
    throw error;
  });
  // settings.json is written again when it is missing (a new or a format-1 library) or was set aside as damaged.
  let writeSettings = settingsRead.kind !== 'ok';
  const settingsFrom = settingsRead.kind === 'ok' ? settingsRead.data : format1;
  if (settingsRead.kind === 'corrupt') {
    const kept = format1 ? 'as library.json last held them (from before settings.json existed)' : 'back to their defaults';
    if (readOnly) {
      problems.push({ file: 'settings.json', message: `settings.json could not be read (${settingsRead.reason}); the library's settings, sections and Trash dates are shown ${kept}.` });
    } else {
      const moved = await quarantineOrKeep(paths, paths.settingsFile);
      // A damaged settings.json that could not be moved aside is never written over.
      if (!moved.startsWith('was moved')) writeSettings = false;
      problems.push({
        file: 'settings.json',
        message: `settings.json could not be read (${settingsRead.reason}); it ${moved}. The export and library settings, the sections and the Trash dates are ${kept}; the old ones are in that file.`,
      });
    }
  }
  if (settingsRead.kind === 'missing' && read.kind === 'ok' && !format1) {
    problems.push({ file: 'settings.json', message: 'settings.json is missing from this library; the export and library settings and the sections are back to their defaults. Put the file back from a copy to get them again.' });
  }
  if (settingsFrom) {
    const { name, settings, librarySettings, sections, trash } = settingsFrom;
    const trashed = storyKeyed(trash, 'Trash', problems, settingsRead.kind === 'ok' ? 'settings.json' : 'library.json');
    Object.assign(data, { name, settings, librarySettings, sections, trash: new Map(trashed.filter((entry): entry is [string, TrashEntry] => isTrashEntry(entry[1]) && entry[1].summary.id === entry[0])) });
  }
  // Migration step 1 (library0002SettingsFile.ts): settings.json is on the disk before library.json is rewritten.
  if (writeSettings && !readOnly) await writeSettingsFile(paths, settingsFileData(data));

  const parsed = read.kind === 'ok' ? IndexFileSchema.safeParse(read.data) : null;
  if (parsed?.success) {
    const stories = storyKeyed(parsed.data.stories, 'stories', problems);
    if (problems.length > 0 || parsed.data.schemaVersion !== INDEX_SCHEMA_VERSION) stale = true;
    cached = new Map(stories.filter((entry): entry is [string, IndexEntry] => isIndexEntry(entry[1]) && entry[1].summary.id === entry[0]));
    const complete = !stale && cached.size === stories.length && [...cached.values()].every((entry) => entry.summary.status !== undefined);
    if (trustIndex && complete) return { ...data, entries: cached, problems, stale: false, trusted: true };
  } else {
    stale = true;
    // A damaged index is a cache, rebuilt without a word; only one that may hold settings no other file has is kept.
    const mayHoldSettings = settingsRead.kind !== 'ok';
    if (read.kind !== 'missing' && mayHoldSettings && readOnly) {
      problems.push({ file: 'library.json', message: 'library.json could not be read; the list was rebuilt from the story files.' });
    } else if (read.kind !== 'missing' && mayHoldSettings) {
      const moved = await quarantineOrKeep(paths, paths.indexFile);
      problems.push({
        file: 'library.json',
        message: `library.json could not be read; it ${moved} and was rebuilt from the story files. The export settings are back to their defaults; the old ones are in the quarantined file.`,
      });
    }
  }

  await assertNoLinks(paths.root, paths.storiesDir).catch((error: unknown) => {
    if (error instanceof LinkInLibraryError) {
      throw new CopydeskError('corrupt', 'stories/ in this folder is a link to another folder; Copydesk does not follow links in a library. Replace the link with the folder itself, then open the library again.');
    }
    throw error;
  });
  const names = await readdir(paths.storiesDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && readOnly) return [] as string[];
    throw error;
  });
  const ids = names.map(storyIdFromFileName).filter((id): id is string => id !== null);
  const entries = new Map<string, IndexEntry>();
  const again: string[] = [];
  for (const file of await statAll(paths, ids, problems)) {
    const known = cached.get(file.id);
    // An entry from before statuses existed is read again, to learn the story's status.
    if (known && known.mtimeMs === file.mtimeMs && known.size === file.size && known.summary.id === file.id && known.summary.status !== undefined) {
      entries.set(file.id, known);
      continue;
    }
    stale = true;
    const indexed = await indexStoryFile(paths, file.id, problems, readOnly, true);
    if (indexed === 'again') again.push(file.id);
    else if (indexed) entries.set(file.id, { summary: indexed.summary, ...indexed.stamp });
  }
  if (again.length > 0) await wait();
  for (const id of again) {
    const indexed = await indexStoryFile(paths, id, problems, readOnly, false);
    if (indexed && indexed !== 'again') entries.set(id, { summary: indexed.summary, ...indexed.stamp });
  }
  if (entries.size !== cached.size) stale = true;
  return { ...data, entries, problems, stale, trusted: false };
}

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/** What settings.json holds, from the library's settings in memory (the Trash's entries in id order). */
export const settingsFileData = (data: LibraryIndexData) => ({
  name: data.name,
  settings: data.settings,
  librarySettings: data.librarySettings,
  sections: data.sections,
  trash: Object.fromEntries([...data.trash].sort(byKey)),
});

/** Writes library.json, the index of story summaries (format 2: nothing else), durably. */
export async function writeLibraryIndex(paths: LibraryPaths, entries: Map<string, IndexEntry>): Promise<void> {
  await writeJsonFile(paths.indexFile, {
    schemaVersion: INDEX_SCHEMA_VERSION,
    stories: Object.fromEntries([...entries].sort(byKey)),
  });
}
