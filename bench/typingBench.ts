// Typing in a 20,000-word story: the app (built renderer, the e2e harness's bridge to the real handlers, the story
// opened from the list) against bare ProseMirror with the same schema, document and stylesheet, in the same Chromium,
// interleaved. Run by bench/run.mjs (`npm run bench:typing`); needs `npm run build:renderer` first.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { bodyText } from '../shared/bodyText.js';
import { countWords } from '../shared/wordCount.js';
import { createHandlers } from '../electron/handlers/createHandlers.js';
import { invokeChannel } from '../electron/ipc/invokeChannel.js';
import { launchChromiumApp } from '../e2e/harness/launchChromiumApp.js';
import {
  generateCommentedTypingBenchStory,
  generateTypingBenchStory,
  TYPING_BENCH_COMMENTS,
  TYPING_BENCH_COMMENTS_HEADLINE,
  TYPING_BENCH_HEADLINE,
  TYPING_BENCH_PARAGRAPHS,
} from './typing/generateTypingBenchStory.js';
import { installKeystrokeProbe, placeCaretAtParagraphEnd, timeUntilEditable, type KeystrokeProbe, type OpenAction } from './typing/keystrokeProbe.js';

const root = process.argv[2]!;
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright') as typeof import('playwright');
const { build } = require('esbuild') as typeof import('esbuild');

/** Six runs of 200 keys a case: fewer left the p95 ratio moving by ±0.07 between runs of the bench on a quiet machine. */
const RUNS = Number(process.env.BENCH_TYPING_RUNS ?? 6);
/**
 * BENCH_TYPING_PROFILE=1: also profile the app's typing in each case (CPU profile of the page) and print where its time
 * goes; build the renderer unminified for names (`npx vite build --config renderer/vite.config.ts --minify false`).
 */
const PROFILE = process.env.BENCH_TYPING_PROFILE === '1';
/**
 * BENCH_TYPING_CPU_SLOWDOWN=N: both pages run with Chromium's CPU throttled N times (DevTools' CPU throttling), as on a
 * slower laptop: where the per-key work, not the frame, decides the latency.
 */
const SLOWDOWN = Number(process.env.BENCH_TYPING_CPU_SLOWDOWN ?? 1);
const KEYS = 200;
const ALLOCATION_RUNS = 3;
const OPENS = 5;
const EDITOR = '.ProseMirror';
const SHORT_HEADLINE = 'Typing bench: a short story';
const BARE_ORIGIN = 'http://bare.copydesk.localhost';
const RENDERER_DIR = path.join(root, 'dist', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((candidate) => existsSync(candidate));

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const median = (values: number[]) => percentile(values, 0.5);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const line = (label: string, value: number, baseline: number, baselineLabel: string) =>
  console.log(`  ${label.padEnd(44)} ${ms(value).padStart(7)} ms   baseline ${ms(baseline).padStart(7)} ms (${baselineLabel})   ratio ${ratio(value, baseline)}`);

/** 200 characters of words and spaces, the same every run. */
const TEXT = Array.from({ length: 40 }, (_, i) => ['desk ', 'copy ', 'wire ', 'lede ', 'kicker '][i % 5]).join('').slice(0, KEYS);

interface Comparison {
  app: number[];
  bare: number[];
  perRun: string[];
  /** Main-thread time per key (ms), one figure per run, for each page. */
  appWork: MainThreadWork[];
  bareWork: MainThreadWork[];
}

/** What Chromium's renderer main thread did per key in one run: every task, the script in them, style and layout. */
interface MainThreadWork {
  task: number;
  script: number;
  styleLayout: number;
}

const metricSessions = new WeakMap<Page, import('playwright').CDPSession>();

/** Chromium's cumulative main-thread durations for the page (seconds), from the DevTools Performance domain. */
async function mainThreadTotals(page: Page): Promise<Map<string, number>> {
  let session = metricSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    metricSessions.set(page, session);
  }
  const { metrics } = await session.send('Performance.getMetrics');
  return new Map(metrics.map(({ name, value }) => [name, value]));
}

