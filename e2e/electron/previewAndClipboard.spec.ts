import { hasElectronBinary } from './hasElectronBinary.js';
import { expect, test } from './electronTest.js';

test.skip(!hasElectronBinary(), 'No Electron binary on this machine: the closed network cannot download it (see README)');

// The Chromium harness cannot see two things only the Electron shell decides: whether the window's navigation rules
// let the preview's about:srcdoc frame load, and whether its permission rules let the page write to the clipboard.

test('the preview frame loads in the Electron window, sandboxed, with the export stylesheet applied', async ({ appWindow }) => {
  await appWindow.getByRole('button', { name: 'New story' }).first().click();
  await appWindow.getByLabel('Headline', { exact: true }).fill('Talks resume in Sweden');
  await expect(appWindow.getByTestId('save-status')).toHaveText('Saved');
  await appWindow.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(appWindow.locator('iframe[title="Exported document"]')).toHaveAttribute('sandbox', '');
  await expect(appWindow.frameLocator('iframe[title="Exported document"]').locator('h1')).toHaveText('Talks resume in Sweden');
  const frame = appWindow.frames().find((candidate) => candidate.url() === 'about:srcdoc');
  expect(await frame?.evaluate(() => [self.origin, getComputedStyle(document.querySelector('h1')!).fontFamily])).toEqual([
    'null',
    expect.stringContaining('Georgia'),
  ]);
});

test('Copy for CMS puts the fragment on the system clipboard', async ({ electronApp, appWindow }) => {
  await appWindow.getByRole('button', { name: 'New story' }).first().click();
  await appWindow.getByLabel('Headline', { exact: true }).fill('Talks resume in Sweden');
  await appWindow.getByRole('button', { name: 'Copy for CMS', exact: true }).click();
  await expect(appWindow.getByRole('status').filter({ hasText: 'Copied the CMS fragment' })).toBeVisible();
  const copied = await electronApp.evaluate(({ clipboard }) => clipboard.readText());
  expect(copied).toMatch(/^<article class="cd-story" lang="en">\n[\s\S]*<h1 class="cd-story__headline">Talks resume in Sweden<\/h1>[\s\S]*<\/article>\n$/);
});
