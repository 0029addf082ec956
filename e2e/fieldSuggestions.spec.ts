import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeScan, describeViolations } from './harness/axeScan.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const SCREENSHOTS = 'test-results/screenshots';
const HINT = /Suggesting: your edit is a suggestion/;

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const serious = (await axeScan(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(describeViolations(serious), `serious or critical axe violations in ${view}`).toBe('');
}

async function storedStory(libraryDir: string, id: string) {
  return JSON.parse(await readFile(path.join(libraryDir, 'stories', `${id}.json`), 'utf8'));
}

test('in Suggesting mode edits to the headline, dek and byline are suggestions; after a restart the writer accepts one and rejects another', async ({
  app,
  launchApp,
}) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Wanda Writer');
  const id = await window.newStory();
  await window.fill({ headline: 'Council backs budget', dek: 'The vote was close.', byline: 'By Wanda Writer' });
  await window.expectSaved();

  // The editor turns Suggesting on: the fields say so, and what they type is a suggestion by them.
  await window.setUserName('Ed Editor');
  const suggesting = window.suggestedEdits.getByRole('button', { name: /^Suggesting/ });
  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'true');
  for (const name of ['headline', 'dek', 'byline'] as const) await expect(window.field(name)).toHaveAccessibleDescription(HINT);
  await expect(window.button('Suggest a headline')).toBeHidden();

  const headline = window.field('headline');
  await headline.click();
  await app.page.keyboard.press('ControlOrMeta+a');
  await app.page.keyboard.type('Council approves budget');
  await expect(headline).toHaveValue('Council approves budget');
  const headlineSuggestion = app.page.getByRole('group', { name: 'Suggested headline' });
  await expect(headlineSuggestion).toContainText('Ed Editor suggests');
  await expect(headlineSuggestion.locator('del')).toHaveText('backs');
  await expect(headlineSuggestion.locator('ins')).toHaveText('approves');

  await window.field('dek').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.type(' but clear');
  const dekSuggestion = app.page.getByRole('group', { name: 'Suggested dek' });
  await expect(dekSuggestion.locator('ins')).toHaveText('but clear');
  await window.field('byline').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' and Ed Editor');
  await expect(app.page.getByRole('group', { name: 'Suggested byline' }).locator('ins')).toHaveText('and Ed Editor');
  await headline.focus();
  await expect(app.page.locator('[data-preflight-state]')).toHaveAttribute('data-preflight-state', 'current');
  await app.page.screenshot({ path: `${SCREENSHOTS}/fields-suggesting.png` });
  await expectNoSeriousViolations(app.page, 'suggesting fields (light)');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.page.screenshot({ path: `${SCREENSHOTS}/fields-suggesting-dark.png` });
  await expectNoSeriousViolations(app.page, 'suggesting fields (dark)');
  await app.page.emulateMedia({ colorScheme: 'light' });

  // Suggesting off: the fields show their own text again, the suggestions wait under them.
  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'false');
  await expect(headline).toHaveValue('Council backs budget');
  await expect(headline).not.toHaveAccessibleDescription(HINT);
  await expect(headlineSuggestion.locator('ins')).toHaveText('approves');
  await window.expectSaved();

  const stored = await storedStory(app.libraryDir, id);
  expect(stored).toMatchObject({ headline: 'Council backs budget', dek: 'The vote was close.', byline: 'By Wanda Writer' });
  expect(stored.fieldSuggestions).toMatchObject({
    headline: { proposed: 'Council approves budget', author: 'Ed Editor', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    dek: { proposed: 'The vote was close but clear.', author: 'Ed Editor' },
    byline: { proposed: 'By Wanda Writer and Ed Editor', author: 'Ed Editor' },
  });
  await app.close();

  // The writer, after a restart: Suggesting is off; accept the headline, reject the dek, leave the byline.
  const again = new CopydeskWindow((await launchApp()).page);
  await again.setUserName('Wanda Writer');
  await expect(again.suggestedEdits.getByRole('button', { name: /^Suggesting/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(again.field('headline')).toHaveValue('Council backs budget');
  await expect(again.page.getByRole('group', { name: 'Suggested headline' })).toContainText('Ed Editor suggests');
  await again.button('Accept headline').click();
  await expect(again.field('headline')).toHaveValue('Council approves budget');
  // Accepting can be undone, from the keyboard too (the Undo button takes the focus): the suggestion comes back.
  await expect(again.page.getByRole('status').filter({ hasText: 'Accepted the suggested headline.' })).toBeVisible();
  await expect(again.button('Undo accepting the suggested headline')).toBeFocused();
  await again.page.keyboard.press('Enter');
  await expect(again.field('headline')).toHaveValue('Council backs budget');
  await expect(again.page.getByRole('group', { name: 'Suggested headline' })).toContainText('Ed Editor suggests');
  await again.button('Accept headline').click();
  await expect(again.field('headline')).toHaveValue('Council approves budget');
  await again.button('Reject dek').click();
  await expect(again.field('dek')).toHaveValue('The vote was close.');
  await expect(again.page.getByRole('group', { name: 'Suggested dek' })).toBeHidden();
  // A rejected suggestion can be made again.
  await expect(again.button('Suggest a dek')).toBeVisible();
  await again.expectSaved();

  const after = await storedStory(app.libraryDir, id);
  expect(after).toMatchObject({ headline: 'Council approves budget', dek: 'The vote was close.', byline: 'By Wanda Writer' });
  expect(Object.keys(after.fieldSuggestions)).toEqual(['byline']);
});

test('undo in a suggesting field takes the suggestion back, editing back to the text withdraws it, and the next story opens with Suggesting off', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ headline: 'Storm closes port' });
  await window.expectSaved();
  const suggesting = window.suggestedEdits.getByRole('button', { name: /^Suggesting/ });
  await suggesting.click();
  await window.field('headline').click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type('s');
  const headlineSuggestion = app.page.getByRole('group', { name: 'Suggested headline' });
  await expect(headlineSuggestion.locator('ins')).toHaveText('ports');
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(window.field('headline')).toHaveValue('Storm closes port');
  await expect(headlineSuggestion).toBeHidden();
  await app.page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(headlineSuggestion.locator('ins')).toHaveText('ports');
  await app.page.keyboard.press('Backspace');
  await expect(headlineSuggestion).toBeHidden();
  await app.page.keyboard.type(' for a day');
  await expect(headlineSuggestion.locator('ins')).toHaveText('for a day');

  // Off again, from the field itself with the body's shortcut: the field shows its own text; undo there does not bring
  // the suggestion's text into the field.
  await app.page.keyboard.press('ControlOrMeta+Alt+s');
  await expect(suggesting).toHaveAttribute('aria-pressed', 'false');
  await expect(window.field('headline')).toBeFocused();
  await expect(window.field('headline')).toHaveValue('Storm closes port');
  await window.field('headline').focus();
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(window.field('headline')).toHaveValue('Storm closes port');
  await window.expectSaved();
  await expect(headlineSuggestion.locator('ins')).toHaveText('for a day');
  await suggesting.click();

  await window.newStory();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'false');
  await expect(window.field('headline')).not.toHaveAccessibleDescription(HINT);
  await window.field('headline').fill('Ferries stay in harbour');
  await window.expectSaved();
  await expect(window.field('headline')).toHaveValue('Ferries stay in harbour');
});
