import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

test('a Japanese story’s language is detected, can be chosen with the keyboard, and is saved with its Dateline', async ({ app }) => {
  const { page } = app;
  const window = new CopydeskWindow(page);
  const id = await window.newStory();
  await window.fill({ headline: '東京で日朝会談へ' });
  const dateline = page.getByLabel('Dateline', { exact: true });
  await dateline.fill('【東京】');
  const language = page.getByLabel('Language', { exact: true });
  await expect(language).toHaveValue('detect');
  await expect(page.locator('.field-language .field-hint')).toHaveText('Detected: exports in Japanese (ja).');

  await language.focus();
  await page.keyboard.press('End');
  await language.selectOption('ko');
  await expect(page.locator('.field-language .field-hint')).toHaveText('Exports in Korean (ko), as chosen.');
  await language.selectOption('other');
  await page.getByLabel('Language tag').fill('ja-JP');
  await expect(page.locator('.field-language .field-hint')).toHaveText('Exports in Japanese (Japan) (ja-JP), as chosen.');
  await window.expectSaved();
  await page.screenshot({ path: test.info().outputPath('language.png'), fullPage: true });

  const onDisk = JSON.parse(await readFile(path.join(app.libraryDir, 'stories', `${id}.json`), 'utf8'));
  expect(onDisk).toMatchObject({ schemaVersion: 2, headline: '東京で日朝会談へ', dateline: '【東京】', language: 'ja-JP' });
});
