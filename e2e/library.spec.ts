import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('the story list shows every story and opens the one clicked', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Talks to resume in Sweden' });
  await window.body.click();
  await app.page.keyboard.type('One two three four five.');
  await window.expectSaved();
  await app.page.keyboard.press('ControlOrMeta+N');
  await expect(window.field('headline')).toHaveValue('');
  await expect(window.storyButton('Untitled')).toBeVisible();
  await window.field('headline').fill('Diet session ends June 22');
  await window.expectSaved();

  const entries = window.storyList.getByRole('button');
  await expect(entries).toHaveCount(2);
  // Named by what it shows, headline first: voice control users say what they see.
  await expect(entries.first()).toHaveAccessibleName(/^Diet session ends June 22 .+ Draft 0 words$/);
  await expect(window.storyButton('Talks to resume in Sweden')).toContainText('Tokyo Report');

  await window.storyButton('Talks to resume in Sweden').click();
  await expect(window.field('headline')).toHaveValue('Talks to resume in Sweden');
  await expect(window.body).toHaveText('One two three four five.');
  await expect(window.wordCount).toHaveText('5 words');
  await expect(window.storyButton('Talks to resume in Sweden')).toHaveAttribute('aria-current', 'true');
});

test('a story file that does not parse is set aside and reported, and the other stories still open', async ({ libraryDir, launchApp }) => {
  await mkdir(path.join(libraryDir, 'stories'), { recursive: true });
  const good = {
    schemaVersion: 1,
    id: 'good-story',
    revision: 4,
    createdAt: '2026-05-20T09:00:00.000Z',
    updatedAt: '2026-05-21T10:30:00.000Z',
    section: 'Tokyo Report',
    headline: 'The story that still opens',
    dek: '',
    byline: '',
    image: null,
    imageCredit: '',
    imageCaption: '',
    imageAlt: '',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Intact.' }] }] },
  };
  await writeFile(path.join(libraryDir, 'stories', 'good-story.json'), JSON.stringify(good, null, 2));
  await writeFile(path.join(libraryDir, 'stories', 'half-synced.json'), '{ "schemaVersion": 1, "headline": "Cut o');

  const app = await launchApp();
  const window = new CopydeskWindow(app.page);
  await expect(app.page.getByTestId('library-problems')).toContainText('stories/half-synced.json');
  await expect(app.page.getByTestId('library-problems')).toContainText('quarantine/');
  await expect(window.field('headline')).toHaveValue('The story that still opens');
  await expect(window.body).toHaveText('Intact.');
});

test('the link dialog refuses a javascript: URL and says what it accepts', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('Click here');
  await window.selectBack('here'.length);
  await window.tool('Link').click();
  const dialog = app.page.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('URL').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Links must start with https://, http:// or mailto:');
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(window.body.locator('a')).toHaveCount(0);

  await window.addLink('https://example.com/report');
  await expect(window.body.locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await expect(window.body.locator('a')).toHaveText('here');
});

test('every field has a visible label and every toolbar button a name', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  for (const label of ['Section', 'Headline', 'Dek', 'Byline', 'Image credit', 'Caption', 'Alt text']) {
    await expect(app.page.getByText(label, { exact: true }).first()).toBeVisible();
    await expect(app.page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(app.page.getByText('Body', { exact: true })).toBeVisible();
  for (const name of ['Paragraph', 'H2 subhead', 'H3 minor subhead', 'Bold', 'Italic', 'Link', 'Remove link', 'Quote', 'Bulleted list', 'Numbered list', 'Undo', 'Redo']) {
    await expect(window.tool(name)).toHaveCount(1);
  }
  const unnamed = await app.page.locator('button').evaluateAll((buttons) =>
    buttons.filter((button) => !(button.getAttribute('aria-label') || button.textContent?.trim() || button.getAttribute('title'))).length,
  );
  expect(unnamed).toBe(0);
});

test('a story changed on disk by someone else is never overwritten: the writer keeps both versions', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  const id = await window.newStory();
  await window.field('headline').fill('Original headline');
  await window.expectSaved();
  // Another editor's change arrives through a synced folder or a git pull.
  const file = path.join(app.libraryDir, 'stories', `${id}.json`);
  const theirs = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...theirs, revision: theirs.revision + 1, headline: 'Their headline' }, null, 2));

  await window.field('headline').fill('My headline');
  await expect(window.saveStatus).toHaveText('Not saved: this story was changed elsewhere');
  await app.page.getByRole('button', { name: 'Keep my version as a new story' }).click();
  await expect(window.field('headline')).toHaveValue('My headline (my version)');
  await window.expectSaved();
  await expect(window.storyButton('My headline (my version)')).toBeVisible();
  expect(JSON.parse(await readFile(file, 'utf8')).headline).toBe('Their headline');
});
