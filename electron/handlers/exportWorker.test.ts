import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../e2e/fixtures/makePng.js';
import { sampleStoryFields } from '../../e2e/fixtures/sampleStory.js';
import { buildExportWorker, exportWorkerDefine } from '../../scripts/build-export-worker.mjs';
import type { ExportFormat, ExportProgress } from '../../shared/contract.js';
import { StoryEditSchema, type StoryEdit } from '../../shared/story.js';
import { openLibrary, type LibraryStore } from '../storage/openLibrary.js';
import { exportStoryBatch, STORIES_IN_FLIGHT } from './exportStoryBatch.js';
import { stopExportThreads, type ExportThreads } from './exportWorkerPool.js';
import { nodeStoryExporter } from './nodeStoryExporter.js';
import { readExportStylesheet } from './readExportStylesheet.js';
import type { ExportContext } from './writeStoryExport.js';

// The render threads run the worker as the app and the CLI bundle it (scripts/build-export-worker.mjs): a batch
// exported through them must write exactly what the same batch exported in the main thread writes.
const STYLESHEET = readExportStylesheet(path.join(import.meta.dirname, '..', '..', 'assets', 'export.css'));
let dir: string;
let library: LibraryStore;
let threads: ExportThreads;
/** The worker as Electron's main process starts it: CommonJS, like main.cjs. */
let cjsThreads: ExportThreads;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copydesk-threads-'));
  threads = { file: await buildExportWorker(path.join(dir, 'build', 'exportWorker.mjs'), { format: 'esm', target: 'node20' }), threads: 2 };
  cjsThreads = { file: await buildExportWorker(path.join(dir, 'build', 'exportWorker.cjs'), { format: 'cjs', target: 'node22' }), threads: 2 };
}, 60_000);
afterAll(async () => {
  await stopExportThreads();
  await rm(dir, { recursive: true, force: true });
});

let run = 0;
beforeEach(async () => {
  run += 1;
  await library?.close();
  library = await openLibrary(path.join(dir, `library-${run}`));
});

const context = (): ExportContext => ({ exporter: nodeStoryExporter(STYLESHEET), settings: library.exportSettings(), mediaFile: library.mediaFile });

async function addStory(fields: Partial<StoryEdit> = {}, withImage = false): Promise<string> {
  let image = null;
  if (withImage) {
    await writeFile(path.join(dir, 'flags.png'), makePng(60, 40));
    image = await library.importImage(path.join(dir, 'flags.png'));
  }
  const story = await library.createStory();
  // Through the contract's schema, as the app saves: the stories the library keeps in memory are then what reading
  // their files gives (the schema puts a body node's keys in its order), and render threads always read the files.
  await library.saveStory(story.id, story.revision, StoryEditSchema.parse({ ...sampleStoryFields(image), ...fields }));
  return story.id;
}

/** Every file under a folder with its bytes, by path relative to it; staging folders would show as such. */
async function tree(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = entry.isFile() ? (await readFile(file)).toString('base64') : '(folder)';
  }
  return files;
}

/** Exports the batch into a new folder, in render threads or (threads: null) in this thread. */
async function exportTo(name: string, ids: string[], format: ExportFormat, using: ExportThreads | null, prepare?: (out: string) => Promise<void>) {
  const out = path.join(dir, `${name}-${run}`);
  await mkdir(out);
  await prepare?.(out);
  const progress: ExportProgress[] = [];
  let used = -1;
  const summary = await exportStoryBatch(library, { ids, format, parent: out }, context(), {
    threads: using,
    onThreads: (count) => (used = count),
    onProgress: (step) => progress.push(step),
  });
  const relative = { ...summary, folder: '', exported: summary.exported.map((entry) => ({ ...entry, folder: path.relative(out, entry.folder) })) };
  return { out, used, progress, summary: relative, files: await tree(out) };
}

