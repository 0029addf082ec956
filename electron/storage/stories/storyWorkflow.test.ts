import { DEFAULT_PREFLIGHT_LEVELS } from '../../../shared/preflight/preflightCatalog.js';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { testClock } from '../testing/testClock.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;
let user = 'Ankit Panda';

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-workflow-'));
  user = 'Ankit Panda';
  library = await openLibrary(root, { indexDelayMs: 0, now: testClock(), userName: () => user });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const onDisk = async (id: string) => JSON.parse(await readFile(path.join(root, 'stories', `${id}.json`), 'utf8'));

async function savedStory(fields = storyWith()) {
  const story = await library.createStory();
  const saved = await library.saveStory(story.id, story.revision, fields);
  return { id: story.id, revision: saved.revision };
}

describe('a story’s status', () => {
  it('is a draft at first, and each change records the status, when and by whom', async () => {
    const { id, revision } = await savedStory();
    expect((await library.readStory(id)).status).toBe('draft');
    const editing = await library.setStatus(id, revision, 'editing');
    user = 'Desk Editor';
    const ready = await library.setStatus(id, editing.revision, 'ready');
    expect(ready.revision).toBe(revision + 2);
    expect(ready.summary.status).toBe('ready');
    expect(ready.story.statusHistory).toEqual([
      { status: 'editing', at: expect.any(String), by: 'Ankit Panda' },
      { status: 'ready', at: expect.any(String), by: 'Desk Editor' },
    ]);
    expect(await onDisk(id)).toMatchObject({ status: 'ready', revision: revision + 2, statusHistory: ready.story.statusHistory });
    expect(library.listSummaries()[0]!.status).toBe('ready');
  });

  it('keeps a revision of the story as it was before each change', async () => {
    const { id, revision } = await savedStory();
    await library.setStatus(id, revision, 'published');
    const revisions = await library.listRevisions(id);
    expect(revisions).toEqual([expect.objectContaining({ reason: 'status', revision, status: 'draft', by: 'Ankit Panda' })]);
  });

  it('leaves the text and the last-edited time alone', async () => {
    const { id, revision } = await savedStory();
    const before = await library.readStory(id);
    const { story } = await library.setStatus(id, revision, 'editing');
    expect({ ...story, revision: 0, status: '', statusHistory: [] }).toEqual({ ...before, revision: 0, status: '', statusHistory: [] });
  });

  it('is refused against an old revision, like a save', async () => {
    const { id, revision } = await savedStory();
    await library.saveStory(id, revision, storyWith({ headline: 'Newer' }));
    await expect(library.setStatus(id, revision, 'ready')).rejects.toMatchObject({ code: 'conflict' });
    expect((await library.readStory(id)).status).toBe('draft');
  });
});

describe('preflight before Ready', () => {
  it('refuses Ready, with the reasons, while a blocking check fails, and allows it once fixed', async () => {
    const { id, revision } = await savedStory(storyWith({ headline: 'Talks TK', paragraphs: ['The minister said TK.'] }));
    const refused = library.setStatus(id, revision, 'ready');
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input', message: 'Preflight stops moving this story to Ready: In the headline: Placeholder “TK” is still in the text; Placeholder “TK” is still in the text (paragraph 1). Fix them (see Preflight) and try again.' });
    expect(await onDisk(id)).toMatchObject({ status: 'draft', revision });
    const fixed = await library.saveStory(id, revision, storyWith({ headline: 'Talks resume', paragraphs: ['The minister said yes.'] }));
    expect((await library.setStatus(id, fixed.revision, 'ready')).story.status).toBe('ready');
  });

  it('follows the library’s levels: a check set to warn or off does not stop Ready', async () => {
    const { id, revision } = await savedStory(storyWith({ paragraphs: ['Call TK.'] }));
    await library.saveLibrarySettings({ preflight: { ...DEFAULT_PREFLIGHT_LEVELS, 'placeholder-text': 'warning' } });
    expect((await library.setStatus(id, revision, 'ready')).story.status).toBe('ready');
  });

  it('checks Published too, and lets other statuses through', async () => {
    const { id, revision } = await savedStory(storyWith({ headline: '' }));
    await expect(library.setStatus(id, revision, 'published')).rejects.toMatchObject({ message: expect.stringMatching(/The story has no headline/) });
    expect((await library.setStatus(id, revision, 'spiked')).story.status).toBe('spiked');
  });
});

