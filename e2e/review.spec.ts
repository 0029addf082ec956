import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('a status change is shown in the list and recorded with when and by whom', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Jane Doe');
  const id = await window.newStory();
  await window.field('headline').fill('Budget passes upper house');
  await expect(window.status).toHaveValue('draft');
  await expect(window.statusRecord).toHaveText('No status changes yet');

  // An edit still waiting for its autosave goes in first, then the status change.
  await window.body.click();
  await app.page.keyboard.type('Lawmakers approved it.');
  await window.status.selectOption({ label: 'Ready' });
  await expect(window.statusRecord).toHaveText('Ready · just now by Jane Doe');
  await expect(window.storyButton('Budget passes upper house').getByTestId('story-status')).toHaveText('Ready');

  // Later edits save on top of the status change: no conflict.
  await app.page.keyboard.type(' Again.');
  await window.expectSaved();
  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(stored.status).toBe('ready');
  expect(stored.statusHistory).toEqual([expect.objectContaining({ status: 'ready', by: 'Jane Doe' })]);
  expect(JSON.stringify(stored.body)).toContain('Lawmakers approved it. Again.');
});

test('the status and its record survive a restart', async ({ app, launchApp }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Ken');
  await window.newStory();
  await window.field('headline').fill('Typhoon nears Okinawa');
  await window.status.selectOption({ label: 'Editing' });
  await expect(window.statusRecord).toHaveText('Editing · just now by Ken');
  await window.status.selectOption({ label: 'Spiked' });
  await expect(window.statusRecord).toHaveText('Spiked · just now by Ken');
  await window.expectSaved();
  await app.close();

  const again = new CopydeskWindow((await launchApp()).page);
  await expect(again.field('headline')).toHaveValue('Typhoon nears Okinawa');
  await expect(again.status).toHaveValue('spiked');
  await expect(again.statusRecord).toHaveText('Spiked · just now by Ken');
  await expect(again.storyButton('Typhoon nears Okinawa').getByTestId('story-status')).toHaveText('Spiked');
});

test('editor’s notes are kept with the story, shown after a restart, and never exported', async ({ app, launchApp, workDir }) => {
  const window = new CopydeskWindow(app.page);
  await window.setUserName('Aiko Sato');
  const id = await window.newStory();
  await window.field('headline').fill('Ministry denies report');
  await window.body.click();
  await app.page.keyboard.type('The ministry said the report was wrong.');
  await window.addNote('Second source needed before this runs');
  await window.addNote('Lawyers to read para 3');
  await expect(window.notes.getByRole('listitem').first()).toContainText('Aiko Sato');
  await window.notes.getByRole('button', { name: /^Delete note: Lawyers/ }).click();
  await expect(window.notes.getByRole('listitem')).toHaveCount(1);
  await window.body.click();
  await app.page.keyboard.press('ControlOrMeta+End');
  await app.page.keyboard.type(' Typed after the notes.');
  await window.expectSaved();

  await app.answerNextExportDialog(workDir);
  await window.button('Export HTML…').click();
  await expect(window.notice('Exported to')).toBeVisible();
  const html = await readFile(path.join(workDir, 'ministry-denies-report', 'index.html'), 'utf8');
  expect(html).toContain('The ministry said the report was wrong.');
  expect(html).not.toContain('Second source needed');
  expect(html).not.toContain('Aiko Sato');
  await app.close();

  const again = new CopydeskWindow((await launchApp()).page);
  await expect(again.field('headline')).toHaveValue('Ministry denies report');
  await expect(again.notes.getByRole('listitem')).toHaveCount(1);
  await expect(again.notes.getByRole('listitem')).toContainText('Second source needed before this runs');
  await expect(again.notes.getByRole('listitem')).toContainText('Aiko Sato');
  await expect(again.body).toContainText('Typed after the notes.');
  const stored = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(stored.notes).toEqual([expect.objectContaining({ text: 'Second source needed before this runs', by: 'Aiko Sato' })]);
});
