import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readImageInfo } from '../../shared/imageInfo.js';
import { CopydeskError } from '../../shared/result.js';
import { fileSystemError } from './files/ioError.js';
import type { MediaRef } from '../../shared/story.js';
import type { LibraryPaths } from './files/libraryPaths.js';
import { assertNoLinks, openNoFollow } from './files/libraryLinks.js';
import { pathExists } from './files/pathExists.js';
import { writeFileDurably } from './files/writeFileDurably.js';

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Copies an image into media/, named by the SHA-256 of its bytes, so the same picture is stored once. */
export async function importImage(paths: LibraryPaths, sourcePath: string): Promise<MediaRef> {
  const name = path.basename(sourcePath);
  const info = await stat(sourcePath).catch(() => null);
  if (!info?.isFile()) throw new CopydeskError('not-found', `“${name}” could not be found.`);
  if (info.size > MAX_IMAGE_BYTES) throw new CopydeskError('invalid-input', `“${name}” is larger than 50 MB.`);
  const bytes = await readFile(sourcePath);
  const image = readImageInfo(bytes);
  if (!image) throw new CopydeskError('invalid-input', `“${name}” is not a JPEG, PNG, GIF or WebP image.`);
  const id = `${createHash('sha256').update(bytes).digest('hex')}.${image.extension}`;
  const target = paths.mediaFile(id);
  // media/ or the image's name as a link would put the copy outside the library.
  await assertNoLinks(paths.root, target);
  if (!(await pathExists(target))) {
    await writeFileDurably(target, bytes).catch((error: unknown) => {
      throw fileSystemError('The image could not be added to the library', error);
    });
  }
  return { id, mimeType: image.mimeType, width: image.width, height: image.height, bytes: bytes.length };
}

export async function mediaExists(paths: LibraryPaths, mediaId: string): Promise<boolean> {
  return lstat(paths.mediaFile(mediaId)).then((info) => info.isFile(), () => false);
}

/** An image's bytes; media/ or the image as a link is never read (LinkInLibraryError). */
export async function readMedia(paths: LibraryPaths, mediaId: string): Promise<Buffer> {
  const file = paths.mediaFile(mediaId);
  await assertNoLinks(paths.root, path.dirname(file));
  let handle;
  try {
    handle = await openNoFollow(file, paths.root);
  } catch (error) {
    if (error instanceof CopydeskError) throw error;
    throw new CopydeskError('not-found', 'The image is missing from the library’s media folder.');
  }
  try {
    return await handle.readFile();
  } catch {
    throw new CopydeskError('not-found', 'The image is missing from the library’s media folder.');
  } finally {
    await handle.close();
  }
}
