import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { testClock } from '../testing/testClock.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-trash-'));
  library = await openLibrary(root, { indexDelayMs: 0, now: testClock() });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const list = (folder: string) => readdir(path.join(root, folder)).catch(() => [] as string[]);

async function storyWithRevisions(headline: string) {
  const story = await library.createStory();
  const first = await library.saveStory(story.id, 1, storyWith({ headline }), { session: 'a' });
  await library.saveStory(story.id, first.revision, storyWith({ headline: `${headline}, edited` }), { session: 'b' });
  return story.id;
}

describe('the Trash', () => {
  it('takes a story out of the list, keeps its file and revisions, and gives it back as it was', async () => {
    const id = await storyWithRevisions('Talks resume');
    const before = await readFile(path.join(root, 'stories', `${id}.json`), 'utf8');
    await library.trashStory(id);
    expect(library.listSummaries()).toEqual([]);
    expect(await list('stories')).toEqual([]);
    expect(await list('trash')).toEqual([`${id}.json`]);
    expect(await list(path.join('revisions', id))).toHaveLength(1);
    expect(await library.listTrash()).toEqual([expect.objectContaining({ id, headline: 'Talks resume, edited', trashedAt: expect.any(String) })]);
    await expect(library.readStory(id)).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/Trash/) });

    const summary = await library.restoreStory(id);
    expect(summary).toMatchObject({ id, headline: 'Talks resume, edited' });
    expect(library.listSummaries().map((s) => s.id)).toEqual([id]);
    expect(await readFile(path.join(root, 'stories', `${id}.json`), 'utf8')).toBe(before);
    expect(await library.listTrash()).toEqual([]);
    expect(await library.listRevisions(id)).toHaveLength(1);
  });

  it('lists the most recently trashed first, and survives a reopen', async () => {
    const first = await storyWithRevisions('First');
    const second = await storyWithRevisions('Second');
    await library.trashStory(first);
    await library.trashStory(second);
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect((await library.listTrash()).map((entry) => entry.id)).toEqual([second, first]);
    expect(library.listSummaries()).toEqual([]);
  });

  it('is found again from trash/ when library.json is lost', async () => {
    const id = await storyWithRevisions('Lost index');
    await library.trashStory(id);
    await library.close();
    await rm(path.join(root, 'library.json'));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(await library.listTrash()).toEqual([expect.objectContaining({ id, headline: 'Lost index, edited' })]);
  });

  it('refuses a save of a trashed story instead of bringing it back as a stray file', async () => {
    const story = await library.createStory();
    await library.trashStory(story.id);
    await expect(library.saveStory(story.id, 1, storyWith())).rejects.toMatchObject({ code: 'not-found' });
    expect(await list('stories')).toEqual([]);
  });

  it('empties for good: trash files and their revisions, nothing else', async () => {
    const gone = await storyWithRevisions('Gone');
    const kept = await storyWithRevisions('Kept');
    await library.trashStory(gone);
    expect(await library.emptyTrash()).toBe(1);
    expect(await list('trash')).toEqual([]);
    expect(await list('revisions')).toEqual([kept]);
    expect(library.listSummaries().map((s) => s.id)).toEqual([kept]);
    await expect(library.restoreStory(gone)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('never lets an import take the id of a trashed story', async () => {
    const story = await library.createStory();
    const stored = await library.readStory(story.id);
    await library.trashStory(story.id);
    await expect(library.addStory(stored)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('leaves other files in trash/ alone', async () => {
    const id = await storyWithRevisions('Trashed');
    await library.trashStory(id);
    await writeFile(path.join(root, 'trash', 'README.txt'), 'not a story');
    expect((await library.listTrash()).map((entry) => entry.id)).toEqual([id]);
    await library.emptyTrash();
    expect(await list('trash')).toEqual(['README.txt']);
  });
});
