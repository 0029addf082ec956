import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../../e2e/fixtures/sampleStory.js';
import { EMPTY_STORY_META, emptyStoryWorkflow } from '../../../shared/story.js';
import { loadLibraryIndex } from '../index/libraryIndex.js';
import { openLibrary } from '../openLibrary.js';
import { readToEnd } from '../stories/storyFiles.js';
import { libraryPaths } from './libraryPaths.js';

let root: string;
let outside: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-quarantine-'));
  outside = await mkdtemp(path.join(tmpdir(), 'copydesk-outside-'));
  await mkdir(path.join(root, 'stories'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);
const storyJson = (id: string, headline: string) =>
  `${JSON.stringify({ schemaVersion: 1, id, revision: 1, createdAt: '2026-12-04T09:00:00.000Z', updatedAt: '2026-12-04T09:00:00.000Z', ...sampleStoryFields(), ...EMPTY_STORY_META, ...emptyStoryWorkflow(), headline }, null, 2)}\n`;

describe('a story file that cannot be read when the library opens', () => {
  it('is read once more after a moment before it is set aside: a file caught mid-write is listed, not quarantined', async () => {
    await writeFile(storyFile('mid-write'), storyJson('mid-write', 'Council vote').slice(0, 40));
    await writeFile(storyFile('damaged'), '{ "schemaVersion": 1, "headline": ');
    const loaded = await loadLibraryIndex(libraryPaths(root), 'Library', {
      // Meanwhile the sync finishes writing the first file; the second stays damaged.
      waitToReread: () => writeFile(storyFile('mid-write'), storyJson('mid-write', 'Council vote')),
    });
    expect([...loaded.entries.keys()]).toEqual(['mid-write']);
    expect(loaded.entries.get('mid-write')!.summary.headline).toBe('Council vote');
    expect(loaded.problems).toEqual([{ file: 'stories/damaged.json', message: expect.stringMatching(/moved to quarantine\/damaged\..*not valid JSON/) }]);
    expect((await readdir(path.join(root, 'quarantine'))).map((name) => name.split('.')[0])).toEqual(['damaged']);
  });

  it('is reported and left in place when quarantine/ cannot be made (a file is in the way), and the library still opens', async () => {
    await writeFile(path.join(root, 'quarantine'), 'a file of yours');
    await writeFile(storyFile('good'), storyJson('good', 'Still listed'));
    await writeFile(storyFile('damaged'), '{ "schemaVersion": 1, "headline": ');
    const library = await openLibrary(root, { indexDelayMs: 0 });
    try {
      expect(library.listSummaries().map((summary) => summary.id)).toEqual(['good']);
      expect(library.problems()).toEqual([
        { file: 'stories/damaged.json', message: expect.stringMatching(/left where it is, because it could not be moved to quarantine\/ \(quarantine\/ in the library is a file, not a folder.*\).*not valid JSON/) },
      ]);
      expect(await readFile(storyFile('damaged'), 'utf8')).toBe('{ "schemaVersion": 1, "headline": ');
      expect(await readFile(path.join(root, 'quarantine'), 'utf8')).toBe('a file of yours');
    } finally {
      await library.close();
    }
  });

  it('stays where it is when quarantine/ is a link, reported, as before', async () => {
    await symlink(outside, path.join(root, 'quarantine'), 'dir');
    await writeFile(storyFile('damaged'), '{ "schemaVersion": 1, "headline": ');
    const library = await openLibrary(root, { indexDelayMs: 0 });
    try {
      expect(library.problems()).toEqual([{ file: 'stories/damaged.json', message: expect.stringMatching(/left where it is.*quarantine is a link/) }]);
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await library.close();
    }
  });
});

describe('reading a story file', () => {
  it('reads on to the end when a read returns fewer bytes than asked (as a network share may)', async () => {
    const text = storyJson('short-reads', 'Read in pieces');
    const bytes = Buffer.from(text);
    // A file whose every read returns at most 7 bytes: the one thing a local disk will not do on request.
    const shortReads = {
      read: async (buffer: Buffer, offset: number, length: number, position: number) => {
        const count = Math.min(7, length, bytes.length - position);
        bytes.copy(buffer, offset, position, position + count);
        return { bytesRead: Math.max(count, 0), buffer };
      },
    };
    const read = await readToEnd(shortReads as unknown as Parameters<typeof readToEnd>[0], bytes.length);
    expect(read.toString('utf8')).toBe(text);
  });
});
