import { z } from 'zod';
import { DEFAULT_EXPORT_SETTINGS, ExportSettingsSchema } from '../../../shared/exportSettings.js';
import { DEFAULT_LIBRARY_SETTINGS, LibrarySettingsSchema } from '../../../shared/librarySettings.js';
import type { LibraryPaths } from '../files/libraryPaths.js';
import { writeSettingsFile, type SettingsFile } from '../settings/settingsFile.js';

/**
 * Library format 1 → 2. Format 1 kept everything in library.json: the index of story summaries (a cache) and what cannot
 * be rebuilt (the name, export and library settings, sections, the Trash's list). Format 2 keeps the latter in
 * settings.json and library.json is the index alone (schemaVersion 2).
 *
 * The steps, each safe to be killed after: (1) settings.json is written durably from the format-1 library.json, which is
 * left as it is; (2) library.json is rewritten as format 2 (by the index writer, at open). Killed before (1): the next open
 * migrates again. Killed between: settings.json is there and read; library.json is still format 1 and is read as an index
 * only, then rewritten. Nothing is lost at any point, and a library is openable throughout.
 */

// Format 1's parts besides `stories`, with the defaults its readers gave a part added after the first release.
const Format1Schema = z.object({
  schemaVersion: z.literal(1),
  name: z.string(),
  settings: ExportSettingsSchema.default(DEFAULT_EXPORT_SETTINGS),
  librarySettings: LibrarySettingsSchema.catch(DEFAULT_LIBRARY_SETTINGS).default(DEFAULT_LIBRARY_SETTINGS),
  sections: z.array(z.string()).catch(() => []).default(() => []),
  trash: z.record(z.string(), z.unknown()).catch(() => ({})).default(() => ({})),
});

/** The settings a format-1 library.json holds, or null when it is not one. */
export function settingsOfFormat1(raw: unknown): Omit<SettingsFile, 'schemaVersion'> | null {
  const parsed = Format1Schema.safeParse(raw);
  if (!parsed.success) return null;
  const { name, settings, librarySettings, sections, trash } = parsed.data;
  return { name, settings, librarySettings, sections, trash };
}

/** Step 1: settings.json from a format-1 library.json, durably. Step 2 is the index writer rewriting library.json. */
export const writeFormat2Settings = (paths: LibraryPaths, settings: Omit<SettingsFile, 'schemaVersion'>): Promise<void> => writeSettingsFile(paths, settings);
