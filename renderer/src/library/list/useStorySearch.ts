import { useEffect, useMemo, useState } from 'react';
import type { SearchSort } from '../../../../shared/search/searchQuery.js';
import type { StoryStatus, StorySummary } from '../../../../shared/story.js';
import { call } from '../../api.js';

export interface StoryFilters {
  query: string;
  /** null: every section; '' only stories without one. */
  section: string | null;
  status: StoryStatus | null;
  sort: SearchSort;
}

export const NO_FILTERS: StoryFilters = { query: '', section: null, status: null, sort: 'updated' };

const SEARCH_DEBOUNCE_MS = 100;

export type StorySearch = { stories: StorySummary[]; searching: boolean; error: string | null };

/**
 * The stories to list: filtered and sorted here from the list entries, and, while there are words to find, in the
 * order the library's search (headline, dek, byline, section and body) returns them, asked ~100 ms after typing stops.
 */
export function useStorySearch(stories: readonly StorySummary[], filters: StoryFilters): StorySearch {
  const local = useMemo(() => sortLocally(filterLocally(stories, filters), filters.sort), [stories, filters]);
  const query = filters.query.trim();
  const [found, setFound] = useState<{ key: string; ids: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([query, filters.section, filters.status, filters.sort]);

  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      call('searchStories', {
        query,
        sort: filters.sort,
        ...(filters.section !== null ? { section: filters.section } : {}),
        ...(filters.status !== null ? { status: filters.status } : {}),
      }).then(
        ({ ids }) => {
          if (!current) return;
          setFound({ key, ids });
          setError(null);
        },
        (failure: unknown) => {
          if (current) setError(`Search failed: ${failure instanceof Error ? failure.message : String(failure)}`);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Saved edits change the list entries: search again so the results follow them.
  }, [key, query, filters.sort, filters.section, filters.status, stories]);

  return useMemo(() => {
    if (!query) return { stories: local, searching: false, error: null };
    if (!found) return { stories: [], searching: true, error };
    const byId = new Map(stories.map((story) => [story.id, story]));
    const results = found.ids.flatMap((id) => byId.get(id) ?? []);
    return { stories: results, searching: found.key !== key, error };
  }, [query, local, found, key, stories, error]);
}

function filterLocally(stories: readonly StorySummary[], { section, status }: StoryFilters): StorySummary[] {
  return stories.filter(
    (story) => (section === null || story.section.trim() === section) && (status === null || (story.status ?? 'draft') === status),
  );
}

const headlineOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortLocally(stories: StorySummary[], sort: SearchSort): StorySummary[] {
  if (sort === 'headline') {
    return stories.sort((a, b) => headlineOrder.compare(a.headline.trim(), b.headline.trim()) || a.id.localeCompare(b.id));
  }
  const field = sort === 'created' ? 'createdAt' : 'updatedAt';
  return stories
    .map((story) => ({ story, time: Date.parse(story[field]) }))
    .sort((a, b) => b.time - a.time || a.story.id.localeCompare(b.story.id))
    .map(({ story }) => story);
}
