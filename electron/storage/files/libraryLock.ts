// The library's lock: taking it (a stale one is taken over by exactly one taker), refusing it while it is held, and
// releasing it. Who a lock names and how that is told to the user is in lockHolder.ts; the lock file's atomic reads
// and writes are in lockFileIo.ts.
import { unlink } from 'node:fs/promises';
import os from 'node:os';
import { CopydeskError } from '../../../shared/result.js';
import { fileSystemError } from './ioError.js';
import { createExclusive, look, removeLeftovers, replaceWith, type SeenLock } from './lockFileIo.js';
import { heldElsewhere, PROCESS_STARTED_AT, PROCESS_TOKEN, thisProcessHolderKind, type LockHolder, type LockHolderKind } from './lockHolder.js';

export { identifyLockHolder, type LockHolderKind } from './lockHolder.js';

export interface LibraryLock {
  /** Removes the lock file if it is still this one; safe to call twice, never throws. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  now?: () => Date;
  /** Who is taking the lock; by default what identifyLockHolder said for this process ('app' unless told). */
  holder?: LockHolderKind;
}

/** Lock files this process holds now. A lock of this process's that is not here was left by a release that failed. */
const heldHere = new Set<string>();
/** Within one process, one acquire or release per lock file at a time (across processes the file system decides). */
const lockQueues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(file: string, task: () => Promise<T>): Promise<T> {
  const result = (lockQueues.get(file) ?? Promise.resolve()).then(task, task);
  const tail = result.catch(() => undefined);
  lockQueues.set(file, tail);
  void tail.then(() => {
    if (lockQueues.get(file) === tail) lockQueues.delete(file);
  });
  return result;
}

/** A lock file that cannot be parsed (one being written in place, or damaged) is watched this long before it is stale… */
const UNREADABLE_WAIT_MS = 1_000;
/** …or is stale at once when it was last written longer ago than this. */
const UNREADABLE_STALE_MS = 3_000;
/** How long an open waits, in all, for another process's takeover or half-written lock before giving up. */
const GIVE_UP_MS = 5_000;
const POLL_MS = 20;

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

type Verdict = { kind: 'stale' } | { kind: 'wait' } | { kind: 'held'; holder: LockHolder; here: boolean };

/** Whether a lock file found in the way may be taken over. `watching` remembers since when an unreadable one was seen. */
function judge(file: string, seen: SeenLock, watching: Map<string, number>): Verdict {
  const holder = seen.holder;
  if (holder === null) {
    // A lock written in place this instant (see createExclusive in lockFileIo.ts) has no text for a moment; one that
    // stays so was left half-written.
    if (Date.now() - seen.mtimeMs > UNREADABLE_STALE_MS) return { kind: 'stale' };
    const since = watching.get(seen.id) ?? Date.now();
    watching.set(seen.id, since);
    return Date.now() - since >= UNREADABLE_WAIT_MS ? { kind: 'stale' } : { kind: 'wait' };
  }
  if (holder.hostname !== os.hostname()) return { kind: 'held', holder, here: false };
  if (holder.pid === process.pid) {
    // This process's own lock is held while this process has the library open, and stranded once it has let go.
    if (holder.token === PROCESS_TOKEN) return heldHere.has(file) ? { kind: 'held', holder, here: true } : { kind: 'stale' };
    // Another token with this pid: a process before this one that had the same pid, or (taken after this process
    // started) another JavaScript realm of this process, such as a worker thread.
    const taken = Date.parse(holder.startedAt);
    return Number.isFinite(taken) && taken >= PROCESS_STARTED_AT - 1000 ? { kind: 'held', holder, here: true } : { kind: 'stale' };
  }
  return isRunning(holder.pid) && !predatesBoot(holder) ? { kind: 'held', holder, here: false } : { kind: 'stale' };
}

type Take = { kind: 'won' } | { kind: 'retry' } | { kind: 'wait' } | { kind: 'held'; holder: LockHolder; here: boolean };

/**
 * One try at making `file` ours. A stale lock is taken over under a claim: `.copydesk.lock.claim-<id of that lock
 * file>`, created exclusively (the same way, so a stale claim is itself taken over under a claim of its own). Only the
 * claim's holder may replace that lock file, and only after reading it again and finding the very same file: so of any
 * number of processes that found one stale lock, exactly one replaces it, and no one replaces a lock that is not stale.
 */
async function tryTake(lockFile: string, file: string, text: string, watching: Map<string, number>, depth = 0): Promise<Take> {
  if (await createExclusive(file, text)) return { kind: 'won' };
  const seen = await look(file);
  if (seen === null) return { kind: 'retry' };
  const verdict = judge(file, seen, watching);
  if (verdict.kind !== 'stale') return verdict;
  if (depth >= 3) return { kind: 'wait' };
  const claim = `${lockFile}.claim-${seen.id}`;
  const claimed = await tryTake(lockFile, claim, text, watching, depth + 1);
  // Another process is taking this lock over right now: its outcome is seen on the next try.
  if (claimed.kind !== 'won') return { kind: 'wait' };
  try {
    if ((await look(file))?.id !== seen.id) return { kind: 'retry' };
    await replaceWith(file, text);
    return { kind: 'won' };
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the library's lock file, so two Copydesk processes (two windows, the app and the `copydesk` command) never
 * write one library at once. The lock says who holds it (pid, computer, app or command, a per-process token). A lock
 * held by a running process is refused with 'locked'; one left by a process that is gone (or from before the computer
 * last started, or by this very process after a release that failed) is taken over, by exactly one of any number of
 * processes trying at once (tryTake). A folder that cannot be written is 'read-only', 'permission-denied' or
 * 'disk-full' with a sentence that says so.
 */
export function acquireLibraryLock(file: string, { now = () => new Date(), holder = thisProcessHolderKind() }: AcquireOptions = {}): Promise<LibraryLock> {
  return oneAtATime(file, async () => {
    const mine: LockHolder = { pid: process.pid, hostname: os.hostname(), startedAt: now().toISOString(), holder, token: PROCESS_TOKEN };
    const text = `${JSON.stringify(mine, null, 2)}\n`;
    const watching = new Map<string, number>();
    const giveUpAt = Date.now() + GIVE_UP_MS;
    for (let attempt = 0; attempt < 10_000 && Date.now() < giveUpAt; attempt += 1) {
      let take: Take;
      try {
        take = await tryTake(file, file, text, watching);
      } catch (error) {
        throw fileSystemError('This library cannot be opened for changes', error);
      }
      if (take.kind === 'held') throw heldElsewhere(take.holder, take.here);
      if (take.kind === 'wait') await sleep(POLL_MS);
      if (take.kind !== 'won') continue;
      heldHere.add(file);
      await removeLeftovers(file).catch(() => undefined);
      let released = false;
      return {
        release: () =>
          oneAtATime(file, async () => {
            if (released) return;
            released = true;
            // First of all this process lets go: should the file stay (a read-only disk), a reopen here takes it over.
            heldHere.delete(file);
            const seen = await look(file).catch(() => null);
            const still = seen?.holder;
            if (still && still.pid === mine.pid && still.token === mine.token && still.startedAt === mine.startedAt) {
              await unlink(file).catch(() => undefined);
            }
          }),
      };
    }
    throw new CopydeskError('locked', 'This library is being opened by another Copydesk at the same moment; try again in a moment.');
  });
}
