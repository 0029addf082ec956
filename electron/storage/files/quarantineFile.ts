import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { CopydeskError } from '../../../shared/result.js';
import { assertNoLinks, LinkInLibraryError } from './libraryLinks.js';
import type { LibraryPaths } from './libraryPaths.js';
import { fileSystemReason } from './ioError.js';
import { makeFolderDurably, renameDurably } from './writeFileDurably.js';

/**
 * Moves a file the library cannot read into quarantine/, keeping every byte, and returns its new name. When the file or
 * quarantine/ is a link, nothing is moved and LinkInLibraryError is thrown (see quarantineOrKeep).
 */
export async function quarantineFile(paths: LibraryPaths, filePath: string, now = new Date()): Promise<string> {
  await assertNoLinks(paths.root, filePath);
  await makeFolderDurably(paths.quarantineDir).catch((error: NodeJS.ErrnoException) => {
    // A link to nowhere in place of quarantine/: assertNoLinks names it.
    if (error.code !== 'EEXIST') throw error;
  });
  await assertNoLinks(paths.root, paths.quarantineDir);
  if (!(await lstat(paths.quarantineDir)).isDirectory()) throw new CopydeskError('io', 'quarantine/ in the library is a file, not a folder; rename or remove that file');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parsed = path.parse(filePath);
  const target = paths.quarantineFile(`${parsed.name}.${stamp}${parsed.ext}`);
  await renameDurably(filePath, target);
  return path.basename(target);
}

/**
 * Quarantines `filePath` and says where it went ("was moved to quarantine/…"), or, when a link stands in the way or the
 * move fails (quarantine/ cannot be made, the disk refuses the rename), says it was left in place and why: a file that
 * cannot be moved is reported, never a reason for the library not to open.
 */
export async function quarantineOrKeep(paths: LibraryPaths, filePath: string, now?: Date): Promise<string> {
  try {
    return `was moved to quarantine/${await quarantineFile(paths, filePath, now)}`;
  } catch (error) {
    if (error instanceof LinkInLibraryError) return `was left where it is (${error.message})`;
    const reason = error instanceof CopydeskError ? error.message : fileSystemReason(error);
    return `was left where it is, because it could not be moved to quarantine/ (${reason})`;
  }
}
