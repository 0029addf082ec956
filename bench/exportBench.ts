import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { makePng } from '../e2e/fixtures/makePng.js';
import { exportStoryBatch, STORIES_IN_FLIGHT } from '../electron/handlers/exportStoryBatch.js';
import { nodeStoryExporter } from '../electron/handlers/nodeStoryExporter.js';
import { readExportStylesheet } from '../electron/handlers/readExportStylesheet.js';
import { openLibrary } from '../electron/storage/openLibrary.js';
import { bodyText } from '../shared/bodyText.js';
import { countWords } from '../shared/wordCount.js';
import type { Story } from '../shared/story.js';
import { generateBenchStory } from './generateBenchStory.js';

const STORIES = Number(process.env.BENCH_STORIES ?? 1000);
const ROUNDS = 3;
const stylesheetFile = process.argv[2]!;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (ms: number) => Math.round((STORIES / ms) * 1000);

/** Every file of an export, grouped by folder ('.' for index.json), to write again without Copydesk. */
async function exportedFolders(folder: string): Promise<[string, [string, Buffer][]][]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const byFolder = new Map<string, [string, Buffer][]>();
  for (const entry of entries.filter((found) => found.isFile())) {
    const file = path.relative(folder, path.join(entry.parentPath, entry.name));
    const files = byFolder.get(path.dirname(file)) ?? [];
    files.push([file, await readFile(path.join(folder, file))]);
    byFolder.set(path.dirname(file), files);
  }
  return [...byFolder];
}

/** Baseline 1: the same bytes, one folder per story, with fs.promises mkdir + writeFile, STORIES_IN_FLIGHT stories at once. */
async function writeOnlyAsync(folders: [string, [string, Buffer][]][], parent: string): Promise<void> {
  await mkdir(parent);
  let next = 0;
  const writer = async () => {
    while (next < folders.length) {
      const [folder, files] = folders[next++]!;
      if (folder !== '.') await mkdir(path.join(parent, folder));
      await Promise.all(files.map(([name, bytes]) => writeFile(path.join(parent, name), bytes)));
    }
  };
  await Promise.all(Array.from({ length: STORIES_IN_FLIGHT }, writer));
}

// Baseline 2 writes as the export's render threads do: mkdirSync + writeFileSync, the folders shared out among threads.
const SYNC_WRITER = `
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
require('node:worker_threads').parentPort.on('message', function (job) {
  for (const [folder, files] of job.folders) {
    if (folder !== '.') mkdirSync(path.join(job.parent, folder));
    for (const [name, bytes] of files) writeFileSync(path.join(job.parent, name), bytes);
  }
  this.postMessage('done');
});`;

async function writeOnlySync(writers: Worker[], folders: [string, [string, Buffer][]][], parent: string): Promise<void> {
  await mkdir(parent);
  await Promise.all(
    writers.map((writer, k) => {
      const done = new Promise((resolve) => writer.once('message', resolve));
      writer.postMessage({ parent, folders: folders.filter((_, index) => index % writers.length === k) });
      return done;
    }),
  );
}

