import { expect, test } from './harness/fixtures.js';
import { CopydeskWindow } from './pages/CopydeskWindow.js';

async function addStory(window: CopydeskWindow, fields: { section: string; headline: string; body: string }) {
  await window.newStory();
  await window.fill({ section: fields.section, headline: fields.headline });
  await window.body.click();
  await window.page.keyboard.type(fields.body);
  await window.expectSaved();
}

test('search finds a word that is only in a story’s body', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await addStory(window, { section: 'Politics', headline: 'Cabinet reshuffle', body: 'The prime minister named a new foreign minister.' });
  await addStory(window, { section: 'Weather', headline: 'Heavy rain in Kyushu', body: 'Rivers burst their banks near Kumamoto.' });

  await window.searchBox.fill('kumamoto');
  await expect(window.listedHeadlines()).toHaveText(['Heavy rain in Kyushu']);
  await window.searchBox.fill('minister');
  await expect(window.listedHeadlines()).toHaveText(['Cabinet reshuffle']);
  await window.searchBox.fill('zebra');
  await expect(window.storyList).toContainText('No stories match “zebra”.');
  await window.searchBox.press('Escape');
  await expect(window.listedHeadlines()).toHaveCount(2);
});

test('filters by section and status narrow the list, and sort orders it', async ({ app }) => {
  const window = new CopydeskWindow(app.page);
  await addStory(window, { section: 'Politics', headline: 'Budget vote delayed', body: 'Vote moved to Friday.' });
  await addStory(window, { section: 'Politics', headline: 'An upper house race', body: 'Polls open.' });
  await window.status.selectOption({ label: 'Ready' });
  await expect(window.statusRecord).toContainText('Ready');
  await addStory(window, { section: 'Sport', headline: 'Champions crowned', body: 'A late goal.' });

  await expect(window.listedHeadlines()).toHaveText(['Champions crowned', 'An upper house race', 'Budget vote delayed']);
  await window.listFilter('In section').selectOption('Politics');
  await expect(window.listedHeadlines()).toHaveText(['An upper house race', 'Budget vote delayed']);
  await window.listFilter('With status').selectOption({ label: 'Ready' });
  await expect(window.listedHeadlines()).toHaveText(['An upper house race']);
  await window.listFilter('With status').selectOption({ label: 'Any' });
  await window.listFilter('Sort by').selectOption({ label: 'Headline A–Z' });
  await expect(window.listedHeadlines()).toHaveText(['An upper house race', 'Budget vote delayed']);

  // Words and filters together go through the library's search.
  await window.searchBox.fill('vote');
  await expect(window.listedHeadlines()).toHaveText(['Budget vote delayed']);
  await window.listFilter('In section').selectOption({ label: 'Sport' });
  await expect(window.storyList).toContainText('No stories match “vote”.');
});
