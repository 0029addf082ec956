import { bodyText } from '../../../shared/bodyText.js';
import type { Story, StorySummary } from '../../../shared/story.js';
import { summarizeStory } from '../../../shared/summarizeStory.js';
import type { IndexEntry } from '../index/libraryIndex.js';
import type { LibraryPaths } from '../files/libraryPaths.js';
import { createLibrarySearch, storySearchText, type LibrarySearch } from '../search/librarySearch.js';
import { SeenVersions } from './seenVersions.js';
import { readSmallFile, type FileStamp } from './storyFiles.js';

/** A story's list entry and the text it is found by. */
export function prepareIndex(story: Story) {
  const text = bodyText(story.body);
  return { summary: summarizeStory(story, text), searchText: storySearchText(story, text) };
}
export type PreparedIndex = ReturnType<typeof prepareIndex>;

/** What the open library holds in memory about its stories: never every body, only summaries and a few recent versions. */
export interface KnownStories {
  /** Each listed story's summary and the stamp of its file, as library.json keeps them. */
  readonly entries: Map<string, IndexEntry>;
  readonly search: LibrarySearch;
  /** The version of each story the editor last read or Copydesk last wrote. */
  readonly seen: SeenVersions;
  /** The editing session that last saved each story (see saveStory). */
  readonly sessions: Map<string, string>;
  /** Summaries of every story, most recently edited first. */
  summaries(): StorySummary[];
  summaryOf(id: string): StorySummary | undefined;
  remember(id: string, stamp: FileStamp, story: Story): void;
  /** Takes a story out of the list, the search and memory (trashed, deleted or quarantined). */
  forget(id: string): void;
  /** Puts a story version into the list and the search (`prepared`: its summary and search text, made already). */
  index(story: Story, stamp: FileStamp, prepared?: PreparedIndex): StorySummary;
}

export function createKnownStories(paths: LibraryPaths, entries: Map<string, IndexEntry>, scheduleIndexWrite: () => void): KnownStories {
  const seen = new SeenVersions(entries);
  const sessions = new Map<string, string>();
  const search = createLibrarySearch({
    ids: () => [...entries.keys()],
    lists: (id) => entries.has(id),
    summaries: () => [...entries.values()].map((entry) => entry.summary),
    summary: (id) => entries.get(id)?.summary,
    async readText(id) {
      return storySearchText(JSON.parse(await readSmallFile(paths.storyFile(id))) as Story);
    },
  });

  return {
    entries,
    search,
    seen,
    sessions,
    summaries: () =>
      [...entries.values()].map((entry) => entry.summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)),
    summaryOf: (id) => entries.get(id)?.summary,
    remember: (id, stamp, story) => seen.remember(id, stamp, story),
    forget(id) {
      if (entries.delete(id)) scheduleIndexWrite();
      seen.forget(id);
      sessions.delete(id);
      search.remove(id);
      search.invalidate();
    },
    index(story, stamp, prepared = prepareIndex(story)) {
      entries.set(story.id, { summary: prepared.summary, mtimeMs: stamp.mtimeMs, size: stamp.size } satisfies IndexEntry);
      search.update(story.id, prepared.searchText);
      search.invalidate();
      scheduleIndexWrite();
      return prepared.summary;
    },
  };
}
