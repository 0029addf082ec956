import { readdir } from 'node:fs/promises';
import { CopydeskError } from '../../shared/result.js';
import { fileSystemReason } from '../storage/files/ioError.js';

/**
 * Checks that a folder can be opened as a library: one already (settings.json, library.json or stories/ in it), or an empty or
 * missing folder, which becomes a new library. Any other folder is refused, so Copydesk never fills, say, Documents.
 */
export async function assertLibraryFolder(dir: string, name: string): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR') throw new CopydeskError('invalid-input', `“${name}” is a file, not a folder.`);
    throw new CopydeskError('io', `The folder “${name}” could not be read: ${fileSystemReason(error)}.`);
  });
  if (names === null || names.includes('settings.json') || names.includes('library.json') || names.includes('stories')) return;
  if (names.every((entry) => entry.startsWith('.'))) return;
  throw new CopydeskError(
    'invalid-input',
    `“${name}” is not a Copydesk library, and it is not empty. Choose a library folder, or an empty folder to start a new library.`,
  );
}

/**
 * Checks that a recent library is still a library where it was opened last. Unlike a folder the user just chose, a
 * missing or emptied folder is refused: the library was moved, renamed or deleted, and a new empty one is not it.
 */
export async function assertRecentLibrary(dir: string, name: string): Promise<void> {
  const names = await readdir(dir).catch(() => null);
  if (names !== null && (names.includes('settings.json') || names.includes('library.json') || names.includes('stories'))) return;
  throw new CopydeskError(
    'not-found',
    `The library “${name}” is not where it was last opened: it may have been moved, renamed or deleted. If it was moved, choose its new folder with Open Library… to open it again.`,
  );
}
