import { DEFAULT_PREFLIGHT_LEVELS } from '../../shared/preflight/preflightCatalog.js';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import type { EventName } from '../../shared/channels.js';
import { invokeChannel } from '../ipc/invokeChannel.js';
import { openLibrary } from '../storage/openLibrary.js';
import { createHandlers, type LibraryHandlers } from './createHandlers.js';
import { readExportStylesheet } from './readExportStylesheet.js';

const STYLESHEET = readExportStylesheet(path.join(import.meta.dirname, '..', '..', 'assets', 'export.css'));

let dir: string;
let handlers: LibraryHandlers;
let events: [EventName, unknown][];
const answers = { library: [] as (string | null)[], exportFolder: null as string | null };

async function start(libraryDir = path.join(dir, 'newsroom')) {
  return createHandlers({
    libraryDir,
    preferencesFile: path.join(dir, 'user-data', 'preferences.json'),
    exportStylesheet: STYLESHEET,
    indexDelayMs: 0,
    ports: {
      chooseImageFile: async () => null,
      chooseExportFolder: async () => answers.exportFolder,
      chooseLibraryFolder: async () => answers.library.shift() ?? null,
      closeConfirmed: () => undefined,
      sendEvent: (name, payload) => void events.push([name, payload]),
    },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-library-handlers-'));
  events = [];
  answers.library = [];
  answers.exportFolder = null;
  handlers = await start();
});
afterEach(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

async function newStory(headline: string) {
  const story = await handlers.createStory(undefined);
  const saved = await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(), headline }, session: 'session-1' });
  return { id: story.id, revision: saved.revision };
}

