import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame } from '@playwright/test';
import { Window } from 'happy-dom';
import { makePng } from './fixtures/makePng.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const SCREENSHOTS = 'test-results/screenshots';

const parse = (html: string) => {
  const window = new Window();
  window.document.write(html);
  return window.document;
};

const meta = (doc: ReturnType<typeof parse>, property: string) =>
  [...doc.querySelectorAll(`meta[property="${property}"]`)].map((element) => element.getAttribute('content'));

/**
 * Story files as another machine (or a git pull) would leave them in the library, before the app opens it. The first
 * headline is the least recently edited; `overrides` change the first story's fields.
 */
async function seedStories(libraryDir: string, headlines: readonly string[], paragraphs = 1, overrides: Record<string, unknown> = {}): Promise<void> {
  await mkdir(path.join(libraryDir, 'stories'), { recursive: true });
  const text = 'The prospect of government talks between Japan and North Korea was raised again on Monday, according to officials. ';
  await Promise.all(
    headlines.map((headline, index) => {
      const id = `seeded-${String(index).padStart(4, '0')}`;
      const minute = String(index % 60).padStart(2, '0');
      const story = {
        schemaVersion: 1,
        id,
        revision: 1,
        createdAt: '2026-05-20T09:00:00.000Z',
        updatedAt: `2026-05-21T10:${minute}:00.000Z`,
        section: 'Tokyo Report',
        headline,
        dek: `About ${headline.toLowerCase()}.`,
        byline: 'Ankit Panda',
        image: null,
        imageCredit: '',
        imageCaption: '',
        imageAlt: '',
        body: { type: 'doc', content: Array.from({ length: paragraphs }, () => ({ type: 'paragraph', content: [{ type: 'text', text: text.repeat(4) }] })) },
        ...(index === 0 ? overrides : {}),
      };
      return writeFile(path.join(libraryDir, 'stories', `${id}.json`), JSON.stringify(story, null, 2));
    }),
  );
}

/** Adds a lead image with its credit, caption and alt text, as a writer does. */
async function addLeadImage(window: CopydeskWindow, answer: (file: string) => Promise<void>, workDir: string) {
  await writeFile(path.join(workDir, 'flags.png'), makePng(1200, 800));
  await answer(path.join(workDir, 'flags.png'));
  await window.button('Choose image…').click();
  await window.fill({
    imageCredit: 'Japan-North Korea Flags via Shutterstock',
    imageCaption: 'The flags of Japan and North Korea.',
    imageAlt: 'The national flags of Japan and North Korea side by side.',
  });
}

function previewFrame(window: CopydeskWindow): Frame {
  const frame = window.page.frames().find((candidate) => candidate.url() === 'about:srcdoc');
  if (!frame) throw new Error('The preview frame is not there.');
  return frame;
}

