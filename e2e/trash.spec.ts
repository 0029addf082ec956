import { access } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

async function twoStories(window: CopydeskWindow): Promise<string> {
  await window.newStory();
  await window.field('headline').fill('Keep this one');
  await window.expectSaved();
  const id = await window.newStory();
  await window.field('headline').fill('Rail strike called off');
  return id;
}

test('a story moved to Trash comes back with Undo, edits included', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await twoStories(window);
  await window.field('dek').fill('Unions accept the offer');
  await window.button('Move to Trash').click();

  const toast = window.notice('Moved “Rail strike called off” to Trash');
  await expect(toast).toBeVisible();
  await expect(window.storyButton('Rail strike called off')).toHaveCount(0);
  await expect(app.page.locator('[data-story-id]')).toHaveCount(0);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(window.storyButton('Rail strike called off')).toBeVisible();
  await expect(window.field('headline')).toHaveValue('Rail strike called off');
  await expect(window.field('dek')).toHaveValue('Unions accept the offer');
});

test('a story is restored from the Trash view', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await twoStories(window);
  await window.button('Move to Trash').click();
  await expect(window.notice(/Moved .* to Trash/)).toBeVisible();

  await window.trashToggle.click();
  await expect(window.trashToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(window.trash.getByRole('listitem')).toHaveCount(1);
  await window.trash.getByRole('button', { name: 'Restore Rail strike called off' }).click();
  await expect(window.trash.getByText('The Trash is empty.')).toBeVisible();

  await window.trashToggle.click();
  await expect(window.storyButton('Rail strike called off')).toBeVisible();
  await window.storyButton('Rail strike called off').click();
  await expect(window.field('headline')).toHaveValue('Rail strike called off');
});

test('emptying the Trash asks first, and Cancel keeps the stories', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  const id = await twoStories(window);
  await window.button('Move to Trash').click();
  await expect(window.notice(/Moved .* to Trash/)).toBeVisible();
  await window.trashToggle.click();

  await window.button('Empty Trash…').click();
  const ask = app.page.getByRole('alertdialog', { name: 'Empty the Trash?' });
  await expect(ask).toContainText('cannot be undone');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(window.trash.getByRole('listitem')).toHaveCount(1);

  await window.button('Empty Trash…').click();
  await ask.getByRole('button', { name: 'Empty Trash' }).click();
  await expect(window.page.getByRole('status').filter({ hasText: 'Deleted 1 story for good' })).toBeVisible();
  await expect(window.trash.getByText('The Trash is empty.')).toBeVisible();
  await expect(access(path.join(app.libraryDir, 'stories', `${id}.json`))).rejects.toThrow();
});

test('Duplicate opens a copy of the story beside the original', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Economy', headline: 'Yen slides', dek: 'Lowest since 1990' });
  await window.button('Duplicate').click();
  await expect(window.field('headline')).toHaveValue('Yen slides (copy)');
  await expect(window.field('dek')).toHaveValue('Lowest since 1990');
  await expect(window.storyButton('Yen slides')).toBeVisible();
  await expect(window.storyButton('Yen slides (copy)')).toHaveAttribute('aria-current', 'true');
});
