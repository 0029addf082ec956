import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPreferences } from '../../handlers/preferencesStore.js';
import { openLibrary } from '../openLibrary.js';

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-temps-'));
  root = path.join(dir, 'library');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const SHA = 'ab'.repeat(32);

/** A file left by a process killed long ago (`old`), or one being written right now by another process. */
async function leave(folder: string, name: string, age: 'old' | 'new') {
  await mkdir(path.join(root, folder), { recursive: true });
  const file = path.join(root, folder, name);
  await writeFile(file, 'partial');
  if (age === 'old') await utimes(file, LONG_AGO, LONG_AGO);
}

const listing = async (folder: string) => (await readdir(path.join(root, folder))).sort();

describe('temp files left by a killed Copydesk', () => {
  it('are removed at open when they are ours and older than this process; fresh ones and anything not ours stay', async () => {
    await mkdir(root);
    await openLibrary(root).then((library) => library.close());
    const revisions = 'revisions/story-1';
    // Ours, left long ago: removed.
    await leave('.', '.library.json.4242.0123abcd.tmp', 'old');
    await leave('.', '.library.json.tmp', 'old');
    await leave('stories', '.story-1.json.4242.deadbeef.tmp', 'old');
    await leave('stories', '.story-2.json.tmp', 'old');
    await leave('media', `${SHA}.png.4242.tmp`, 'old');
    await leave('media', `.${SHA}.jpg.4242.00ff00ff.tmp`, 'old');
    await leave(revisions, '.1-20260101T000000000Z.json.4242.0badf00d.tmp', 'old');
    await leave(revisions, '.2-20260101T000000000Z.json.tmp', 'old');
    // Ours, being written now by another process: kept.
    await leave('.', '.library.json.777.11111111.tmp', 'new');
    await leave('stories', '.story-1.json.777.22222222.tmp', 'new');
    await leave('media', `.${SHA}.png.777.33333333.tmp`, 'new');
    await leave(revisions, '.3-20260101T000000000Z.json.777.44444444.tmp', 'new');
    // Not ours, however old: kept.
    await leave('.', '.notes.txt.tmp', 'old');
    await leave('.', 'backup.tmp', 'old');
    await leave('stories', '.draft.md.4242.deadbeef.tmp', 'old');
    await leave('stories', 'story-3.json.tmp', 'old');
    await leave('media', 'photo.png.12.tmp', 'old');
    await leave(revisions, '.notes.json.4242.0badf00d.tmp', 'old');
    await leave('.', 'outside.txt', 'old');
    await symlink(path.join(root, 'outside.txt'), path.join(root, 'stories', '.story-4.json.4242.abcdefab.tmp'));
    await mkdir(path.join(root, 'stories', '.story-5.json.4242.abcdefab.tmp'));
    await utimes(path.join(root, 'stories', '.story-5.json.4242.abcdefab.tmp'), LONG_AGO, LONG_AGO);

    const library = await openLibrary(root);
    expect(await listing('.')).toEqual(['.copydesk.lock', '.library.json.777.11111111.tmp', '.notes.txt.tmp', 'backup.tmp', 'library.json', 'media', 'outside.txt', 'revisions', 'settings.json', 'stories']);
    expect(await listing('stories')).toEqual(['.draft.md.4242.deadbeef.tmp', '.story-1.json.777.22222222.tmp', '.story-4.json.4242.abcdefab.tmp', '.story-5.json.4242.abcdefab.tmp', 'story-3.json.tmp']);
    expect(await listing('media')).toEqual([`.${SHA}.png.777.33333333.tmp`, 'photo.png.12.tmp']);
    await library.close();
    expect(await listing(revisions)).toEqual(['.3-20260101T000000000Z.json.777.44444444.tmp', '.notes.json.4242.0badf00d.tmp']);
    expect(library.listSummaries()).toEqual([]);
  });

  it('are left alone by a library opened read-only', async () => {
    await openLibrary(root).then((library) => library.close());
    await leave('stories', '.story-1.json.4242.deadbeef.tmp', 'old');
    const library = await openLibrary(root, { readOnly: true });
    await library.close();
    expect(await listing('stories')).toEqual(['.story-1.json.4242.deadbeef.tmp']);
  });

  it('are removed from beside the preferences file when the preferences are opened', async () => {
    const folder = path.join(dir, 'user-data');
    await mkdir(folder);
    const file = path.join(folder, 'preferences.json');
    for (const name of ['.preferences.json.4242.0123abcd.tmp', '.preferences.json.tmp', '.other.json.4242.0123abcd.tmp']) {
      await writeFile(path.join(folder, name), '{');
      await utimes(path.join(folder, name), LONG_AGO, LONG_AGO);
    }
    const preferences = await openPreferences(file);
    await preferences.setUserName('Ankit');
    expect((await readdir(folder)).sort()).toEqual(['.other.json.4242.0123abcd.tmp', 'preferences.json']);
  });
});