test('the preview shows the exported document in a sandboxed frame where no script runs, and follows the edits', async ({ app, workDir }) => {
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  const headline = 'Japan-North Korea Talks <script>parent.__copydeskOwned = 1</script> to Resume';
  await window.fill({ section: 'Tokyo Report', headline, dek: 'Despite intense rhetoric, there is space for concessions.', byline: 'Ankit Panda' });
  await addLeadImage(window, (file) => app.answerNextImageDialog(file), workDir);
  await window.body.click();
  await app.page.keyboard.type('The prospect of talks was raised again <img src=x onerror=alert(1)> on Monday, says the Japan Times');
  await window.selectBack('Japan Times'.length);
  await window.addLink('https://www.japantimes.co.jp/');
  await window.expectSaved();

  await window.button('Preview').click();
  await expect(window.button('Preview')).toHaveAttribute('aria-pressed', 'true');
  const frame = window.preview.locator('iframe');
  // sandbox="" exactly: neither allow-scripts nor allow-same-origin nor anything else.
  await expect(frame).toHaveAttribute('sandbox', '');
  const doc = window.previewDocument;
  await expect(doc.locator('h1')).toHaveText(headline);
  await expect(doc.locator('.cd-story__section')).toHaveText('Tokyo Report');
  await expect(doc.locator('.cd-story__byline')).toHaveText('Ankit Panda');
  await expect(doc.locator('.cd-story__credit')).toHaveText('Credit: Japan-North Korea Flags via Shutterstock');
  await expect(doc.locator('.cd-story__body p')).toHaveText('The prospect of talks was raised again <img src=x onerror=alert(1)> on Monday, says the Japan Times');
  await expect(doc.locator('img.cd-story__image')).toHaveAttribute('src', /^data:image\/png;base64,/);

  const inside = await previewFrame(window).evaluate(() => ({
    origin: self.origin,
    scripts: [...document.scripts].map((script) => script.type),
    jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!).headline as string,
    headlineFont: getComputedStyle(document.querySelector('h1')!).fontFamily,
  }));
  // An opaque origin: the document cannot reach Copydesk, its storage or window.copydesk.
  expect(inside.origin).toBe('null');
  // The JSON-LD is data, and the only script element; the headline's <script> is text.
  expect(inside.scripts).toEqual(['application/ld+json']);
  expect(inside.jsonLd).toBe(headline);
  // It looks like the export: its own stylesheet applies inside the frame.
  expect(inside.headlineFont).toContain('Georgia');
  expect(await app.page.evaluate(() => (window as { __copydeskOwned?: number }).__copydeskOwned)).toBeUndefined();

  // A link in the preview goes nowhere (the app never loads a web page); the preview stays.
  await doc.getByRole('link', { name: 'Japan Times' }).click();
  await expect(window.preview.getByRole('status')).toHaveText('Links open from the exported page, not from the preview');
  await expect(doc.locator('h1')).toHaveText(headline);

  await window.field('headline').fill('Japan-North Korea Negotiations to Resume');
  await expect(doc.locator('h1')).toHaveText('Japan-North Korea Negotiations to Resume');
  await app.page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await app.page.screenshot({ path: `${SCREENSHOTS}/preview-open.png` });

  await window.field('headline').press('ControlOrMeta+Shift+P');
  await expect(window.preview).toBeHidden();
  await expect(window.button('Preview')).toHaveAttribute('aria-pressed', 'false');
  expect(dialogs).toEqual([]);
});

test('Export selected… and Export all… write one folder per story and an index.json, then sum up with each failure', async ({ libraryDir, launchApp, workDir }) => {
  // The oldest story has a lead image but no alt text, so it cannot be exported.
  const undescribed = { image: { id: `${'a'.repeat(64)}.png`, mimeType: 'image/png', width: 1200, height: 800, bytes: 5000 } };
  await seedStories(libraryDir, ['Flags raised at the ministry', 'Talks resume in Sweden', 'Abe meets coalition partner', 'Diet session ends June 22'], 1, undescribed);
  const app = await launchApp();
  const window = new CopydeskWindow(app.page);
  await expect(window.button('Export selected…')).toBeDisabled();

  await window.storyCheckbox('Talks resume in Sweden').check();
  await window.storyCheckbox('Diet session ends June 22').check();
  await expect(app.page.getByText('2 selected', { exact: true })).toBeVisible();
  const selectedOut = path.join(workDir, 'selected');
  await mkdir(selectedOut);
  await app.answerNextExportDialog(selectedOut);
  await window.button('Export selected…').click();

  const dialog = app.page.getByRole('dialog', { name: 'Export finished' });
  await expect(dialog.getByTestId('export-summary')).toContainText('Exported 2 of 2 stories to');
  await expect(dialog.getByTestId('export-summary').locator('code')).toHaveText(selectedOut);
  expect((await readdir(selectedOut)).sort()).toEqual(['diet-session-ends-june-22', 'index.json', 'talks-resume-in-sweden']);
  const manifest = JSON.parse(await readFile(path.join(selectedOut, 'index.json'), 'utf8'));
  expect(manifest.stories.map((story: { folder: string }) => story.folder).sort()).toEqual(['diet-session-ends-june-22', 'talks-resume-in-sweden']);
  expect((await readdir(path.join(selectedOut, 'talks-resume-in-sweden'))).sort()).toEqual(['index.html', 'story.json']);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const allOut = path.join(workDir, 'all');
  await mkdir(allOut);
  await app.answerNextExportDialog(allOut);
  await window.button('Export all…').click();
  const summary = app.page.getByRole('dialog', { name: 'Export finished with problems' }).getByTestId('export-summary');
  await expect(summary).toContainText('Exported 3 of 4 stories to');
  await expect(summary.getByRole('listitem')).toHaveText([/^Flags raised at the ministry — .*alt text/]);
  expect((await readdir(allOut)).sort()).toEqual(['abe-meets-coalition-partner', 'diet-session-ends-june-22', 'index.json', 'talks-resume-in-sweden']);
  const all = JSON.parse(await readFile(path.join(allOut, 'index.json'), 'utf8'));
  expect(all.stories).toHaveLength(3);
  await app.page.screenshot({ path: `${SCREENSHOTS}/export-summary.png` });
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
});