describe('exporting a batch in render threads', () => {
  it.each(['document', 'fragment', 'json'] as const)('writes the same %s files, summary and progress as the main thread', async (format) => {
    const ids = [
      await addStory({ headline: 'Talks resume in Sweden', tags: ['Japan'] }, true),
      await addStory({ headline: 'Abe meets coalition partner' }),
      await addStory({ headline: 'Same headline' }),
      await addStory({ headline: 'Same headline', slug: 'same-headline' }, true),
    ];
    for (let i = 0; i < 20; i += 1) ids.push(await addStory({ headline: `Dispatch ${i}` }, i % 3 === 0));
    const here = await exportTo('here', ids, format, null);
    const threaded = await exportTo('threads', ids, format, threads);
    expect(here.used).toBe(0);
    expect(threaded.used).toBe(2);
    expect(threaded.summary).toEqual(here.summary);
    expect(threaded.progress).toEqual(here.progress);
    expect(Object.keys(threaded.files)).toContain('same-headline-2/story.json');
    expect(threaded.files).toEqual(here.files);
  });

  it('writes the same files from the CommonJS worker that Electron’s main process starts', async () => {
    const ids = [await addStory({ headline: 'Talks resume in Sweden' }, true), await addStory({ headline: 'Abe meets coalition partner' })];
    const threaded = await exportTo('cjs', ids, 'document', cjsThreads);
    expect(threaded.used).toBe(2);
    expect(threaded.files).toEqual((await exportTo('here', ids, 'document', null)).files);
  });

  it('embeds the image in the HTML as the main thread does, when the settings say embed', async () => {
    const ids = [await addStory({ headline: 'Flags' }, true), await addStory({ headline: 'No image' })];
    await library.saveExportSettings({ imageMode: 'embed', stylesheet: false, baseUrl: 'https://news.example/', timeZone: 'Asia/Tokyo' });
    const threaded = await exportTo('threads', ids, 'document', threads);
    expect(threaded.used).toBe(2);
    expect(threaded.files).toEqual((await exportTo('here', ids, 'document', null)).files);
    expect(Buffer.from(threaded.files['flags/index.html']!, 'base64').toString()).toContain(`src="data:image/png;base64,${makePng(60, 40).toString('base64')}"`);
  });

  it('reports the same failures: no alt text, a story gone from disk, a damaged story file (set aside), a missing image', async () => {
    const good = await addStory({ headline: 'Good story' });
    const noAlt = await addStory({ headline: 'Image without alt text', imageAlt: '' }, true);
    const gone = await addStory({ headline: 'Deleted on disk' });
    const damaged = await addStory({ headline: 'Damaged on disk' });
    await rm(path.join(library.root, 'stories', `${gone}.json`));
    await writeFile(path.join(library.root, 'stories', `${damaged}.json`), '{ "schemaVersion": 1, "id": ');
    const threaded = await exportTo('threads', [noAlt, gone, damaged, good], 'document', threads);
    expect(threaded.used).toBe(2);
    expect(threaded.summary.exported.map((entry) => entry.id)).toEqual([good]);
    expect(threaded.summary.failed).toEqual([
      { id: noAlt, headline: 'Image without alt text', message: expect.stringMatching(/alt text/) },
      { id: gone, headline: 'Deleted on disk', message: expect.stringMatching(/no longer in the library/) },
      { id: damaged, headline: 'Damaged on disk', message: expect.stringMatching(/moved to quarantine/) },
    ]);
    expect(await readdir(path.join(library.root, 'quarantine'))).toHaveLength(1);
    expect(Object.keys(threaded.files).sort()).toEqual(['good-story', 'good-story/index.html', 'good-story/story.json', 'index.json']);

    // A story whose files cannot be written still takes its folder name, as in the main thread.
    const sameSlug = [await addStory({ headline: 'Flags' }, true), await addStory({ headline: 'Flags' }), await addStory({ headline: 'Two' }, true)];
    await rm(path.join(library.root, 'media'), { recursive: true });
    const noMedia = await exportTo('no-media', sameSlug, 'document', threads);
    expect(noMedia.summary.failed.map((entry) => entry.message)).toEqual([expect.stringMatching(/image is missing/), expect.stringMatching(/image is missing/)]);
    expect(noMedia.summary.exported.map((entry) => entry.folder)).toEqual(['flags-2']);
    const here = await exportTo('no-media-here', sameSlug, 'document', null);
    expect(noMedia.summary).toEqual(here.summary);
    expect(noMedia.files).toEqual(here.files);
  });

  it('replaces an earlier export of the same story in its folder, and keeps other stories’ folders and files', async () => {
    const first = await addStory({ headline: 'Monday story' });
    const second = await addStory({ headline: 'Tuesday story' });
    const seed = async (out: string) => {
      await exportStoryBatch(library, { ids: [first], format: 'document', parent: out }, context(), { threads: null });
      await mkdir(path.join(out, 'tuesday-story'));
      await writeFile(path.join(out, 'tuesday-story', 'notes.txt'), 'not an export');
    };
    await library.saveStory(first, 2, StoryEditSchema.parse({ ...sampleStoryFields(), headline: 'Monday story', dek: 'Updated.' }));
    const threaded = await exportTo('threads', [first, second], 'document', threads, seed);
    const here = await exportTo('here', [first, second], 'document', null, seed);
    expect(threaded.summary.exported.map((entry) => entry.folder)).toEqual(['monday-story', 'tuesday-story-2']);
    expect(threaded.files).toEqual(here.files);
  });

  it('stops when cancelled: the stories being written finish whole, the rest are not started', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) ids.push(await addStory({ headline: `Story ${i}` }));
    const out = path.join(dir, `cancel-${run}`);
    await mkdir(out);
    let cancelled = false;
    const summary = await exportStoryBatch(library, { ids, format: 'document', parent: out }, context(), {
      threads,
      onProgress: ({ done }) => (cancelled ||= done === 1),
      isCancelled: () => cancelled,
    });
    expect(summary).toMatchObject({ total: 60, failed: [], cancelled: true });
    expect(summary.exported.length).toBeGreaterThanOrEqual(1);
    expect(summary.exported.length).toBeLessThanOrEqual(1 + STORIES_IN_FLIGHT);
    expect(summary.exported.map((entry) => entry.id)).toEqual(ids.slice(0, summary.exported.length));
    const folders = summary.exported.map((entry) => path.basename(entry.folder));
    expect((await readdir(out)).sort()).toEqual([...folders, 'index.json'].sort());
  });

  it('renders in the main thread when the worker cannot start', async () => {
    const id = await addStory({ headline: 'Still exported' });
    const broken = { file: path.join(dir, 'no-such-worker.mjs'), threads: 2 };
    const fallback = await exportTo('fallback', [id], 'document', broken);
    expect(fallback.summary.exported.map((entry) => entry.folder)).toEqual(['still-exported']);
    expect(fallback.files).toEqual((await exportTo('here', [id], 'document', null)).files);
  });
});

describe('finding the render threads', () => {
  const cores = Math.min(os.availableParallelism(), 4);

  it.each([
    ['esm', 'exportWorker.mjs', 'the CLI and the bench'],
    ['cjs', 'exportWorker.cjs', 'Electron’s main.cjs'],
  ] as const)('a %s bundle (%s, as for %s) looks for the worker beside itself', async (format, workerFile, _for) => {
    const outfile = path.join(dir, `find-${format}`, format === 'esm' ? 'bundle.mjs' : 'bundle.cjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'exportWorkerPool.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format,
      logLevel: 'silent',
      define: exportWorkerDefine(workerFile, format),
    });
    const pool = (format === 'esm' ? await import(pathToFileURL(outfile).href) : createRequire(import.meta.url)(outfile)) as typeof import('./exportWorkerPool.js');
    expect(pool.defaultExportThreads()).toEqual(cores >= 2 ? { file: path.join(path.dirname(outfile), workerFile), threads: cores } : null);
  });

  it('renders in the main thread when running from source, with no bundled worker', async () => {
    const { defaultExportThreads } = await import('./exportWorkerPool.js');
    expect(defaultExportThreads()).toBeNull();
  });
});
