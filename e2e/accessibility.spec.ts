import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeScan, describeViolations } from './harness/axeScan.js';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

/** Scans the page with axe-core: no serious or critical violation; the moderate and minor ones are listed in the output. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  const violations = await axeScan(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) console.log(`axe, ${view}: not blocking\n${describeViolations(other)}`);
  expect(describeViolations(blocking), `serious or critical axe violations in ${view}`).toBe('');
}

async function storyWithEverything(window: CopydeskWindow): Promise<void> {
  await window.newStory();
  await window.fill({
    section: 'Tokyo Report',
    headline: 'Japan-North Korea Negotiations to Resume After Years of Silence',
    dek: 'Despite intense rhetoric, there is space for tactical concessions.',
    byline: 'Ankit Panda',
  });
  await window.body.click();
  await window.page.keyboard.type('The prospect of government talks was raised again on Monday.');
  await window.expectSaved();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main view, the preview and the Trash have no serious accessibility violations (${colorScheme})`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme });
    const window = new CopydeskWindow(app.page);
    await storyWithEverything(window);
    await window.newStory();
    await window.fill({ headline: 'Diet session ends June 22' });
    await window.expectSaved();
    await expectAccessible(app.page, `the main view (${colorScheme})`);

    await window.button('Preview').click();
    await expect(window.preview).toBeVisible();
    await expectAccessible(app.page, `the preview (${colorScheme})`);
    await window.button('Preview').click();

    await window.button('Move to Trash').click();
    await expect(window.notice(/Moved .* to Trash/)).toBeVisible();
    await window.trashToggle.click();
    await expect(window.trash.getByRole('listitem')).toHaveCount(1);
    await expectAccessible(app.page, `the Trash (${colorScheme})`);
    await window.button('Empty Trash…').click();
    await expect(app.page.getByRole('alertdialog', { name: 'Empty the Trash?' })).toBeVisible();
    await expectAccessible(app.page, `the Empty Trash confirmation (${colorScheme})`);
  });

  test(`every dialog has no serious accessibility violations (${colorScheme})`, async ({ app, workDir }) => {
    await app.page.emulateMedia({ colorScheme });
    const window = new CopydeskWindow(app.page);
    await storyWithEverything(window);

    const settings = await window.openSettings();
    await expectAccessible(app.page, `Settings (${colorScheme})`);
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await expect(settings).toBeHidden();

    const sections = await window.openSections();
    await expectAccessible(app.page, `Sections (${colorScheme})`);
    await app.page.keyboard.press('Escape');
    await expect(sections).toBeHidden();
    // Sections opens from Settings, which is still open beneath it.
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByRole('dialog')).toHaveCount(0);

    const history = await window.openHistory();
    await expectAccessible(app.page, `History (${colorScheme})`);
    await app.page.keyboard.press('Escape');
    await expect(history).toBeHidden();

    const out = path.join(workDir, 'exports');
    await mkdir(out);
    await app.answerNextExportDialog(out);
    await window.button('Export all…').click();
    await expect(window.exportDialog.getByTestId('export-summary')).toContainText('Exported 1 of 1 story');
    await expectAccessible(app.page, `the export summary (${colorScheme})`);
  });
}