test('cancelling a batch export stops it with a progress bar to the last story written, says so, and leaves only whole folders', async ({ libraryDir, launchApp, workDir }) => {
  // Enough stories for the render threads (32 or more), held after the fifth so Cancel lands halfway on any disk.
  const total = 40;
  const held = 5;
  await seedStories(libraryDir, Array.from({ length: total }, (_, index) => `Dispatch number ${index + 1}`), 120);
  const app = await launchApp();
  const window = new CopydeskWindow(app.page);
  const out = path.join(workDir, 'out');
  await mkdir(out);
  await app.answerNextExportDialog(out);
  await app.holdNextBatchExport(held);
  await window.button('Export all…').click();

  const running = app.page.getByRole('dialog', { name: `Exporting ${total} stories` });
  const progress = running.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toHaveAttribute('aria-valuemax', String(total));
  await expect(progress, 'the bar follows the stories written').toHaveAttribute('aria-valuenow', String(held));
  await running.getByRole('button', { name: 'Cancel' }).click();

  const summary = app.page.getByRole('dialog', { name: 'Export cancelled' }).getByTestId('export-summary');
  await expect(summary).toContainText(`Exported ${held} of ${total}`);
  await expect(summary).toContainText(`Cancelled: ${total - held} stories were not exported`);
  const exported = held;

  await expect(app.page.getByRole('progressbar', { name: 'Export progress' })).toHaveCount(0);
  await app.page.screenshot({ path: `${SCREENSHOTS}/export-cancelled.png` });
  const names = await readdir(out);
  expect(names.filter((name) => name.startsWith('.')), 'no half-written story folder is left').toEqual([]);
  const folders = names.filter((name) => name !== 'index.json');
  expect(folders).toHaveLength(exported);
  const manifest = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8'));
  expect(manifest.stories.map((story: { folder: string }) => story.folder).sort()).toEqual(folders.sort());
  for (const folder of folders) expect((await readdir(path.join(out, folder))).sort()).toEqual(['index.html', 'story.json']);
});

test('export settings are checked, saved in the library, and shape the export: canonical URL and an embedded image', async ({ app, launchApp, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ headline: 'Talks resume in Sweden' });
  await addLeadImage(window, (file) => app.answerNextImageDialog(file), workDir);
  await window.expectSaved();

  let dialog = await window.openSettings();
  await dialog.getByLabel('Publication name').fill('Unsaved name');
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  dialog = await window.openSettings();
  await expect(dialog.getByLabel('Publication name')).toHaveValue('');
  await dialog.getByLabel('Publication name').fill('The Diplomat');
  await dialog.getByLabel('Base URL').fill('ftp://news.example.com/stories/');
  await dialog.getByLabel('Time zone').fill('Asia/Tokio');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'base URL' })).toHaveText(
    'The base URL must be an http:// or https:// address, like https://news.example.com/stories/.',
  );
  await expect(dialog.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert').filter({ hasText: 'time zone' })).toContainText('Not a time zone Copydesk knows');
  await app.page.screenshot({ path: `${SCREENSHOTS}/settings-dialog.png` });

  await dialog.getByLabel('Base URL').fill('https://news.example.com/stories');
  await dialog.getByLabel('Time zone').fill('Asia/Tokyo');
  await dialog.getByLabel('Language').fill('en-GB');
  await dialog.getByLabel('Include stylesheet').uncheck();
  await dialog.getByLabel('Embed in the HTML').check();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByRole('status').filter({ hasText: 'Export settings saved' })).toBeVisible();
  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'settings.json'), 'utf8')).settings;
  expect(stored).toEqual({
    publicationName: 'The Diplomat',
    baseUrl: 'https://news.example.com/stories',
    timeZone: 'Asia/Tokyo',
    language: 'en-GB',
    stylesheet: false,
    imageMode: 'embed',
  });

  const out = path.join(workDir, 'out');
  await mkdir(out);
  await app.answerNextExportDialog(out);
  await window.button('Export HTML…').click();
  const folder = path.join(out, 'talks-resume-in-sweden');
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(folder);
  expect((await readdir(folder)).sort()).toEqual(['index.html', 'story.json']);
  const html = await readFile(path.join(folder, 'index.html'), 'utf8');
  const doc = parse(html);
  expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://news.example.com/stories/talks-resume-in-sweden/');
  expect(meta(doc, 'og:url')).toEqual(['https://news.example.com/stories/talks-resume-in-sweden/']);
  expect(meta(doc, 'og:site_name')).toEqual(['The Diplomat']);
  expect(doc.querySelector('article img')!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(doc.querySelector('style')).toBeNull();
  expect(doc.documentElement.getAttribute('lang')).toBe('en-GB');

  // With the image embedded, the preview is the exported file itself, byte for byte.
  await window.button('Preview').click();
  await expect(window.preview).toHaveAttribute('data-preview-state', 'ready');
  expect(await window.preview.locator('iframe').getAttribute('srcdoc')).toBe(html);

  await app.close();
  const again = new CopydeskWindow((await launchApp()).page);
  dialog = await again.openSettings();
  await expect(dialog.getByLabel('Base URL')).toHaveValue('https://news.example.com/stories');
  await expect(dialog.getByLabel('Embed in the HTML')).toBeChecked();
  await expect(dialog.getByLabel('Include stylesheet')).not.toBeChecked();
});

