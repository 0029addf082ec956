import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../shared/contract.js';
import { CopydeskError } from '../../shared/result.js';

export const MANIFEST_FILE = 'index.json';

const ManifestEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  folder: z.string(),
  headline: z.string(),
  format: z.enum(EXPORT_FORMATS),
  files: z.array(z.string()),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

const ManifestSchema = z.object({
  format: z.literal('copydesk-export'),
  formatVersion: z.literal(1),
  stories: z.array(ManifestEntrySchema),
});

/**
 * The entries of the index.json already in an export folder (an earlier export there), or [] when there is none.
 * Refuses a folder whose index.json is someone else's file, before anything is written.
 */
export async function readExportManifest(parent: string): Promise<ManifestEntry[]> {
  const text = await readFile(path.join(parent, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return [];
  let parsed;
  try {
    parsed = ManifestSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new CopydeskError('conflict', `“${parent}” already has an ${MANIFEST_FILE} that Copydesk did not write; choose another folder.`);
  }
  return parsed.data.stories;
}

/**
 * Writes index.json atomically: this export's stories, then those of earlier exports into the same folder whose
 * folders are still there and that this export did not replace.
 */
export async function writeExportManifest(parent: string, earlier: ManifestEntry[], exported: ManifestEntry[]): Promise<void> {
  const replaced = new Set(exported.map((entry) => entry.folder));
  const kept: ManifestEntry[] = [];
  for (const entry of earlier) {
    if (replaced.has(entry.folder)) continue;
    if (await stat(path.join(parent, entry.folder)).then((info) => info.isDirectory(), () => false)) kept.push(entry);
  }
  const manifest = { format: 'copydesk-export', formatVersion: 1, stories: [...exported, ...kept] };
  const file = path.join(parent, MANIFEST_FILE);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
