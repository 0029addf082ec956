import { readdir, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { LibraryProblem } from '../../shared/contract.js';
import { DEFAULT_EXPORT_SETTINGS, ExportSettingsSchema, type ExportSettings } from '../../shared/exportSettings.js';
import { StorySummarySchema, type StorySummary } from '../../shared/story.js';
import { CopydeskError } from '../../shared/result.js';
import { readJsonFile, writeJsonFile } from './jsonFile.js';
import { INDEX_SCHEMA_VERSION, storyIdFromFileName, type LibraryPaths } from './libraryPaths.js';
import { migrateStory } from './migrations/migrateStory.js';
import { quarantineFile } from './quarantineFile.js';
import { summarizeStory } from './summarizeStory.js';

const IndexEntrySchema = z.object({ summary: StorySummarySchema, mtimeMs: z.number(), size: z.number() });
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

const IndexFileSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  name: z.string(),
  settings: ExportSettingsSchema.default(DEFAULT_EXPORT_SETTINGS),
  stories: z.record(z.string(), IndexEntrySchema),
});

export interface LoadedIndex {
  name: string;
  settings: ExportSettings;
  entries: Map<string, IndexEntry>;
  problems: LibraryProblem[];
  /** True when the index on disk differs from the story files and should be rewritten. */
  stale: boolean;
}

const STAT_BATCH = 256;

async function statAll(paths: LibraryPaths, ids: string[]) {
  const stats: { id: string; mtimeMs: number; size: number }[] = [];
  for (let i = 0; i < ids.length; i += STAT_BATCH) {
    const batch = ids.slice(i, i + STAT_BATCH);
    const results = await Promise.all(batch.map((id) => stat(paths.storyFile(id)).catch(() => null)));
    results.forEach((s, j) => s?.isFile() && stats.push({ id: batch[j]!, mtimeMs: s.mtimeMs, size: s.size }));
  }
  return stats;
}

/** Reads one story file for the index; a file that cannot be read is set aside (or left, if from a newer Copydesk). */
async function indexStoryFile(paths: LibraryPaths, id: string, problems: LibraryProblem[]): Promise<StorySummary | null> {
  const file = `stories/${id}.json`;
  const read = await readJsonFile(paths.storyFile(id));
  if (read.kind === 'missing') return null;
  try {
    if (read.kind === 'corrupt') throw new CopydeskError('corrupt', `it is not valid JSON (${read.message})`);
    const story = migrateStory(read.data);
    if (story.id !== id) throw new CopydeskError('corrupt', `it holds story "${story.id}", not "${id}"`);
    return summarizeStory(story);
  } catch (error) {
    if (!(error instanceof CopydeskError)) throw error;
    if (error.code === 'unsupported') {
      problems.push({ file, message: `${file} was left untouched: ${error.message}.` });
      return null;
    }
    const moved = await quarantineFile(paths.storyFile(id), paths.quarantineDir);
    problems.push({ file, message: `${file} could not be opened and was moved to quarantine/${moved}: ${error.message}.` });
    return null;
  }
}

/** Loads library.json and brings it in line with the story files; the index is a cache, rebuilt where stale. */
export async function loadLibraryIndex(paths: LibraryPaths, defaultName: string): Promise<LoadedIndex> {
  const problems: LibraryProblem[] = [];
  let stale = false;
  let name = defaultName;
  let settings = DEFAULT_EXPORT_SETTINGS;
  let cached = new Map<string, IndexEntry>();
  const read = await readJsonFile(paths.indexFile);
  const parsed = read.kind === 'ok' ? IndexFileSchema.safeParse(read.data) : null;
  if (parsed?.success) {
    name = parsed.data.name;
    settings = parsed.data.settings;
    cached = new Map(Object.entries(parsed.data.stories));
  } else {
    stale = true;
    if (read.kind !== 'missing') {
      const moved = await quarantineFile(paths.indexFile, paths.quarantineDir);
      problems.push({
        file: 'library.json',
        message: `library.json could not be read; it was moved to quarantine/${moved} and rebuilt from the story files. The export settings are back to their defaults; the old ones are in the quarantined file.`,
      });
    }
  }

  const ids = (await readdir(paths.storiesDir)).map(storyIdFromFileName).filter((id): id is string => id !== null);
  const entries = new Map<string, IndexEntry>();
  for (const file of await statAll(paths, ids)) {
    const known = cached.get(file.id);
    if (known && known.mtimeMs === file.mtimeMs && known.size === file.size && known.summary.id === file.id) {
      entries.set(file.id, known);
      continue;
    }
    stale = true;
    const summary = await indexStoryFile(paths, file.id, problems);
    if (summary) entries.set(file.id, { summary, mtimeMs: file.mtimeMs, size: file.size });
  }
  if (entries.size !== cached.size) stale = true;
  return { name, settings, entries, problems, stale };
}

export async function writeLibraryIndex(
  paths: LibraryPaths,
  name: string,
  settings: ExportSettings,
  entries: Map<string, IndexEntry>,
): Promise<void> {
  const stories = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeJsonFile(paths.indexFile, { schemaVersion: INDEX_SCHEMA_VERSION, name, settings, stories });
}
