import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * mkdir -p that fails with the true reason. Node's recursive mkdir reports ENOENT when a folder cannot be made for
 * another reason (a read-only disk: EROFS); the first missing folder is then made on its own to learn why. Resolves
 * to the first folder it made, as mkdir does (undefined: all were there).
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  try {
    return await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = dir;
    for (;;) {
      const parent = path.dirname(missing);
      if (parent === missing || (await lstat(parent).then(() => true, () => false))) break;
      missing = parent;
    }
    await mkdir(missing);
    throw error;
  }
}