describe('editor’s notes', () => {
  it('are added with who and when, and deleted, each as a new revision', async () => {
    const { id, revision } = await savedStory();
    const added = await library.addNote(id, revision, 'Check the quote in paragraph two.');
    expect(added.revision).toBe(revision + 1);
    expect(added.story.notes).toEqual([{ id: expect.any(String), at: expect.any(String), by: 'Ankit Panda', text: 'Check the quote in paragraph two.' }]);
    const second = await library.addNote(id, added.revision, 'Legal has cleared it.');
    const removed = await library.deleteNote(id, second.revision, added.story.notes[0]!.id);
    expect(removed.story.notes.map((note) => note.text)).toEqual(['Legal has cleared it.']);
    expect((await onDisk(id)).notes).toHaveLength(1);
  });

  it('survive the editor’s saves, which do not carry them', async () => {
    const { id, revision } = await savedStory();
    const noted = await library.addNote(id, revision, 'Keep it short.');
    await library.saveStory(id, noted.revision, storyWith({ headline: 'Edited after the note' }));
    expect((await library.readStory(id)).notes.map((note) => note.text)).toEqual(['Keep it short.']);
  });

  it('refuse to delete a note that is not there', async () => {
    const { id, revision } = await savedStory();
    await expect(library.deleteNote(id, revision, 'no-such-note')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('duplicating a story', () => {
  it('makes a new draft with the same fields and “(copy)” in the headline, without history, notes, slug or publication time', async () => {
    const { id, revision } = await savedStory(storyWith({ slug: 'talks', tags: ['Japan'], publishedAt: '2026-05-20T09:00:00.000Z' }));
    const noted = await library.addNote(id, revision, 'Internal');
    await library.setStatus(id, noted.revision, 'published');
    const copy = await library.duplicateStory(id);
    const original = await library.readStory(id);
    expect(copy.id).not.toBe(id);
    expect(copy).toMatchObject({
      revision: 1,
      headline: `${original.headline} (copy)`,
      status: 'draft',
      statusHistory: [],
      notes: [],
      slug: '',
      publishedAt: null,
      tags: ['Japan'],
      dek: original.dek,
      body: original.body,
    });
    expect(await onDisk(copy.id)).toMatchObject({ headline: copy.headline, status: 'draft' });
    expect(library.listSummaries().map((summary) => summary.id)).toContain(copy.id);
  });
});

describe('sections and library settings', () => {
  it('keeps a managed list of sections in settings.json, in the order given', async () => {
    expect(library.sections()).toEqual([]);
    expect(await library.saveSections(['Tokyo Report', 'Europe', 'Business'])).toEqual(['Tokyo Report', 'Europe', 'Business']);
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.sections()).toEqual(['Tokyo Report', 'Europe', 'Business']);
    expect(JSON.parse(await readFile(path.join(root, 'settings.json'), 'utf8')).sections).toEqual(['Tokyo Report', 'Europe', 'Business']);
  });

  it('refuses a section listed twice', async () => {
    await expect(library.saveSections(['Europe', 'europe'])).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('renames a section in the list and in every story that has it, each as a save', async () => {
    await library.saveSections(['Tokyo Report', 'Europe']);
    const tokyo = await savedStory(storyWith({ section: 'Tokyo Report' }));
    const europe = await savedStory(storyWith({ section: 'Europe' }));
    const renamed = await library.renameSection('Tokyo Report', 'Asia');
    expect(renamed.sections).toEqual(['Asia', 'Europe']);
    expect(renamed.updated).toEqual([{ id: tokyo.id, revision: tokyo.revision + 1, updatedAt: expect.any(String), summary: expect.objectContaining({ section: 'Asia' }) }]);
    expect((await onDisk(tokyo.id)).section).toBe('Asia');
    expect((await onDisk(europe.id)).revision).toBe(europe.revision);
    await expect(library.saveStory(tokyo.id, tokyo.revision, storyWith())).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps the headline and dek limits, 70 and 160 by default', async () => {
    expect(library.librarySettings()).toEqual({ headlineLimit: 70, dekLimit: 160, preflight: DEFAULT_PREFLIGHT_LEVELS });
    expect(await library.saveLibrarySettings({ headlineLimit: 80 })).toEqual({ headlineLimit: 80, dekLimit: 160, preflight: DEFAULT_PREFLIGHT_LEVELS });
    await expect(library.saveLibrarySettings({ dekLimit: 0 })).rejects.toMatchObject({ code: 'invalid-input' });
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.librarySettings()).toEqual({ headlineLimit: 80, dekLimit: 160, preflight: DEFAULT_PREFLIGHT_LEVELS });
  });

  it('keeps which preflight checks warn, block or are off, and refuses a level it does not know', async () => {
    const preflight = { ...DEFAULT_PREFLIGHT_LEVELS, 'byline-missing': 'error' as const, 'straight-quotes': 'off' as const };
    expect((await library.saveLibrarySettings({ preflight })).preflight).toEqual(preflight);
    await expect(library.saveLibrarySettings({ preflight: { ...preflight, 'byline-missing': 'fatal' as 'error' } })).rejects.toMatchObject({ code: 'invalid-input' });
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.librarySettings().preflight).toEqual(preflight);
  });

  it('opens a library.json written before sections, limits and the Trash existed', async () => {
    await savedStory();
    await library.close();
    // The first library format: everything in library.json, no settings.json.
    const index = { ...JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')), schemaVersion: 1, name: 'Library' };
    await (await import('node:fs/promises')).rm(path.join(root, 'settings.json'));
    for (const entry of Object.values(index.stories) as { summary: Record<string, unknown> }[]) delete entry.summary.status;
    await (await import('node:fs/promises')).writeFile(path.join(root, 'library.json'), JSON.stringify(index));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.sections()).toEqual([]);
    expect(library.librarySettings()).toEqual({ headlineLimit: 70, dekLimit: 160, preflight: DEFAULT_PREFLIGHT_LEVELS });
    expect(library.listSummaries()[0]!.status).toBe('draft');
    expect(library.problems()).toEqual([]);
    expect(await readdir(root)).not.toContain('quarantine');
  });
});
