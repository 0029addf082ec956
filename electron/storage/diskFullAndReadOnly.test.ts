import { execFileSync } from 'node:child_process';
import { appendFile, chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopydeskError } from '../../shared/result.js';
import { openPreferences } from '../handlers/preferencesStore.js';
import { fileSystemError } from './files/ioError.js';
import { writeFileDurably, type DurableWriteFs } from './files/writeFileDurably.js';
import { openLibrary } from './openLibrary.js';
import { storyWith } from './testing/storyText.js';

// A disk that fills up or turns read-only under an open library. As root (here: tmpfs mounts work) on a real 2 MB
// tmpfs, remounted read-only; otherwise with folders made unwritable (chmod) and a full disk injected into the file
// calls of writeFileDurably. The suite's title says which ran, and a line is logged.

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Still busy (a handle not yet closed): detached now, freed when the last handle goes.
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  }
}
const remount = (dir: string, mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' });

async function realTmpfsWorks(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  const probe = await mkdtemp(path.join(tmpdir(), 'copydesk-tmpfs-probe-'));
  const mounted = tryMount(probe);
  if (mounted) unmount(probe);
  await rm(probe, { recursive: true, force: true });
  return mounted;
}
const REAL = await realTmpfsWorks();
console.info(`disk-full and read-only tests: ${REAL ? 'on a real 2 MB tmpfs (root)' : 'through chmod and an injected fs (not root, or no tmpfs)'}`);

let dir: string;
let library: string;
let mounted = false;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-disk-'));
  if (REAL) mounted = tryMount(dir);
  library = path.join(dir, 'library');
});
afterEach(async () => {
  if (mounted) {
    remount(dir, 'rw');
    unmount(dir);
    mounted = false;
  } else {
    await chmod(dir, 0o755).catch(() => undefined);
  }
  await rm(dir, { recursive: true, force: true });
});

/** Every file under `folder`, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}
const tempFiles = async (folder: string) => (await filesUnder(folder)).filter((name) => name.endsWith('.tmp'));

/** The error a call failed with, checked to be a sentence for a user: a CopydeskError, no absolute path, no errno name. */
async function failure(call: Promise<unknown>): Promise<CopydeskError> {
  const error = await call.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CopydeskError);
  const { message } = error as CopydeskError;
  expect(message).not.toContain(dir);
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b/);
  expect(message).toMatch(/^[A-Z].*\.$/);
  return error as CopydeskError;
}

