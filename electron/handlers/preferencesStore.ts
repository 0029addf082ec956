import { createHash } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Preferences } from '../../shared/preferences.js';
import { readJsonFile, writeJsonFile } from '../storage/files/jsonFile.js';
import { fileSystemError } from '../storage/files/ioError.js';
import { makeFolders } from '../storage/files/makeFolders.js';
import { createKeyedQueue } from '../storage/stories/keyedQueue.js';
import { removeStaleTempFiles } from '../storage/files/removeStaleTempFiles.js';

export const PREFERENCES_SCHEMA_VERSION = 1;

/** Writes of preferences files, one at a time per file, across every store this process has open on it. */
const writesTo = createKeyedQueue();
export const MAX_RECENT_LIBRARIES = 10;

const PreferencesFileSchema = z.object({
  schemaVersion: z.literal(PREFERENCES_SCHEMA_VERSION),
  userName: z.string().catch(''),
  recentLibraries: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })).catch(() => []),
});
type PreferencesFile = z.infer<typeof PreferencesFileSchema>;

/** A recent library's id for the renderer: derived from its path, which the renderer never sees. */
export const recentLibraryId = (libraryPath: string) => createHash('sha256').update(libraryPath).digest('hex').slice(0, 16);

export interface PreferencesStore {
  /** The preferences as the renderer sees them: recent libraries by id and name, no paths. */
  get(): Preferences;
  userName(): string;
  setUserName(name: string): Promise<Preferences>;
  /** Puts a library first in the recent list (at most MAX_RECENT_LIBRARIES). */
  noteOpened(libraryPath: string, name: string): Promise<void>;
  /** The folder of a recent library, or null for an id that is not in the list. */
  recentPath(id: string): string | null;
}

/**
 * The app's preferences: the user's name and the recent libraries, in their own file outside any library (Electron:
 * userData/preferences.json). Without a file (the CLI, the e2e harness) they live in memory. A damaged file is
 * renamed aside and the defaults are used. The file is written durably (writeJsonFile); temp files a killed Copydesk
 * left beside it are removed.
 */
export async function openPreferences(file: string | null, now: () => Date = () => new Date()): Promise<PreferencesStore> {
  let prefs: PreferencesFile = { schemaVersion: PREFERENCES_SCHEMA_VERSION, userName: '', recentLibraries: [] };
  if (file !== null) {
    await removeStaleTempFiles(path.dirname(file), (name) => name === path.basename(file)).catch(() => undefined);
    const read = await readJsonFile(file).catch(() => ({ kind: 'corrupt' as const, message: '' }));
    const parsed = read.kind === 'ok' ? PreferencesFileSchema.safeParse(read.data) : null;
    if (parsed?.success) prefs = parsed.data;
    else if (read.kind !== 'missing') await rename(file, `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`).catch(() => undefined);
  }

  /**
   * Changes the preferences: one change at a time per file (writesTo), each made to the preferences as the one before
   * left them and written whole (writeJsonFile: writeFileDurably) before the next starts, so changes made at once
   * neither fail nor undo one another.
   */
  const save = (change: (current: PreferencesFile) => PreferencesFile | null) =>
    writesTo(file ?? '', async () => {
      const next = change(prefs);
      if (next === null) return;
      if (file !== null) {
        await makeFolders(path.dirname(file))
          .then(() => writeJsonFile(file, next))
          .catch((error: unknown) => {
            throw fileSystemError('The preferences could not be saved', error);
          });
      }
      prefs = next;
    });
  const view = (): Preferences => ({
    userName: prefs.userName,
    recentLibraries: prefs.recentLibraries.map((entry) => ({ id: recentLibraryId(entry.path), name: entry.name })),
  });

  return {
    get: view,
    userName: () => prefs.userName,
    async setUserName(userName) {
      await save((current) => (userName === current.userName ? null : { ...current, userName }));
      return view();
    },
    async noteOpened(libraryPath, name) {
      await save((current) => {
        const others = current.recentLibraries.filter((entry) => entry.path !== libraryPath);
        const recentLibraries = [{ path: libraryPath, name, openedAt: now().toISOString() }, ...others].slice(0, MAX_RECENT_LIBRARIES);
        return { ...current, recentLibraries };
      });
    },
    recentPath: (id) => prefs.recentLibraries.find((entry) => recentLibraryId(entry.path) === id)?.path ?? null,
  };
}

/** The library the app opened last, if its folder is still there: where the app starts. */
export async function lastOpenedLibrary(file: string): Promise<string | null> {
  const read = await readJsonFile(file).catch(() => null);
  const parsed = read?.kind === 'ok' ? PreferencesFileSchema.safeParse(read.data) : null;
  const last = parsed?.success ? parsed.data.recentLibraries[0]?.path : undefined;
  if (!last) return null;
  return (await stat(last).then((info) => info.isDirectory(), () => false)) ? last : null;
}
