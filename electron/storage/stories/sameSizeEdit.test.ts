import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-same-size-'));
  library = await openLibrary(root, { indexDelayMs: 0 });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);
// A clock as coarse as FAT's (2 s): every version of the file gets the same modification time.
const COARSE_TIME = new Date('2026-12-04T09:00:00Z');

/** Another program edits the story file in place, same size, and its modification time reads as before. */
async function editOutsideKeepingTime(id: string, from: string, to: string) {
  const before = await stat(storyFile(id));
  const text = await readFile(storyFile(id), 'utf8');
  await writeFile(storyFile(id), text.replace(from, to));
  await utimes(storyFile(id), COARSE_TIME, COARSE_TIME);
  const after = await stat(storyFile(id));
  expect({ mtimeMs: after.mtimeMs, size: after.size }).toEqual({ mtimeMs: before.mtimeMs, size: before.size });
}

describe('an outside edit that keeps the size and the modification time', () => {
  it('is a conflict for the first save after opening the story, and the outside version stays on disk', async () => {
    const { id, revision } = await library.createStory();
    await library.saveStory(id, revision, storyWith({ headline: 'Alpha council vote' }), { session: null });
    await utimes(storyFile(id), COARSE_TIME, COARSE_TIME);
    const opened = await library.readStory(id, { forEditor: true });
    await editOutsideKeepingTime(id, 'Alpha council vote', 'Gamma council vote');

    await expect(library.saveStory(id, opened.revision, storyWith({ headline: 'Mine' }), { session: 'editor-1' })).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.parse(await readFile(storyFile(id), 'utf8'))).toMatchObject({ headline: 'Gamma council vote' });
  });

  it('is a conflict for a save while the writer keeps typing, and the outside version stays on disk', async () => {
    const { id, revision } = await library.createStory();
    const first = await library.saveStory(id, revision, storyWith({ headline: 'Alpha council vote' }));
    await utimes(storyFile(id), COARSE_TIME, COARSE_TIME);
    await library.readStory(id, { forEditor: true });
    await editOutsideKeepingTime(id, 'Alpha council vote', 'Gamma council vote');

    await expect(library.saveStory(id, first.revision, storyWith({ headline: 'Alpha council vote, updated' }))).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.parse(await readFile(storyFile(id), 'utf8'))).toMatchObject({ headline: 'Gamma council vote' });
  });

  it('on this disk’s own clock too: an edit whose time is set back with fs.utimes to what it was is a conflict', async () => {
    const { id, revision } = await library.createStory();
    const first = await library.saveStory(id, revision, storyWith({ headline: 'Alpha council vote' }));
    const before = await stat(storyFile(id));
    const text = await readFile(storyFile(id), 'utf8');
    await writeFile(storyFile(id), text.replace('Alpha council vote', 'Gamma council vote'));
    await utimes(storyFile(id), before.atime, before.mtime);

    await expect(library.saveStory(id, first.revision, storyWith({ headline: 'Alpha council vote, updated' }))).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.parse(await readFile(storyFile(id), 'utf8'))).toMatchObject({ headline: 'Gamma council vote' });
  });

  it('a story saved twice by Copydesk within one coarse clock tick is no conflict', async () => {
    const { id, revision } = await library.createStory();
    const first = await library.saveStory(id, revision, storyWith({ headline: 'Alpha council vote' }));
    await utimes(storyFile(id), COARSE_TIME, COARSE_TIME);
    const second = await library.saveStory(id, first.revision, storyWith({ headline: "Alpha council vote!" }));
    await utimes(storyFile(id), COARSE_TIME, COARSE_TIME);
    await library.saveStory(id, second.revision, storyWith({ headline: 'Alpha council vote?' }));
    expect(JSON.parse(await readFile(storyFile(id), 'utf8'))).toMatchObject({ headline: 'Alpha council vote?' });
  });
});
