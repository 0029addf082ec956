import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const SCREENSHOTS = 'test-results/screenshots';

/** Nothing on the page is wider than its box: the window, and each column, scroll only up and down. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() =>
    ['html', '.topbar', '.workspace', '.sidebar', '.main', '.preview-pane']
      .flatMap((selector) => [...document.querySelectorAll<HTMLElement>(selector)])
      .filter((element) => element.offsetParent !== null || element === document.documentElement)
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`),
  );
  expect(overflowing).toEqual([]);
}

test('a long headline wraps and shows every word as it is typed; Enter still moves on to the dek', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 820 });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  const headline = window.field('headline');
  await headline.fill('Short');
  const oneLine = await headline.evaluate((element) => element.clientHeight);

  const long = 'Council approves the harbour redevelopment after a decade of delays, objections and three public inquiries';
  await headline.fill(long);
  const box = await headline.evaluate((element) => ({ height: element.clientHeight, content: element.scrollHeight }));
  expect(box.height).toBeGreaterThan(oneLine);
  expect(box.content).toBeLessThanOrEqual(box.height + 1);

  await headline.press('End');
  await headline.press('Enter');
  await expect(window.field('dek')).toBeFocused();
  await expect(headline).toHaveValue(long);

  // A pasted line break becomes a space: a headline is one line of text, however many lines it takes on screen.
  await headline.fill('Harbour plan approved\nafter a decade');
  await expect(headline).toHaveValue('Harbour plan approved after a decade');
  await window.fill({ byline: 'Jane Doe\nTokyo' });
  await expect(window.field('byline')).toHaveValue('Jane Doe Tokyo');
});

test('at 900 px with the preview open the story list steps aside, and the Story list button and its shortcut bring it back', async ({ app }) => {
  await app.page.setViewportSize({ width: 900, height: 700 });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ headline: 'Harbour plan approved', dek: 'After a decade of delays.' });
  const toggle = app.page.getByRole('button', { name: 'Story list', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(window.storyList).toBeVisible();

  await window.button('Preview').click();
  await expect(window.preview).toBeVisible();
  await expect(window.storyList).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expectNoSidewaysScroll(app.page);

  await toggle.click();
  await expect(window.storyList).toBeVisible();
  await expect(window.storyButton('Harbour plan approved')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expectNoSidewaysScroll(app.page);
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/narrow-900-preview-and-list.png` });

  await window.field('dek').focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+L');
  await expect(window.storyList).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

test('at 800 px wide the window holds without scrolling sideways, with and without the preview', async ({ app }) => {
  await app.page.setViewportSize({ width: 800, height: 700 });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Council approves the harbour redevelopment after a decade of delays', byline: 'Jane Doe' });
  await window.body.click();
  await app.page.keyboard.type('The vote was close.');
  await expectNoSidewaysScroll(app.page);
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/narrow-800.png` });

  await window.button('Preview').click();
  await expect(window.preview).toBeVisible();
  await expectNoSidewaysScroll(app.page);
  await app.page.screenshot({ path: `${SCREENSHOTS}/narrow-800-preview.png` });
});