/** A library holding the long story, the long story with 50 comments and a short one (opened first, so every open of the long one is from the list). */
async function makeLibrary(dir: string): Promise<void> {
  const handlers = await createHandlers({
    libraryDir: dir,
    live: false,
    indexDelayMs: 0,
    ports: { sendEvent: () => undefined, chooseImageFile: async () => null, chooseExportFolder: async () => null, chooseLibraryFolder: async () => null, closeConfirmed: () => undefined },
  });
  try {
    const stories = [generateTypingBenchStory(), generateCommentedTypingBenchStory(), { ...generateTypingBenchStory(), headline: SHORT_HEADLINE, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Short.' }] }] } }];
    for (const fields of stories) {
      const created = await invokeChannel(handlers, 'createStory', undefined);
      if (!created.ok) throw new Error(created.error.message);
      const saved = await invokeChannel(handlers, 'saveStory', { id: created.value.id, baseRevision: created.value.revision, fields });
      if (!saved.ok) throw new Error(saved.error.message);
    }
  } finally {
    await handlers.close();
  }
}

/** The bare ProseMirror page, served to its own context like the harness serves the renderer. */
async function openBarePage(browser: Browser, stylesheet: string, doc: unknown, width: number): Promise<Page> {
  const bundle = await build({
    entryPoints: [path.join(root, 'bench', 'typing', 'bareEditor.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare ProseMirror</title>
<link rel="stylesheet" href="/style.css"><style>#editor { width: ${width}px; margin: 24px auto; }</style></head>
<body><div class="field field-body"><div class="body-frame"><div class="body-content" id="editor"></div></div></div>
<script src="/bare.js"></script></body></html>`;
  const files: Record<string, [string, string]> = {
    '/index.html': [html, 'text/html'],
    '/style.css': [stylesheet, 'text/css'],
    '/bare.js': [bundle.outputFiles[0]!.text, 'text/javascript'],
  };
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-US' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === BARE_ORIGIN ? files[url.pathname] : undefined;
    return file ? route.fulfill({ status: 200, body: file[0], contentType: file[1] }) : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(`${BARE_ORIGIN}/index.html`);
  await page.evaluate((json) => {
    const w = window as unknown as { __bareOpen(json: unknown): void; __benchDoc: unknown };
    w.__benchDoc = json;
    w.__bareOpen(json);
  }, doc);
  return page;
}

/**
 * Types the 200 characters one at a time, each after the last one's frame, and returns their latencies and the main
 * thread's time per key over the run (the probe's own wait per key is in both pages' figures alike).
 */
async function typeRun(page: Page, paragraph: number): Promise<{ latencies: number[]; work: MainThreadWork }> {
  await page.evaluate(placeCaretAtParagraphEnd, { editorSelector: EDITOR, index: paragraph });
  // The pointer rests where a writer clicked to type, over the paragraph, on both pages: Chromium hit-tests it again
  // after every frame that changes layout, which costs as much on either page (a pointer outside the window costs none).
  const box = await page.evaluate(
    ({ selector, index }) => document.querySelectorAll(`${selector} > p`)[index]!.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number },
    { selector: EDITOR, index: paragraph },
  );
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await page.evaluate(() => (window as unknown as { __keystrokeProbe: KeystrokeProbe }).__keystrokeProbe.results.length);
  const start = await mainThreadTotals(page);
  for (let i = 0; i < TEXT.length; i += 1) {
    await page.keyboard.type(TEXT[i]!);
    await page.evaluate((count) => (window as unknown as { __keystrokeProbe: KeystrokeProbe }).__keystrokeProbe.waitFor(count), before + i + 1);
  }
  const end = await mainThreadTotals(page);
  const perKey = (...names: string[]) => (names.reduce((sum, name) => sum + (end.get(name) ?? 0) - (start.get(name) ?? 0), 0) * 1000) / TEXT.length;
  const work = { task: perKey('TaskDuration'), script: perKey('ScriptDuration'), styleLayout: perKey('RecalcStyleDuration', 'LayoutDuration') };
  const results = await page.evaluate(() => (window as unknown as { __keystrokeProbe: KeystrokeProbe }).__keystrokeProbe.results);
  const typed = await page.evaluate(
    ({ selector, index }) => document.querySelectorAll(`${selector} > p`)[index]?.textContent ?? '',
    { selector: EDITOR, index: paragraph },
  );
  if (!typed.endsWith(TEXT.trimEnd())) throw new Error('The typed text is not where it was typed: the run measured something else.');
  return { latencies: results.slice(before), work };
}

async function timeOpen(page: Page, action: OpenAction): Promise<number> {
  return page.evaluate(timeUntilEditable, { editorSelector: EDITOR, paragraphs: TYPING_BENCH_PARAGRAPHS, action });
}

if (!CHROMIUM) throw new Error('Chromium is not installed (apt-get install -y chromium) or set CHROMIUM_PATH.');
if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');

const work = await mkdtemp(path.join(os.tmpdir(), 'copydesk-typing-bench-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const loadBefore = os.loadavg()[0]!;
  await makeLibrary(work);
  const app = await launchChromiumApp(browser, work);
  const appPage = app.page;
  const story = generateTypingBenchStory();
  const words = countWords(bodyText(story.body));

  // Opening from the list: the short story first, then the long one, timed to the frame that shows it editable.
  const openApp: number[] = [];
  for (let i = 0; i < OPENS + 1; i += 1) {
    await timeOpenShort(appPage);
    const elapsed = await timeOpen(appPage, { kind: 'app', headline: TYPING_BENCH_HEADLINE });
    if (i > 0) openApp.push(elapsed);
  }
  const width = await appPage.evaluate((selector) => document.querySelector(selector)!.getBoundingClientRect().width, EDITOR);
  const stylesheetHref = /href="\.?\/?(assets\/[^"]+\.css)"/.exec(await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8'))![1]!;
  const barePage = await openBarePage(browser, await readFile(path.join(RENDERER_DIR, stylesheetHref), 'utf8'), story.body, width);
  const openBare: number[] = [];
  for (let i = 0; i < OPENS + 1; i += 1) {
    const elapsed = await timeOpen(barePage, { kind: 'bare' });
    if (i > 0) openBare.push(elapsed);
  }

  await barePage.evaluate(installKeystrokeProbe, EDITOR);
  if (SLOWDOWN !== 1) {
    for (const page of [appPage, barePage]) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  }

  /**
   * A warm-up run on each page, then RUNS runs each, alternating which page goes first; each run types at the end of
   * its own paragraph in the middle of the story (`firstParagraph` + run), so every run types into unmarked text.
   */
  async function compare(firstParagraph: number): Promise<Comparison> {
    await appPage.evaluate(installKeystrokeProbe, EDITOR);
    const app: number[] = [];
    const bare: number[] = [];
    const perRun: string[] = [];
    const appWork: MainThreadWork[] = [];
    const bareWork: MainThreadWork[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const paragraph = firstParagraph + run;
      const order: [Page, number[], MainThreadWork[]][] = run % 2 === 0 ? [[appPage, app, appWork], [barePage, bare, bareWork]] : [[barePage, bare, bareWork], [appPage, app, appWork]];
      const latencies = new Map<Page, number[]>();
      for (const [page, all, works] of order) {
        await page.bringToFront();
        const results = await typeRun(page, paragraph);
        latencies.set(page, results.latencies);
        if (run > 0) {
          all.push(...results.latencies);
          works.push(results.work);
        }
      }
      if (run > 0) {
        const a = latencies.get(appPage)!;
        const b = latencies.get(barePage)!;
        perRun.push(`run ${run}: app p50 ${ms(median(a))} / p95 ${ms(percentile(a, 0.95))}, bare p50 ${ms(median(b))} / p95 ${ms(percentile(b, 0.95))}`);
      }
    }
    return { app, bare, perRun, appWork, bareWork };
  }

  const middle = TYPING_BENCH_PARAGRAPHS / 2;
  const plain = await compare(middle);
  // Memory churn per key, on both pages, one more run each after the timed ones (paragraphs the runs above left alone).
  const allocation = { app: await allocationPerKey(appPage, middle - 2), bare: await allocationPerKey(barePage, middle - 2) };
  const profiles: string[] = [];
  if (PROFILE) profiles.push(`story opened from the list:\n${await profileTyping(appPage, middle + RUNS + 1)}`);

  // Suggesting mode on (every key becomes a suggested insertion, stamped with who and when), same story.
  const suggestingToggle = appPage.getByRole('button', { name: /^Suggesting/ });
  await suggestingToggle.click();
  if ((await suggestingToggle.getAttribute('aria-pressed')) !== 'true') throw new Error('Suggesting mode did not turn on.');
  const suggesting = await compare(middle + RUNS + 2);
  const suggestingAllocation = await allocationPerKey(appPage, middle - 3);
  if (PROFILE) profiles.push(`Suggesting mode on:\n${await profileTyping(appPage, middle + 2 * RUNS + 3)}`);
  await suggestingToggle.click();

  // The same story with 50 open comment threads, opened from the list (a new editor: the probe goes on its body).
  await timeOpen(appPage, { kind: 'app', headline: TYPING_BENCH_COMMENTS_HEADLINE });
  const threads = appPage.getByRole('list', { name: 'Open comments' }).locator(':scope > li');
  await threads.nth(TYPING_BENCH_COMMENTS - 1).waitFor({ timeout: 5_000 });
  if ((await threads.count()) !== TYPING_BENCH_COMMENTS) throw new Error(`The comments panel does not show ${TYPING_BENCH_COMMENTS} threads.`);
  const commented = await compare(middle + 2 * (RUNS + 2));
  const commentedAllocation = await allocationPerKey(appPage, middle - 4);
  if (PROFILE) profiles.push(`${TYPING_BENCH_COMMENTS} open comments:\n${await profileTyping(appPage, middle + 3 * RUNS + 5)}`);
  const loadAfter = os.loadavg()[0]!;

  if (SLOWDOWN !== 1) console.log(`CPU throttled ${SLOWDOWN}× on both pages while typing (BENCH_TYPING_CPU_SLOWDOWN); opening was timed unthrottled.`);
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)} (a shared machine: compare ratios, not ms)`);
  console.log(`A ${words.toLocaleString('en-US')}-word body (${TYPING_BENCH_PARAGRAPHS} paragraphs, ten H2s, bold and italic runs); ${RUNS} runs of ${KEYS} keys in the middle after a warm-up, interleaved.`);
  console.log('Keystroke → the frame that shows it (keydown timeStamp → MutationObserver → rAF → MessageChannel task), against bare ProseMirror (same schema, document and stylesheet, no React), measured in the same runs.');
  console.log('Latency moves in whole frames once a key misses one; main-thread time per key (Chromium\'s TaskDuration over each run, the probe\'s own tasks in both pages) shows the work behind it:');
  const report = (label: string, { app, bare, perRun, appWork, bareWork }: Comparison) => {
    line(`${label}: p50`, median(app), median(bare), 'bare ProseMirror');
    line(`${label}: p95`, percentile(app, 0.95), percentile(bare, 0.95), 'bare ProseMirror');
    const p50Met = median(app) < 16;
    const p95Met = percentile(app, 0.95) / percentile(bare, 0.95) <= 1.1;
    console.log(`    p50 under 16 ms: ${p50Met ? 'met' : 'NOT met'}; p95 within 1.10× of bare: ${p95Met ? 'met' : 'NOT met'}. ${perRun.join('; ')}`);
    const work = (pick: (work: MainThreadWork) => number) => [median(appWork.map(pick)), median(bareWork.map(pick))] as const;
    const [task, bareTask] = work((w) => w.task);
    const [script, bareScript] = work((w) => w.script);
    const [styleLayout, bareStyleLayout] = work((w) => w.styleLayout);
    console.log(
      `    main-thread time per key (median of the runs): all tasks ${task.toFixed(2)} ms against ${bareTask.toFixed(2)} (${ratio(task, bareTask)}); ` +
        `script ${script.toFixed(2)} against ${bareScript.toFixed(2)}; style and layout ${styleLayout.toFixed(2)} against ${bareStyleLayout.toFixed(2)}`,
    );
  };
  report('the app, story opened from the list', plain);
  report('the app, Suggesting mode on', suggesting);
  report(`the app, ${TYPING_BENCH_COMMENTS} open comments`, commented);
  console.log('    targets: p95 within 1.10× of bare, p50 under 16 ms (preflight and counts are on in every app figure).');
  console.log(`JavaScript memory allocated per key (V8's sampling heap profiler, ${ALLOCATION_RUNS} runs of ${KEYS} keys each, autosaves included; each allocation is garbage to collect, and minor GCs land in the slow frames):`);
  const kib = (bytes: number) => `${(bytes / KEYS / 1024).toFixed(1)} KiB`;
  for (const [label, measured] of [
    ['story opened from the list', allocation.app],
    ['Suggesting mode on', suggestingAllocation],
    [`${TYPING_BENCH_COMMENTS} open comments`, commentedAllocation],
  ] as const) {
    console.log(`  the app, ${label}: ${kib(measured.bytes)}, bare ProseMirror ${kib(allocation.bare.bytes)}   ratio ${ratio(measured.bytes, allocation.bare.bytes)}`);
    if (PROFILE) console.log(`  where the app allocates:\n${measured.top}`);
  }
  console.log('Opening the story from the list until the body is editable (median of 5):');
  line('the app (short story → this one)', median(openApp), median(openBare), 'bare ProseMirror building the document');
  console.log(`    target: under 1000 ms. app range ${ms(Math.min(...openApp))}–${ms(Math.max(...openApp))} ms`);
  if (PROFILE) console.log(`Where the app's typing time goes (self time, one more run of ${KEYS} keys after each, profiled):\n${profiles.join('\n')}`);
  await barePage.context().close();
  await app.close();
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}

async function timeOpenShort(page: Page): Promise<void> {
  await page.getByRole('button').filter({ has: page.locator('.story-item-headline', { hasText: SHORT_HEADLINE }) }).click();
  await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Short.', EDITOR);
}

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/**
 * Types ALLOCATION_RUNS more runs under V8's sampling heap profiler (garbage included), at `paragraph` and every third
 * paragraph above it; the bytes allocated per run, and by whom. Several runs, because the autosave that typing brings
 * (at most 5 s apart) lands in one run and not the next: the figure includes its share.
 */
async function allocationPerKey(page: Page, paragraph: number): Promise<{ bytes: number; top: string }> {
  await page.bringToFront();
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
  for (let run = 0; run < ALLOCATION_RUNS; run += 1) await typeRun(page, paragraph - 3 * run);
  const { profile } = (await session.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: AllocationNode } };
  await session.detach();
  const byFunction = new Map<string, number>();
  let bytes = 0;
  const walk = (node: AllocationNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    bytes += node.selfSize;
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  bytes /= ALLOCATION_RUNS;
  for (const [name, size] of byFunction) byFunction.set(name, size / ALLOCATION_RUNS);
  const top = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, size]) => `    ${(size / 1024).toFixed(0).padStart(7)} KiB  ${name}`)
    .join('\n');
  return { bytes, top };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Types one more run under the DevTools CPU profiler; the functions with the most self time, with their total. */
async function profileTyping(page: Page, paragraph: number): Promise<string> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await typeRun(page, paragraph);
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byFunction]
    .filter(([name]) => name !== '(idle)' && name !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, time]) => `    ${time.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n');
}
