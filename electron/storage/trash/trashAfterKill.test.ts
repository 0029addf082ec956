import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore | null = null;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-trash-kill-'));
});
afterEach(async () => {
  await library?.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);
const trashFile = (id: string) => path.join(root, 'trash', `${id}.json`);
/** Opens the library as the app does: listed from library.json at once, the story files checked in the background. */
const openAsApp = async () => (library = await openLibrary(root, { indexDelayMs: 0, live: true, watchDelayMs: 50 }));

/** A closed library with two stories, `kept` and `moved`, whose index (library.json) lists both. */
async function libraryWithTwoStories() {
  const lib = await openLibrary(root, { indexDelayMs: 0 });
  const ids: string[] = [];
  for (const headline of ['Kept', 'Moved']) {
    const story = await lib.createStory();
    await lib.saveStory(story.id, story.revision, storyWith({ headline }));
    ids.push(story.id);
  }
  await lib.close();
  return { kept: ids[0]!, moved: ids[1]! };
}

describe('the first list after a Copydesk was killed while moving a story to or from the Trash', () => {
  it('a story whose file reached trash/ before the move was written down (its index entry has no file) is in the Trash only', async () => {
    const { kept, moved } = await libraryWithTwoStories();
    await mkdir(path.join(root, 'trash'));
    await rename(storyFile(moved), trashFile(moved));

    const lib = await openAsApp();
    expect(lib.listSummaries().map((summary) => summary.id)).toEqual([kept]);
    expect((await lib.listTrash()).map((story) => story.id)).toEqual([moved]);
  });

  it('a story whose file went back to stories/ before the restore was written down is in the list only', async () => {
    const { kept, moved } = await libraryWithTwoStories();
    const lib = await openLibrary(root, { indexDelayMs: 0 });
    await lib.trashStory(moved);
    await lib.close();
    await rename(trashFile(moved), storyFile(moved));

    const app = await openAsApp();
    expect(app.listSummaries().map((summary) => summary.id).sort()).toEqual([kept, moved].sort());
    expect(app.listSummaries().find((summary) => summary.id === moved)).toMatchObject({ headline: 'Moved' });
    expect(await app.listTrash()).toEqual([]);
  });

  it('a story whose file is in both stories/ and trash/ is listed in both, and restoring it is refused', async () => {
    const { kept, moved } = await libraryWithTwoStories();
    await mkdir(path.join(root, 'trash'));
    await copyFile(storyFile(moved), trashFile(moved));

    const app = await openAsApp();
    expect(app.listSummaries().map((summary) => summary.id).sort()).toEqual([kept, moved].sort());
    expect((await app.listTrash()).map((story) => story.id)).toEqual([moved]);
    await expect(app.restoreStory(moved)).rejects.toMatchObject({ code: 'conflict' });
  });
});
