import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryPaths } from '../files/libraryPaths.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { settingsOfFormat1, writeFormat2Settings } from './library0002SettingsFile.js';

// A library as Copydesk wrote it before settings.json: everything in library.json (schemaVersion 1).
const FIXTURE = fileURLToPath(new URL('./fixtures/format1-library', import.meta.url));
const LISTED = 'b8348761-53f4-405b-90e8-61325480fdfc';
const TRASHED = '722c0d02-89f0-43dd-8538-539aeda9ca6d';

let root: string;
let library: LibraryStore | null = null;
beforeEach(async () => {
  root = path.join(await mkdtemp(path.join(tmpdir(), 'copydesk-format1-')), 'Harbour');
  await cp(FIXTURE, root, { recursive: true });
});
afterEach(async () => {
  await library?.close();
  await rm(path.dirname(root), { recursive: true, force: true });
});

const readJson = async (name: string) => JSON.parse(await readFile(path.join(root, name), 'utf8')) as Record<string, unknown>;

/** Every setting the format-1 fixture holds, as the opened library gives them back. */
async function expectFixtureSettings(lib: LibraryStore) {
  expect(lib.name).toBe('Harbour Gazette');
  expect(lib.exportSettings()).toMatchObject({ publicationName: 'The Harbour Gazette', timeZone: 'Asia/Tokyo', imageMode: 'embed' });
  expect(lib.librarySettings()).toMatchObject({ headlineLimit: 55, dekLimit: 160 });
  expect(lib.sections()).toEqual(['Politics', 'Tokyo Report']);
  expect(lib.listSummaries().map((summary) => summary.id)).toEqual([LISTED]);
  expect(await lib.listTrash()).toEqual([expect.objectContaining({ id: TRASHED, headline: 'Old draft about the harbour', trashedAt: '2026-05-21T10:06:00.000Z' })]);
  expect(lib.problems()).toEqual([]);
}

/** After the migration: settings.json holds the settings and library.json is the index alone. */
async function expectFormat2OnDisk() {
  expect(await readJson('settings.json')).toMatchObject({
    schemaVersion: 1,
    name: 'Harbour Gazette',
    settings: { publicationName: 'The Harbour Gazette' },
    librarySettings: { headlineLimit: 55 },
    sections: ['Politics', 'Tokyo Report'],
    trash: { [TRASHED]: { trashedAt: '2026-05-21T10:06:00.000Z' } },
  });
  const index = await readJson('library.json');
  expect(Object.keys(index).sort()).toEqual(['schemaVersion', 'stories']);
  expect(index).toMatchObject({ schemaVersion: 2, stories: { [LISTED]: expect.any(Object) } });
}

describe('a library from before settings.json (format 1)', () => {
  it('opens with every setting, section and Trash date, and is converted: settings.json, then library.json as the index alone', async () => {
    library = await openLibrary(root, { indexDelayMs: 0, live: true });
    await expectFixtureSettings(library);
    await library.close();
    await expectFormat2OnDisk();
    library = await openLibrary(root, { indexDelayMs: 0, live: true });
    await expectFixtureSettings(library);
  });

  it('loses nothing when Copydesk was killed between writing settings.json and rewriting library.json', async () => {
    // The disk as a kill right after step 1 leaves it: settings.json written, library.json still format 1.
    const format1 = await readJson('library.json');
    await writeFormat2Settings(libraryPaths(root), settingsOfFormat1(format1)!);
    expect(await readJson('library.json')).toEqual(format1);

    library = await openLibrary(root, { indexDelayMs: 0, live: true });
    await expectFixtureSettings(library);
    await library.close();
    await expectFormat2OnDisk();
  });

  it('takes settings.json over the settings still in a format-1 library.json, once settings.json exists', async () => {
    const format1 = await readJson('library.json');
    await writeFormat2Settings(libraryPaths(root), { ...settingsOfFormat1(format1)!, sections: ['Changed after step 1'] });
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.sections()).toEqual(['Changed after step 1']);
  });

  it('is read, not converted, by a read-only open (the copydesk command’s list and export)', async () => {
    const before = await readFile(path.join(root, 'library.json'), 'utf8');
    library = await openLibrary(root, { readOnly: true });
    await expectFixtureSettings(library);
    await library.close();
    library = null;
    expect(await readdir(root)).not.toContain('settings.json');
    expect(await readFile(path.join(root, 'library.json'), 'utf8')).toBe(before);
  });
});
