import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/** What the native menu does: sends a libraryMenuCommand event to the window. */
async function menu(page: Page, command: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as { __copydeskEmit(e: string, p: unknown): void }).__copydeskEmit('libraryMenuCommand', name), command);
}

test('a saved story changed on disk from outside is reloaded, and the list follows', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  const id = await window.newStory();
  await window.field('headline').fill('Before the pull');
  await window.expectSaved();

  const file = path.join(app.libraryDir, 'stories', `${id}.json`);
  const theirs = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...theirs, revision: theirs.revision + 1, headline: 'After the pull', updatedAt: new Date().toISOString() }, null, 2));

  await expect(window.notice('“After the pull” was changed outside Copydesk; this is the new version.')).toBeVisible();
  await expect(window.field('headline')).toHaveValue('After the pull');
  await expect(window.storyButton('After the pull')).toBeVisible();
  await window.field('headline').fill('After the pull, edited');
  await window.expectSaved();
});

test('the Story menu sets the status, File > Sections… manages the list, and File > Open Library switches to another library', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill('In the first library');
  await menu(app.page, 'status-ready');
  await expect(window.status).toHaveValue('ready');

  await menu(app.page, 'sections');
  await window.addSection('Tokyo Report');
  await expect(window.sectionNames()).toHaveText(['Tokyo Report']);
  await window.sectionsDialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(window.sectionsDialog).toBeHidden();

  const other = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-other-'));
  await app.answerNextLibraryDialog(other);
  await menu(app.page, 'open-library');
  await expect(window.notice(/^Opened the library/)).toBeVisible();
  await expect(window.storyButton('In the first library')).toHaveCount(0);
  await expect(app.page.getByRole('heading', { name: 'No stories yet' })).toBeVisible();
  // The story was saved in its own library before the switch.
  const files = await readdir(path.join(app.libraryDir, 'stories'));
  const saved = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(app.libraryDir, 'stories', name), 'utf8'))));
  expect(saved).toEqual([expect.objectContaining({ headline: 'In the first library', status: 'ready' })]);
  await app.close();
  await rm(other, { recursive: true, force: true });
});
