import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { holdLibrary, type LibraryHolder } from './harness/holdLibrary.js';
import { expect, test } from './harness/fixtures.js';

// Startup never strands the user: a library that cannot be opened gives a window with the reason and a way on.

let holder: LibraryHolder | null = null;
test.afterEach(async () => {
  await holder?.kill();
  holder = null;
});

test('a library open in another Copydesk: the window says so, and Try Again opens it once that Copydesk is gone (its lock left stale)', async ({ launchApp, libraryDir }) => {
  holder = await holdLibrary(libraryDir);
  const app = await launchApp(libraryDir, { startsWithProblem: true });
  const problem = app.page.getByRole('alert').filter({ has: app.page.getByRole('heading', { name: 'This library is open somewhere else' }) });
  await expect(problem).toContainText(`This library is open in another Copydesk window (pid ${holder.pid}).`);
  await expect(problem).not.toContainText(libraryDir);
  await app.page.screenshot({ path: test.info().outputPath('library-open-elsewhere.png') });

  // Still held: trying again says the same.
  await problem.getByRole('button', { name: 'Try Again' }).click();
  await expect(app.page.locator('body')).toHaveAttribute('data-ready', 'error');
  await expect(problem).toContainText(`pid ${holder.pid}`);

  // The other Copydesk crashes: its lock stays behind, and Copydesk takes it over.
  await holder.kill();
  await problem.getByRole('button', { name: 'Try Again' }).click();
  await expect(app.page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(app.page.getByRole('heading', { name: 'No stories yet' })).toBeVisible();
});

test('a library open in another Copydesk: Open or Create a Library… starts a new library instead', async ({ launchApp, libraryDir, workDir }) => {
  holder = await holdLibrary(libraryDir);
  const app = await launchApp(libraryDir, { startsWithProblem: true });
  const newLibrary = path.join(workDir, 'Night Desk');
  await app.answerNextLibraryDialog(newLibrary);
  await app.page.getByRole('button', { name: 'Open or Create a Library…' }).click();
  await expect(app.page.getByText('Opened the library “Night Desk”')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'No stories yet' })).toBeVisible();
  await app.page.getByRole('button', { name: 'New story' }).first().click();
  await expect(app.page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
});

test('a library folder that cannot be made (a file is in its way): the reason, without the path, and a way on', async ({ launchApp, workDir }) => {
  const blocked = path.join(workDir, 'a file, not a folder');
  await writeFile(blocked, 'not a library');
  const app = await launchApp(path.join(blocked, 'Library'), { startsWithProblem: true });
  const problem = app.page.getByRole('alert');
  await expect(problem.getByRole('heading', { name: 'Copydesk cannot use this library folder' })).toBeVisible();
  await expect(problem).toContainText('This library cannot be opened for changes: a folder is missing or was moved.');
  await expect(problem).not.toContainText(workDir);
  await expect(problem.getByRole('button', { name: 'Open or Create a Library…' })).toBeVisible();
});

test('a read-only library folder: the reason and a way on', async ({ launchApp, workDir }) => {
  test.skip(process.getuid?.() === 0, 'Runs as root here, and root may write to a read-only folder: the folder cannot be made read-only for it.');
  const readOnly = path.join(workDir, 'Archive');
  await mkdir(readOnly);
  await writeFile(path.join(readOnly, 'library.json'), '{}');
  await chmod(readOnly, 0o555);
  try {
    const app = await launchApp(readOnly, { startsWithProblem: true });
    await expect(app.page.getByRole('alert')).toContainText(/could not be opened|not allowed|read-only/);
    await expect(app.page.getByRole('button', { name: 'Try Again' })).toBeVisible();
  } finally {
    await chmod(readOnly, 0o755);
  }
});
