import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow, storyButtonIn } from './pages/CopydeskWindow.js';

const COUNT = 1_000;

/** Writes COUNT small stories straight into the library folder, "Story number 0" the oldest. */
async function writeStories(libraryDir: string): Promise<void> {
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
}

test('a library of thousands of stories lists only the rows in view, and scrolls to the last one', async ({ libraryDir, launchApp }) => {
  await writeStories(libraryDir);

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

test('the keyboard reaches every story of a long list: Home, End, arrows and pages, and Enter opens it', async ({ libraryDir, launchApp }) => {
  await writeStories(libraryDir);
  const app = await launchApp();
  const window = new CopydeskWindow(app.page);
  const newest = window.storyButton(`Story number ${COUNT - 1}`);
  await expect(newest).toBeVisible();
  await newest.focus();

  await window.page.keyboard.press('End');
  await expect(window.storyButton('Story number 0')).toBeFocused();
  await expect(window.storyButton('Story number 0')).toBeInViewport();
  const oldestRow = window.storyList.getByRole('listitem').filter({ has: storyButtonIn(window.page, 'Story number 0') });
  await expect(oldestRow).toHaveAttribute('aria-posinset', String(COUNT));
  await expect(oldestRow).toHaveAttribute('aria-setsize', String(COUNT));

  await window.page.keyboard.press('Home');
  await expect(newest).toBeFocused();
  await expect(newest).toBeInViewport();

  // Far past the rows drawn when the list opened, one row at a time.
  for (let i = 0; i < 40; i++) await window.page.keyboard.press('ArrowDown');
  await expect(window.storyButton(`Story number ${COUNT - 41}`)).toBeFocused();
  await expect(window.storyButton(`Story number ${COUNT - 41}`)).toBeInViewport();
  await window.page.keyboard.press('ArrowUp');
  await expect(window.storyButton(`Story number ${COUNT - 40}`)).toBeFocused();

  await window.page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await window.page.keyboard.press('PageUp');
  const paged = window.page.locator('li[aria-posinset]:has(button.story-item:focus)');
  const position = async () => Number(await paged.getAttribute('aria-posinset'));
  // A page is more than one row.
  await expect.poll(position).toBeLessThan(COUNT - 3);
  const afterPages = await position();
  await expect(paged.locator('button.story-item')).toBeInViewport();
  await window.page.keyboard.press('PageDown');
  await expect.poll(position).toBeGreaterThan(afterPages + 1);
  // Newest first: the story at position p is number COUNT - p.
  const focused = `Story number ${COUNT - (await position())}`;
  await expect(window.storyButton(focused)).toBeFocused();

  await mkdir('test-results/screenshots', { recursive: true });
  await window.page.screenshot({ path: 'test-results/screenshots/long-list-keyboard.png' });

  await window.page.keyboard.press('Enter');
  await expect(window.field('headline')).toHaveValue(focused);
  expect(await window.storyList.getByRole('listitem').count()).toBeLessThan(100);

  // A search narrows the list below the windowing: the same keys, over rows that are all drawn.
  await window.searchBox.fill('number 12');
  await expect(window.page.getByTestId('story-count')).toHaveText(`11 / ${COUNT}`);
  await window.storyButton('Story number 129').focus();
  await window.page.keyboard.press('End');
  await expect(window.storyButton('Story number 12')).toBeFocused();
  await window.page.keyboard.press('Home');
  await expect(window.storyButton('Story number 129')).toBeFocused();
  await window.page.keyboard.press('ArrowDown');
  await expect(window.storyButton('Story number 128')).toBeFocused();
});
