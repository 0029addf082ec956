import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { storyWith } from '../testing/storyText.js';
import { libraryPaths, UnsafeLibraryPathError } from './libraryPaths.js';

// Each test has a temp folder holding the library (lib/) and, beside it, files and folders a hostile library points at.
let base: string;
let root: string;
let outside: string;
let library: LibraryStore | null;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'copydesk-contain-'));
  root = path.join(base, 'lib');
  outside = path.join(base, 'Documents');
  await mkdir(outside, { recursive: true });
  library = null;
});
afterEach(async () => {
  await library?.close();
  await rm(base, { recursive: true, force: true });
});

const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';
const open = async (live = false) => (library = await openLibrary(root, { indexDelayMs: 0, ...(live ? { live: true, watchDelayMs: 50 } : {}) }));
const isLink = (file: string) => lstat(file).then((info) => info.isSymbolicLink());

async function librarySavedStory(headline: string) {
  const lib = await open();
  const story = await lib.createStory();
  await lib.saveStory(story.id, story.revision, storyWith({ headline }));
  return story.id;
}

describe('names read from disk never become paths outside the library', () => {
  it('every path builder refuses an id that is not one, and a path that would leave its folder', () => {
    const paths = libraryPaths(root);
    for (const bad of ['../../Documents/contract', '..', '', 'a/b', 'a\\b', '.', 'x'.repeat(65)]) {
      expect(() => paths.storyFile(bad)).toThrow(UnsafeLibraryPathError);
      expect(() => paths.trashFile(bad)).toThrow(UnsafeLibraryPathError);
      expect(() => paths.revisionDir(bad)).toThrow(UnsafeLibraryPathError);
      expect(() => paths.mediaFile(bad)).toThrow(UnsafeLibraryPathError);
    }
    expect(() => paths.revisionFile('story-1', '../../x')).toThrow(UnsafeLibraryPathError);
    expect(() => paths.quarantineFile('../library.json')).toThrow(UnsafeLibraryPathError);
    expect(() => paths.quarantineFile('..')).toThrow(UnsafeLibraryPathError);
    expect(paths.storyFile('story-1')).toBe(path.join(root, 'stories', 'story-1.json'));
    expect(paths.quarantineFile('story-1.2026-01-01T00-00-00-000Z.json')).toBe(path.join(root, 'quarantine', 'story-1.2026-01-01T00-00-00-000Z.json'));
  });

  it('a library.json entry keyed ../../Documents/contract is reported and skipped; the file it names is not touched', async () => {
    await librarySavedStory('Real story');
    await library!.close();
    const contract = path.join(outside, 'contract.json');
    await writeFile(contract, 'the newsroom contract, not a story');
    const index = JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')) as { stories: Record<string, unknown>; trash: Record<string, unknown> };
    const [entry] = Object.values(index.stories) as { summary: { id: string } }[];
    const hostile = '../../Documents/contract';
    index.stories[hostile] = { ...entry!, summary: { ...entry!.summary, id: hostile } };
    index.trash = { [hostile]: { summary: { ...entry!.summary, id: hostile }, trashedAt: '2026-01-01T00:00:00.000Z' } };
    const hostileIndex = JSON.stringify(index);

    for (const live of [true, false]) {
      await writeFile(path.join(root, 'library.json'), hostileIndex);
      const lib = await open(live);
      expect(lib.listSummaries().map((s) => s.headline)).toEqual(['Real story']);
      await expect(lib.listTrash()).resolves.toEqual([]);
      expect(lib.problems()).toEqual(expect.arrayContaining([{ file: 'library.json', message: expect.stringContaining('"../../Documents/contract"') }]));
      await lib.emptyTrash();
      await lib.close();
      library = null;
    }
    expect(await readFile(contract, 'utf8')).toBe('the newsroom contract, not a story');
    expect(await readdir(root)).not.toContain('quarantine');
    expect(await readFile(path.join(root, 'library.json'), 'utf8')).not.toContain('Documents');
  });

  it('a story whose file is a link cannot be saved over it: the save is refused and the link stays', async () => {
    const id = await librarySavedStory('Mine');
    const lib = library!;
    const before = await lib.readStory(id, { forEditor: true });
    const target = path.join(outside, 'elsewhere.json');
    await writeFile(target, await readFile(path.join(root, 'stories', `${id}.json`)));
    await rm(path.join(root, 'stories', `${id}.json`));
    await symlink(target, path.join(root, 'stories', `${id}.json`));
    await expect(lib.saveStory(id, before.revision, storyWith({ headline: 'Changed' }))).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/is a link/) });
    expect(await isLink(path.join(root, 'stories', `${id}.json`))).toBe(true);
    expect(await readFile(target, 'utf8')).toContain('"Mine"');
  });
});

