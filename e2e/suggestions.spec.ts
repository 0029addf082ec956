import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('an editor suggests a headline and a body deletion; they survive a restart, stay out of the export, and the writer accepts one and rejects the other', async ({ app, launchApp, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Wanda Writer');
  const id = await window.newStory();
  await window.field('headline').fill('Council backs budget');
  await window.body.click();
  await app.page.keyboard.type('The council backed the budget on Tuesday night.');
  await window.expectSaved();

  // The editor's turn: a headline suggestion, and Suggesting mode for the body.
  await window.setUserName('Ed Editor');
  await window.button('Suggest a headline').click();
  await app.page.getByLabel('Suggested headline', { exact: true }).fill('Council approves budget');
  await app.page.keyboard.press('Enter');
  const headlineSuggestion = app.page.getByRole('group', { name: 'Suggested headline' });
  await expect(headlineSuggestion).toContainText('Ed Editor suggests');
  await expect(headlineSuggestion).toContainText('Council approves budget');
  await expect(headlineSuggestion.locator('del')).toHaveText('backs');
  await expect(headlineSuggestion.locator('ins')).toHaveText('approves');
  await expect(window.field('headline')).toHaveValue('Council backs budget');

  const suggesting = window.suggestedEdits.getByRole('button', { name: /^Suggesting/ });
  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'true');
  await window.body.click();
  await app.page.keyboard.press('ControlOrMeta+End');
  await app.page.keyboard.press('ArrowLeft');
  await window.selectBack(' on Tuesday night'.length);
  await app.page.keyboard.press('Backspace');
  // The deleted words stay, struck through, until the writer decides.
  await expect(window.body.locator('del')).toHaveText(' on Tuesday night');
  await expect(window.body).toContainText('The council backed the budget on Tuesday night.');
  await expect(window.suggestedEdits).toContainText('1 suggestion');
  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'false');
  await window.expectSaved();

  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(stored.fieldSuggestions.headline).toMatchObject({ proposed: 'Council approves budget', author: 'Ed Editor' });
  expect(JSON.stringify(stored.body)).toMatch(/"type":"deletion","attrs":\{"id":"[^"]+","author":"Ed Editor","at":"/);

  // Pending suggestions stop an export by default (preflight); a library that lets them through publishes the text as
  // the writer accepted it: the original headline and the words still there.
  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(app.page.getByRole('alert').filter({ hasText: 'Export failed' })).toContainText('Preflight stops the export');
  const settings = await window.openSettings();
  await settings.getByLabel('Pending suggestions').selectOption({ label: 'Warn' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(window.notice('Exported to')).toBeVisible();
  const html = await readFile(path.join(workDir, 'council-backs-budget', 'index.html'), 'utf8');
  expect(html).toContain('The council backed the budget on Tuesday night.');
  expect(html).not.toContain('Council approves budget');
  expect(html).not.toMatch(/<del\b|Ed Editor/);
  await app.close();

  // The writer's turn, after a restart: accept the headline, reject the deletion.
  const again = new CopydeskWindow((await launchApp()).page);
  await again.setUserName('Wanda Writer');
  await expect(again.body.locator('del')).toHaveText(' on Tuesday night');
  await again.button('Accept headline').click();
  await expect(again.field('headline')).toHaveValue('Council approves budget');
  await again.body.locator('del').click();
  const current = again.suggestedEdits.getByRole('group', { name: 'This suggestion' });
  await expect(current).toContainText('Deleted “on Tuesday night” by Ed Editor');
  await current.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(again.body.locator('del')).toHaveCount(0);
  // Undo brings the suggestion back; redo rejects it again.
  await again.page.keyboard.press('ControlOrMeta+z');
  await expect(again.body.locator('del')).toHaveText(' on Tuesday night');
  await again.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(again.body.locator('del')).toHaveCount(0);
  await expect(again.body).toContainText('The council backed the budget on Tuesday night.');
  await again.expectSaved();

  const after = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(after.headline).toBe('Council approves budget');
  expect(after.fieldSuggestions).toEqual({});
  expect(JSON.stringify(after.body)).not.toContain('deletion');
});

test('the side list shows each pending suggestion in document order with who made it; a click selects its text, and each is accepted or rejected from the list', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Ed Editor');
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('The council backed the budget on Tuesday night.');
  await window.expectSaved();
  const panel = app.page.getByRole('region', { name: /^Suggestions/ });
  await expect(panel).toContainText('No suggested edits in the body.');

  // Two suggestions: a deletion near the end first, then an insertion near the start.
  await window.suggestedEdits.getByRole('button', { name: /^Suggesting/ }).click();
  await window.body.click();
  await app.page.keyboard.press('ControlOrMeta+End');
  await app.page.keyboard.press('ArrowLeft');
  await window.selectBack(' on Tuesday night'.length);
  await app.page.keyboard.press('Backspace');
  await app.page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 'The council '.length; i += 1) await app.page.keyboard.press('ArrowRight');
  await app.page.keyboard.type('narrowly ');

  const items = panel.getByRole('list', { name: 'Pending suggestions' }).getByRole('listitem');
  await expect(panel.getByRole('heading')).toHaveText('Suggestions (2)');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Inserted “narrowly”');
  await expect(items.nth(1)).toContainText('Deleted “on Tuesday night”');
  await expect(items.nth(0)).toContainText('Ed Editor');
  await panel.screenshot({ path: test.info().outputPath('suggestions-side-list.png') });

  // A click on one selects its text in the body.
  await items.nth(1).getByRole('button', { name: 'Deleted “on Tuesday night”', exact: true }).click();
  await expect(window.body).toBeFocused();
  expect(await app.page.evaluate(() => getSelection()?.toString())).toBe(' on Tuesday night');

  await panel.getByRole('button', { name: 'Accept: Inserted “narrowly”' }).click();
  await panel.getByRole('button', { name: 'Reject: Deleted “on Tuesday night”' }).click();
  await expect(window.body).toHaveText('The council narrowly backed the budget on Tuesday night.');
  await expect(window.body.locator('ins, del')).toHaveCount(0);
  await expect(panel).toContainText('No suggested edits in the body.');
});

// The library suggests a change of block by marking the block, which the story's schema does not allow: rather than
// doing nothing without a word, the app says so, keeps the text as it was, and makes the change once Suggesting is off.
test('a subhead, quote or list asked for in Suggesting mode is not made, and the writer is told why and what to do', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('Budget vote');
  const suggesting = window.suggestedEdits.getByRole('button', { name: /^Suggesting/ });
  await suggesting.click();
  await window.body.locator('p').click();

  const refused = app.page.getByRole('alert').filter({ hasText: 'Subheads, quotes and lists cannot be suggested yet, so that change was not made.' });
  for (const tool of ['H2 subhead', 'Quote', 'Bulleted list']) {
    await window.tool(tool).click();
    await expect(refused).toContainText('Turn off Suggesting (Ctrl/Cmd+Alt+S) to make it.');
    await expect(window.body.locator('> *')).toHaveCount(1);
    await expect(window.body.locator('> p')).toHaveText('Budget vote');
    await refused.getByRole('button', { name: 'Dismiss' }).click();
    await expect(refused).toBeHidden();
  }
  // Typing still becomes a suggestion.
  await window.body.locator('p').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' tonight');
  await expect(window.body.locator('ins')).toHaveText(' tonight');

  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'false');
  await window.body.locator('p').click();
  await window.tool('H2 subhead').click();
  await expect(window.body.locator('> h2')).toContainText('Budget vote');
  await expect(refused).toBeHidden();
});
