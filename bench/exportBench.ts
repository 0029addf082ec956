import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** Every file of an export, as [path relative to the export folder, bytes], to write again without Copydesk. */
async function exportedFiles(folder: string): Promise<[string, Buffer][]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(folder, file), await readFile(file)] as [string, Buffer];
    }),
  );
}

/** The baseline: the same bytes, one folder per story, written with plain mkdir + writeFile, as many stories at once as the export writes. */
async function writeOnly(files: [string, Buffer][], parent: string): Promise<void> {
  const byFolder = new Map<string, [string, Buffer][]>();
  for (const entry of files) {
    const folder = path.dirname(entry[0]);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), entry]);
  }
  await mkdir(parent);
  const folders = [...byFolder];
  let next = 0;
  const writer = async () => {
    while (next < folders.length) {
      const [folder, entries] = folders[next++]!;
      if (folder !== '.') await mkdir(path.join(parent, folder));
      await Promise.all(entries.map(([name, bytes]) => writeFile(path.join(parent, name), bytes)));
    }
  };
  await Promise.all(Array.from({ length: STORIES_IN_FLIGHT }, writer));
}

// BENCH_DIR=/dev/shm measures without the disk: what the CPU alone allows.
const work = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'copydesk-bench-'));
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
  const stories: Story[] = [];
  for (const id of ids) stories.push(await library.readStory(id));

  // Warm up the JIT and the file system caches on a few stories first.
  await mkdir(path.join(work, 'warm-up'));
  await exportStoryBatch(library, { ids: ids.slice(0, 100), format: 'document', parent: path.join(work, 'warm-up') }, context);

  const exportMs: number[] = [];
  const writeMs: number[] = [];
  const renderMs: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    for (const story of stories) context.exporter.document(story, context.settings);
    renderMs.push(performance.now() - start);

    const exported = path.join(work, `export-${round}`);
    await mkdir(exported);
    start = performance.now();
    const summary = await exportStoryBatch(library, { ids, format: 'document', parent: exported }, context);
    exportMs.push(performance.now() - start);
    if (summary.failed.length) throw new Error(`${summary.failed.length} stories failed: ${summary.failed[0]!.message}`);

    const files = await exportedFiles(exported);
    bytes = files.reduce((sum, [, content]) => sum + content.length, 0);
    start = performance.now();
    await writeOnly(files, path.join(work, `write-${round}`));
    writeMs.push(performance.now() - start);
  }

  const exportTime = median(exportMs);
  const writeTime = median(writeMs);
  console.log(`Node ${process.version}, ${os.cpus().length} cores, files in ${path.dirname(work)} (median of ${ROUNDS} rounds)`);
  console.log(`Export to documents on disk: ${perSecond(exportTime)} stories/s (${exportTime.toFixed(0)} ms for ${STORIES}; ${(bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.log(`  of which rendering alone:  ${perSecond(median(renderMs))} stories/s (${(median(renderMs) / STORIES).toFixed(3)} ms per story)`);
  console.log(`Only writing the same bytes: ${perSecond(writeTime)} stories/s (${writeTime.toFixed(0)} ms; ${STORIES_IN_FLIGHT} stories at a time, as the export)`);
  console.log(`Ratio export / write only:   ${(exportTime / writeTime).toFixed(2)}×`);
  await library.close();
} finally {
  await rm(work, { recursive: true, force: true });
}
