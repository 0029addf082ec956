import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const SCREENSHOTS = 'test-results/screenshots';

async function storiesOnDisk(libraryDir: string): Promise<{ headline: string; section: string; dek: string }[]> {
  const folder = path.join(libraryDir, 'stories');
  const files = await readdir(folder);
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(folder, name), 'utf8'))));
}

test('sections are added, reordered and removed in their own dialog, and the Section field and the list filter follow that order', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Weather', headline: 'Heavy rain in Kyushu' });
  await window.expectSaved();

  const dialog = await window.openSections();
  await expect(dialog.getByText('No sections yet.', { exact: false })).toBeVisible();
  for (const name of ['Politics', 'Sport', 'Tokyo Report']) {
    await window.addSection(name);
    await expect(dialog.getByRole('status')).toHaveText(`Added “${name}”.`);
  }
  await expect(window.sectionNames()).toHaveText(['Politics', 'Sport', 'Tokyo Report']);

  // Refused, each with its reason, and nothing added.
  const newName = dialog.getByLabel('New section', { exact: true });
  await window.addSection('  sport ');
  await expect(dialog.getByRole('alert')).toHaveText('There is already a section “Sport” (names are compared ignoring capitals).');
  await expect(newName).toHaveAttribute('aria-invalid', 'true');
  await window.addSection('   ');
  await expect(dialog.getByRole('alert')).toHaveText('A section name cannot be blank.');
  await window.addSection('x'.repeat(101));
  await expect(dialog.getByRole('alert')).toHaveText('A section name is at most 100 characters.');
  await expect(window.sectionNames()).toHaveText(['Politics', 'Sport', 'Tokyo Report']);

  // Reorder with the keyboard: the focus stays with the section being moved.
  await window.sectionButton('Move up', 'Tokyo Report').focus();
  await app.page.keyboard.press('Enter');
  await expect(window.sectionNames()).toHaveText(['Politics', 'Tokyo Report', 'Sport']);
  await expect(window.sectionButton('Move up', 'Tokyo Report')).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(window.sectionNames()).toHaveText(['Tokyo Report', 'Politics', 'Sport']);
  await expect(window.sectionButton('Move up', 'Tokyo Report')).toBeDisabled();
  await expect(window.sectionButton('Move down', 'Tokyo Report')).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText('Moved “Tokyo Report” up: 1 of 3.');
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/sections-dialog.png` });

  await window.sectionButton('Remove', 'Politics').click();
  await expect(window.sectionNames()).toHaveText(['Tokyo Report', 'Sport']);
  await expect(dialog.getByRole('status')).toContainText('Removed “Politics” from the list.');
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(dialog).toBeHidden();
  const settings = app.page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(settings.getByText('Tokyo Report · Sport', { exact: true })).toBeVisible();
  await settings.getByRole('button', { name: 'Cancel', exact: true }).click();

  // The managed list first, in its order, then the sections stories have.
  expect(await window.sectionSuggestions()).toEqual(['Tokyo Report', 'Sport', 'Weather']);
  expect(await window.sectionFilterOptions()).toEqual(['Tokyo Report', 'Sport', 'Weather']);
  const library = JSON.parse(await readFile(path.join(app.libraryDir, 'settings.json'), 'utf8'));
  expect(library.sections).toEqual(['Tokyo Report', 'Sport']);
  // A removed section stays on the stories that have it.
  await expect(window.field('section')).toHaveValue('Weather');
});

test('renaming a section renames it in every story; the open story takes the new name, keeps its unsaved typing, and saves without a conflict', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Sport', headline: 'Final score' });
  await window.expectSaved();
  await window.newStory();
  await window.fill({ section: 'Sport', headline: 'Transfer window opens' });
  await window.expectSaved();

  let dialog = await window.openSections();
  await window.addSection('Sport');
  await window.addSection('Politics');
  await expect(window.sectionNames()).toHaveText(['Sport', 'Politics']);
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await app.page.getByRole('dialog', { name: 'Settings', exact: true }).getByRole('button', { name: 'Cancel', exact: true }).click();

  // Typing the autosave has not saved yet when the rename starts.
  await window.field('dek').fill('Clubs may sign players until August.');
  await expect(window.saveStatus).toHaveText('Unsaved changes');
  await window.openLibraryMenu();
  await window.libraryMenu.getByRole('menuitem', { name: 'Sections…' }).click();
  dialog = window.sectionsDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Sport' })).toContainText('2 stories');

  await window.renameSection('Sport', 'politics');
  await expect(dialog.getByRole('alert')).toHaveText('There is already a section “Politics” (names are compared ignoring capitals).');
  await dialog.getByLabel('New name for Sport', { exact: true }).press('Escape');
  await expect(dialog).toBeVisible();
  await expect(window.sectionNames()).toHaveText(['Sport', 'Politics']);

  await window.renameSection('Sport', 'Sports');
  await expect(dialog.getByRole('status')).toHaveText('Renamed “Sport” to “Sports” in the list and in 2 stories.');
  await expect(window.sectionNames()).toHaveText(['Sports', 'Politics']);
  await expect(window.sectionButton('Rename', 'Sports')).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await expect(window.field('section')).toHaveValue('Sports');
  await expect(window.field('dek')).toHaveValue('Clubs may sign players until August.');
  await expect(window.storyButton('Final score')).toContainText('Sports');
  await expect(window.storyButton('Transfer window opens')).toContainText('Sports');
  expect(await window.sectionSuggestions()).toEqual(['Sports', 'Politics']);

  await window.field('headline').fill('Transfer window opens on Monday');
  await window.expectSaved();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  const stored = await storiesOnDisk(app.libraryDir);
  expect(stored.map(({ headline, section, dek }) => ({ headline, section, dek })).sort((a, b) => a.headline.localeCompare(b.headline))).toEqual([
    { headline: 'Final score', section: 'Sports', dek: '' },
    { headline: 'Transfer window opens on Monday', section: 'Sports', dek: 'Clubs may sign players until August.' },
  ]);
});

test('a section stories have is offered for the list, and a rename to a name already there in other capitals is refused (dark appearance)', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const window = new CopydeskWindow(app.page);
  await window.newStory();
  await window.fill({ section: 'Tokyo Report', headline: 'Talks resume' });
  await window.expectSaved();
  const dialog = await window.openSections();
  // A section a story has is offered for the list.
  await dialog.getByRole('button', { name: 'Add Tokyo Report to the list', exact: true }).click();
  await expect(window.sectionNames()).toHaveText(['Tokyo Report']);
  await expect(dialog.getByRole('button', { name: 'Add Tokyo Report to the list', exact: true })).toHaveCount(0);
  for (const name of ['Politics', 'Business', 'Sport']) await window.addSection(name);
  await expect(window.sectionNames()).toHaveText(['Tokyo Report', 'Politics', 'Business', 'Sport']);
  await dialog.getByRole('button', { name: 'Rename Business', exact: true }).click();
  await dialog.getByLabel('New name for Business', { exact: true }).fill('tokyo report');
  await dialog.getByRole('button', { name: 'Save name', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is already a section “Tokyo Report”');
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/sections-dialog-dark.png` });
});