describe('links inside the library are never followed', () => {
  it('a story file linking elsewhere is reported, never read, and left in place', async () => {
    await open().then((lib) => lib.close());
    const passwd = path.join(outside, 'passwd');
    await writeFile(passwd, SECRET);
    const link = path.join(root, 'stories', 'passwd.json');
    await symlink(passwd, link);

    const lib = await open();
    expect(lib.listSummaries()).toEqual([]);
    const problems = lib.problems();
    expect(problems).toEqual([{ file: 'stories/passwd.json', message: expect.stringMatching(/is a link.*does not follow links/) }]);
    expect(JSON.stringify(problems)).not.toContain('root:');
    await expect(lib.readStory('passwd')).rejects.toMatchObject({ code: 'corrupt', message: expect.not.stringContaining('root:') });
    expect(await isLink(link)).toBe(true);
    expect(await readFile(passwd, 'utf8')).toBe(SECRET);
    expect(await readdir(root)).not.toContain('quarantine');
  });

  it('a story file replaced by a link while the library is open is reported by the watcher and left alone', async () => {
    const id = await librarySavedStory('Soon a link');
    await library!.close();
    const lib = await open(true);
    const passwd = path.join(outside, 'passwd');
    await writeFile(passwd, SECRET);
    await rm(path.join(root, 'stories', `${id}.json`));
    await symlink(passwd, path.join(root, 'stories', `${id}.json`));
    await expect(lib.readStory(id)).rejects.toMatchObject({ code: 'corrupt' });
    expect(lib.listSummaries()).toEqual([]);
    expect(lib.problems()).toEqual([{ file: `stories/${id}.json`, message: expect.stringMatching(/is a link/) }]);
    expect(await isLink(path.join(root, 'stories', `${id}.json`))).toBe(true);
  });

  it('a linked revisions/<id> gets no revision written through it, the save still lands, and emptying the Trash deletes nothing there', async () => {
    const id = await librarySavedStory('First');
    const lib = library!;
    const elsewhere = path.join(outside, 'revisions-elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, '1-20260101T000000000Z.json'), 'not ours');
    await rm(path.join(root, 'revisions', id), { recursive: true, force: true });
    await mkdir(path.join(root, 'revisions'), { recursive: true });
    await symlink(elsewhere, path.join(root, 'revisions', id), 'dir');

    const before = await lib.readStory(id, { forEditor: true });
    const saved = await lib.saveStory(id, before.revision, storyWith({ headline: 'Second' }), { session: 'another-session' });
    expect(saved.changed).toBe(true);
    expect((await lib.readStory(id)).headline).toBe('Second');
    await expect(lib.listRevisions(id)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(new RegExp(`revisions/${id} is a link`)) });
    expect(lib.problems()).toEqual([{ file: `revisions/${id}`, message: expect.stringMatching(/is a link/) }]);

    await lib.trashStory(id);
    await lib.emptyTrash();
    expect(await readdir(elsewhere)).toEqual(['1-20260101T000000000Z.json']);
    expect(await isLink(path.join(root, 'revisions', id))).toBe(true);
  });

  it('a linked quarantine/ keeps a damaged story file in the library, reported', async () => {
    await open().then((lib) => lib.close());
    const elsewhere = path.join(outside, 'quarantine-elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(root, 'quarantine'), 'dir');
    await writeFile(path.join(root, 'stories', 'damaged.json'), '{ not json');

    const lib = await open();
    expect(lib.problems()).toEqual([{ file: 'stories/damaged.json', message: expect.stringMatching(/left where it is.*quarantine is a link/) }]);
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readFile(path.join(root, 'stories', 'damaged.json'), 'utf8')).toBe('{ not json');
  });

  it('a linked trash/ is reported; trashing a story through it is refused and the story stays', async () => {
    const id = await librarySavedStory('Stays home');
    const lib = library!;
    const elsewhere = path.join(outside, 'trash-elsewhere');
    await mkdir(elsewhere);
    await rm(path.join(root, 'trash'), { recursive: true, force: true });
    await symlink(elsewhere, path.join(root, 'trash'), 'dir');

    await expect(lib.trashStory(id)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/trash is a link/) });
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await lib.readStory(id)).headline).toBe('Stays home');
    expect(await lib.listTrash()).toEqual([]);
    expect(lib.problems()).toEqual([{ file: 'trash', message: expect.stringMatching(/is a link/) }]);
  });

  it('an image in media/ that is a link is never named for export nor read', async () => {
    const lib = await open();
    const mediaId = `${'a'.repeat(64)}.png`;
    await writeFile(path.join(outside, 'secret.png'), SECRET);
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'media', mediaId));
    expect(() => lib.mediaFile(mediaId)).toThrow(/media\/a+\.png is a link/);
    await expect(lib.readMedia(mediaId)).rejects.toMatchObject({ code: 'corrupt', message: expect.not.stringContaining('root:') });
    expect(lib.mediaFile(`${'b'.repeat(64)}.png`)).toBe(path.join(root, 'media', `${'b'.repeat(64)}.png`));
  });

  it('a library whose stories/ or library.json is a link does not open, and says why', async () => {
    await open().then((lib) => lib.close());
    library = null;
    const elsewhere = path.join(outside, 'stories-elsewhere');
    await mkdir(elsewhere);
    await rm(path.join(root, 'stories'), { recursive: true });
    await symlink(elsewhere, path.join(root, 'stories'), 'dir');
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^stories\/ in this folder is a link/) });
    await rm(path.join(root, 'stories'));
    await mkdir(path.join(root, 'stories'));

    await writeFile(path.join(outside, 'library.json'), await readFile(path.join(root, 'library.json')));
    await rm(path.join(root, 'library.json'));
    await symlink(path.join(outside, 'library.json'), path.join(root, 'library.json'));
    await expect(openLibrary(root)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^library.json in this folder is a link/) });
    expect(await readdir(root)).not.toContain('.copydesk.lock');
  });
});
