// The lock file's reads and writes: reading one as found, creating one atomically (temp file, fsync, hard link),
// replacing one under a claim (temp file, fsync, rename), and removing what killed takers left. Which lock may be
// taken over, and when, is decided in libraryLock.ts.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { parseHolder, PROCESS_STARTED_AT, type LockHolder } from './lockHolder.js';
import { tempFileFor } from './writeFileDurably.js';

/** link() fails with these where the file system has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** One lock file as found: `id` names this very file (its inode and bytes), so a takeover can tell it is still there. */
export interface SeenLock {
  id: string;
  holder: LockHolder | null;
  mtimeMs: number;
}

export async function look(file: string): Promise<SeenLock | null> {
  let handle;
  try {
    // A link is not followed: a lock file that is a link is unreadable, and a takeover replaces the link itself.
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code !== 'ELOOP') throw error;
    const info = await lstat(file).catch(() => null);
    if (!info) return null;
    return { id: hashOf(`link:${info.dev}:${info.ino}`), holder: null, mtimeMs: 0 };
  }
  try {
    const info = await handle.stat();
    const bytes = await handle.readFile();
    return { id: hashOf(`${info.dev}:${info.ino}:`, bytes), holder: parseHolder(bytes), mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

const hashOf = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

/** A new file with `text` beside `file`, on disk before anyone can see it under the lock's name. */
async function writeTemp(file: string, text: string): Promise<string> {
  const temp = tempFileFor(file);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Creates `file` with `text` if no file has that name, atomically: the text is written to a temp file first and
 * hard-linked to the name (link fails if the name exists), so nobody ever sees the lock empty. Without hard links,
 * the file is created exclusively and written in place (readers wait for the text: see judge in libraryLock.ts).
 */
export async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = await writeTemp(file, text);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code ?? '')) throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Puts `text` in place of `file` whatever is there (rename over it): only under a claim on what is there. */
export async function replaceWith(file: string, text: string): Promise<void> {
  const temp = await writeTemp(file, text);
  await rename(temp, file).catch(async (error: unknown) => {
    await unlink(temp).catch(() => undefined);
    throw error;
  });
}

/** Claim files and lock temp files left by processes killed while taking a lock (only those from before this process). */
export async function removeLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  const escaped = path.basename(file).replace(/\./g, '\\.');
  const claimPattern = new RegExp(`^${escaped}\\.claim-[0-9a-f]{16}$`);
  const tempPattern = new RegExp(`^\\.${escaped}(\\.claim-[0-9a-f]{16})?\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);
  for (const name of await readdir(dir)) {
    if (!claimPattern.test(name) && !tempPattern.test(name)) continue;
    const info = await lstat(path.join(dir, name)).catch(() => null);
    if (info?.isFile() && info.mtimeMs < PROCESS_STARTED_AT) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}
