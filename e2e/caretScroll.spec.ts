import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/**
 * Where the caret is against the story pane (the scroll container): inside it, above it or below it. In an empty
 * paragraph, where a collapsed range has no box, the paragraph's box stands for the caret.
 */
async function caretPlace(page: Page): Promise<'inside' | 'above' | 'below'> {
  return page.evaluate(() => {
    const selection = window.getSelection()!;
    let caret = selection.getRangeAt(0).getBoundingClientRect();
    if (caret.height === 0) {
      const node = selection.focusNode!;
      caret = (node instanceof Element ? node : node.parentElement!).getBoundingClientRect();
    }
    const pane = document.querySelector('.main')!.getBoundingClientRect();
    if (caret.top < pane.top) return 'above';
    if (caret.bottom > pane.bottom) return 'below';
    return 'inside';
  });
}

const paneScroll = (page: Page) => page.locator('.main').evaluate((pane) => pane.scrollTop);

test('the caret stays in view as a writer writes past the bottom of the pane, and comes back into view when typing resumes after scrolling away', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  // Enter is ProseMirror's own edit (the browser does not scroll for it): after each, the new line is in view.
  for (let line = 1; line <= 45; line += 1) {
    await app.page.keyboard.insertText(`Line ${line} of a story long enough to scroll.`);
    await app.page.keyboard.press('Enter');
    if (line % 5 === 0) await expect.poll(() => caretPlace(app.page), { message: `after line ${line}` }).toBe('inside');
  }
  await app.page.keyboard.type('The end.');
  expect(await paneScroll(app.page)).toBeGreaterThan(0);
  await expect.poll(() => caretPlace(app.page)).toBe('inside');

  // Scrolled back to the top (the caret now below the pane): the next key brings the caret back into view, a typed
  // character or an Enter.
  for (const key of ['!', 'Enter']) {
    await app.page.locator('.main').evaluate((pane) => pane.scrollTo(0, 0));
    await expect.poll(() => caretPlace(app.page)).toBe('below');
    await app.page.keyboard.press(key);
    await expect.poll(() => caretPlace(app.page), { message: key }).toBe('inside');
  }
  await expect(window.body).toContainText('The end.!');
});

test('typing in a paragraph in view leaves the pane where it is', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  for (let line = 1; line <= 40; line += 1) {
    await app.page.keyboard.insertText(`Paragraph ${line}.`);
    await app.page.keyboard.press('Enter');
  }
  const paragraph = window.body.getByText('Paragraph 20.', { exact: true });
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await app.page.keyboard.press('End');
  const before = await paneScroll(app.page);
  await app.page.keyboard.type(' More words');
  await expect(window.body.getByText('Paragraph 20. More words', { exact: true })).toBeVisible();
  expect(await paneScroll(app.page)).toBe(before);
  expect(await caretPlace(app.page)).toBe('inside');
});

test('text brought into view from far down the story shows below the sticky toolbar, not under it', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('The harbour dredging is delayed until spring.');
  await app.page.keyboard.press('ArrowLeft');
  await window.selectBack('until spring'.length);
  await window.addComment('Which spring?');
  await window.body.click();
  await app.page.keyboard.press('Control+End');
  for (let line = 1; line <= 40; line += 1) {
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.insertText(`Paragraph ${line}.`);
  }
  await app.page.locator('.main').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  await expect(window.toolbar).toBeInViewport();

  // The comment's quote selects its text in the body, scrolled into view: below the toolbar, which stays stuck on top.
  await window.comments.getByRole('listitem', { name: 'Comment on “until spring”' }).getByTitle('Select this text in the body').click();
  await expect.poll(() => app.page.evaluate(() => document.getSelection()!.toString())).toBe('until spring');
  const place = await app.page.evaluate(() => {
    const selected = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const toolbar = document.querySelector('[role="toolbar"][aria-label="Formatting"]')!.getBoundingClientRect();
    const pane = document.querySelector('.main')!.getBoundingClientRect();
    return { belowToolbar: selected.top >= toolbar.bottom, inPane: selected.bottom <= pane.bottom, toolbarStuck: toolbar.top <= pane.top + 1 };
  });
  expect(place).toEqual({ belowToolbar: true, inPane: true, toolbarStuck: true });
});
