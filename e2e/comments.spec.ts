import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('a comment pinned to text is answered, resolved, survives a restart, is reopened and selects its text, and is in no export', async ({ app, launchApp, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Ed Editor');
  const id = await window.newStory();
  await window.field('headline').fill('Harbour dredging delayed');
  await window.body.click();
  await app.page.keyboard.type('The harbour dredging is delayed until spring.');
  await app.page.keyboard.press('ArrowLeft');
  await window.selectBack('until spring'.length);

  await window.addComment('Which spring?');
  await expect(window.body.locator('.cd-comment-anchor')).toHaveText('until spring');
  const thread = window.comments.getByRole('listitem', { name: 'Comment on “until spring”' });
  await expect(thread).toContainText('Which spring?');
  await expect(thread).toContainText('Ed Editor');

  // The writer answers, corrects her answer, and resolves the thread.
  await window.setUserName('Wanda Writer');
  await thread.getByLabel('Reply').fill('Spring 2027.');
  await thread.getByRole('button', { name: 'Send reply' }).click();
  await expect(thread).toContainText('Spring 2027.');
  // Only one's own messages can be edited or deleted.
  await expect(thread.getByRole('button', { name: /^Edit comment: Which spring/ })).toHaveCount(0);
  await thread.getByRole('button', { name: 'Edit comment: Spring 2027.' }).click();
  await thread.getByLabel('Edit your comment').fill('Spring 2027, the port says.');
  await thread.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(thread).toContainText('Spring 2027, the port says.');
  await expect(thread).toContainText('(edited)');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(window.comments.getByRole('list', { name: 'Open comments' }).getByRole('listitem')).toHaveCount(0);
  await expect(window.comments.getByText('Resolved (1)')).toBeVisible();
  await window.expectSaved();

  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(stored.comments).toEqual([
    expect.objectContaining({
      anchor: { quote: 'until spring' },
      resolved: true,
      messages: [expect.objectContaining({ author: 'Ed Editor', text: 'Which spring?' }), expect.objectContaining({ author: 'Wanda Writer', text: 'Spring 2027, the port says.' })],
    }),
  ]);

  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(window.notice('Exported to')).toBeVisible();
  const html = await readFile(path.join(workDir, 'harbour-dredging-delayed', 'index.html'), 'utf8');
  expect(html).toContain('The harbour dredging is delayed until spring.');
  for (const secret of ['Which spring?', 'Spring 2027', 'Ed Editor', 'Wanda Writer', 'data-comment', 'cd-comment-anchor']) expect(html).not.toContain(secret);
  await app.close();

  const again = new CopydeskWindow((await launchApp()).page);
  await again.comments.getByText('Resolved (1)').click();
  const kept = again.comments.getByRole('listitem', { name: 'Comment on “until spring”' });
  await expect(kept).toContainText('Which spring?');
  await expect(kept).toContainText('Spring 2027, the port says.');
  await kept.getByRole('button', { name: 'Reopen' }).click();
  const reopened = again.comments.getByRole('list', { name: 'Open comments' }).getByRole('listitem', { name: 'Comment on “until spring”' });
  await expect(reopened).toBeVisible();
  await reopened.getByRole('button', { name: '“until spring”' }).click();
  await expect.poll(() => again.page.evaluate(() => document.getSelection()?.toString())).toBe('until spring');

  // Deleting the commented words keeps the thread, "on deleted text".
  await again.page.keyboard.press('Backspace');
  await expect(reopened.or(again.comments.getByRole('listitem', { name: 'Comment on “until spring”' }))).toContainText('On deleted text: “until spring”');
});