describe('preferences', () => {
  it('keep the user’s name outside the library and record it with status changes and notes', async () => {
    expect(await handlers.getPreferences(undefined)).toEqual({ userName: '', recentLibraries: [{ id: expect.stringMatching(/^[a-f0-9]{16}$/), name: 'newsroom' }] });
    const saved = await invokeChannel(handlers, 'savePreferences', { userName: '  Ankit   Panda ' });
    expect(saved).toMatchObject({ ok: true, value: { userName: 'Ankit Panda' } });
    const { id, revision } = await newStory('Talks resume');
    const status = await handlers.setStoryStatus({ id, baseRevision: revision, status: 'editing' });
    const note = await handlers.addStoryNote({ id, baseRevision: status.revision, text: 'Check the dateline.' });
    expect(note.story.statusHistory![0]!.by).toBe('Ankit Panda');
    expect(note.story.notes![0]!.by).toBe('Ankit Panda');
    const onDisk = JSON.parse(await readFile(path.join(dir, 'user-data', 'preferences.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, userName: 'Ankit Panda', recentLibraries: [{ path: path.join(dir, 'newsroom'), name: 'newsroom' }] });
    expect(await readdir(path.join(dir, 'newsroom'))).not.toContain('preferences.json');
  });

  it('survive a restart', async () => {
    await handlers.savePreferences({ userName: 'Desk' });
    await handlers.close();
    handlers = await start();
    expect((await handlers.getPreferences(undefined)).userName).toBe('Desk');
  });
});

describe('switching libraries', () => {
  it('opens a chosen folder as a new library, closes the old one, tells the renderer, and lists both as recent', async () => {
    const { id } = await newStory('In the first library');
    answers.library.push(path.join(dir, 'archive'));
    expect(await handlers.openLibraryDialog(undefined)).toEqual({ name: 'archive' });
    expect(events).toContainEqual(['libraryChanged', { name: 'archive' }]);
    expect(await handlers.listStories(undefined)).toEqual([]);
    await expect(handlers.getStory({ id })).rejects.toMatchObject({ code: 'not-found' });
    // The first library was closed: its lock is gone and its index is on disk.
    expect(await readdir(path.join(dir, 'newsroom'))).not.toContain('.copydesk.lock');
    const recent = (await handlers.getPreferences(undefined)).recentLibraries;
    expect(recent.map((library) => library.name)).toEqual(['archive', 'newsroom']);
    expect(JSON.stringify(recent)).not.toContain(dir);

    expect(await handlers.openRecentLibrary({ id: recent[1]!.id })).toEqual({ name: 'newsroom' });
    expect((await handlers.listStories(undefined)).map((story) => story.id)).toEqual([id]);
    expect(handlers.library.name).toBe('newsroom');
  });

  it('returns null and keeps the library open when the dialog is cancelled', async () => {
    const { id } = await newStory('Still here');
    expect(await handlers.openLibraryDialog(undefined)).toBeNull();
    expect((await handlers.listStories(undefined)).map((story) => story.id)).toEqual([id]);
    expect(events.filter(([name]) => name === 'libraryChanged')).toEqual([]);
  });

  it('refuses a folder that is neither a library nor empty, and keeps the library open', async () => {
    const documents = path.join(dir, 'Documents');
    await mkdir(documents);
    await writeFile(path.join(documents, 'taxes.pdf'), 'not a story');
    answers.library.push(documents);
    expect(await invokeChannel(handlers, 'openLibraryDialog', undefined)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/“Documents” is not a Copydesk library, and it is not empty/) },
    });
    expect(await readdir(documents)).toEqual(['taxes.pdf']);
    expect(handlers.library.name).toBe('newsroom');
  });

  it('refuses a library that is already open (here by this same process), and keeps the one open now', async () => {
    const other = await openLibrary(path.join(dir, 'shared-desk'));
    answers.library.push(path.join(dir, 'shared-desk'));
    expect(await invokeChannel(handlers, 'openLibraryDialog', undefined)).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/already open in this Copydesk/) } });
    expect(handlers.library.name).toBe('newsroom');
    await other.close();
  });

  it('answers an unknown recent library with not-found', async () => {
    expect(await invokeChannel(handlers, 'openRecentLibrary', { id: '0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a recent library whose folder was moved away, keeps it in the list, and keeps the library open', async () => {
    answers.library.push(path.join(dir, 'archive'));
    await handlers.openLibraryDialog(undefined);
    const newsroom = (await handlers.getPreferences(undefined)).recentLibraries[1]!;
    await rename(path.join(dir, 'newsroom'), path.join(dir, 'newsroom-moved'));
    expect(await invokeChannel(handlers, 'openRecentLibrary', { id: newsroom.id })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^The library “newsroom” is not where it was last opened: it may have been moved/) },
    });
    expect(handlers.library.name).toBe('archive');
    expect(await readdir(dir)).not.toContain('newsroom');
    expect((await handlers.getPreferences(undefined)).recentLibraries.map((library) => library.name)).toEqual(['archive', 'newsroom']);
  });

  it('keeps at most 10 recent libraries, newest first', async () => {
    for (let i = 0; i < 12; i += 1) {
      answers.library.push(path.join(dir, `desk-${i}`));
      await handlers.openLibraryDialog(undefined);
    }
    const names = (await handlers.getPreferences(undefined)).recentLibraries.map((library) => library.name);
    expect(names).toEqual(['desk-11', 'desk-10', 'desk-9', 'desk-8', 'desk-7', 'desk-6', 'desk-5', 'desk-4', 'desk-3', 'desk-2']);
  });
});

