import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bodyText } from '../shared/bodyText.js';
import { foldSearchText, searchTerms } from '../shared/search/searchTerms.js';
import type { SearchQuery } from '../shared/search/searchQuery.js';
import { emptyStoryWorkflow, STORY_STATUSES, type Story } from '../shared/story.js';
import { countWords } from '../shared/wordCount.js';
import { openLibrary, type LibraryStore } from '../electron/storage/openLibrary.js';
import { orderedStory } from '../electron/storage/stories/orderedStory.js';
import { generateLibraryBenchStory } from './generateLibraryBenchStory.js';

const STORIES = Number(process.env.BENCH_LIBRARY_STORIES ?? 10_000);
const memoryScript = process.argv[2]!;
const SECTIONS = ['Tokyo Report', 'Politics', 'Business', 'Asia', 'Europe', 'Culture', 'Sport', 'Opinion'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const line = (label: string, value: number, baseline: number, baselineLabel: string) =>
  console.log(`  ${label.padEnd(44)} ${ms(value).padStart(7)} ms   baseline ${ms(baseline).padStart(7)} ms (${baselineLabel})   ratio ${ratio(value, baseline)}`);

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await run();
  return [performance.now() - start, result];
}

/** Reads every story file and parses it, 64 at a time: the least any rebuild of the list must do. */
async function readAllRaw(storiesDir: string): Promise<number> {
  const names = await readdir(storiesDir);
  let count = 0;
  for (let i = 0; i < names.length; i += 64) {
    const texts = await Promise.all(names.slice(i, i + 64).map((name) => readFile(path.join(storiesDir, name), 'utf8')));
    for (const text of texts) count += (JSON.parse(text) as Story).headline.length > 0 ? 1 : 0;
  }
  return count;
}

