import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoriesChangedOnDisk } from '../../../shared/contract.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;
let changes: StoriesChangedOnDisk[];
let waiters: (() => void)[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-external-'));
  changes = [];
  waiters = [];
  library = await openLibrary(root, {
    indexDelayMs: 0,
    live: true,
    watchDelayMs: 50,
    onStoriesChanged: (change) => {
      changes.push(change);
      waiters.splice(0).forEach((wake) => wake());
    },
  });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);

/** Resolves with the next change reported that matches (fails the test after 5 s). */
function nextChange(matches: (change: StoriesChangedOnDisk) => boolean = () => true): Promise<StoriesChangedOnDisk> {
  let seen = changes.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No change was reported within 5 s.')), 5000);
    const check = () => {
      const found = changes.slice(seen).find(matches);
      seen = changes.length;
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else waiters.push(check);
    };
    check();
  });
}

async function savedStory(headline: string) {
  const story = await library.createStory();
  const saved = await library.saveStory(story.id, story.revision, storyWith({ headline }));
  await library.readStory(story.id, { forEditor: true });
  return { id: story.id, revision: saved.revision };
}

describe('changes made to the library folder from outside Copydesk', () => {
  it('a story file that appears is listed, searchable and reported with its summary', async () => {
    const template = JSON.parse(await readFile(storyFile((await savedStory('Template')).id), 'utf8'));
    const change = nextChange();
    await writeFile(storyFile('from-git'), JSON.stringify({ ...template, id: 'from-git', headline: 'Pulled from git', revision: 3 }, null, 2));
    expect(await change).toEqual({ changed: [expect.objectContaining({ id: 'from-git', headline: 'Pulled from git', status: 'draft' })], removed: [], problems: [] });
    expect(library.listSummaries().map((s) => s.headline)).toContain('Pulled from git');
    expect(await library.searchStories({ query: 'pulled', sort: 'updated' })).toEqual(['from-git']);
  });

  it('a story file that goes away is reported removed', async () => {
    const { id } = await savedStory('Soon gone');
    const change = nextChange();
    await rm(storyFile(id));
    expect(await change).toEqual({ changed: [], removed: [id], problems: [] });
    expect(library.listSummaries()).toEqual([]);
  });

  it('a hand edit that keeps the revision number is still a conflict for the editor’s next save', async () => {
    const { id, revision } = await savedStory('Mine');
    const onDisk = JSON.parse(await readFile(storyFile(id), 'utf8'));
    const change = nextChange();
    await writeFile(storyFile(id), JSON.stringify({ ...onDisk, headline: 'Edited by hand' }, null, 2));
    expect((await change).changed).toEqual([expect.objectContaining({ id, headline: 'Edited by hand' })]);
    await expect(library.saveStory(id, revision, storyWith({ headline: 'My newer headline' }))).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.parse(await readFile(storyFile(id), 'utf8')).headline).toBe('Edited by hand');
    // Once the editor has read the new version, it saves over it.
    const reread = await library.readStory(id, { forEditor: true });
    await expect(library.saveStory(id, reread.revision, storyWith({ headline: 'Merged' }))).resolves.toMatchObject({ changed: true });
  });

  it('on a coarse clock, an edit of the same size whose time reads as before is noticed and reported', async () => {
    const { id } = await savedStory('Alpha council vote');
    const coarse = new Date('2026-12-04T09:00:00Z');
    const touched = nextChange((change) => change.changed.some((summary) => summary.id === id));
    await utimes(storyFile(id), coarse, coarse);
    await touched;
    await library.readStory(id, { forEditor: true });
    const edited = nextChange((change) => change.changed.some((summary) => summary.headline === 'Gamma council vote'));
    await writeFile(storyFile(id), (await readFile(storyFile(id), 'utf8')).replace('Alpha council vote', 'Gamma council vote'));
    await utimes(storyFile(id), coarse, coarse);
    expect((await edited).changed).toEqual([expect.objectContaining({ id, headline: 'Gamma council vote' })]);
    expect(library.listSummaries().find((summary) => summary.id === id)).toMatchObject({ headline: 'Gamma council vote' });
  });

  it('the same hand edit is a conflict even before the watcher has seen it', async () => {
    const { id, revision } = await savedStory('Mine');
    const onDisk = JSON.parse(await readFile(storyFile(id), 'utf8'));
    await writeFile(storyFile(id), JSON.stringify({ ...onDisk, dek: 'Changed in a text editor' }, null, 2));
    await expect(library.saveStory(id, revision, storyWith({ headline: 'Mine, edited' }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a file rewritten with the same story (a sync touching it) is no conflict', async () => {
    const { id, revision } = await savedStory('Mine');
    const text = await readFile(storyFile(id), 'utf8');
    await writeFile(storyFile(id), JSON.stringify(JSON.parse(text)));
    await expect(library.saveStory(id, revision, storyWith({ headline: 'Mine, edited' }))).resolves.toMatchObject({ changed: true });
  });

  it('Copydesk’s own saves, trashes and restores are not reported', async () => {
    const { id, revision } = await savedStory('Quiet');
    await library.saveStory(id, revision, storyWith({ headline: 'Quiet, edited' }));
    await library.trashStory(id);
    await library.restoreStory(id);
    // A marker written last: when it is reported, everything before it has been looked at.
    const template = JSON.parse(await readFile(storyFile(id), 'utf8'));
    const change = nextChange();
    await writeFile(storyFile('marker'), JSON.stringify({ ...template, id: 'marker' }, null, 2));
    expect((await change).changed.map((s) => s.id)).toEqual(['marker']);
    expect(changes).toHaveLength(1);
  });

  it('a file that stays unreadable is set aside in quarantine and reported; one caught mid-write is not', async () => {
    const { id } = await savedStory('Synced');
    const good = await readFile(storyFile(id), 'utf8');
    const change = nextChange((reported) => reported.problems.length > 0);
    await writeFile(storyFile(id), good.slice(0, 40));
    await writeFile(storyFile('never-valid'), '{ "schemaVersion": 1, "headl');
    // The sync finishes writing the first file before Copydesk looks again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(storyFile(id), good);
    const reported = await change;
    expect(reported.problems).toEqual([{ file: 'stories/never-valid.json', message: expect.stringMatching(/moved to quarantine/) }]);
    expect(await readdir(path.join(root, 'stories'))).toEqual([`${id}.json`]);
    expect(library.problems().map((p) => p.file)).toContain('stories/never-valid.json');
    expect((await library.readStory(id)).headline).toBe('Synced');
  });

  it('changes made while the library was closed are reported after it opens from library.json', async () => {
    const kept = await savedStory('Kept');
    const edited = await savedStory('Before');
    const removed = await savedStory('Removed later');
    await library.close();
    const onDisk = JSON.parse(await readFile(storyFile(edited.id), 'utf8'));
    await writeFile(storyFile(edited.id), JSON.stringify({ ...onDisk, headline: 'After, from git' }, null, 2));
    await rm(storyFile(removed.id));
    changes = [];
    library = await openLibrary(root, {
      indexDelayMs: 0,
      live: true,
      watchDelayMs: 50,
      onStoriesChanged: (change) => {
        changes.push(change);
        waiters.splice(0).forEach((wake) => wake());
      },
    });
    // The first list is library.json's, at once; the files are checked right after.
    const change = await nextChange();
    expect(change).toEqual({ changed: [expect.objectContaining({ id: edited.id, headline: 'After, from git' })], removed: [removed.id], problems: [] });
    expect(library.listSummaries().map((s) => s.id).sort()).toEqual([kept.id, edited.id].sort());
  });
});