/** Fills the file system of `folder` with one file until no byte more fits. */
async function fillDisk(folder: string): Promise<string> {
  const filler = path.join(folder, 'filler');
  const chunk = Buffer.alloc(16 * 1024, 120);
  for (;;) {
    try {
      await appendFile(filler, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
      throw error;
    }
  }
  for (let size = chunk.length / 2; size >= 1; size = Math.floor(size / 2)) {
    await appendFile(filler, chunk.subarray(0, size)).catch(() => undefined);
  }
  return filler;
}

const bigBody = (words: number) => [`${'Council budget vote delayed again. '.repeat(words)}`];

describe.runIf(REAL)('on a real 2 MB tmpfs (running as root)', () => {
  it('a save that does not fit says the disk is full, keeps the previous file whole and leaves no temp file; after space is freed it saves', async () => {
    const store = await openLibrary(library, { indexDelayMs: 0 });
    const story = await store.createStory();
    const first = await store.saveStory(story.id, story.revision, storyWith({ headline: 'First version', paragraphs: ['Short.'] }), { session: null });
    const before = await readFile(path.join(library, 'stories', `${story.id}.json`), 'utf8');
    const filler = await fillDisk(dir);

    const error = await failure(store.saveStory(story.id, first.revision, storyWith({ headline: 'Second version', paragraphs: bigBody(4000) }), { session: null }));
    expect(error).toMatchObject({ code: 'disk-full', message: 'The story could not be saved to the library: the disk is full; free some space and try again.' });
    expect(await readFile(path.join(library, 'stories', `${story.id}.json`), 'utf8')).toBe(before);
    expect(JSON.parse(before).headline).toBe('First version');
    expect(await tempFiles(library)).toEqual([]);
    // A settings change that cannot be written says so too, and the setting stays as it was.
    expect(await failure(store.saveSections(['News', 'Sport', 'Metro']))).toMatchObject({ code: 'disk-full' });
    expect(await tempFiles(library)).toEqual([]);

    await unlink(filler);
    const second = await store.saveStory(story.id, first.revision, storyWith({ headline: 'Second version', paragraphs: bigBody(4000) }), { session: null });
    await store.close();
    const reopened = await openLibrary(library);
    expect(await reopened.readStory(story.id)).toMatchObject({ headline: 'Second version', revision: second.revision });
    await reopened.close();
  });

  it('closing on a full disk does not fail, and the library opens again with nothing lost', async () => {
    const store = await openLibrary(library, { indexDelayMs: 60_000 });
    const story = await store.createStory();
    await store.saveStory(story.id, story.revision, storyWith({ headline: 'Kept', paragraphs: bigBody(50) }), { session: null });
    const filler = await fillDisk(dir);
    await expect(store.close()).resolves.toBeUndefined();
    await expect(stat(path.join(library, '.copydesk.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    // Opened again on the full disk: it opens (library.json waits for space) or, if not even the lock fits, says the disk is full.
    const onFullDisk = await openLibrary(library).catch((error: unknown) => error as Error);
    if (onFullDisk instanceof Error) {
      expect(await failure(Promise.reject(onFullDisk))).toMatchObject({ code: 'disk-full', message: 'This library cannot be opened for changes: the disk is full.' });
    } else {
      expect(onFullDisk.listSummaries().map((summary) => summary.headline)).toEqual(['Kept']);
      await onFullDisk.close();
    }
    await unlink(filler);
    const reopened = await openLibrary(library);
    expect(reopened.listSummaries().map((summary) => summary.headline)).toEqual(['Kept']);
    expect(await tempFiles(library)).toEqual([]);
    await reopened.close();
  });

  it('a library whose disk turns read-only: saves, trash and settings say so, close does not fail, and it opens again once writable', async () => {
    const store = await openLibrary(library, { indexDelayMs: 0 });
    const kept = await store.createStory();
    const saved = await store.saveStory(kept.id, kept.revision, storyWith({ headline: 'Saved before', paragraphs: ['Text.'] }), { session: null });
    await store.flush();
    const filesBefore = await filesUnder(library);
    remount(dir, 'ro');

    const readOnly = { code: 'read-only' };
    expect(await failure(store.saveStory(kept.id, saved.revision, storyWith({ headline: 'After', paragraphs: ['More.'] })))).toMatchObject({
      ...readOnly,
      message: expect.stringMatching(/^(The story|A revision of the story) could not be saved to the library: the disk is read-only\.$/),
    });
    expect(await failure(store.saveStory(kept.id, saved.revision, storyWith({ headline: 'After', paragraphs: ['More.'] }), { session: null }))).toMatchObject({
      ...readOnly,
      message: 'The story could not be saved to the library: the disk is read-only.',
    });
    expect(await failure(store.trashStory(kept.id))).toMatchObject({ ...readOnly, message: 'The story could not be moved to the Trash: the disk is read-only.' });
    expect(await failure(store.createStory())).toMatchObject(readOnly);
    expect(await failure(store.saveSections(['Metro']))).toMatchObject(readOnly);
    // The story is still in the list and reads as it was saved.
    expect(await store.readStory(kept.id)).toMatchObject({ headline: 'Saved before', revision: saved.revision });

    await expect(store.close()).resolves.toBeUndefined();
    // Opening it for changes while read-only says why; opening it to read works.
    expect(await failure(openLibrary(library))).toMatchObject({ ...readOnly, message: 'This library cannot be opened for changes: the disk is read-only.' });
    const reader = await openLibrary(library, { readOnly: true });
    expect(reader.listSummaries().map((summary) => summary.headline)).toEqual(['Saved before']);
    await reader.close();

    remount(dir, 'rw');
    // The lock file close could not remove is this process's own: it opens the library again.
    const reopened = await openLibrary(library);
    expect(await reopened.readStory(kept.id)).toMatchObject({ headline: 'Saved before', revision: saved.revision });
    await reopened.trashStory(kept.id);
    expect((await reopened.listTrash()).map((entry) => entry.id)).toEqual([kept.id]);
    await reopened.close();
    expect(filesBefore).toContain(`stories/${kept.id}.json`);
    expect(await tempFiles(library)).toEqual([]);
    await expect(stat(path.join(library, '.copydesk.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('preferences on a full or read-only disk: the change fails with a clear error, the file stays whole', async () => {
    const file = path.join(dir, 'prefs', 'preferences.json');
    const preferences = await openPreferences(file);
    await preferences.setUserName('Ankit');
    const before = await readFile(file, 'utf8');
    const filler = await fillDisk(dir);
    const longName = 'A very long name '.repeat(20_000);
    expect(await failure(preferences.setUserName(longName))).toMatchObject({ code: 'disk-full', message: 'The preferences could not be saved: the disk is full.' });
    await unlink(filler);
    remount(dir, 'ro');
    expect(await failure(preferences.setUserName('Bea'))).toMatchObject({ code: 'read-only', message: 'The preferences could not be saved: the disk is read-only.' });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(preferences.userName()).toBe('Ankit');
    expect(await tempFiles(dir)).toEqual([]);
  });
});

describe.runIf(!REAL)('through chmod and an injected fs (not root, or no tmpfs here)', () => {
  it('a library whose folders turn unwritable: saves, trash and settings say so, close does not fail, and it opens again', async () => {
    const store = await openLibrary(library, { indexDelayMs: 0 });
    const kept = await store.createStory();
    const saved = await store.saveStory(kept.id, kept.revision, storyWith({ headline: 'Saved before', paragraphs: ['Text.'] }), { session: null });
    await store.flush();
    const folders = ['', 'stories', 'media'].map((name) => path.join(library, name));
    for (const folder of folders) await chmod(folder, 0o555);
    try {
      const denied = { code: 'permission-denied' };
      expect(await failure(store.saveStory(kept.id, saved.revision, storyWith({ headline: 'After' }), { session: null }))).toMatchObject(denied);
      expect(await failure(store.trashStory(kept.id))).toMatchObject(denied);
      expect(await failure(store.saveSections(['Metro']))).toMatchObject(denied);
      await expect(store.close()).resolves.toBeUndefined();
      expect(await failure(openLibrary(library))).toMatchObject({ ...denied, message: 'This library cannot be opened for changes: Copydesk is not allowed to change files there.' });
    } finally {
      for (const folder of folders) await chmod(folder, 0o755);
    }
    const reopened = await openLibrary(library);
    expect(await reopened.readStory(kept.id)).toMatchObject({ headline: 'Saved before' });
    await reopened.close();
    expect(await tempFiles(library)).toEqual([]);
  });

  it('a durable write that finds the disk full says so, keeps the previous file and leaves no temp file', async () => {
    await mkdir(library, { recursive: true });
    const file = path.join(library, 'library.json');
    await writeFile(file, '{"before": true}\n');
    const { open, rename, unlink: remove } = await import('node:fs/promises');
    const full: DurableWriteFs = {
      rename,
      unlink: remove,
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args);
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      }) as typeof open,
    };
    const error = await writeFileDurably(file, '{"after": true}\n', { fs: full }).catch((caught: unknown) => caught);
    expect(fileSystemError('Library settings could not be saved', error)).toMatchObject({ code: 'disk-full', message: 'Library settings could not be saved: the disk is full.' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ before: true });
    expect(await tempFiles(library)).toEqual([]);
  });
});
