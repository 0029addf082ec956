import { createHash } from 'node:crypto';
import { lstat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Stats } from 'node:fs';
import { CopydeskError } from '../../../shared/result.js';
import type { Story } from '../../../shared/story.js';
import { decodeUtf8Strictly, InvalidUtf8Error } from '../files/decodeUtf8Strictly.js';
import { writeOnWriterThread } from '../files/fileWriterThread.js';
import { LinkInLibraryError, openNoFollow } from '../files/libraryLinks.js';
import { tempFileFor } from '../files/writeFileDurably.js';
import { migrateStory } from '../migrations/migrateStory.js';

/**
 * What identifies one version of a file on disk: its modification time and size, and, where the time is coarse (see
 * coarseTime) and Copydesk read or wrote this version while the library is open, the SHA-256 of its bytes: on such a
 * clock an outside edit of the same size can keep the time (FAT's 2 s, a network share's 1 s, a tool that puts it back).
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  sha256?: string;
}

export const stampOf = (info: Stats | FileStamp): FileStamp => ({ mtimeMs: info.mtimeMs, size: info.size });
/**
 * A modification time with no part below the millisecond. ext4, APFS and NTFS keep nanoseconds or 100 ns, so two writes
 * practically never share one; a time in whole milliseconds comes from a clock too coarse to tell writes apart by
 * (FAT, exFAT, SMB and other shares, HFS+), or was set by hand. Only then are the bytes hashed: it costs a read per save.
 */
export const coarseTime = (mtimeMs: number): boolean => Number.isInteger(mtimeMs);

/** Same time and size: the file looks unchanged without reading it (the index's test). */
export const sameStamp = (a: FileStamp, b: FileStamp) => a.mtimeMs === b.mtimeMs && a.size === b.size;
/** The same version: the same bytes where both hashes are known (a file only touched is the same), else the same time and size. */
export const sameVersion = (a: FileStamp, b: FileStamp) => (a.sha256 !== undefined && b.sha256 !== undefined ? a.sha256 === b.sha256 : sameStamp(a, b));

// Story and Trash files are one folder below the library folder: what a link among them is called in a problem.
const libraryRootOf = (file: string) => path.dirname(path.dirname(file));

/** The stamp of a file, or null when there is none; a link in its place is LinkInLibraryError (never followed). */
export async function stampOrNull(file: string): Promise<FileStamp | null> {
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink()) throw new LinkInLibraryError(path.relative(libraryRootOf(file), file).split(path.sep).join('/'));
    return info.isFile() ? stampOf(info) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Read buffers kept for reuse: reading ten thousand story files would otherwise leave a buffer of each to collect. */
const spareBuffers: Buffer[] = [];
const SPARE_BUFFERS = 8;
const SPARE_BUFFER_BYTES = 64 * 1024;

/**
 * A file's text, read in one go into a buffer of its size (fs.readFile reads in chunks and holds them twice), a
 * reused one when the file is small enough: for ten thousand story files read in the background, each way costs
 * tens of megabytes of peak memory.
 */
export async function readSmallFile(file: string): Promise<string> {
  const handle = await openNoFollow(file, libraryRootOf(file));
  let buffer: Buffer | undefined;
  try {
    const { size } = await handle.stat();
    buffer = size <= SPARE_BUFFER_BYTES ? (spareBuffers.pop() ?? Buffer.allocUnsafeSlow(SPARE_BUFFER_BYTES)) : Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return decodeUtf8Strictly(buffer.subarray(0, read));
  } finally {
    if (buffer?.length === SPARE_BUFFER_BYTES && spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(buffer);
    await handle.close();
  }
}

/**
 * Every byte of an open file, read in a loop until the end: one read may return fewer bytes than asked (a network
 * share, a file still growing), which is not the end of the file.
 */
export async function readToEnd(handle: FileHandle, sizeHint: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.max(sizeHint, 1024));
  let read = 0;
  for (;;) {
    if (read === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)], buffer.length * 2);
    const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
    if (bytesRead === 0) return buffer.subarray(0, read);
    read += bytesRead;
  }
}

/** The SHA-256 of a file's bytes, hex: what tells two versions of the same size and modification time apart. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export type StoryFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; story: Story; stamp: FileStamp }
  | { kind: 'unreadable'; error: CopydeskError; stamp: FileStamp };

/**
 * Reads one story file (in stories/ or trash/) and the stamp of exactly the bytes read; a file that does not hold the
 * story `id` is unreadable. A link is never opened: LinkInLibraryError.
 */
export async function readStoryFile(file: string, id: string): Promise<StoryFileRead> {
  let handle;
  try {
    handle = await openNoFollow(file, libraryRootOf(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    const info = await handle.stat();
    bytes = await readToEnd(handle, info.size);
    stamp = coarseTime(info.mtimeMs) ? { ...stampOf(info), sha256: sha256Of(bytes) } : stampOf(info);
  } finally {
    await handle.close();
  }
  let text: string;
  try {
    text = decodeUtf8Strictly(bytes);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    return { kind: 'unreadable', error: new CopydeskError('corrupt', error.message), stamp };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', error: new CopydeskError('corrupt', `it is not valid JSON (${(error as Error).message})`), stamp };
  }
  try {
    const story = migrateStory(raw);
    if (story.id !== id) throw new CopydeskError('corrupt', `it holds story "${story.id}", not "${id}"`);
    return { kind: 'ok', story, stamp };
  } catch (error) {
    if (!(error instanceof CopydeskError)) throw error;
    return { kind: 'unreadable', error, stamp };
  }
}

/** What a writeFileChecked check asks: that the file on disk is still exactly this version right before the rename. */
export interface FileCheck {
  unchangedSince: FileStamp;
}

/** Thrown by writeFileChecked when the file on disk is not the version its check names (nothing was replaced). */
export class StaleFileError extends Error {
  constructor(file: string) {
    super(`${file} changed on disk`);
    this.name = 'StaleFileError';
  }
}

const encoder = new TextEncoder();

/**
 * Writes a file atomically and durably (as writeFileDurably: temp file, fsync, rename, fsync of the folder) and returns the stamp of exactly
 * the bytes written. `text` makes the content (null: nothing to write, and nothing is). With `check`, the file about
 * to be replaced must still be the version it names (a missing file fails it) right before the rename; otherwise
 * nothing is replaced and StaleFileError is thrown. The file calls run on the writer thread (fileWriterThread.ts);
 * `whileWriting` runs on this thread meanwhile.
 */
export async function writeFileChecked(file: string, text: () => string | null, check?: FileCheck, whileWriting?: () => void): Promise<FileStamp | null> {
  const content = text();
  if (content === null) return null;
  const temp = tempFileFor(file);
  const { sha256: known } = check?.unchangedSince ?? {};
  const writing = writeOnWriterThread({ file, temp, bytes: encoder.encode(content), ...(check ? { unchangedSince: { ...stampOf(check.unchangedSince), ...(known ? { sha256: known } : {}) } } : {}) });
  whileWriting?.();
  const outcome = await writing;
  if ('stale' in outcome) throw new StaleFileError(file);
  return outcome.stamp;
}
