import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../openLibrary.js';
import { acquireLibraryLock } from './libraryLock.js';

let root: string;
const lockFile = () => path.join(root, '.copydesk.lock');
const readLock = async () => JSON.parse(await readFile(lockFile(), 'utf8')) as Record<string, unknown>;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-lock-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the library lock', () => {
  it('is taken on open with who holds it, and released on close', async () => {
    const library = await openLibrary(root);
    expect(await readLock()).toEqual({ pid: process.pid, hostname: hostname(), startedAt: expect.any(String), holder: 'app', token: expect.stringMatching(/^[0-9a-f]{16}$/) });
    await library.close();
    await expect(stat(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/lock/));
  });

  it('refuses a second open of the same library in the same process, and writes nothing', async () => {
    const library = await openLibrary(root);
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'locked', message: 'This library is already open in this Copydesk.' });
    // The refused open did not take the lock away from the first.
    await library.createStory();
    expect((await readLock()).pid).toBe(process.pid);
    await library.close();
    const again = await openLibrary(root);
    await again.close();
  });

  it('names the holder: another Copydesk window, or the copydesk command', async () => {
    // The test's parent process is running and is not this process.
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), holder: 'app', token: 'aaaaaaaaaaaaaaaa' }));
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'locked', message: `This library is open in another Copydesk window (pid ${process.ppid}).` });
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), holder: 'cli', token: 'aaaaaaaaaaaaaaaa' }));
    await expect(openLibrary(root)).rejects.toMatchObject({
      code: 'locked',
      message: `This library is in use by the copydesk command (pid ${process.ppid}); try again when the command has finished.`,
    });
    expect((await readLock()).pid).toBe(process.ppid);
  });

  it('takes over a lock left by a process that is no longer running', async () => {
    const pid = await deadPid();
    await writeFile(lockFile(), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z' }));
    const library = await openLibrary(root);
    expect((await readLock()).pid).toBe(process.pid);
    await library.close();
  });

  it('takes over a lock from before the computer last started, whatever process has its pid now', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: '2001-01-01T00:00:00.000Z' }));
    const library = await openLibrary(root);
    expect((await readLock()).startedAt).not.toBe('2001-01-01T00:00:00.000Z');
    await library.close();
  });

  it('takes over a lock with this process’s pid written by an earlier process (a reused pid), instead of blaming itself', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date(Date.now() - process.uptime() * 1000 - 60_000).toISOString(), token: 'bbbbbbbbbbbbbbbb' }));
    const library = await openLibrary(root);
    expect((await readLock()).token).not.toBe('bbbbbbbbbbbbbbbb');
    await library.close();
  });

  it('is recognised as its own by this process after a close that could not remove it, so the library opens again', async () => {
    const library = await openLibrary(root);
    const left = await readFile(lockFile());
    await library.close();
    // As when the disk turned read-only: close let go of the library but the lock file stayed.
    await writeFile(lockFile(), left);
    const again = await openLibrary(root);
    expect((await readLock()).startedAt).not.toBe(JSON.parse(left.toString()).startedAt);
    await again.close();
    await expect(stat(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('waits for a lock being written (empty for a moment) and then names its holder', async () => {
    await writeFile(lockFile(), '');
    // The other process finishes writing its lock while this one is looking: a timer ordered before the open's 1 s wait ends.
    setTimeout(() => void writeFile(lockFile(), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), holder: 'cli' })), 50);
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining(`the copydesk command (pid ${process.ppid})`) });
  });

  it('takes over a lock that stays empty (its writer died half-way) after a short wait, not with a confusing refusal', async () => {
    await writeFile(lockFile(), '');
    const library = await openLibrary(root);
    expect((await readLock()).pid).toBe(process.pid);
    await library.close();
  });

  it('takes over at once an unreadable lock that is several seconds old', async () => {
    await writeFile(lockFile(), '{"pid": 12');
    await utimes(lockFile(), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const library = await openLibrary(root);
    expect((await readLock()).pid).toBe(process.pid);
    await library.close();
  });

  it('names the other computer when the library is open there', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 4242, hostname: 'desk-laptop-7', startedAt: '2026-05-20T09:00:00.000Z' }));
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/open in Copydesk on another computer \(desk-laptop-7, pid 4242\).*\.copydesk\.lock/) });
  });

  it('is not taken by a read-only open, which works while the library is open for writing', async () => {
    const library = await openLibrary(root);
    const story = await library.createStory();
    const reader = await openLibrary(root, { readOnly: true });
    expect(reader.listSummaries().map((s) => s.id)).toEqual([story.id]);
    await expect(reader.createStory()).rejects.toMatchObject({ code: 'unsupported' });
    await reader.close();
    expect((await readLock()).pid).toBe(process.pid);
    await library.close();
  });

  it('lets exactly one of several takers in this process through, and the next one after a release', async () => {
    const pid = await deadPid();
    await writeFile(lockFile(), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z' }));
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => acquireLibraryLock(lockFile())));
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill('locked'));
    await won[0]!.value.release();
    const next = await acquireLibraryLock(lockFile());
    await next.release();
  });
});