/** The least a durable replace of a file costs: write a temp file, fsync it, rename it over the file, fsync the folder. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, file);
  const folder = await open(path.dirname(file), 'r');
  await folder.sync();
  await folder.close();
}

async function openToFirstList(root: string, live: boolean): Promise<[number, LibraryStore]> {
  const start = performance.now();
  const library = await openLibrary(root, { live });
  const list = library.listSummaries();
  if (list.length !== STORIES) throw new Error(`Listed ${list.length} stories, not ${STORIES}.`);
  return [performance.now() - start, library];
}

const work = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'copydesk-library-bench-'));
const root = path.join(work, 'library');
try {
  // 1. A library of STORIES files, written directly (as a git checkout or a sync would bring them).
  process.stdout.write(`Generating a library of ${STORIES} stories… `);
  await mkdir(path.join(root, 'stories'), { recursive: true });
  const base = Date.parse('2025-01-01T00:00:00Z');
  let words = 0;
  let bytes = 0;
  const terms = new Set<string>();
  let postings = 0;
  const [generateMs] = await timed(async () => {
    for (let i = 0; i < STORIES; i += 1) {
      const fields = generateLibraryBenchStory(i);
      const text = bodyText(fields.body);
      words += countWords(text);
      const storyTerms = new Set(searchTerms(`${fields.headline} ${fields.dek} ${text}`));
      postings += storyTerms.size;
      for (const term of storyTerms) terms.add(term);
      const stamp = new Date(base + i * 3_600_000).toISOString();
      const story: Story = {
        schemaVersion: 1,
        id: `bench-${String(i).padStart(5, '0')}`,
        revision: 1 + (i % 7),
        createdAt: stamp,
        updatedAt: stamp,
        ...emptyStoryWorkflow(),
        ...fields,
        slug: fields.slug ?? '',
        tags: fields.tags ?? [],
        publishedAt: fields.publishedAt ?? null,
        section: SECTIONS[i % SECTIONS.length]!,
        status: STORY_STATUSES[i % STORY_STATUSES.length]!,
      };
      const json = `${JSON.stringify(orderedStory(story), null, 2)}\n`;
      bytes += json.length;
      await writeFile(path.join(root, 'stories', `${story.id}.json`), json);
    }
  });
  console.log(`done in ${(generateMs / 1000).toFixed(1)} s.`);
  // The generated files are still being written back to the disk for a while; saves measured meanwhile wait on the
  // file system's journal (creating and renaming files) far more than the baseline's overwrite does. Let it finish.
  if (process.platform !== 'win32') spawnSync('sync');
  console.log(
    `  ${STORIES} stories, ${Math.round(words / STORIES)} words each on average, ${(bytes / 1024 / 1024).toFixed(0)} MB of story files; ` +
      `${terms.size} distinct search terms, ${(postings / 1e6).toFixed(1)} M story-term pairs.`,
  );
  terms.clear();
  console.log(`Node ${process.version}, ${os.cpus().length} cores, files in ${path.dirname(work)}; medians (files in the OS cache).`);

  // 2. Opening: first without library.json (every story file is read), then with a valid one.
  console.log('\nOpening the library (open → first list):');
  const rebuild: number[] = [];
  const rawRead: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    await rm(path.join(root, 'library.json'), { force: true });
    rawRead.push((await timed(() => readAllRaw(path.join(root, 'stories'))))[0]);
    const [time, library] = await openToFirstList(root, false);
    rebuild.push(time);
    await library.close();
  }
  line('without library.json (rebuilt from files)', median(rebuild), median(rawRead), 'read + JSON.parse of every story file');

  const withIndex: number[] = [];
  const withIndexLive: number[] = [];
  const indexRead: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    indexRead.push((await timed(async () => JSON.parse(await readFile(path.join(root, 'library.json'), 'utf8')) as unknown))[0]);
    const [time, library] = await openToFirstList(root, false);
    withIndex.push(time);
    await library.close();
    const [liveTime, live] = await openToFirstList(root, true);
    withIndexLive.push(liveTime);
    await live.close();
  }
  const indexMb = (await readFile(path.join(root, 'library.json'))).length / 1024 / 1024;
  line('with a valid library.json, as the app opens it', median(withIndexLive), median(indexRead), `read + JSON.parse of library.json, ${indexMb.toFixed(1)} MB`);
  console.log('    (the app lists from library.json at once, then checks every story file in the background)');
  line('with a valid library.json, checking every file first (CLI)', median(withIndex), median(indexRead), 'same');

  // 3. Search, once the index is built in the background.
  console.log('\nSearch (after the index is built):');
  const [buildMs, library] = await timed(async () => {
    const opened = await openLibrary(root, { live: true });
    await opened.searchStories({ query: 'japan', sort: 'updated' });
    return opened;
  });
  console.log(`  open → search index built in the background: ${(buildMs / 1000).toFixed(2)} s (the first list does not wait for it)`);
  const summaries = library.listSummaries();
  const folded = summaries.map((summary) => ({ id: summary.id, headline: foldSearchText(summary.headline) }));
  const queries: [string, Partial<SearchQuery>][] = [
    ['japan', {}],
    ['north korea', {}],
    ['negot', {}],
    ['talks sweden abducti', {}],
    ['katori', {}],
    ['missile', { section: 'Politics', status: 'ready' }],
    ['', { sort: 'headline' }],
  ];
  for (const [query, options] of queries) {
    const search = () => library.searchStories({ query, sort: 'updated', ...options });
    const found = await search();
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) times.push((await timed(search))[0]);
    const needle = foldSearchText(query.trim());
    const scans: number[] = [];
    for (let i = 0; i < 20; i += 1) scans.push((await timed(async () => folded.filter((entry) => entry.headline.includes(needle))))[0]);
    const label = `“${query}”${Object.keys(options).length ? ` ${JSON.stringify(options)}` : ''} → ${found.length}`;
    line(label, median(times), median(scans), 'headline-only scan of the list');
  }

  // 4. Saving one story in the open 10,000-story library (watcher and search index on).
  console.log('\nSaving one story (the library open as in the app):');
  const id = summaries[0]!.id;
  let story = await library.readStory(id, { forEditor: true });
  const file = path.join(root, 'stories', `${id}.json`);
  const base1 = generateLibraryBenchStory(0);
  const edits = [base1, { ...base1, headline: `${base1.headline}!`, dek: `${base1.dek} More.` }];
  const saves: number[] = [];
  const baseline: number[] = [];
  const durable: number[] = [];
  const baselineFile = path.join(work, 'baseline.json');
  // Beside the story, under a name that is no story file's (the watcher passes it by): the same folder, the same disk.
  const durableFile = path.join(root, 'stories', '.durable-baseline.json');
  const session = 'bench-session';
  await library.saveStory(id, story.revision, edits[1]!, { session });
  story = await library.readStory(id, { forEditor: true });
  for (let i = 0; i < 200; i += 1) {
    const [time, result] = await timed(() => library.saveStory(id, story.revision, edits[i % 2]!, { session }));
    saves.push(time);
    story = { ...story, revision: result.revision };
    const bytesOnDisk = await readFile(file);
    baseline.push((await timed(() => writeFile(baselineFile, bytesOnDisk)))[0]);
    durable.push((await timed(() => writeDurably(durableFile, bytesOnDisk)))[0]);
  }
  const sessionSaves: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const [time, result] = await timed(() => library.saveStory(id, story.revision, edits[i % 2]!, { session: `session-${i}` }));
    sessionSaves.push(time);
    story = { ...story, revision: result.revision };
  }
  const [indexWriteMs] = await timed(async () => {
    await library.saveStory(id, story.revision, edits[0]!, { session: 'session-0' });
    await library.flush();
  });
  line('save (median of 200)', median(saves), median(baseline), `fs.writeFile of the same ${((await readFile(file)).length / 1024).toFixed(0)} KB`);
  line('save (95th percentile)', percentile(saves, 0.95), percentile(baseline, 0.95), 'fs.writeFile, 95th percentile');
  line('save vs. a durable write (median)', median(saves), median(durable), 'write + fsync + rename + fsync of the folder');
  line('save vs. a durable write (95th percentile)', percentile(saves, 0.95), percentile(durable, 0.95), 'the same, 95th percentile');
  line('first save of an editing session', median(sessionSaves), median(durable), 'one durable write; keeps a revision first');
  console.log(`  then, off the save’s path: library.json rewritten ${ms(indexWriteMs)} ms after a burst of saves (${indexMb.toFixed(1)} MB)`);
  const verdict = median(saves) / median(durable) <= 1.5 ? 'within' : 'NOT within';
  console.log(`  saving is ${verdict} 1.5× of a durable write of the same bytes in the same folder at ${STORIES} stories.`);
  await library.close();

  // 5. Memory of the main process's work, in a process of its own.
  console.log('\nMemory (a Node process doing the main process’s work: open live, build the search index, search, save):');
  const child = spawnSync(process.execPath, [memoryScript, root], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`The memory bench failed: ${child.stderr}`);
  const memory = JSON.parse(child.stdout) as { maxRssMb: number; afterOpenMb: number; afterIndexMb: number; rssAfterMb: number; heapUsedMb: number; baselineRssMb: number };
  console.log(`  peak RSS ${memory.maxRssMb.toFixed(0)} MB (a bare Node process: ${memory.baselineRssMb.toFixed(0)} MB); after a GC: RSS ${memory.rssAfterMb.toFixed(0)} MB, JS heap ${memory.heapUsedMb.toFixed(0)} MB.`);
  console.log(`  peak RSS by step: ${memory.afterOpenMb.toFixed(0)} MB once open and listed, ${memory.afterIndexMb.toFixed(0)} MB once the search index is built, ${memory.maxRssMb.toFixed(0)} MB after searches and a save.`);
  console.log(`  ${memory.maxRssMb < 200 ? 'under' : 'NOT under'} the 200 MB budget (Electron's own main-process overhead comes on top and is not measured here).`);
} finally {
  await rm(work, { recursive: true, force: true });
}
