import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { makeFolders } from './makeFolders.js';

/** The file calls a durable write makes; a test may pass wrapped ones to see their order on a real file. */
export interface DurableWriteFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

export interface DurableWriteOptions {
  fs?: DurableWriteFs;
  platform?: NodeJS.Platform;
}

const nodeFs: DurableWriteFs = { open, rename, unlink };

/**
 * The name of a temp file Copydesk writes before renaming it over `file`: `.<name>.<pid>.<8 hex>.tmp`, beside it.
 * The writer thread (fileWriterThread.ts) is given names made here; removeStaleTempFiles recognises them.
 */
export const tempFileFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Makes a rename or a new file in `dir` durable: fsync of the folder. On Windows a folder cannot be opened to be
 * fsynced (EISDIR/EPERM), so nothing is done there: the file's own bytes were flushed before the rename, and the
 * rename is left to NTFS's journal. A file system that cannot fsync a folder (EINVAL, ENOTSUP) is not an error.
 */
export async function syncFolder(dir: string, { fs = nodeFs, platform = process.platform }: DurableWriteOptions = {}): Promise<void> {
  if (platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync().catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') throw error;
    });
  } finally {
    await handle.close();
  }
}

// On Windows a rename over a file another program has open (an antivirus, a search indexer) fails for a moment:
// retried, as lowdb's writer did, 10 times 100 ms apart.
const RENAME_TRIES = 10;
const RENAME_RETRY_MS = 100;

async function renameOver(fs: DurableWriteFs, temp: string, file: string, platform: NodeJS.Platform): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fs.rename(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt === RENAME_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
    }
  }
}

/**
 * Writes `file` whole or not at all, and on stable storage when this resolves: a new temp file beside it (tempFileFor),
 * write, fsync, close, rename over `file`, fsync of the folder. On failure the temp file is removed and `file` is as it was.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const temp = tempFileFor(file);
  let handle: Awaited<ReturnType<typeof open>> | null = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await renameOver(fs, temp, file, options.platform ?? process.platform);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file), options);
}

/**
 * Moves `from` to `to` (a file already on the disk: into trash/ or quarantine/, or back) and makes the move durable: the
 * folder it left and the folder it entered are fsynced (one fsync when they are the same), as syncFolder.
 */
export async function renameDurably(from: string, to: string, options: DurableWriteOptions = {}): Promise<void> {
  await (options.fs ?? nodeFs).rename(from, to);
  const [left, entered] = [path.dirname(from), path.dirname(to)];
  await syncFolder(entered, options);
  if (left !== entered) await syncFolder(left, options);
}

/**
 * Creates `dir` and any missing folders above it (as mkdir -p) and makes their creation durable: the folder holding
 * each new one is fsynced, as syncFolder. An existing folder is left as it is; its parents are not fsynced again.
 */
export async function makeFolderDurably(dir: string, options: DurableWriteOptions = {}): Promise<void> {
  const first = await makeFolders(dir);
  if (first === undefined) return;
  const created = [];
  for (let at = dir; ; at = path.dirname(at)) {
    created.push(at);
    if (path.resolve(at) === path.resolve(first) || path.dirname(at) === at) break;
  }
  // Deepest first: each new folder's entry in its parent, up to the one that already existed.
  for (const folder of created) await syncFolder(path.dirname(folder), options);
}