describe('the review channels through the contract', () => {
  it('search, duplicate, trash, restore and empty the Trash', async () => {
    const { id } = await newStory('Talks resume in Sweden');
    expect(await invokeChannel(handlers, 'searchStories', { query: 'swed' })).toEqual({ ok: true, value: { ids: [id] } });
    const copy = await invokeChannel(handlers, 'duplicateStory', { id });
    if (!copy.ok) throw new Error(copy.error.message);
    expect(copy.value.headline).toBe('Talks resume in Sweden (copy)');
    expect(await invokeChannel(handlers, 'trashStory', { id })).toEqual({ ok: true, value: { id } });
    expect(await invokeChannel(handlers, 'listTrash', undefined)).toMatchObject({ ok: true, value: [{ id, trashedAt: expect.any(String) }] });
    expect(await invokeChannel(handlers, 'restoreStory', { id })).toMatchObject({ ok: true, value: { id, status: 'draft' } });
    await handlers.trashStory({ id });
    expect(await invokeChannel(handlers, 'emptyTrash', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invokeChannel(handlers, 'emptyTrash', { confirm: true })).toEqual({ ok: true, value: { deleted: 1 } });
  });

  it('history: list, open, restore', async () => {
    const { id, revision } = await newStory('First version');
    const second = await handlers.saveStory({ id, baseRevision: revision, fields: { ...sampleStoryFields(), headline: 'Second version' }, session: 'session-2' });
    const listed = await invokeChannel(handlers, 'listRevisions', { id });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((r) => r.headline)).toEqual(['First version']);
    const kept = await invokeChannel(handlers, 'getRevision', { id, revisionId: listed.value[0]!.revisionId });
    expect(kept).toMatchObject({ ok: true, value: { headline: 'First version' } });
    expect(await invokeChannel(handlers, 'getRevision', { id, revisionId: '../../library' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const restored = await invokeChannel(handlers, 'restoreRevision', { id, revisionId: listed.value[0]!.revisionId, baseRevision: second.revision });
    expect(restored).toMatchObject({ ok: true, value: { headline: 'First version', revision: second.revision + 1 } });
  });

  it('sections and library settings', async () => {
    expect(await invokeChannel(handlers, 'saveSections', { sections: [' Tokyo  Report ', 'Europe'] })).toEqual({ ok: true, value: { sections: ['Tokyo Report', 'Europe'] } });
    expect(await invokeChannel(handlers, 'getSections', undefined)).toEqual({ ok: true, value: { sections: ['Tokyo Report', 'Europe'] } });
    expect(await invokeChannel(handlers, 'renameSection', { from: 'Europe', to: 'World' })).toEqual({ ok: true, value: { sections: ['Tokyo Report', 'World'], updated: [] } });
    expect(await invokeChannel(handlers, 'getLibrarySettings', undefined)).toEqual({ ok: true, value: { headlineLimit: 70, dekLimit: 160, preflight: DEFAULT_PREFLIGHT_LEVELS } });
    expect(await invokeChannel(handlers, 'saveLibrarySettings', { dekLimit: 200 })).toEqual({ ok: true, value: { headlineLimit: 70, dekLimit: 200, preflight: DEFAULT_PREFLIGHT_LEVELS } });
    expect(await invokeChannel(handlers, 'saveLibrarySettings', { headlineLimit: 2.5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a note may not be blank', async () => {
    const { id, revision } = await newStory('Noted');
    expect(await invokeChannel(handlers, 'addStoryNote', { id, baseRevision: revision, text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('editor’s notes are never exported', () => {
  it.each(['document', 'fragment', 'json'] as const)('not in the %s format, nor in the story.json beside it', async (format) => {
    const { id, revision } = await newStory('Talks resume');
    await handlers.addStoryNote({ id, baseRevision: revision, text: 'SECRET-NOTE: legal has not cleared the second quote' });
    answers.exportFolder = path.join(dir, 'out');
    await mkdir(answers.exportFolder);
    const summary = await handlers.exportStories({ ids: [id], format });
    expect(summary!.exported).toHaveLength(1);
    const files = await readdir(answers.exportFolder, { recursive: true, withFileTypes: true });
    const texts = await Promise.all(files.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) expect(text).not.toContain('SECRET-NOTE');
    const preview = await handlers.renderStoryPreview({ id });
    const fragment = await handlers.renderStoryFragment({ id });
    expect(preview.html + fragment.html).not.toContain('SECRET-NOTE');
  });
});
