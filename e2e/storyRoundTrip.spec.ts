import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makePng } from './fixtures/makePng.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const FIELDS = {
  section: 'Tokyo Report',
  headline: 'Japan-North Korea Negotiations to Resume',
  dek: 'Despite intense rhetoric, there is space for tactical concessions and further detente.',
  byline: 'Ankit Panda',
  imageCredit: 'Japan-North Korea Flags via Shutterstock',
  imageCaption: 'The flags of Japan and North Korea.',
  imageAlt: 'The national flags of Japan and North Korea side by side.',
};

/** Writes a body with every kind of formatting the toolbar offers, from the keyboard and toolbar as a writer would. */
async function writeFormattedBody(window: CopydeskWindow) {
  const { page } = window;
  await window.body.click();
  await page.keyboard.type('The prospect of government talks was raised again on Monday, according to the ');
  await page.keyboard.press('ControlOrMeta+I');
  await page.keyboard.type('Japan Times');
  await page.keyboard.press('ControlOrMeta+I');
  await window.selectBack('Japan Times'.length);
  await window.addLink('https://www.japantimes.co.jp/');
  await page.keyboard.press('End');
  // Like most editors, italics carry on at the end of an italic run until the writer turns them off.
  await page.keyboard.press('ControlOrMeta+I');
  await page.keyboard.type('. North Korea’s nuclear program is on the agenda.');
  await page.keyboard.press('Enter');
  await window.tool('H2 subhead').click();
  await page.keyboard.type('Neither side overly conciliatory');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pentagon officials cite ');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type('“imminent signs”');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type(' of a nuclear test.');
  await page.keyboard.press('Enter');
  await window.tool('H3 minor subhead').click();
  await page.keyboard.type('What each side holds');
  await page.keyboard.press('Enter');
  await window.tool('Bulleted list').click();
  await page.keyboard.type('Japan: its investment potential');
  await page.keyboard.press('Enter');
  await page.keyboard.type('North Korea: the abductees’ whereabouts');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await window.tool('Numbered list').click();
  await page.keyboard.type('Talks in Sweden, May 26 to 28');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await window.tool('Quote').click();
  await page.keyboard.type('Observers should not expect much progress.');
}

test('a story with every field and a formatted body survives an app restart exactly', async ({ app, launchApp, workDir }) => {
  const window = new CopydeskWindow(app.page);
  const id = await window.newStory();
  await window.fill({ section: FIELDS.section, headline: FIELDS.headline, dek: FIELDS.dek, byline: FIELDS.byline });
  const imagePath = path.join(workDir, 'flags.png');
  await writeFile(imagePath, makePng(1200, 800));
  await app.answerNextImageDialog(imagePath);
  await app.page.getByRole('button', { name: 'Choose image…' }).click();
  await expect(app.page.getByRole('region', { name: 'Lead image' }).locator('img')).toBeVisible();
  await window.fill({ imageCredit: FIELDS.imageCredit, imageCaption: FIELDS.imageCaption, imageAlt: FIELDS.imageAlt });
  await writeFormattedBody(window);
  await window.expectSaved();

  const body = window.body;
  await expect(body.locator('a[href="https://www.japantimes.co.jp/"] em, em a[href="https://www.japantimes.co.jp/"]')).toHaveText('Japan Times');
  await expect(body.locator('h2')).toHaveText('Neither side overly conciliatory');
  await expect(body.locator('h3')).toHaveText('What each side holds');
  await expect(body.locator('strong')).toHaveText('“imminent signs”');
  await expect(body.locator('ul > li')).toHaveCount(2);
  await expect(body.locator('ol > li')).toHaveCount(1);
  await expect(body.locator('blockquote')).toHaveText('Observers should not expect much progress.');
  await expect(window.wordCount).toHaveText(/^\d+ words$/);
  const wordsBefore = await window.wordCount.textContent();
  const bodyBefore = await body.innerHTML();
  await mkdir('test-results/screenshots', { recursive: true });
  await window.field('section').scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: 'test-results/screenshots/editor-full-story.png' });

  await app.close();
  const reopened = await launchApp();
  const after = new CopydeskWindow(reopened.page);
  await expect(reopened.page.locator('[data-story-id]')).toHaveAttribute('data-story-id', id);
  expect(await after.values()).toEqual(FIELDS);
  await expect(after.body).toBeVisible();
  expect(await after.body.innerHTML()).toBe(bodyBefore);
  await expect(after.wordCount).toHaveText(wordsBefore!);
  await expect(reopened.page.getByRole('region', { name: 'Lead image' }).locator('img')).toBeVisible();
  await expect(after.storyButton(FIELDS.headline)).toBeVisible();

  const onDisk = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(onDisk).toMatchObject({ schemaVersion: 2, id, ...FIELDS, image: { width: 1200, height: 800, mimeType: 'image/png' } });
});

test('closing the app right after typing keeps every word', async ({ app, launchApp }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill('Typed just before quitting');
  await window.body.click();
  await app.page.keyboard.type('The last sentence, typed a moment before the window closed.');
  await app.close();

  const reopened = new CopydeskWindow((await launchApp()).page);
  await expect(reopened.field('headline')).toHaveValue('Typed just before quitting');
  await expect(reopened.body).toHaveText('The last sentence, typed a moment before the window closed.');
});

test('autosave shows Unsaved changes, Saving… and Saved as the writer types', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.expectSaved().catch(() => undefined);
  await app.page.evaluate(() => {
    const status = document.querySelector('[data-testid="save-status"]')!;
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => {
      if (seen.at(-1) !== status.textContent) seen.push(status.textContent ?? '');
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await window.field('headline').pressSequentially('Autosave is visible');
  await expect(window.saveStatus).toHaveText('Unsaved changes');
  await window.expectSaved();
  const seen = await app.page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
  expect(seen.filter((state, i) => state !== seen[i - 1])).toEqual(['Unsaved changes', 'Saving…', 'Saved']);
});

test('a save that fails keeps the text, says why, and succeeds on retry', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  const id = await window.newStory();
  await window.expectSaved().catch(() => undefined);
  const stories = path.join(app.libraryDir, 'stories');
  // The library folder goes away under the app (a drive unplugged, a sync client moving it).
  await rm(stories, { recursive: true });
  await writeFile(stories, 'not a folder');

  await window.field('headline').fill('Written while the disk was gone');
  await expect(window.saveStatus).toHaveText(/^Not saved: .*library.* — retrying$/);
  await expect(window.field('headline')).toHaveValue('Written while the disk was gone');

  await rm(stories);
  await mkdir(stories);
  await window.expectSaved();
  const onDisk = JSON.parse(await readFile(path.join(stories, `${id}.json`), 'utf8'));
  expect(onDisk.headline).toBe('Written while the disk was gone');
});
