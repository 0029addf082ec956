import { z } from 'zod';
import { ExportSettingsSchema } from '../../../shared/exportSettings.js';
import { LibrarySettingsSchema } from '../../../shared/librarySettings.js';
import { decodeUtf8Strictly, InvalidUtf8Error } from '../files/decodeUtf8Strictly.js';
import { writeJsonFile } from '../files/jsonFile.js';
import { LinkInLibraryError, openNoFollow } from '../files/libraryLinks.js';
import type { LibraryPaths } from '../files/libraryPaths.js';
import { readToEnd } from '../stories/storyFiles.js';

export const SETTINGS_SCHEMA_VERSION = 1;

/**
 * settings.json: what a library cannot rebuild from its story files (its name, export and library settings, the
 * sections, and what the Trash holds with when each story was trashed). Small, written only when one of them changes.
 * Every part must parse: a part that does not is never silently replaced by its default (the file is quarantined and
 * the user told).
 */
export const SettingsFileSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  name: z.string(),
  settings: ExportSettingsSchema,
  librarySettings: LibrarySettingsSchema,
  sections: z.array(z.string()),
  trash: z.record(z.string(), z.unknown()),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export type SettingsRead = { kind: 'missing' } | { kind: 'ok'; data: SettingsFile } | { kind: 'corrupt'; reason: string };

/** settings.json parsed, or why it could not be. A link is never followed: LinkInLibraryError. */
export async function readSettingsFile(paths: LibraryPaths): Promise<SettingsRead> {
  let handle;
  try {
    handle = await openNoFollow(paths.settingsFile, paths.root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    if (error instanceof LinkInLibraryError) throw error;
    throw error;
  }
  let bytes: Buffer;
  try {
    bytes = await readToEnd(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8Strictly(bytes));
  } catch (error) {
    if (error instanceof InvalidUtf8Error) return { kind: 'corrupt', reason: error.message };
    return { kind: 'corrupt', reason: 'it is not valid JSON' };
  }
  const parsed = SettingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'corrupt', reason: `its ${issue.path.join('.') || 'content'} is not what Copydesk writes (${issue.message})` };
  }
  return { kind: 'ok', data: parsed.data };
}

/** Writes settings.json durably (temp file, fsync, rename, fsync of the folder: writeFileDurably). */
export const writeSettingsFile = (paths: LibraryPaths, data: Omit<SettingsFile, 'schemaVersion'>): Promise<void> =>
  writeJsonFile(paths.settingsFile, {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    name: data.name,
    settings: data.settings,
    librarySettings: data.librarySettings,
    sections: data.sections,
    trash: data.trash,
  });
