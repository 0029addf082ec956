// Who holds a library lock: what this process writes about itself into the lock, how a lock's holder is read back,
// and the sentences that tell the user who holds it. Taking and releasing the lock is in libraryLock.ts.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { CopydeskError } from '../../../shared/result.js';

/** Which program holds a lock: the app ("another Copydesk window") or the `copydesk` command. */
export type LockHolderKind = 'app' | 'cli';

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Absent in locks written before Copydesk recorded it: shown as the app. */
  holder?: LockHolderKind;
  /** This process's token (PROCESS_TOKEN): with the pid, how a process knows a lock it wrote. */
  token?: string;
}

/** Pids are reused; a random token per process is not. A lock with this process's pid and token was written here. */
export const PROCESS_TOKEN = randomBytes(8).toString('hex');
/** When this process started (for a lock with its pid but another token: written before, by a process now gone). */
export const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000;
let processHolderKind: LockHolderKind = 'app';

/** Says which program this process is: the `copydesk` command calls this with 'cli' before it opens a library. */
export function identifyLockHolder(kind: LockHolderKind): void {
  processHolderKind = kind;
}

/** What identifyLockHolder said for this process ('app' unless told). */
export const thisProcessHolderKind = (): LockHolderKind => processHolderKind;

export function parseHolder(bytes: Buffer): LockHolder | null {
  try {
    const data = JSON.parse(bytes.toString('utf8')) as Partial<LockHolder> | null;
    if (typeof data?.pid !== 'number' || typeof data.hostname !== 'string') return null;
    return {
      pid: data.pid,
      hostname: data.hostname,
      startedAt: String(data.startedAt),
      holder: data.holder === 'cli' ? 'cli' : data.holder === 'app' ? 'app' : undefined,
      token: typeof data.token === 'string' ? data.token : undefined,
    };
  } catch {
    return null;
  }
}

export function heldElsewhere(holder: LockHolder, here: boolean): CopydeskError {
  if (here) return new CopydeskError('locked', 'This library is already open in this Copydesk.');
  const cli = holder.holder === 'cli';
  if (holder.hostname === os.hostname()) {
    return new CopydeskError(
      'locked',
      cli
        ? `This library is in use by the copydesk command (pid ${holder.pid}); try again when the command has finished.`
        : `This library is open in another Copydesk window (pid ${holder.pid}).`,
    );
  }
  return new CopydeskError(
    'locked',
    `This library is ${cli ? 'in use by the copydesk command' : 'open in Copydesk'} on another computer (${holder.hostname}, pid ${holder.pid}). If it is not, delete the file .copydesk.lock in the library folder and open it again.`,
  );
}
