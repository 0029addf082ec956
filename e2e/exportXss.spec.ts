import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makePng } from './fixtures/makePng.js';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../shared/exportSettings.js';
import type { BodyNode, Story } from '../shared/story.js';
import { createStoryExporter } from '../shared/export/createStoryExporter.js';
import { leadImageFileName } from '../shared/export/leadImageFileName.js';
import { storyInterchangeJson } from '../shared/export/storyInterchange.js';
import { makeStory, SAMPLE_IMAGE } from '../shared/export/testing/makeStory.js';
import { XSS_PAYLOADS } from '../shared/export/testing/xssPayloads.js';

const exporter = createStoryExporter({ stylesheet: readFileSync(path.join(import.meta.dirname, '..', 'assets', 'export.css'), 'utf8') });
const ORIGIN = 'http://exports.copydesk.test';
const PNG = makePng(120, 80);

/** Every field of a story, its body's nodes, attributes and links, and the Dateline, set to one hostile payload. */
function hostileStory(payload: string): Story {
  const text = (value: string, marks?: BodyNode['marks']): BodyNode => ({ type: 'text', text: value, marks });
  return makeStory({
    section: payload.slice(0, 100),
    headline: payload.slice(0, 500),
    dek: payload,
    byline: payload.slice(0, 300),
    dateline: payload.slice(0, 100),
    imageCredit: payload,
    imageCaption: payload,
    imageAlt: payload,
    slug: payload.slice(0, 200),
    tags: [payload.slice(0, 100)],
    image: SAMPLE_IMAGE,
    language: 'detect',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { onclick: payload, style: payload }, content: [text(payload)] },
        { type: 'paragraph', content: [text('link', [{ type: 'link', attrs: { href: payload, onmouseover: payload } }])] },
        { type: 'heading', attrs: { level: payload }, content: [text(payload, [{ type: 'bold', attrs: { style: payload } }])] },
        { type: payload, attrs: { src: payload, srcdoc: payload }, content: [text(payload, [{ type: payload }])] },
      ],
    },
  });
}

const settings = (payload: string, imageMode: ExportSettings['imageMode']): ExportSettings => ({
  ...DEFAULT_EXPORT_SETTINGS,
  publicationName: payload.slice(0, 200),
  baseUrl: payload.slice(0, 500),
  imageMode,
});

/** One export of the corpus: what the browser is given, and as what. */
interface ExportFile {
  name: string;
  body: string;
  contentType: string;
}

function exportsOf(payload: string, index: number): ExportFile[] {
  const story = hostileStory(payload);
  const copy = settings(payload, 'copy');
  const embed = settings(payload, 'embed');
  const image = { dataUri: `data:image/png;base64,${PNG.toString('base64')}` };
  return [
    { name: `${index}/document.html`, body: exporter.document(story, copy), contentType: 'text/html; charset=utf-8' },
    { name: `${index}/embedded.html`, body: exporter.document(story, embed, image), contentType: 'text/html; charset=utf-8' },
    { name: `${index}/fragment.html`, body: exporter.fragment(story, copy), contentType: 'text/html; charset=utf-8' },
    { name: `${index}/story.json`, body: storyInterchangeJson(story, leadImageFileName(story)), contentType: 'application/json; charset=utf-8' },
  ];
}

const FILES = XSS_PAYLOADS.flatMap(exportsOf);

/** Watches a page: scripts that run (the tripwire), page errors, CSP violations and requests that leave the exports. */
async function watch(page: Page, files: Map<string, ExportFile>, csp: string | null) {
  const seen = { scripts: [] as string[], errors: [] as string[], requests: [] as string[] };
  await page.exposeFunction('__tripwire', (what: string) => void seen.scripts.push(what));
  await page.addInitScript(() => {
    const trip = (what: string) => (window as unknown as { __tripwire: (what: string) => void }).__tripwire(what);
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
      Object.defineProperty(window, name, { value: () => trip(name), configurable: false, writable: false });
    }
    document.addEventListener('securitypolicyviolation', (event) => trip(`csp: ${event.violatedDirective} ${event.blockedURI}`), true);
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('dialog', (dialog) => {
    seen.scripts.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const name = url.startsWith(`${ORIGIN}/`) ? decodeURIComponent(url.slice(ORIGIN.length + 1)) : null;
    const file = name ? files.get(name) : undefined;
    if (file) {
      await route.fulfill({ body: file.body, contentType: file.contentType, headers: csp ? { 'Content-Security-Policy': csp } : {} });
    } else if (name && /\/[^/]+\.png$/.test(name)) {
      await route.fulfill({ body: PNG, contentType: 'image/png' });
    } else {
      seen.requests.push(url);
      await route.abort();
    }
  });
  return seen;
}

/** Clicks every link that would not load a page (javascript:, data:, vbscript: and the like) and hovers every element. */
async function poke(page: Page) {
  const links = await page.locator('a').all();
  for (const link of links) {
    const protocol = await link.evaluate((a) => (a as HTMLAnchorElement).protocol);
    // The element's own click(): a real activation (it follows the link) even for a link hidden or covered, where
    // Playwright's click would wait for it to become clickable.
    if (!['http:', 'https:', 'mailto:'].includes(protocol)) await link.evaluate((a) => (a as HTMLAnchorElement).click());
  }
  await page.locator('body *').evaluateAll((elements) => {
    for (const element of elements) for (const type of ['mouseover', 'click', 'focus', 'error', 'load']) element.dispatchEvent(new Event(type));
  });
}

for (const csp of [null, "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"]) {
  test(`the hostile corpus, exported in every format and opened in Chromium${csp ? ' under a strict CSP' : ''}: no script runs, no error, no CSP violation, no request`, async ({ page }) => {
    // Four exports of each payload, each opened and poked: slow on a shared machine, not a timing assertion.
    test.setTimeout(600_000);
    const files = new Map(FILES.map((file) => [file.name, file]));
    const seen = await watch(page, files, csp);
    for (const file of FILES) {
      await page.goto(`${ORIGIN}/${file.name}`, { waitUntil: 'load' });
      await poke(page);
      // A meta refresh or a late timer would show up as a request or a tripped wire by the next page's load.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    await page.goto('about:blank');
    expect(seen).toStrictEqual({ scripts: [], errors: [], requests: [] });
  });
}

test('the tripwire and the request counter catch what they watch for', async ({ page }) => {
  const files = new Map<string, ExportFile>([
    ['trap.html', { name: 'trap.html', contentType: 'text/html', body: '<!DOCTYPE html><title>t</title><img src=x onerror=alert(1)><script>fetch("https://evil.example/")</script>' }],
  ]);
  const seen = await watch(page, files, null);
  await page.goto(`${ORIGIN}/trap.html`, { waitUntil: 'load' });
  await expect.poll(() => seen.scripts.length + seen.requests.length).toBeGreaterThanOrEqual(2);
  expect(seen.scripts).toContain('alert');
  expect(seen.requests.some((url) => url.startsWith('https://evil.example'))).toBe(true);
});
