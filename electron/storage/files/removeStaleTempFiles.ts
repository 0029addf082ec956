import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

// `.<name>.<pid>.<8 hex>.tmp` (tempFileFor); before it, `.<name>.tmp` (lowdb's writer, the first story writer) and
// `<name>.<pid>.tmp` (the first media writer).
const CURRENT = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;
const LOWDB = /^\.(.+)\.tmp$/;
const FIRST_MEDIA = /^(.+)\.\d+\.tmp$/;

/** The file a temp file of ours was written for, or null when `name` is no temp name of ours. */
function targetOf(name: string, owns: (target: string) => boolean): string | null {
  for (const pattern of [CURRENT, LOWDB, FIRST_MEDIA]) {
    const target = pattern.exec(name)?.[1];
    if (target !== undefined && owns(target)) return target;
  }
  return null;
}

/**
 * Removes the temp files a killed Copydesk left in `dir`: only plain files named as ours for a file `owns` accepts,
 * and only those last written before `before` (this process's start), so a temp file another process is writing
 * now is never touched. Returns the names removed; a folder that is missing has none.
 */
export async function removeStaleTempFiles(dir: string, owns: (target: string) => boolean, before = performance.timeOrigin): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [] as string[];
    throw error;
  });
  const removed: string[] = [];
  for (const name of names) {
    if (targetOf(name, owns) === null) continue;
    const file = path.join(dir, name);
    const info = await lstat(file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= before) continue;
    await unlink(file).then(() => removed.push(name), () => undefined);
  }
  return removed;
}
