// Run by libraryBench.ts in a process of its own: the main process's work on a large library, then its peak memory.
import { spawnSync } from 'node:child_process';
import { openLibrary } from '../electron/storage/openLibrary.js';
import { generateLibraryBenchStory } from './generateLibraryBenchStory.js';

const root = process.argv[2]!;
const mb = (bytes: number) => bytes / 1024 / 1024;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

const library = await openLibrary(root, { live: true });
library.listSummaries();
const afterOpenMb = peakRssMb();
await library.searchStories({ query: 'japan', sort: 'updated' });
const afterIndexMb = peakRssMb();
for (const query of ['japan', 'north korea', 'negot', 'katori', '']) await library.searchStories({ query, sort: 'updated' });
const id = library.listSummaries()[0]!.id;
const story = await library.readStory(id, { forEditor: true });
await library.saveStory(id, story.revision, generateLibraryBenchStory(1), { session: 'memory-bench' });
await library.flush();

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const usage = process.memoryUsage();
// What an idle Node process takes on this machine, for comparison.
const bare = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], { encoding: 'utf8' });
const result = {
  maxRssMb: peakRssMb(),
  afterOpenMb,
  afterIndexMb,
  rssAfterMb: mb(usage.rss),
  heapUsedMb: mb(usage.heapUsed),
  baselineRssMb: Number(bare.stdout) / 1024,
};
await library.close();
process.stdout.write(JSON.stringify(result));
