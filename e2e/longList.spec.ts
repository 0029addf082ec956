import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

const COUNT = 1_000;

test('a library of thousands of stories lists only the rows in view, and scrolls to the last one', async ({ libraryDir, launchApp }) => {
  await mkdir(path.join(libraryDir, 'stories'), { recursive: true });
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  await Promise.all(
    Array.from({ length: COUNT }, (_, i) => {
      const id = `story-${String(i).padStart(5, '0')}`;
      const at = new Date(start + i * 60_000).toISOString();
      const story = {
        schemaVersion: 1,
        id,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        section: i % 2 ? 'Politics' : 'Sport',
        headline: `Story number ${i}`,
        dek: '',
        byline: 'Desk',
        image: null,
        imageCredit: '',
        imageCaption: '',
        imageAlt: '',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of story ${i}.` }] }] },
      };
      return writeFile(path.join(libraryDir, 'stories', `${id}.json`), JSON.stringify(story));
    }),
  );

  const app = await launchApp();
  const window = new CopydeskWindow(app.page);
  await expect(window.page.getByTestId('story-count')).toHaveText(String(COUNT));
  await expect(window.storyButton(`Story number ${COUNT - 1}`)).toBeVisible();
  expect(await window.storyList.getByRole('listitem').count()).toBeLessThan(100);

  await window.storyList.evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  await expect(window.storyButton('Story number 0')).toBeInViewport();
  expect(await window.storyList.getByRole('listitem').count()).toBeLessThan(100);
  await window.storyButton('Story number 0').click();
  await expect(window.field('headline')).toHaveValue('Story number 0');

  // Filtering a long list narrows it through the same windowing.
  await window.listFilter('In section').selectOption('Sport');
  await expect(window.page.getByTestId('story-count')).toHaveText(`${COUNT / 2} / ${COUNT}`);
});
