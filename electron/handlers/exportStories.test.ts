import { DEFAULT_PREFLIGHT_LEVELS } from '../../shared/preflight/preflightCatalog.js';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import type { ExportProgress } from '../../shared/contract.js';
import type { StoryEdit } from '../../shared/story.js';
import { invokeChannel } from '../ipc/invokeChannel.js';
import { createHandlers, type LibraryHandlers } from './createHandlers.js';
import { STORIES_IN_FLIGHT } from './exportStoryBatch.js';
import { readExportStylesheet } from './readExportStylesheet.js';

const STYLESHEET = readExportStylesheet(path.join(import.meta.dirname, '..', '..', 'assets', 'export.css'));

let dir: string;
let out: string;
let handlers: LibraryHandlers;
let dialogs: number;
let folderAnswer: string | null;
let onProgress: (progress: ExportProgress) => void;
const progress: ExportProgress[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-batch-'));
  out = path.join(dir, 'out');
  await mkdir(out);
  await writeFile(path.join(dir, 'flags.png'), makePng(60, 40));
  dialogs = 0;
  folderAnswer = out;
  progress.length = 0;
  onProgress = () => undefined;
  handlers = await createHandlers({
    libraryDir: path.join(dir, 'library'),
    exportStylesheet: STYLESHEET,
    ports: {
      chooseImageFile: async () => path.join(dir, 'flags.png'),
      chooseExportFolder: async () => {
        dialogs += 1;
        return folderAnswer;
      },
      chooseLibraryFolder: async () => null,
      closeConfirmed: () => undefined,
      sendEvent: (name, payload) => {
        if (name !== 'exportProgress') return;
        progress.push(payload as ExportProgress);
        onProgress(payload as ExportProgress);
      },
    },
  });
});
afterEach(async () => {
  await handlers.close();
  await rm(dir, { recursive: true, force: true });
});

async function addStory(fields: Partial<StoryEdit> = {}, withImage = true) {
  const image = withImage ? await handlers.chooseLeadImage(undefined) : null;
  const story = await handlers.createStory(undefined);
  await handlers.saveStory({ id: story.id, baseRevision: 1, fields: { ...sampleStoryFields(image), ...fields } });
  return story.id;
}
const manifest = async () => JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8'));

