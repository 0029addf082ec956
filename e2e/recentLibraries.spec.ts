import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const SCREENSHOTS = 'test-results/screenshots';

test('a library opened from the window joins the recent list, and the in-window list switches back to the first one', async ({ app, workDir }) => {
  const window = new CopydeskWindow(app.page);
  const first = path.basename(app.libraryDir);
  await window.expectLibraryOpen(first);
  await window.newStory();
  await window.field('headline').fill('In the first library');
  await expect(app.page).toHaveTitle(`In the first library — ${first} — Copydesk`);

  // Keyboard: Down opens the menu on its first item, Escape closes it and returns to the button.
  await window.libraryButton.focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(window.libraryMenu).toBeVisible();
  await expect(window.libraryMenu.getByText('No other library opened yet.')).toBeVisible();
  await expect(window.libraryMenu.getByRole('menuitem', { name: 'Open Library…' })).toBeFocused();
  await app.page.keyboard.press('ArrowDown');
  await expect(window.libraryMenu.getByRole('menuitem', { name: 'Sections…' })).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(window.libraryMenu).toBeHidden();
  await expect(window.libraryButton).toBeFocused();

  // Open Library… saves the open story, then switches (the folder is new: a new library).
  await app.answerNextLibraryDialog(path.join(workDir, 'Archive Desk'));
  await window.openLibraryMenu();
  await window.libraryMenu.getByRole('menuitem', { name: 'Open Library…' }).click();
  await expect(window.notice('Opened the library “Archive Desk”')).toBeVisible();
  await window.expectLibraryOpen('Archive Desk');
  await expect(app.page).toHaveTitle('Archive Desk — Copydesk');
  await expect(window.storyButton('In the first library')).toHaveCount(0);

  await window.libraryButton.focus();
  await app.page.keyboard.press('Enter');
  await expect(window.recentLibrary(first)).toBeFocused();
  await expect(window.libraryMenu.getByRole('group', { name: 'Recent libraries' }).getByRole('menuitem')).toHaveText([first]);
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/library-menu.png` });
  await app.page.keyboard.press('ArrowUp');
  await expect(window.libraryMenu.getByRole('menuitem', { name: 'Sections…' })).toBeFocused();
  await app.page.keyboard.press('Home');
  await app.page.keyboard.press('Enter');

  await expect(window.notice(`Opened the library “${first}”`)).toBeVisible();
  await window.expectLibraryOpen(first);
  await expect(window.field('headline')).toHaveValue('In the first library');
  await expect(app.page).toHaveTitle(`In the first library — ${first} — Copydesk`);
  await window.openLibraryMenu();
  await expect(window.recentLibrary('Archive Desk')).toBeVisible();
});

test('a recent library whose folder was moved gives a clear error, stays in the list, and the open library stays open', async ({ app, workDir }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const window = new CopydeskWindow(app.page);
  const first = path.basename(app.libraryDir);
  await app.answerNextLibraryDialog(path.join(workDir, 'Archive Desk'));
  await window.openLibraryMenu();
  await window.libraryMenu.getByRole('menuitem', { name: 'Open Library…' }).click();
  await window.expectLibraryOpen('Archive Desk');
  await window.newStory();
  await window.field('headline').fill('Filed in the archive');
  await window.openRecentLibrary(first);
  await window.expectLibraryOpen(first);

  await rename(path.join(workDir, 'Archive Desk'), path.join(workDir, 'Archive Desk (moved)'));
  await window.openRecentLibrary('Archive Desk');
  await expect(app.page.getByRole('alert').filter({ hasText: 'Could not open the library' })).toHaveText(
    /The library “Archive Desk” is not where it was last opened: it may have been moved, renamed or deleted\./,
  );
  await window.expectLibraryOpen(first);
  await window.openLibraryMenu();
  await expect(window.recentLibrary('Archive Desk')).toBeVisible();
  await mkdir(SCREENSHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SCREENSHOTS}/library-menu-dark.png` });

  // Opened where it is now, it is the same library (its name is kept in it), with its story.
  await app.page.keyboard.press('Escape');
  await app.answerNextLibraryDialog(path.join(workDir, 'Archive Desk (moved)'));
  await window.openLibraryMenu();
  await window.libraryMenu.getByRole('menuitem', { name: 'Open Library…' }).click();
  await expect(window.notice('Opened the library “Archive Desk”')).toBeVisible();
  await window.expectLibraryOpen('Archive Desk');
  await expect(window.storyButton('Filed in the archive')).toBeVisible();
});
