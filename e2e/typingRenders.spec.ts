import { expect, test } from './harness/fixtures.js';
import { recordReactRenders, takeReactRenders } from './harness/reactRenders.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

// Not a timing: a count of React renders. Typing in a long story stays within a frame only while a keystroke renders
// nothing but the body; this fails as soon as someone wires per-key state into the page.
test('typing in the body renders nothing outside the body, and the save status once per burst', async ({ app }) => {
  await recordReactRenders(app.page, '.field-body');
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('Quake hits Noto. ');
  await window.expectSaved();
  await takeReactRenders(app.page);

  const typed = 'Aftershocks followed';
  await app.page.keyboard.type(typed);
  // Taken at once, before the save that starts a second after the last key: the renders the keys themselves caused.
  const renders = await takeReactRenders(app.page);
  await expect(window.saveStatus).toHaveText('Unsaved changes');
  const saveStatus = (render: string) => render.endsWith(' <save-status>');
  expect(renders.filter((render) => !render.endsWith('(inside)') && !saveStatus(render))).toEqual([]);
  // "Unsaved changes" once for the burst, not once per key.
  expect(renders.filter(saveStatus)).toHaveLength(1);
  // Inside the body's field only its word count, which follows the typing a few times a second, not per key.
  expect(renders.filter((render) => render.endsWith('(inside)')).length).toBeLessThan(typed.length / 2);
  await expect(window.wordCount).toHaveText('5 words');
  await window.expectSaved();
  // The toolbar still follows the history (read from its depths, not by dry-running commands per key).
  await expect(window.tool('Undo')).toBeEnabled();
  await expect(window.tool('Redo')).toBeDisabled();
  await window.tool('Undo').click();
  await expect(window.tool('Redo')).toBeEnabled();
  // No closed <details> beside the body (the preflight panel's passing checks were one): Chromium consults their
  // display locks on every selection change, and that cost 0.3–0.4 ms a key in a 20,000-word story (bench:typing).
  await expect(app.page.getByRole('button', { name: /checks? pass/ })).toBeVisible();
  await expect(app.page.locator('details')).toHaveCount(0);
});

// The same promise in Suggesting mode: each key becomes part of a suggested insertion, and still nothing outside the
// body renders; inside it, the suggestion list and the count follow a few times a second, not per key.
test('typing in Suggesting mode renders nothing outside the body, and inside it less than once per key', async ({ app }) => {
  await recordReactRenders(app.page, '.field-body');
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.body.click();
  await app.page.keyboard.type('Quake hits Noto. ');
  await window.expectSaved();
  const suggesting = window.suggestedEdits.getByRole('button', { name: /^Suggesting/ });
  await suggesting.click();
  await expect(suggesting).toHaveAttribute('aria-pressed', 'true');
  await app.page.keyboard.type('A');
  await expect(window.body.locator('ins')).toHaveText('A');
  await takeReactRenders(app.page);

  const typed = 'ftershocks followed';
  await app.page.keyboard.type(typed);
  const renders = await takeReactRenders(app.page);
  await expect(window.body.locator('ins')).toHaveText(`A${typed}`);
  const saveStatus = (render: string) => render.endsWith(' <save-status>');
  expect(renders.filter((render) => !render.endsWith('(inside)') && !saveStatus(render))).toEqual([]);
  expect(renders.filter((render) => render.endsWith('(inside)')).length, renders.join('\n')).toBeLessThan(typed.length / 2);
  await expect(window.suggestedEdits).toContainText('1 suggestion');
});
