import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makePng } from './fixtures/makePng.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('preflight blocks Ready on a missing alt text, takes the writer to the field, and clears when it is added', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Japan-North Korea talks to resume', byline: 'Ankit Panda' });
  await window.body.click();
  await app.page.keyboard.type('Talks resume on Monday. The the delegation arrives "tomorrow".');
  await writeFile(path.join(workDir, 'flags.png'), makePng(300, 200));
  await app.answerNextImageDialog(path.join(workDir, 'flags.png'));
  await app.page.getByRole('button', { name: 'Choose image…' }).click();
  await window.fill({ imageCredit: 'Shutterstock', imageCaption: 'The flags of Japan and North Korea.' });

  const panel = app.page.getByRole('region', { name: 'Preflight' });
  const problems = panel.getByRole('list', { name: 'Preflight problems' });
  await expect(panel.getByRole('status')).toHaveText('1 problem blocks Ready and export · 3 warnings.');
  await expect(problems.getByRole('button')).toHaveText([
    /^BlocksLead image alt textThe lead image has no alt text\.$/,
    /Repeated words.*“The” appears twice in a row/,
    /Straight quotes/,
    /Straight quotes/,
  ]);
  // The checks that pass are behind a button (not a <details>: see ui/Disclosure.tsx), opened from the keyboard.
  const passes = panel.getByRole('button', { name: /^\d+ checks pass$/ });
  await expect(passes).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByRole('list', { name: 'Checks that pass' })).toHaveCount(0);
  await passes.focus();
  await app.page.keyboard.press('Enter');
  await expect(passes).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('list', { name: 'Checks that pass' }).getByText('Headline', { exact: true })).toBeVisible();
  await panel.screenshot({ path: 'test-results/screenshots/preflight-panel-passes.png' });
  await app.page.keyboard.press('Space');
  await expect(passes).toHaveAttribute('aria-expanded', 'false');
  await panel.screenshot({ path: 'test-results/screenshots/preflight-panel.png' });

  await window.status.selectOption({ label: 'Ready' });
  await expect(window.statusRecord.locator('..')).toContainText('Preflight stops moving this story to Ready: The lead image has no alt text');
  await expect(window.status).toHaveValue('draft');

  // A click on a problem goes where it is: the field, or the words in the body.
  await problems.getByRole('button', { name: /Lead image alt text/ }).click();
  await expect(window.field('imageAlt')).toBeFocused();
  await app.page.keyboard.type('The national flags of Japan and North Korea side by side.');
  await problems.getByRole('button', { name: /Repeated words/ }).click();
  await expect(window.body).toBeFocused();
  await expect.poll(() => app.page.evaluate(() => document.getSelection()?.toString())).toBe('The the');
  await app.page.keyboard.type('The');

  await expect(panel.getByRole('status')).toHaveText('2 warnings.');
  await window.status.selectOption({ label: 'Ready' });
  await expect(window.statusRecord).toContainText('Ready');
  await expect(window.status).toHaveValue('ready');
});

test('export is stopped by a blocking check, with the reasons shown, and nothing is written', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Talks TK', byline: 'Ankit Panda' });
  await window.body.click();
  await app.page.keyboard.type('The minister said XX delegates will attend.');
  const panel = app.page.getByRole('region', { name: 'Preflight' });
  await expect(panel.getByRole('status')).toHaveText('2 problems block Ready and export.');

  await app.answerNextExportDialog(workDir);
  await app.page.getByRole('button', { name: 'Export HTML…' }).click();
  await expect(app.page.getByRole('alert').filter({ hasText: 'Export failed' })).toContainText(
    'Preflight stops the export: In the headline: Placeholder “TK” is still in the text; Placeholder “XX” is still in the text (paragraph 1).',
  );
  expect(await readdir(workDir)).toEqual([]);
});

test('Settings choose which checks block: a placeholder set to warn no longer stops export', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Talks TK', byline: 'Ankit Panda' });
  await window.body.click();
  await app.page.keyboard.type('Talks resume.');
  const settings = await window.openSettings();
  await settings.getByLabel('Placeholder text (TK, XX, [link], lorem ipsum)').selectOption({ label: 'Warn' });
  await settings.screenshot({ path: 'test-results/screenshots/preflight-settings.png' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  const panel = app.page.getByRole('region', { name: 'Preflight' });
  await expect(panel.getByRole('status')).toHaveText('1 warning.');
  await app.answerNextExportDialog(workDir);
  await app.page.getByRole('button', { name: 'Export HTML…' }).click();
  await expect(window.notice('Exported to')).toBeVisible();
});