describe('exporting several stories at once', () => {
  it('asks for one folder and writes each story into its own slug-named folder, with an index.json manifest', async () => {
    const first = await addStory({ headline: 'Talks resume in Sweden', tags: ['Japan'] });
    const second = await addStory({ headline: 'Abe meets coalition partner' }, false);
    const result = await invokeChannel(handlers, 'exportStories', { ids: [first, second] });
    expect(dialogs).toBe(1);
    expect(result).toEqual({
      ok: true,
      value: {
        folder: out,
        total: 2,
        exported: [
          { id: first, folder: path.join(out, 'talks-resume-in-sweden') },
          { id: second, folder: path.join(out, 'abe-meets-coalition-partner') },
        ],
        failed: [],
        cancelled: false,
      },
    });
    expect((await readdir(out)).sort()).toEqual(['abe-meets-coalition-partner', 'index.json', 'talks-resume-in-sweden']);
    expect((await readdir(path.join(out, 'talks-resume-in-sweden'))).sort()).toEqual(['index.html', 'story.json', 'talks-resume-in-sweden.png']);
    expect(await manifest()).toEqual({
      format: 'copydesk-export',
      formatVersion: 1,
      stories: [
        { id: first, slug: 'talks-resume-in-sweden', folder: 'talks-resume-in-sweden', headline: 'Talks resume in Sweden', format: 'document', files: ['index.html', 'talks-resume-in-sweden.png', 'story.json'] },
        { id: second, slug: 'abe-meets-coalition-partner', folder: 'abe-meets-coalition-partner', headline: 'Abe meets coalition partner', format: 'document', files: ['index.html', 'story.json'] },
      ],
    });
    expect(progress).toEqual([{ done: 0, total: 2 }, { done: 1, total: 2 }, { done: 2, total: 2 }]);
  });

  it('copies the lead image beside the HTML with its dimensions in the img element', async () => {
    const id = await addStory({ headline: 'Flags' });
    await handlers.exportStories({ ids: [id], format: 'document' });
    const html = await readFile(path.join(out, 'flags', 'index.html'), 'utf8');
    expect(html).toContain('<img class="cd-story__image" src="flags.png" alt="The national flags of Japan and North Korea side by side." width="60" height="40">');
    expect(await readFile(path.join(out, 'flags', 'flags.png'))).toEqual(makePng(60, 40));
  });

  it('embeds the image in the HTML and writes no image file when the settings say embed', async () => {
    const id = await addStory({ headline: 'Flags' });
    await handlers.saveExportSettings({ imageMode: 'embed', stylesheet: false });
    await handlers.exportStories({ ids: [id], format: 'document' });
    expect((await readdir(path.join(out, 'flags'))).sort()).toEqual(['index.html', 'story.json']);
    const html = await readFile(path.join(out, 'flags', 'index.html'), 'utf8');
    expect(html).toContain(`src="data:image/png;base64,${makePng(60, 40).toString('base64')}"`);
    expect(html).not.toContain('<style');
  });

  it('writes the CMS fragment or the JSON alone when asked for those formats', async () => {
    const id = await addStory({ headline: 'Flags' });
    await handlers.exportStories({ ids: [id], format: 'fragment' });
    expect((await readdir(path.join(out, 'flags'))).sort()).toEqual(['flags.png', 'fragment.html', 'story.json']);
    const fragment = await readFile(path.join(out, 'flags', 'fragment.html'), 'utf8');
    expect(fragment).toBe((await handlers.renderStoryFragment({ id })).html);
    await handlers.exportStories({ ids: [id], format: 'json' });
    expect((await readdir(path.join(out, 'flags'))).sort()).toEqual(['flags.png', 'story.json']);
    expect((await manifest()).stories).toEqual([expect.objectContaining({ id, format: 'json', files: ['flags.png', 'story.json'] })]);
  });

  it('exports every story in the library for "all"', async () => {
    const ids = [await addStory({ headline: 'One' }, false), await addStory({ headline: 'Two' }, false), await addStory({ headline: 'Three' }, false)];
    const summary = await handlers.exportStories({ ids: 'all', format: 'document' });
    expect(summary!.exported.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect((await readdir(out)).sort()).toEqual(['index.json', 'one', 'three', 'two']);
  });

  it('gives stories with the same slug their own folders, and the same story its old folder again', async () => {
    const first = await addStory({ headline: 'Same headline' }, false);
    const second = await addStory({ headline: 'Same headline' }, false);
    await handlers.exportStories({ ids: [first, second], format: 'document' });
    await handlers.exportStories({ ids: [second], format: 'document' });
    expect((await readdir(out)).sort()).toEqual(['index.json', 'same-headline', 'same-headline-2']);
    expect((await manifest()).stories.map((entry: { id: string; folder: string }) => [entry.id, entry.folder])).toEqual([
      [second, 'same-headline-2'],
      [first, 'same-headline'],
    ]);
  });

  it('reports a story that fails with the reason and exports the others', async () => {
    const good = await addStory({ headline: 'Good story' }, false);
    const noAlt = await addStory({ headline: 'Image without alt text', imageAlt: '' });
    const gone = await addStory({ headline: 'Deleted on disk' }, false);
    await rm(path.join(dir, 'library', 'stories', `${gone}.json`));
    const summary = await handlers.exportStories({ ids: [noAlt, gone, good], format: 'document' });
    expect(summary!.exported.map((entry) => entry.id)).toEqual([good]);
    expect(summary!.failed).toEqual([
      { id: noAlt, headline: 'Image without alt text', message: expect.stringMatching(/alt text/) },
      { id: gone, headline: 'Deleted on disk', message: expect.stringMatching(/no longer in the library/) },
    ]);
    expect((await readdir(out)).sort()).toEqual(['good-story', 'index.json']);
  });

  it('runs preflight with the library’s levels: a story a blocking check fails is reported with the reasons', async () => {
    const placeholder = await addStory({ headline: 'Rates TK' }, false);
    const summary = await handlers.exportStories({ ids: [placeholder], format: 'document' });
    expect(summary!.failed).toEqual([{ id: placeholder, headline: 'Rates TK', message: expect.stringMatching(/^Preflight stops the export: In the headline: Placeholder “TK” is still in the text/) }]);
    await handlers.saveLibrarySettings({ preflight: { ...DEFAULT_PREFLIGHT_LEVELS, 'placeholder-text': 'warning' } });
    const again = await handlers.exportStories({ ids: [placeholder], format: 'document' });
    expect(again!.exported.map((entry) => entry.id)).toEqual([placeholder]);
  });

  it('stops when cancelled: the stories being written finish whole, the rest are not started, the manifest lists what was exported', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await addStory({ headline: `Story ${i}` }, false));
    onProgress = ({ done }) => {
      if (done === 1) void handlers.cancelExport(undefined);
    };
    const summary = (await handlers.exportStories({ ids, format: 'document' }))!;
    expect(summary).toMatchObject({ total: 30, failed: [], cancelled: true });
    expect(summary.exported.length).toBeGreaterThanOrEqual(1);
    expect(summary.exported.length).toBeLessThanOrEqual(1 + STORIES_IN_FLIGHT);
    expect(summary.exported.map((entry) => entry.id)).toEqual(ids.slice(0, summary.exported.length));
    const folders = summary.exported.map((entry) => path.basename(entry.folder));
    expect((await readdir(out)).sort()).toEqual([...folders, 'index.json'].sort());
    for (const folder of folders) expect((await readdir(path.join(out, folder))).sort()).toEqual(['index.html', 'story.json']);
    expect((await manifest()).stories.map((entry: { folder: string }) => entry.folder)).toEqual(folders);
  });

  it('writes nothing when the folder dialog is cancelled', async () => {
    const id = await addStory({}, false);
    folderAnswer = null;
    expect(await invokeChannel(handlers, 'exportStories', { ids: [id] })).toEqual({ ok: true, value: null });
    expect(dialogs).toBe(1);
    expect(progress).toEqual([]);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a folder whose index.json Copydesk did not write, before exporting anything', async () => {
    const id = await addStory({}, false);
    await writeFile(path.join(out, 'index.json'), '{"site": "someone else"}');
    const result = await invokeChannel(handlers, 'exportStories', { ids: [id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/index\.json/) } });
    expect(await readdir(out)).toEqual(['index.json']);
  });

  it('keeps earlier exports in the manifest when more stories go into the same folder', async () => {
    const first = await addStory({ headline: 'Monday story' }, false);
    const second = await addStory({ headline: 'Tuesday story' }, false);
    await handlers.exportStories({ ids: [first], format: 'document' });
    await handlers.exportStories({ ids: [second], format: 'document' });
    expect((await manifest()).stories.map((entry: { id: string }) => entry.id)).toEqual([second, first]);
  });

  it('leaves no half-written folder behind', async () => {
    const ids = [await addStory({ headline: 'One' }), await addStory({ headline: 'Two' })];
    await rm(path.join(dir, 'library', 'media'), { recursive: true });
    const summary = await handlers.exportStories({ ids, format: 'document' });
    expect(summary!.failed.map((entry) => entry.message)).toEqual([expect.stringMatching(/image is missing/), expect.stringMatching(/image is missing/)]);
    expect(await readdir(out)).toEqual([]);
  });
});
