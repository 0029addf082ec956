import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract.js';
import { MAX_STORY_REVISION } from '../../../shared/story.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-bounds-'));
  library = await openLibrary(root, { indexDelayMs: 0 });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);

describe('revision numbers stay ones the library can read back', () => {
  it('the IPC contract refuses a baseRevision of 2^53−1 (and anything a save would push past the highest revision)', () => {
    const input = (baseRevision: number) => contract.saveStory.input.safeParse({ id: 'story-1', baseRevision, fields: storyWith({ headline: 'x' }) });
    expect(input(Number.MAX_SAFE_INTEGER).success).toBe(false);
    expect(input(MAX_STORY_REVISION).success).toBe(false);
    expect(input(MAX_STORY_REVISION - 1).success).toBe(true);
  });

  it('a save that would write a story the library rejects is refused before anything is written', async () => {
    const story = await library.createStory();
    const atTheTop = { ...JSON.parse(await readFile(storyFile(story.id), 'utf8')), revision: MAX_STORY_REVISION };
    await writeFile(storyFile(story.id), JSON.stringify(atTheTop, null, 2));
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    const before = await readFile(storyFile(story.id), 'utf8');

    await expect(library.saveStory(story.id, MAX_STORY_REVISION, storyWith({ headline: 'One more' }))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/could not be saved: revision/),
    });
    expect(await readFile(storyFile(story.id), 'utf8')).toBe(before);
    expect((await readdir(path.join(root, 'stories'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    library = await reopen();
    expect(library.problems()).toEqual([]);
    expect((await library.readStory(story.id)).revision).toBe(MAX_STORY_REVISION);
  });

  it('a save of a story whose file is gone, based on 2^53−1, writes nothing', async () => {
    const story = await library.createStory();
    await rm(storyFile(story.id));
    await expect(library.saveStory(story.id, Number.MAX_SAFE_INTEGER, storyWith({ headline: 'Lost' }))).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await readdir(path.join(root, 'stories'))).toEqual([]);
  });
});

async function reopen() {
  await library.close();
  return openLibrary(root, { indexDelayMs: 0 });
}