test('Copy for CMS puts the story’s <article> fragment on the clipboard', async ({ app, workDir }) => {
  // The Electron window may not read the clipboard; e2e/electron/previewAndClipboard.spec.ts reads it from the main process.
  test.skip(app.shell === 'electron', 'The page reads the clipboard back, which only the Chromium harness grants.');
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.page.url()).origin });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Talks resume in Sweden', byline: 'Ankit Panda' });
  await window.body.click();
  await app.page.keyboard.type('Negotiators meet in Stockholm.');

  await window.button('Copy for CMS').click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Copied the CMS fragment' })).toBeVisible();
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^<article class="cd-story" lang="en">\n/);
  expect(copied).toMatch(/<\/article>\n$/);
  expect(copied).not.toMatch(/<style|<script|<html|<head>/);
  const fragment = parse(copied);
  expect(fragment.querySelector('h1.cd-story__headline')!.textContent).toBe('Talks resume in Sweden');
  expect(fragment.querySelector('.cd-story__body p')!.textContent).toBe('Negotiators meet in Stockholm.');

  // The fragment is the exported document's <article>, byte for byte.
  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
  expect(await readFile(path.join(workDir, 'talks-resume-in-sweden', 'index.html'), 'utf8')).toContain(copied.trimEnd());
});

test('slug, tags and publish date are saved with the story and reach the export', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  const id = await window.newStory();
  const settings = await window.openSettings();
  await settings.getByLabel('Time zone').fill('Asia/Tokyo');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  await window.field('headline').fill('Talks resume in Sweden');
  const slug = window.publishing('Slug');
  await expect(slug).toHaveAttribute('placeholder', 'talks-resume-in-sweden');
  await slug.fill('Japan Talks!');
  await expect(app.page.getByText('Not a slug: use lower-case letters, digits and hyphens. It exports as “japan-talks”.')).toBeVisible();
  await slug.fill('japan-talks');
  await expect(app.page.getByText(/Not a slug/)).toHaveCount(0);

  await window.addTags('Japan', 'North Korea', 'Diplomacy');
  await window.button('Remove tag Diplomacy').click();
  await expect(window.button('Remove tag Diplomacy')).toHaveCount(0);
  await window.publishing('Publish date').fill('2026-05-20T18:00');
  await expect(app.page.getByText('Asia/Tokyo time (UTC+09:00), from the export settings.')).toBeVisible();
  await window.expectSaved();

  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect([stored.slug, stored.tags, stored.publishedAt]).toEqual(['japan-talks', ['Japan', 'North Korea'], '2026-05-20T18:00:00+09:00']);

  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(path.join(workDir, 'japan-talks'));
  const doc = parse(await readFile(path.join(workDir, 'japan-talks', 'index.html'), 'utf8'));
  expect(meta(doc, 'article:tag')).toEqual(['Japan', 'North Korea']);
  expect(meta(doc, 'article:published_time')).toEqual(['2026-05-20T18:00:00+09:00']);
  expect(doc.querySelector('time.cd-story__date')!.getAttribute('datetime')).toBe('2026-05-20T18:00:00+09:00');
  await app.page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await window.publishing('Publish date').scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: `${SCREENSHOTS}/publishing-panel.png` });
});
