import { open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { CopydeskError } from '../../../shared/result.js';
import { fileSystemReason } from './ioError.js';

export interface LibraryLock {
  /** Removes the lock file if it is still this one; safe to call twice. */
  release(): Promise<void>;
}

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

const UNREADABLE_LOCK_GRACE_MS = 5_000;

/** True when the computer was restarted after the lock was taken: its process is gone, whatever now has its pid. */
function predatesBoot(holder: LockHolder): boolean {
  const taken = Date.parse(holder.startedAt);
  return Number.isFinite(taken) && taken < Date.now() - os.uptime() * 1000;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null | 'missing'> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return 'missing';
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    return typeof data.pid === 'number' && typeof data.hostname === 'string' ? { pid: data.pid, hostname: data.hostname, startedAt: String(data.startedAt) } : null;
  } catch {
    return null;
  }
}

function heldElsewhere(holder: LockHolder): CopydeskError {
  if (holder.hostname === os.hostname()) {
    return new CopydeskError('conflict', `This library is open in another Copydesk window (pid ${holder.pid}).`);
  }
  return new CopydeskError(
    'conflict',
    `This library is open in Copydesk on another computer (${holder.hostname}, pid ${holder.pid}). If it is not, delete the file .copydesk.lock in the library folder and open it again.`,
  );
}

/**
 * Takes the library's lock file with an exclusive create, so two Copydesk processes (two windows, the app and the CLI)
 * never write one library at once. A lock left by a process that is no longer running on this computer (or that was
 * taken before the computer last started) is taken over; one held by a running process is a 'conflict'. A lock file
 * that is not valid JSON counts as stale once it is a few seconds old.
 */
export async function acquireLibraryLock(file: string, now: () => Date = () => new Date()): Promise<LibraryLock> {
  const mine: LockHolder = { pid: process.pid, hostname: os.hostname(), startedAt: now().toISOString() };
  const text = `${JSON.stringify(mine, null, 2)}\n`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
      } finally {
        await handle.close();
      }
      return {
        async release() {
          const holder = await readHolder(file).catch(() => null);
          if (holder && holder !== 'missing' && holder.pid === mine.pid && holder.hostname === mine.hostname && holder.startedAt === mine.startedAt) {
            await unlink(file).catch(() => undefined);
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CopydeskError('io', `The library could not be opened for writing: ${fileSystemReason(error)}.`);
      }
    }
    const holder = await readHolder(file);
    if (holder === 'missing') continue;
    if (holder !== null && (holder.hostname !== os.hostname() || (isRunning(holder.pid) && !predatesBoot(holder)))) throw heldElsewhere(holder);
    // An unreadable lock may be one another process is writing this instant: only an old one is stale.
    const age = holder === null ? Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? 0) : Infinity;
    if (age < UNREADABLE_LOCK_GRACE_MS) continue;
    await unlink(file).catch(() => undefined);
  }
  throw new CopydeskError('conflict', 'This library is being opened by another Copydesk at the same moment; try again.');
}
