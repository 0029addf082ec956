import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('History shows what changed since a version, word by word, and restoring it keeps the current one too', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill('Port reopens');
  await window.body.click();
  await app.page.keyboard.type('Ships return to the port.');
  await window.expectSaved();
  // A status change keeps the story as it was first.
  await window.status.selectOption({ label: 'Editing' });
  await expect(window.statusRecord).toContainText('Editing');
  await window.body.click();
  await app.page.keyboard.press('ControlOrMeta+End');
  await app.page.keyboard.type(' Crews cheer.');

  let history = await window.openHistory();
  const versions = history.getByRole('navigation', { name: 'Versions' }).getByRole('button');
  await expect(versions.first()).toContainText('Before a status change');
  await versions.first().click();
  await expect(history.getByRole('status')).toHaveText('Compared with the current story: Body changed.');
  const body = history.locator('[data-field="body"]');
  await expect(body.locator('ins')).toHaveText(' Crews cheer.');
  await expect(body.locator('del')).toHaveCount(0);
  await expect(body).toContainText('Ships return to the port.');

  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(history).toBeHidden();
  await expect(window.body).toHaveText('Ships return to the port.');
  await expect(window.field('headline')).toHaveValue('Port reopens');
  await expect(window.status).toHaveValue('editing');

  // Nothing is lost: the version before the restore is in History.
  history = await window.openHistory();
  await expect(versions.first()).toContainText('Before a restore');
  await versions.first().click();
  await expect(history.locator('[data-field="body"] del')).toHaveText(' Crews cheer.');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeHidden();
  await window.body.click();
  await app.page.keyboard.type('More. ');
  await window.expectSaved();
});
