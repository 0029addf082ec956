import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CopydeskError } from '../../../shared/result.js';
import { fileSystemError } from './ioError.js';
import { tempFileFor } from './writeFileDurably.js';

export interface LibraryLock {
  /** Removes the lock file if it is still this one; safe to call twice, never throws. */
  release(): Promise<void>;
}

/** Which program holds a lock: the app ("another Copydesk window") or the `copydesk` command. */
export type LockHolderKind = 'app' | 'cli';

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Absent in locks written before Copydesk recorded it: shown as the app. */
  holder?: LockHolderKind;
  /** This process's token (PROCESS_TOKEN): with the pid, how a process knows a lock it wrote. */
  token?: string;
}

export interface AcquireOptions {
  now?: () => Date;
  /** Who is taking the lock; by default what identifyLockHolder said for this process ('app' unless told). */
  holder?: LockHolderKind;
}

/** Pids are reused; a random token per process is not. A lock with this process's pid and token was written here. */
const PROCESS_TOKEN = randomBytes(8).toString('hex');
/** When this process started (for a lock with its pid but another token: written before, by a process now gone). */
const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000;
let processHolderKind: LockHolderKind = 'app';

/** Says which program this process is: the `copydesk` command calls this with 'cli' before it opens a library. */
export function identifyLockHolder(kind: LockHolderKind): void {
  processHolderKind = kind;
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
/** link() fails with these where the file system has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

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

function parseHolder(bytes: Buffer): LockHolder | null {
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

/** One lock file as found: `id` names this very file (its inode and bytes), so a takeover can tell it is still there. */
interface SeenLock {
  id: string;
  holder: LockHolder | null;
  mtimeMs: number;
}

async function look(file: string): Promise<SeenLock | null> {
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
 * the file is created exclusively and written in place (readers wait for the text: see judge).
 */
async function createExclusive(file: string, text: string): Promise<boolean> {
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
async function replaceWith(file: string, text: string): Promise<void> {
  const temp = await writeTemp(file, text);
  await rename(temp, file).catch(async (error: unknown) => {
    await unlink(temp).catch(() => undefined);
    throw error;
  });
}

type Verdict = { kind: 'stale' } | { kind: 'wait' } | { kind: 'held'; holder: LockHolder; here: boolean };

/** Whether a lock file found in the way may be taken over. `watching` remembers since when an unreadable one was seen. */
function judge(file: string, seen: SeenLock, watching: Map<string, number>): Verdict {
  const holder = seen.holder;
  if (holder === null) {
    // A lock written in place this instant (see createExclusive) has no text for a moment; one that stays so was left half-written.
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

function heldElsewhere(holder: LockHolder, here: boolean): CopydeskError {
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

/** Claim files and lock temp files left by processes killed while taking a lock (only those from before this process). */
async function removeLeftovers(file: string): Promise<void> {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the library's lock file, so two Copydesk processes (two windows, the app and the `copydesk` command) never
 * write one library at once. The lock says who holds it (pid, computer, app or command, a per-process token). A lock
 * held by a running process is refused with 'locked'; one left by a process that is gone (or from before the computer
 * last started, or by this very process after a release that failed) is taken over, by exactly one of any number of
 * processes trying at once (tryTake). A folder that cannot be written is 'read-only', 'permission-denied' or
 * 'disk-full' with a sentence that says so.
 */
export function acquireLibraryLock(file: string, { now = () => new Date(), holder = processHolderKind }: AcquireOptions = {}): Promise<LibraryLock> {
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
