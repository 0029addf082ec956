import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../openLibrary.js';

let root: string;
const lockFile = () => path.join(root, '.copydesk.lock');

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
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toEqual({ pid: process.pid, hostname: hostname(), startedAt: expect.any(String) });
    await library.close();
    await expect(stat(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second open of the same library with a clear message, and writes nothing', async () => {
    const library = await openLibrary(root);
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'conflict', message: `This library is open in another Copydesk window (pid ${process.pid}).` });
    // The refused open did not take the lock away from the first.
    await library.createStory();
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid);
    await library.close();
    const again = await openLibrary(root);
    await again.close();
  });

  it('takes over a lock left by a process that is no longer running', async () => {
    const pid = await deadPid();
    await writeFile(lockFile(), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-05-20T09:00:00.000Z' }));
    const library = await openLibrary(root);
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid);
    await library.close();
  });

  it('takes over a lock from before the computer last started, whatever process has its pid now', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2001-01-01T00:00:00.000Z' }));
    const library = await openLibrary(root);
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).startedAt).not.toBe('2001-01-01T00:00:00.000Z');
    await library.close();
  });

  it('names the other computer when the library is open there', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 4242, hostname: 'desk-laptop-7', startedAt: '2026-05-20T09:00:00.000Z' }));
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/on another computer \(desk-laptop-7, pid 4242\).*\.copydesk\.lock/) });
  });

  it('is not taken by a read-only open, which works while the library is open for writing', async () => {
    const library = await openLibrary(root);
    const story = await library.createStory();
    const reader = await openLibrary(root, { readOnly: true });
    expect(reader.listSummaries().map((s) => s.id)).toEqual([story.id]);
    await expect(reader.createStory()).rejects.toMatchObject({ code: 'unsupported' });
    await reader.close();
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid);
    await library.close();
  });
});