// BENCH_DIR=/dev/shm measures without the disk: what the CPU alone allows.
const work = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'copydesk-bench-'));
const writers: Worker[] = [];
try {
  process.stdout.write(`Generating ${STORIES} stories… `);
  const library = await openLibrary(path.join(work, 'library'));
  await writeFile(path.join(work, 'lead.png'), makePng(1200, 800));
  const image = await library.importImage(path.join(work, 'lead.png'));
  const ids: string[] = [];
  let words = 0;
  for (let i = 0; i < STORIES; i += 1) {
    const story = await library.createStory();
    const fields = { ...generateBenchStory(i), image };
    words += countWords(bodyText(fields.body));
    await library.saveStory(story.id, story.revision, fields);
    ids.push(story.id);
  }
  await library.saveExportSettings({ publicationName: 'The Diplomat', baseUrl: 'https://news.example/stories/', timeZone: 'Asia/Tokyo' });
  console.log(`done (${Math.round(words / STORIES)} words each on average).`);

  const context = { exporter: nodeStoryExporter(readExportStylesheet(stylesheetFile)), settings: library.exportSettings(), mediaFile: library.mediaFile };

  // The first batch of a process starts the render threads (and warms up the JIT and the file system caches).
  let threads = 0;
  await mkdir(path.join(work, 'warm-up'));
  let start = performance.now();
  await exportStoryBatch(library, { ids: ids.slice(0, 100), format: 'document', parent: path.join(work, 'warm-up') }, context, {
    onThreads: (count) => (threads = count),
  });
  const firstMs = performance.now() - start;
  for (let i = 0; i < Math.max(threads, 1); i += 1) writers.push(new Worker(SYNC_WRITER, { eval: true }));

  const exportMs: number[] = [];
  const cpuMs: number[] = [];
  const asyncMs: number[] = [];
  const syncMs: number[] = [];
  const renderMs: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const exported = path.join(work, `export-${round}`);
    await mkdir(exported);
    const cpu = process.cpuUsage();
    start = performance.now();
    const summary = await exportStoryBatch(library, { ids, format: 'document', parent: exported }, context);
    exportMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    if (summary.failed.length) throw new Error(`${summary.failed.length} stories failed: ${summary.failed[0]!.message}`);

    const folders = await exportedFolders(exported);
    bytes = folders.reduce((sum, [, files]) => sum + files.reduce((size, [, content]) => size + content.length, 0), 0);
    start = performance.now();
    await writeOnlyAsync(folders, path.join(work, `write-async-${round}`));
    asyncMs.push(performance.now() - start);
    start = performance.now();
    await writeOnlySync(writers, folders, path.join(work, `write-sync-${round}`));
    syncMs.push(performance.now() - start);
  }

  // Rendering alone comes last: the stories it keeps in memory, and its garbage, would weigh on the export's timing.
  const stories: Story[] = [];
  for (const id of ids) stories.push(await library.readStory(id));
  for (let round = 0; round < ROUNDS; round += 1) {
    start = performance.now();
    for (const story of stories) context.exporter.document(story, context.settings);
    renderMs.push(performance.now() - start);
  }

  const exportTime = median(exportMs);
  const asyncTime = median(asyncMs);
  const syncTime = median(syncMs);
  const cpuPerStory = median(cpuMs) / STORIES;
  console.log(`Node ${process.version}, ${os.cpus().length} cores, files in ${path.dirname(work)} (median of ${ROUNDS} rounds)`);
  // The rounds' spread as well as their median: on a shared machine one round can be 30% off another.
  const rounds = `rounds ${perSecond(Math.max(...exportMs))}–${perSecond(Math.min(...exportMs))}/s`;
  console.log(`Export to documents on disk: ${perSecond(exportTime)} stories/s (${exportTime.toFixed(0)} ms for ${STORIES}; ${rounds}; ${(bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.log(
    threads
      ? `  threads:                   ${threads} render threads (read, render and write each story) + the main thread (hands out the folders in order)`
      : '  threads:                   the main thread alone (no render threads)',
  );
  console.log(`  CPU time, all threads:     ${cpuPerStory.toFixed(3)} ms per story`);
  console.log(`  first batch of a process:  ${firstMs.toFixed(0)} ms for 100 stories${threads ? ', starting the render threads' : ''}`);
  console.log(`  rendering alone, 1 thread: ${perSecond(median(renderMs))} stories/s (${(median(renderMs) / STORIES).toFixed(3)} ms per story)`);
  console.log(`Only writing the same bytes: ${perSecond(asyncTime)} stories/s (${asyncTime.toFixed(0)} ms; fs.promises, ${STORIES_IN_FLIGHT} stories at a time)`);
  console.log(`                             ${perSecond(syncTime)} stories/s (${syncTime.toFixed(0)} ms; synchronous calls in ${writers.length} thread${writers.length > 1 ? 's' : ''}, as the export writes)`);
  console.log(`Ratio export / write only:   ${(exportTime / asyncTime).toFixed(2)}× (fs.promises), ${(exportTime / syncTime).toFixed(2)}× (synchronous in threads)`);
  await library.close();
} finally {
  await Promise.all(writers.map((writer) => writer.terminate()));
  await rm(work, { recursive: true, force: true });
}
