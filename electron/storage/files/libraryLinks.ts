import { constants } from 'node:fs';
import { closeSync, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryProblem } from '../../../shared/contract.js';
import { CopydeskError } from '../../../shared/result.js';

/**
 * A symbolic link (or Windows junction) found inside a library. Copydesk never follows one: it is reported as a library
 * problem and left where it is, so nothing outside the library is read, written, moved or deleted through it.
 */
export class LinkInLibraryError extends CopydeskError {
  constructor(readonly file: string) {
    super('corrupt', `${file} is a link to somewhere else; Copydesk does not follow links in a library, so it was left alone`);
    this.name = 'LinkInLibraryError';
  }
}

export const linkProblem = (error: LinkInLibraryError): LibraryProblem => ({ file: error.file, message: `${error.message}.` });

const shown = (root: string, target: string) => path.relative(root, target).split(path.sep).join('/') || '.';

/**
 * Throws LinkInLibraryError if any part of `target` below the library folder `root` (the target itself included) is a
 * link. Parts that do not exist end the check: nothing below them exists either. The library folder itself may be a
 * link; the user chose it.
 */
export async function assertNoLinks(root: string, target: string): Promise<void> {
  const parts = path.relative(root, target).split(path.sep).filter(Boolean);
  let at = root;
  for (const part of parts) {
    at = path.join(at, part);
    const info = await lstat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (info === null) return;
    if (info.isSymbolicLink()) throw new LinkInLibraryError(shown(root, at));
  }
}

/** O_NOFOLLOW where the platform has it (POSIX); Windows has none, so there the file is looked at with lstat first. */
const NO_FOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW;

/**
 * Opens a library file for reading without following a link in its last part (O_NOFOLLOW); its folders are checked
 * with assertNoLinks by the caller where they may be links (revisions/<id>/). A link is LinkInLibraryError.
 */
export async function openNoFollow(file: string, root: string): Promise<FileHandle> {
  if (NO_FOLLOW === undefined) {
    const info = await lstat(file);
    if (info.isSymbolicLink()) throw new LinkInLibraryError(shown(root, file));
    return open(file, constants.O_RDONLY);
  }
  try {
    return await open(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    // Linux and macOS say ELOOP for a link opened with O_NOFOLLOW; FreeBSD says EMLINK.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new LinkInLibraryError(shown(root, file));
    throw error;
  }
}

/** A JSON file's text read through openNoFollow, or null when there is none. */
export async function readTextNoFollow(file: string, root: string): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await openNoFollow(file, root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** readTextNoFollow for a render thread, synchronously; null for a link or a missing file (the caller reads it again through the library). */
export function readTextNoFollowSync(file: string): string | null {
  let fd: number;
  try {
    if (NO_FOLLOW === undefined && lstatSync(file).isSymbolicLink()) return null;
    fd = openSync(file, constants.O_RDONLY | (NO_FOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : null;
  } finally {
    closeSync(fd);
  }
}

/** assertNoLinks, synchronously: for the export's render threads, which name an image file right before copying it. */
export function assertNoLinksSync(root: string, target: string): void {
  let at = root;
  for (const part of path.relative(root, target).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    const info = lstatSync(at, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isSymbolicLink()) throw new LinkInLibraryError(shown(root, at));
  }
}
