import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopydeskError } from '../../shared/result.js';
import { EMPTY_STORY_META, emptyStoryWorkflow } from '../../shared/story.js';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import { openLibrary, type LibraryStore } from './openLibrary.js';

let root: string;
let library: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-lib-'));
  library = await openLibrary(root, { indexDelayMs: 0 });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const storyFile = (id: string) => path.join(root, 'stories', `${id}.json`);

describe('a library folder', () => {
  it('keeps a new story in its own pretty-printed file with a schema version', async () => {
    const story = await library.createStory();
    const onDisk = await readFile(storyFile(story.id), 'utf8');
    expect(onDisk).toContain('\n  "schemaVersion": 2,\n');
    expect(JSON.parse(onDisk)).toMatchObject({ id: story.id, revision: 1, headline: '' });
    expect(library.listSummaries().map((s) => s.id)).toEqual([story.id]);
  });

  it('saves every field and gives them back exactly after reopening', async () => {
    const story = await library.createStory();
    const fields = sampleStoryFields();
    const result = await library.saveStory(story.id, story.revision, fields);
    expect(result).toMatchObject({ changed: true, revision: 2 });
    await library.close();

    library = await openLibrary(root, { indexDelayMs: 0 });
    const reopened = await library.readStory(story.id);
    expect({ ...reopened, createdAt: undefined, updatedAt: undefined, revision: undefined, id: undefined, schemaVersion: undefined })
      .toEqual({ ...fields, ...EMPTY_STORY_META, ...emptyStoryWorkflow(), createdAt: undefined, updatedAt: undefined, revision: undefined, id: undefined, schemaVersion: undefined });
    expect(library.listSummaries()[0]).toMatchObject({ headline: fields.headline, section: 'Tokyo Report', byline: 'Ankit Panda' });
    expect(library.listSummaries()[0]!.wordCount).toBeGreaterThan(60);
  });

  it('lists stories most recently edited first', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0, now: () => new Date((clock += 1000)) });
    const first = await library.createStory();
    const second = await library.createStory();
    expect(library.listSummaries().map((s) => s.id)).toEqual([second.id, first.id]);
    await library.saveStory(first.id, 1, { ...sampleStoryFields(), headline: 'Edited later' });
    expect(library.listSummaries().map((s) => s.id)).toEqual([first.id, second.id]);
  });

  it('does not write a story whose fields did not change', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, sampleStoryFields());
    const before = await stat(storyFile(story.id));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await library.saveStory(story.id, 2, sampleStoryFields());
    expect(again).toMatchObject({ changed: false, revision: 2 });
    expect((await stat(storyFile(story.id))).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses a save based on an old revision instead of overwriting the newer one', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, { ...sampleStoryFields(), headline: 'First editor' });
    const stale = library.saveStory(story.id, 1, { ...sampleStoryFields(), headline: 'Second editor' });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect((await library.readStory(story.id)).headline).toBe('First editor');
  });

  it('sets a story file that does not parse aside, reports it, and still opens the others', async () => {
    const good = await library.createStory();
    await library.saveStory(good.id, 1, sampleStoryFields());
    await writeFile(storyFile('broken-story'), '{ "schemaVersion": 1, "headline": ', 'utf8');
    await writeFile(storyFile('wrong-shape'), JSON.stringify({ schemaVersion: 1, id: 'wrong-shape' }), 'utf8');
    await library.close();

    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries().map((s) => s.id)).toEqual([good.id]);
    const problems = library.problems();
    expect(problems.map((p) => p.file).sort()).toEqual(['stories/broken-story.json', 'stories/wrong-shape.json']);
    expect(problems.find((p) => p.file === 'stories/broken-story.json')!.message).toMatch(/moved to quarantine.*not valid JSON/);
    const quarantined = await readdir(path.join(root, 'quarantine'));
    expect(quarantined.some((name) => name.startsWith('broken-story.'))).toBe(true);
    const kept = await readFile(path.join(root, 'quarantine', quarantined.find((n) => n.startsWith('broken-story.'))!), 'utf8');
    expect(kept).toBe('{ "schemaVersion": 1, "headline": ');
  });

  it('leaves a story from a newer Copydesk untouched and says why', async () => {
    await writeFile(storyFile('from-the-future'), JSON.stringify({ schemaVersion: 99, id: 'from-the-future' }), 'utf8');
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.problems()[0]!.message).toMatch(/newer Copydesk/);
    expect(await readdir(path.join(root, 'stories'))).toContain('from-the-future.json');
  });

  it('rebuilds a missing or damaged index from the story files', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, sampleStoryFields());
    await library.close();
    await writeFile(path.join(root, 'library.json'), 'not json', 'utf8');
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries()[0]!.headline).toBe(sampleStoryFields().headline);
    await library.close();
    await rm(path.join(root, 'library.json'));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries()).toHaveLength(1);
  });

  it('notices a story file changed outside Copydesk when it reopens', async () => {
    const story = await library.createStory();
    await library.close();
    const onDisk = JSON.parse(await readFile(storyFile(story.id), 'utf8'));
    await writeFile(storyFile(story.id), JSON.stringify({ ...onDisk, headline: 'Edited in git', revision: 2 }, null, 2));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries()[0]!.headline).toBe('Edited in git');
  });

  it('saves a story again from the editor after its file was deleted on disk', async () => {
    const story = await library.createStory();
    await rm(storyFile(story.id));
    const result = await library.saveStory(story.id, 1, sampleStoryFields());
    expect(result.changed).toBe(true);
    expect(JSON.parse(await readFile(storyFile(story.id), 'utf8')).headline).toBe(sampleStoryFields().headline);
  });

  it('copies a chosen image into media/ once, named by its content', async () => {
    const source = path.join(root, '..', `flags-${path.basename(root)}.png`);
    await writeFile(source, makePng(40, 30));
    try {
      const first = await library.importImage(source);
      const second = await library.importImage(source);
      expect(first).toEqual(second);
      expect(first).toMatchObject({ mimeType: 'image/png', width: 40, height: 30 });
      expect(first.id).toMatch(/^[a-f0-9]{64}\.png$/);
      expect(await readdir(path.join(root, 'media'))).toEqual([first.id]);
    } finally {
      await rm(source, { force: true });
    }
  });

  it('refuses a file that is not an image with a message naming it', async () => {
    const source = path.join(root, 'notes.txt');
    await writeFile(source, 'just words');
    await expect(library.importImage(source)).rejects.toThrow(new CopydeskError('invalid-input', '“notes.txt” is not a JPEG, PNG, GIF or WebP image.'));
  });

  it('refuses to save a story pointing at an image the library does not have', async () => {
    const story = await library.createStory();
    const image = { id: `${'a'.repeat(64)}.png`, mimeType: 'image/png' as const, width: 1, height: 1, bytes: 1 };
    await expect(library.saveStory(story.id, 1, sampleStoryFields(image))).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('publishing fields and export settings', () => {
  it('opens a story file written before slug, tags and publishedAt existed, with their defaults', async () => {
    const story = await library.createStory();
    await library.close();
    const onDisk = JSON.parse(await readFile(storyFile(story.id), 'utf8'));
    delete onDisk.slug;
    delete onDisk.tags;
    delete onDisk.publishedAt;
    await writeFile(storyFile(story.id), JSON.stringify(onDisk, null, 2));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(await library.readStory(story.id)).toMatchObject({ slug: '', tags: [], publishedAt: null });
    expect(library.problems()).toEqual([]);
  });

  it('writes story files with a stable key order, the body last', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, { ...sampleStoryFields(), tags: ['Japan'], slug: 'talks', publishedAt: '2026-05-20T09:00:00.000Z' });
    expect(Object.keys(JSON.parse(await readFile(storyFile(story.id), 'utf8')))).toEqual([
      'schemaVersion', 'id', 'revision', 'createdAt', 'updatedAt', 'updatedBy', 'section', 'headline', 'dek', 'byline', 'dateline', 'image',
      'imageCredit', 'imageCaption', 'imageAlt', 'slug', 'tags', 'publishedAt', 'language', 'status', 'statusHistory', 'notes', 'body',
    ]);
  });

  it('keeps a story’s slug, tags and publication time when a save leaves them out', async () => {
    const story = await library.createStory();
    await library.saveStory(story.id, 1, { ...sampleStoryFields(), slug: 'talks', tags: ['Japan'], publishedAt: '2026-05-20T09:00:00.000Z' });
    await library.saveStory(story.id, 2, { ...sampleStoryFields(), headline: 'New headline' });
    expect(await library.readStory(story.id)).toMatchObject({ headline: 'New headline', slug: 'talks', tags: ['Japan'], publishedAt: '2026-05-20T09:00:00.000Z' });
    await library.saveStory(story.id, 3, { ...sampleStoryFields(), publishedAt: null, tags: [] });
    expect(await library.readStory(story.id)).toMatchObject({ slug: 'talks', tags: [], publishedAt: null });
  });

  it('keeps export settings in settings.json and gives them back after reopening', async () => {
    const saved = await library.saveExportSettings({ publicationName: 'The Diplomat', baseUrl: 'https://thediplomat.example/', timeZone: 'Asia/Tokyo' });
    expect(saved).toMatchObject({ publicationName: 'The Diplomat', timeZone: 'Asia/Tokyo', language: 'en', stylesheet: true, imageMode: 'copy' });
    expect(JSON.parse(await readFile(path.join(root, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, settings: saved });
    expect(JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8'))).toEqual({ schemaVersion: 2, stories: {} });
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.exportSettings()).toEqual(saved);
  });

  it('refuses settings that break the rules and keeps the stored ones', async () => {
    await library.saveExportSettings({ publicationName: 'The Diplomat' });
    await expect(library.saveExportSettings({ baseUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/base URL/) });
    expect(library.exportSettings()).toMatchObject({ publicationName: 'The Diplomat', baseUrl: '' });
  });

  it('keeps the export settings when the index is rebuilt from story files changed outside Copydesk', async () => {
    const story = await library.createStory();
    await library.saveExportSettings({ publicationName: 'The Diplomat', imageMode: 'embed' });
    await library.close();
    const onDisk = JSON.parse(await readFile(storyFile(story.id), 'utf8'));
    await writeFile(storyFile(story.id), JSON.stringify({ ...onDisk, headline: 'Edited in git' }, null, 2));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.listSummaries()[0]!.headline).toBe('Edited in git');
    expect(library.exportSettings()).toMatchObject({ publicationName: 'The Diplomat', imageMode: 'embed' });
    expect(JSON.parse(await readFile(path.join(root, 'settings.json'), 'utf8')).settings.publicationName).toBe('The Diplomat');
  });

  it('rebuilds a damaged or missing library.json from the story files and keeps every setting', async () => {
    const story = await library.createStory();
    await library.saveExportSettings({ publicationName: 'The Diplomat' });
    await library.saveSections(['Politics']);
    await library.close();
    for (const damage of [() => writeFile(path.join(root, 'library.json'), '{ "schemaVersion": 2, "stories" oops'), () => rm(path.join(root, 'library.json'))]) {
      await damage();
      library = await openLibrary(root, { indexDelayMs: 0, live: true });
      expect(library.listSummaries().map((summary) => summary.id)).toEqual([story.id]);
      expect(library.exportSettings().publicationName).toBe('The Diplomat');
      expect(library.sections()).toEqual(['Politics']);
      expect(library.problems()).toEqual([]);
      await library.close();
      expect(JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8'))).toMatchObject({ schemaVersion: 2, stories: { [story.id]: expect.any(Object) } });
    }
  });

  it('sets a damaged settings.json aside in quarantine and says the settings are back to their defaults, never silently', async () => {
    await library.saveExportSettings({ publicationName: 'The Diplomat' });
    await library.close();
    const damaged = (await readFile(path.join(root, 'settings.json'), 'utf8')).replace('"sections"', '"sections" oops');
    await writeFile(path.join(root, 'settings.json'), damaged);
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.exportSettings().publicationName).toBe('');
    expect(library.problems()).toEqual([{ file: 'settings.json', message: expect.stringMatching(/could not be read.*moved to quarantine\/settings\..*back to their defaults; the old ones are in that file/) }]);
    const quarantined = (await readdir(path.join(root, 'quarantine'))).filter((name) => name.startsWith('settings.'));
    expect(await readFile(path.join(root, 'quarantine', quarantined[0]!), 'utf8')).toBe(damaged);
  });

  it('says so when settings.json is missing from a library that had one', async () => {
    await library.saveExportSettings({ publicationName: 'The Diplomat' });
    await library.close();
    await rm(path.join(root, 'settings.json'));
    library = await openLibrary(root, { indexDelayMs: 0 });
    expect(library.problems()).toEqual([{ file: 'settings.json', message: expect.stringMatching(/missing.*back to their defaults/) }]);
  });

  it('adds an imported story under its own id, and never over a story that has it', async () => {
    const story = await library.createStory();
    const imported = { ...story, id: 'imported-1', headline: 'From another desk' };
    await library.addStory(imported);
    expect((await library.readStory('imported-1')).headline).toBe('From another desk');
    await expect(library.addStory({ ...story, headline: 'Overwrite?' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await library.readStory(story.id)).headline).toBe('');
  });
});

