import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/** Presses Tab until the element with focus matches `selector` (at most `limit` times); returns how many presses. */
async function tabTo(page: Page, selector: string, limit = 25): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return presses;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element shows where the focus is: an outline or a ring drawn with box-shadow. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, shadow: style.boxShadow !== 'none' };
  });
  expect(ring.outline || ring.shadow, 'the focused control shows a focus ring').toBe(true);
}

test('a story goes from New story to Export with the keyboard alone', async ({ app, workDir }) => {
  const { page } = app;
  const window = new CopydeskWindow(page);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await page.locator('body').press('ControlOrMeta+N');
  await expect(window.field('headline')).toBeFocused();

  await page.keyboard.type('Council approves the harbour plan');
  await page.keyboard.press('Enter');
  await expect(window.field('dek')).toBeFocused();
  await page.keyboard.type('After a decade of delays, the vote was eleven to four.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Suggest a dek' }), 'an editor can propose a dek from the keyboard').toBeFocused();
  await page.keyboard.press('Tab');
  await expect(window.field('byline')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type('Jane Doe');

  await tabTo(page, '.story-body');
  await page.keyboard.type('The council voted on Tuesday. ');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type('Work starts in May.');
  await page.keyboard.press('ControlOrMeta+B');
  await expect(window.body.locator('strong')).toHaveText('Work starts in May.');

  // Above the body: the Suggesting switch, then the toolbar, one stop whose arrows move within it.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: /^Suggesting/ })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.toolbar-button:focus')).toHaveCount(1);
  await expectVisibleFocus(page);

  // The workflow status, from the side panel.
  const status = page.getByLabel('Status', { exact: true });
  await tabTo(page, 'select');
  await expect(status).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(status).not.toHaveValue('draft');
  await window.expectSaved();

  const out = path.join(workDir, 'exports');
  await mkdir(out);
  await app.answerNextExportDialog(out);
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(window.notice('Exported to')).toBeVisible();
  expect(await readdir(out)).toEqual(['council-approves-the-harbour-plan']);

  // The notice's Dismiss button is reachable too, and Enter presses it.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await tabTo(page, '.notice-dismiss', 60);
  await expect(dismiss).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(window.notice('Exported to')).toBeHidden();
});

test('Ctrl/Cmd+K in the body adds a link to the selected words, and on a link opens it to edit', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('Read the report');
  await window.selectBack('report'.length);
  await app.page.keyboard.press('ControlOrMeta+k');
  const add = app.page.getByRole('dialog', { name: 'Add link' });
  await expect(add.getByLabel('URL')).toBeFocused();
  await app.page.keyboard.type('https://example.com/report');
  await app.page.keyboard.press('Enter');
  await expect(add).toBeHidden();
  await expect(window.body.locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await expect(window.body.locator('a')).toHaveText('report');

  // The caret inside the link (the selection collapsed to its start, then two letters in): the same keys open it to
  // edit, with its address filled in.
  for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowRight']) await app.page.keyboard.press(key);
  await app.page.keyboard.press('ControlOrMeta+k');
  const edit = app.page.getByRole('dialog', { name: 'Edit link' });
  await expect(edit.getByLabel('URL')).toHaveValue('https://example.com/report');
  await app.page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(window.body).toBeFocused();
});
