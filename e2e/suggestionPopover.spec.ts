import type { Page } from '@playwright/test';
import { axeScan, describeViolations } from './harness/axeScan.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/** axe-core's serious or critical findings inside the open suggestion card (contrast in both colour schemes, names). */
async function popoverViolations(page: Page): Promise<string> {
  const violations = await axeScan(page);
  const inCard = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => node.target.some((target) => target.includes('suggestion-popover'))) }))
    .filter((violation) => violation.nodes.length > 0);
  return describeViolations(inCard);
}

test('a card on the suggestion at the cursor accepts or rejects it, undo brings it back, and Escape or Tab work from the keyboard', async ({ app }, testInfo) => {
  const window = new CopydeskWindow(app.page);
  const keyboard = app.page.keyboard;
  const popover = window.suggestionPopover;
  // A typed suggestion is one run of text, one <ins>, however many keys made it.
  const inserted = window.body.locator('ins');
  await window.setUserName('Ed Editor');
  await window.newStory();
  await window.body.click();
  await keyboard.type('The council backed the budget on Tuesday night.');
  await window.expectSaved();

  // Suggesting: an insertion near the start and a deletion near the end.
  await window.suggestedEdits.getByRole('button', { name: /^Suggesting/ }).click();
  await window.body.click();
  await keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 'The council '.length; i += 1) await keyboard.press('ArrowRight');
  await keyboard.type('narrowly ');
  await expect(inserted).toHaveText('narrowly ');
  // Typing a suggestion does not open its card over the words being typed, nor take the focus.
  await expect(popover).toBeHidden();
  await expect(window.body).toBeFocused();
  await keyboard.press('ControlOrMeta+End');
  await keyboard.press('ArrowLeft');
  await window.selectBack(' on Tuesday night'.length);
  await keyboard.press('Backspace');
  await expect(window.body.locator('del')).toHaveText(' on Tuesday night');
  await expect(window.suggestedEdits).toContainText('2 suggestions');

  // Clicking into the insertion opens its card: what, who, when.
  await inserted.click({ position: { x: 20, y: 5 } });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Inserted “narrowly”');
  await expect(popover).toContainText('Ed Editor');
  await expect(popover).toContainText(String(new Date().getFullYear()));
  await expect(window.body).toBeFocused();
  expect(await popoverViolations(app.page)).toBe('');
  await popover.screenshot({ path: testInfo.outputPath('popover-insertion.png') });
  await app.page.screenshot({ path: testInfo.outputPath('popover-page-light.png') });
  await popover.getByRole('button', { name: 'Accept suggestion' }).click();
  await expect(window.body.locator('ins')).toHaveCount(0);
  await expect(window.body).toContainText('The council narrowly backed the budget');
  await expect(popover).toBeHidden();
  await expect(window.body).toBeFocused();
  // Undo takes the decision back: the suggestion is pending again; redo accepts it again.
  await keyboard.press('ControlOrMeta+z');
  await expect(inserted).toHaveText('narrowly ');
  await keyboard.press('ControlOrMeta+Shift+z');
  await expect(window.body.locator('ins')).toHaveCount(0);

  // The deletion's card rejects it: the words stay, no longer struck through; undo brings the suggestion back.
  await window.body.locator('del').click();
  await expect(popover).toContainText('Deleted “on Tuesday night”');
  await expect(popover).toContainText('Ed Editor');
  // Near the end of a line the card moves left to stay over the body, not across its frame.
  await expect
    .poll(async () => {
      const [card, body] = await Promise.all([popover.boundingBox(), window.body.boundingBox()]);
      return card!.x + card!.width <= body!.x + body!.width;
    })
    .toBe(true);
  await app.page.emulateMedia({ colorScheme: 'dark' });
  expect(await popoverViolations(app.page)).toBe('');
  await popover.screenshot({ path: testInfo.outputPath('popover-deletion-dark.png') });
  await app.page.screenshot({ path: testInfo.outputPath('popover-page-dark.png') });
  await app.page.emulateMedia({ colorScheme: 'light' });
  await popover.getByRole('button', { name: 'Reject suggestion' }).click();
  await expect(window.body.locator('del')).toHaveCount(0);
  await expect(window.body).toContainText('The council narrowly backed the budget on Tuesday night.');
  await expect(popover).toBeHidden();
  await keyboard.press('ControlOrMeta+z');
  await expect(window.body.locator('del')).toHaveText(' on Tuesday night');
  await expect(window.suggestedEdits).toContainText('1 suggestion');

  // From the keyboard: arrowing into the deletion opens the card, Tab reaches its buttons, Escape closes it and the
  // caret is back in the body where it was.
  await keyboard.press('ControlOrMeta+End');
  await expect(popover).toBeHidden();
  await keyboard.press('ArrowLeft');
  await keyboard.press('ArrowLeft');
  await expect(popover).toContainText('Deleted “on Tuesday night”');
  await keyboard.press('Tab');
  await expect(popover.getByRole('button', { name: 'Accept suggestion' })).toBeFocused();
  await popover.screenshot({ path: testInfo.outputPath('popover-keyboard.png') });
  await keyboard.press('Tab');
  await expect(popover.getByRole('button', { name: 'Reject suggestion' })).toBeFocused();
  await keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(window.body).toBeFocused();
  // Closed, it stays closed while the caret stays in that suggestion, and opens again on the next visit.
  await keyboard.press('ArrowLeft');
  await expect(popover).toBeHidden();
  await keyboard.press('ControlOrMeta+End');
  await keyboard.press('ArrowLeft');
  await keyboard.press('ArrowLeft');
  await expect(popover).toBeVisible();
  // Escape in the body closes it too; the body keeps the focus and the suggestion stays pending.
  await keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(window.body).toBeFocused();
  await expect(window.body.locator('del')).toHaveText(' on Tuesday night');
  // A click on it asks for it again.
  await window.body.locator('del').click();
  await expect(popover).toContainText('Deleted “on Tuesday night”');
  await window.expectSaved();
});
