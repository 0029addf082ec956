import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import { invokeChannel } from '../ipc/invokeChannel.js';
import { createHandlers, type LibraryHandlers } from './createHandlers.js';

let dir: string;
let handlers: LibraryHandlers;
const answers = { image: null as string | null, folder: null as string | null, closed: 0 };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-handlers-'));
  answers.image = answers.folder = null;
  answers.closed = 0;
  handlers = await createHandlers({
    libraryDir: path.join(dir, 'library'),
    ports: {
      chooseImageFile: async () => answers.image,
      chooseExportFolder: async () => answers.folder,
      chooseLibraryFolder: async () => null,
      closeConfirmed: () => void (answers.closed += 1),
    },
  });
});
afterEach(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the API behind window.copydesk', () => {
  it('rejects bad input with a typed error naming the field, and writes nothing', async () => {
    const story = await handlers.createStory(undefined);
    const result = await invokeChannel(handlers, 'saveStory', { id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(), headline: 42 } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('headline') } });
    expect((await handlers.getStory({ id: story.id })).headline).toBe('');
  });

  it('refuses a story id that tries to leave the library folder', async () => {
    const result = await invokeChannel(handlers, 'getStory', { id: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers an unknown story with not-found', async () => {
    expect(await invokeChannel(handlers, 'getStory', { id: 'no-such-story' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('imports the image the user chose and previews it as a data URL', async () => {
    answers.image = path.join(dir, 'flags.png');
    await writeFile(answers.image, makePng(30, 20));
    const chosen = await invokeChannel(handlers, 'chooseLeadImage', undefined);
    if (!chosen.ok || !chosen.value) throw new Error('no image');
    expect(chosen.value).toMatchObject({ width: 30, height: 20, mimeType: 'image/png' });
    const preview = await invokeChannel(handlers, 'getMediaPreview', { id: chosen.value.id });
    expect(preview.ok && preview.value.dataUrl.startsWith('data:image/png;base64,iVBOR')).toBe(true);
  });

  it('returns null when the user cancels a dialog', async () => {
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: story.revision, fields: { ...story, dateline: '', headline: 'Talks resume' } });
    expect(await invokeChannel(handlers, 'chooseLeadImage', undefined)).toEqual({ ok: true, value: null });
    expect(await invokeChannel(handlers, 'exportStoryHtml', { id: story.id })).toEqual({ ok: true, value: null });
  });

  it('exports a story to a slug-named folder with its image beside the HTML, and again into the same folder', async () => {
    answers.image = path.join(dir, 'flags.png');
    await writeFile(answers.image, makePng(30, 20));
    const image = await handlers.chooseLeadImage(undefined);
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: sampleStoryFields(image) });
    answers.folder = path.join(dir, 'out');
    await (await import('node:fs/promises')).mkdir(answers.folder);

    const first = await invokeChannel(handlers, 'exportStoryHtml', { id: story.id });
    const second = await invokeChannel(handlers, 'exportStoryHtml', { id: story.id });
    expect(first).toEqual(second);
    if (!first.ok || !first.value) throw new Error('export failed');
    expect(first.value.folder).toBe(path.join(answers.folder, 'japan-north-korea-negotiations-to-resume'));
    expect((await readdir(first.value.folder)).sort()).toEqual(['index.html', 'japan-north-korea-negotiations-to-resume.png', 'story.json']);
    expect(await readdir(answers.folder)).toEqual(['japan-north-korea-negotiations-to-resume']);
    const html = await readFile(path.join(first.value.folder, 'index.html'), 'utf8');
    expect(html).toContain('src="japan-north-korea-negotiations-to-resume.png"');
  });

  it('gives another story with the same headline its own export folder', async () => {
    answers.folder = dir;
    for (let i = 0; i < 2; i += 1) {
      const story = await handlers.createStory(undefined);
      await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(), headline: 'Same headline' } });
      await handlers.exportStoryHtml({ id: story.id });
    }
    expect((await readdir(dir)).filter((name) => name.startsWith('same-headline')).sort()).toEqual(['same-headline', 'same-headline-2']);
  });

  it('refuses to export a lead image without alt text, before asking for a folder', async () => {
    answers.image = path.join(dir, 'flags.png');
    await writeFile(answers.image, makePng(30, 20));
    const image = await handlers.chooseLeadImage(undefined);
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(image), imageAlt: ' ' } });
    answers.folder = dir;
    const result = await invokeChannel(handlers, 'exportStoryHtml', { id: story.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/alt text/) } });
    expect((await readdir(dir)).sort()).toEqual(['flags.png', 'library']);
  });

  it('confirms a close only after the library index is on disk', async () => {
    const story = await handlers.createStory(undefined);
    await handlers.confirmClose(undefined);
    expect(answers.closed).toBe(1);
    const index = JSON.parse(await readFile(path.join(dir, 'library', 'library.json'), 'utf8'));
    expect(Object.keys(index.stories)).toEqual([story.id]);
  });

  it('stores export settings in the library, changing only what is given, and refuses invalid ones naming the field', async () => {
    expect(await invokeChannel(handlers, 'getExportSettings', undefined)).toEqual({
      ok: true,
      value: { publicationName: '', baseUrl: '', timeZone: 'UTC', language: 'en', stylesheet: true, imageMode: 'copy' },
    });
    const saved = await invokeChannel(handlers, 'saveExportSettings', { publicationName: 'The Diplomat', timeZone: 'Asia/Tokyo' });
    expect(saved).toMatchObject({ ok: true, value: { publicationName: 'The Diplomat', timeZone: 'Asia/Tokyo', stylesheet: true } });
    const refused = await invokeChannel(handlers, 'saveExportSettings', { baseUrl: 'javascript:alert(1)' });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('baseUrl') } });
    expect((await handlers.getExportSettings(undefined)).baseUrl).toBe('');
    const settings = JSON.parse(await readFile(path.join(dir, 'library', 'settings.json'), 'utf8'));
    expect(settings.settings).toMatchObject({ publicationName: 'The Diplomat', timeZone: 'Asia/Tokyo' });
  });

  it('previews exactly the exported document, with the image embedded so a sandboxed frame can show it', async () => {
    answers.image = path.join(dir, 'flags.png');
    await writeFile(answers.image, makePng(30, 20));
    const image = await handlers.chooseLeadImage(undefined);
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(image), tags: ['Japan'] } });
    await handlers.saveExportSettings({ baseUrl: 'https://news.example/', publicationName: 'The Diplomat' });
    answers.folder = dir;
    const exported = await handlers.exportStoryHtml({ id: story.id });
    const onDisk = await readFile(path.join(exported!.folder, 'index.html'), 'utf8');
    const { html } = await handlers.renderStoryPreview({ id: story.id });
    const dataUri = `data:image/png;base64,${makePng(30, 20).toString('base64')}`;
    expect(html).toBe(onDisk.replace('src="japan-north-korea-negotiations-to-resume.png"', `src="${dataUri}"`));
    expect(html).toContain('<meta property="og:image" content="https://news.example/japan-north-korea-negotiations-to-resume/japan-north-korea-negotiations-to-resume.png">');
  });

  it('gives the CMS fragment for the clipboard: the article alone', async () => {
    const story = await handlers.createStory(undefined);
    await handlers.saveStory({ id: story.id, baseRevision: 1, fields: sampleStoryFields() });
    const { html } = await handlers.renderStoryFragment({ id: story.id });
    expect(html.startsWith('<article class="cd-story"')).toBe(true);
    expect(html.trimEnd().endsWith('</article>')).toBe(true);
    expect(html).toContain('<h1 class="cd-story__headline">Japan-North Korea Negotiations to Resume</h1>');
  });
});

