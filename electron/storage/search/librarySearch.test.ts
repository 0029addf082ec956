import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../shared/search/searchQuery.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { testClock } from '../testing/testClock.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;
const ids: Record<string, string> = {};

async function add(name: string, fields: Parameters<typeof storyWith>[0]) {
  const story = await library.createStory();
  await library.saveStory(story.id, 1, storyWith(fields));
  ids[name] = story.id;
}

const find = (query: string, options: Partial<SearchQuery> = {}) =>
  library.searchStories({ query, sort: 'updated', ...options }).then((found) => found.map((id) => Object.keys(ids).find((name) => ids[name] === id)));

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-search-'));
  library = await openLibrary(root, { indexDelayMs: 0, now: testClock() });
  await add('talks', { headline: 'Japan-North Korea Negotiations to Resume', section: 'Tokyo Report', paragraphs: ['The talks would be held in Sweden.'] });
  await add('cafe', { headline: 'A café in Zürich', section: 'Europe', byline: 'Anna Müller', dek: 'Where diplomats meet', paragraphs: ['Coffee and quiet negotiation.'] });
  await add('budget', { headline: 'Budget passes', section: 'Tokyo Report', paragraphs: ['The Diet approved spending on defense.'] });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

describe('searching the library', () => {
  it('finds words of the body, not only of the headline', async () => {
    expect(await find('sweden')).toEqual(['talks']);
    expect(await find('defense spending')).toEqual(['budget']);
  });

  it('finds words of the dek, byline and section', async () => {
    expect(await find('diplomats')).toEqual(['cafe']);
    expect(await find('muller')).toEqual(['cafe']);
    expect(await find('tokyo report')).toEqual(['budget', 'talks']);
  });

  it('matches the last word as a prefix while it is typed, and every word must match', async () => {
    expect(await find('negot')).toEqual(['cafe', 'talks']);
    expect(await find('negotiations')).toEqual(['talks']);
    expect(await find('negotiation ')).toEqual(['cafe']);
    expect(await find('sweden coffee')).toEqual([]);
  });

  it('ignores case and accents on both sides', async () => {
    expect(await find('ZURICH CAFE')).toEqual(['cafe']);
    expect(await find('Müll')).toEqual(['cafe']);
  });

  it('filters by section and status, and lists everything for an empty query', async () => {
    expect(await find('', { section: 'Tokyo Report' })).toEqual(['budget', 'talks']);
    expect(await find('')).toEqual(['budget', 'cafe', 'talks']);
    const budget = await library.readStory(ids.budget!);
    await library.setStatus(ids.budget!, budget.revision, 'ready');
    expect(await find('', { status: 'ready' })).toEqual(['budget']);
    expect(await find('the', { status: 'draft' })).toEqual(['talks']);
  });

  it('sorts by last edit, creation or headline', async () => {
    const talks = await library.readStory(ids.talks!);
    await library.saveStory(ids.talks!, talks.revision, storyWith({ headline: 'Zealand talks', paragraphs: ['Edited last.'] }));
    expect(await find('', { sort: 'updated' })).toEqual(['talks', 'budget', 'cafe']);
    expect(await find('', { sort: 'created' })).toEqual(['budget', 'cafe', 'talks']);
    expect(await find('', { sort: 'headline' })).toEqual(['cafe', 'budget', 'talks']);
  });

  it('follows every save, trash and restore', async () => {
    const talks = await library.readStory(ids.talks!);
    await library.saveStory(ids.talks!, talks.revision, storyWith({ headline: 'Talks', paragraphs: ['Now held in Stockholm.'] }));
    expect(await find('sweden')).toEqual([]);
    expect(await find('stockholm')).toEqual(['talks']);
    await library.trashStory(ids.talks!);
    expect(await find('stockholm')).toEqual([]);
    await library.restoreStory(ids.talks!);
    expect(await find('stockholm')).toEqual(['talks']);
  });

  it('finds stories saved before the library was opened again, from their files', async () => {
    await library.close();
    library = await openLibrary(root, { indexDelayMs: 0, live: true });
    expect(await find('sweden')).toEqual(['talks']);
    expect(await find('coff')).toEqual(['cafe']);
  });
});
