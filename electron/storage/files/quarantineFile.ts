import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { assertNoLinks, LinkInLibraryError } from './libraryLinks.js';
import type { LibraryPaths } from './libraryPaths.js';

/**
 * Moves a file the library cannot read into quarantine/, keeping every byte, and returns its new name. When the file or
 * quarantine/ is a link, nothing is moved and LinkInLibraryError is thrown (see quarantineOrKeep).
 */
export async function quarantineFile(paths: LibraryPaths, filePath: string, now = new Date()): Promise<string> {
  await assertNoLinks(paths.root, filePath);
  await mkdir(paths.quarantineDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    // A link to nowhere in place of quarantine/: assertNoLinks names it.
    if (error.code !== 'EEXIST') throw error;
  });
  await assertNoLinks(paths.root, paths.quarantineDir);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parsed = path.parse(filePath);
  const target = paths.quarantineFile(`${parsed.name}.${stamp}${parsed.ext}`);
  await rename(filePath, target);
  return path.basename(target);
}

/**
 * Quarantines `filePath` and says where it went ("was moved to quarantine/…"), or, when a link stands in the way, says
 * it was left in place and why.
 */
export async function quarantineOrKeep(paths: LibraryPaths, filePath: string, now?: Date): Promise<string> {
  try {
    return `was moved to quarantine/${await quarantineFile(paths, filePath, now)}`;
  } catch (error) {
    if (!(error instanceof LinkInLibraryError)) throw error;
    return `was left where it is (${error.message})`;
  }
}
