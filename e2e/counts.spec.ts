import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('the headline and dek counters follow the typing and warn over the library’s limits', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  const headline = app.page.getByTestId('headline-counter');
  const dek = app.page.getByTestId('dek-counter');
  await expect(headline).toHaveText('0 / 70');
  await expect(dek).toHaveText('0 / 160');

  await window.field('headline').fill('x'.repeat(64));
  await expect(headline).toHaveText('64 / 70');
  await expect(headline).not.toHaveClass(/is-over/);
  await window.field('headline').pressSequentially('y'.repeat(8));
  await expect(headline).toContainText('72 / 70');
  await expect(headline).toHaveClass(/is-over/);
  await expect(window.field('headline')).toHaveAccessibleDescription(/72 \/ 70 characters, over the limit/);

  await window.field('dek').fill('A dek of moderate length.');
  await expect(dek).toHaveText('25 / 160');
});

test('the body shows its words, characters and reading time', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await expect(window.wordCount).toHaveText('0 words');
  await expect(app.page.getByTestId('reading-time')).toHaveText('0 min read');
  await window.body.click();
  await app.page.keyboard.type('Quake hits Noto.');
  await expect(window.wordCount).toHaveText('3 words');
  await expect(app.page.getByTestId('character-count')).toHaveText('16 characters');
  await expect(app.page.getByTestId('reading-time')).toHaveText('1 min read');
});

test('the library’s limits are set in Settings and the counters follow them', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.field('headline').fill('x'.repeat(64));
  const dialog = await window.openSettings();
  await dialog.getByLabel('Headline limit', { exact: true }).fill('60');
  await dialog.getByLabel('Dek limit', { exact: true }).fill('120');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByTestId('headline-counter')).toContainText('64 / 60');
  await expect(app.page.getByTestId('headline-counter')).toHaveClass(/is-over/);
  await expect(app.page.getByTestId('dek-counter')).toHaveText('0 / 120');
});
