import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../../e2e/fixtures/sampleStory.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';

let root: string;
let library: LibraryStore;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-utf8-'));
  library = await openLibrary(root, { indexDelayMs: 0 });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);

/** The story file with its headline's “é” turned into the single Latin-1 byte 0xE9; and where that byte is. */
async function spoilWithLatin1(id: string): Promise<{ bytes: Buffer; offset: number }> {
  const text = await readFile(storyFile(id), 'utf8');
  const at = text.indexOf('Café');
  const before = Buffer.from(text.slice(0, at + 3), 'utf8');
  const bytes = Buffer.concat([before, Buffer.from([0xe9]), Buffer.from(text.slice(at + 4), 'utf8')]);
  await writeFile(storyFile(id), bytes);
  return { bytes, offset: before.length };
}

async function quarantined(id: string): Promise<Buffer> {
  const names = await readdir(path.join(root, 'quarantine'));
  const name = names.find((entry) => entry.startsWith(`${id}.`));
  expect(name).toBeDefined();
  return readFile(path.join(root, 'quarantine', name!));
}

describe('a story file that is not valid UTF-8', () => {
  it('is set aside at open with every byte kept and reported with the offset of the bad byte, never read as U+FFFD', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, { ...sampleStoryFields(), headline: 'Café talks resume' });
    await library.close();
    const { bytes, offset } = await spoilWithLatin1(story.id);

    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries()).toEqual([]);
    expect(library.problems()).toEqual([
      { file: `stories/${story.id}.json`, message: expect.stringMatching(new RegExp(`moved to quarantine/.*: it is not valid UTF-8 \\(the first bad byte is at offset ${offset}\\)\\.$`)) },
    ]);
    expect(await quarantined(story.id)).toEqual(bytes);
  });

  it('is set aside when the app reads it, and the editor is told why', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, { ...sampleStoryFields(), headline: 'Café talks resume' });
    const { bytes, offset } = await spoilWithLatin1(story.id);

    await expect(library.readStory(story.id)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining(`it is not valid UTF-8 (the first bad byte is at offset ${offset})`) });
    expect(library.problems().map((problem) => problem.file)).toEqual([`stories/${story.id}.json`]);
    expect(library.listSummaries()).toEqual([]);
    expect(await quarantined(story.id)).toEqual(bytes);
  });
});