// Many Copydesk processes opening one library at the same moment, with a dead process's lock in the way: every round
// exactly one of them gets the library and every other one is told it is locked.
describe('many processes opening one library with a stale lock at once', () => {
  const PROCESSES = 12;
  const ROUNDS = 5;
  let dir: string;
  let child: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'copydesk-lock-race-'));
    child = path.join(dir, 'takeLockOnce.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, '..', 'testing', 'takeLockOnce.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  interface Taker {
    process: ChildProcess;
    next(): Promise<string>;
  }
  function startTaker(file: string): Taker {
    const taker = spawn(process.execPath, [child, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const waiting: ((line: string) => void)[] = [];
    let pending = '';
    taker.stdout!.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop()!;
      for (const line of parts) {
        const waiter = waiting.shift();
        if (waiter) waiter(line);
        else lines.push(line);
      }
    });
    return {
      process: taker,
      next: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    };
  }

  const staleLocks = async (round: number, pid: number): Promise<string> =>
    [
      JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z', holder: 'app', token: '0123456789abcdef' }),
      JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z' }),
      JSON.stringify({ pid: 1, hostname: hostname(), startedAt: '2001-01-01T00:00:00.000Z' }),
      '',
      JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z', holder: 'cli', token: 'fedcba9876543210' }),
    ][round % 5]!;

  it(`gives the library to exactly one of ${PROCESSES} processes, ${ROUNDS} rounds in a row`, async () => {
    const pid = await deadPid();
    for (let round = 0; round < ROUNDS; round += 1) {
      await writeFile(lockFile(), await staleLocks(round, pid));
      // An empty lock is stale once it is old (its writer died half-way).
      if (round % 5 === 3) await utimes(lockFile(), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const takers = Array.from({ length: PROCESSES }, () => startTaker(lockFile()));
      try {
        for (const taker of takers) expect(await taker.next()).toBe('ready');
        for (const taker of takers) taker.process.stdin!.write('go\n');
        const outcomes = await Promise.all(takers.map((taker) => taker.next()));
        expect(outcomes.filter((outcome) => outcome === 'won'), `round ${round}: ${outcomes.join(', ')}`).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome !== 'won')).toEqual(Array(PROCESSES - 1).fill('refused locked'));
        const winner = takers[outcomes.indexOf('won')]!;
        expect((await readLock()).pid).toBe(winner.process.pid);
      } finally {
        await Promise.all(
          takers.map((taker) => {
            const exited = new Promise((resolve) => taker.process.on('exit', resolve));
            taker.process.stdin!.end('exit\n');
            return taker.process.exitCode === null ? exited : undefined;
          }),
        );
      }
      // The winner released the lock as it exited; nothing else of the lock's is left behind.
      expect(await readdir(root)).toEqual([]);
    }
  }, 120_000);
});
