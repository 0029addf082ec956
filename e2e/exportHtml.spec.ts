import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Window } from 'happy-dom';
import { makePng } from './fixtures/makePng.js';
import { checkHtmlFiles } from './harness/checkHtmlFiles.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const parse = (html: string) => {
  const window = new Window();
  window.document.write(html);
  return window.document;
};

test('Export HTML… writes a valid document with every field escaped in its own element and the image beside it', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  const fields = {
    section: 'Tokyo Report',
    headline: 'Japan & North Korea: “Talks” <Resume>',
    dek: 'Despite intense rhetoric, there is space for "tactical" concessions & detente.',
    byline: 'Ankit Panda <ankit@example.com>',
    imageCredit: 'Japan-North Korea Flags via Shutterstock',
    imageCaption: 'Flags <b>side by side</b>.',
    imageAlt: 'The flags of Japan and North Korea on two poles.',
  };
  await window.fill({ section: fields.section, headline: fields.headline, dek: fields.dek, byline: fields.byline });
  await writeFile(path.join(workDir, 'flags.png'), makePng(1200, 800));
  await app.answerNextImageDialog(path.join(workDir, 'flags.png'));
  await app.page.getByRole('button', { name: 'Choose image…' }).click();
  await window.fill({ imageCredit: fields.imageCredit, imageCaption: fields.imageCaption, imageAlt: fields.imageAlt });
  await window.body.click();
  await app.page.keyboard.type('First paragraph with <script>alert(1)</script> typed as text.');
  const out = path.join(workDir, 'exports');
  await mkdir(out);
  await app.answerNextExportDialog(out);
  await app.page.getByRole('button', { name: 'Export HTML…' }).click();

  const folder = path.join(out, 'japan-north-korea-talks-resume');
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(`Exported to ${folder}`);
  expect((await readdir(folder)).sort()).toEqual(['index.html', 'japan-north-korea-talks-resume.png', 'story.json']);
  const html = await readFile(path.join(folder, 'index.html'), 'utf8');
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<b>');
  const doc = parse(html);
  expect(doc.querySelector('title')!.textContent).toBe(fields.headline);
  expect(doc.querySelectorAll('h1')).toHaveLength(1);
  expect(doc.querySelector('article header h1')!.textContent).toBe(fields.headline);
  expect(doc.querySelector('article header .cd-story__section')!.textContent).toBe(fields.section);
  expect(doc.querySelector('article header .cd-story__dek')!.textContent).toBe(fields.dek);
  expect(doc.querySelector('article header .cd-story__byline')!.textContent).toBe(fields.byline);
  const img = doc.querySelector('article figure img')!;
  expect(img.getAttribute('src')).toBe('japan-north-korea-talks-resume.png');
  expect(img.getAttribute('alt')).toBe(fields.imageAlt);
  expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1200', '800']);
  expect(doc.querySelector('figure figcaption .cd-story__caption')!.textContent).toBe(fields.imageCaption);
  expect(doc.querySelector('figure figcaption .cd-story__credit')!.textContent).toBe(`Credit: ${fields.imageCredit}`);
  expect(doc.querySelector('article .cd-story__body p')!.textContent).toBe('First paragraph with <script>alert(1)</script> typed as text.');
  expect(await checkHtmlFiles([path.join(folder, 'index.html')])).toEqual([]);
});

test('a lead image without alt text is not exported, and the writer is told why', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill('Pictured but undescribed');
  await writeFile(path.join(workDir, 'flags.png'), makePng(300, 200));
  await app.answerNextImageDialog(path.join(workDir, 'flags.png'));
  await app.page.getByRole('button', { name: 'Choose image…' }).click();
  await expect(app.page.getByText('Alt text is required for the lead image')).toBeVisible();
  await app.answerNextExportDialog(workDir);
  await app.page.getByRole('button', { name: 'Export HTML…' }).click();
  await expect(app.page.getByRole('alert').filter({ hasText: 'Export failed' })).toContainText('alt text');
  expect(await readdir(workDir)).toEqual(['flags.png']);
});

test('a headline of <img src=x onerror=alert(1)> stays text everywhere', async ({ app, workDir }) => {
  const payload = '<img src=x onerror=alert(1)>';
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill(payload);
  await window.field('dek').fill(payload);
  await window.body.click();
  await app.page.keyboard.type(payload);
  await window.expectSaved();

  await expect(window.storyButton(payload)).toBeVisible();
  await expect(window.body).toHaveText(payload);
  await expect(app.page).toHaveTitle(new RegExp(`^${payload.replace(/[()]/g, '\\$&')}`));
  expect(await app.page.locator('img[src="x"]').count()).toBe(0);

  await app.answerNextExportDialog(workDir);
  await app.page.getByRole('button', { name: 'Export HTML…' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
  const [folder] = await readdir(workDir);
  const html = await readFile(path.join(workDir, folder!, 'index.html'), 'utf8');
  const doc = parse(html);
  expect(doc.querySelector('h1')!.textContent).toBe(payload);
  expect(doc.querySelectorAll('img')).toHaveLength(0);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(dialogs).toEqual([]);
});
