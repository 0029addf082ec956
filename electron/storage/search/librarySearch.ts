import { bodyText } from '../../../shared/bodyText.js';
import { foldSearchText, parseSearchQuery } from '../../../shared/search/searchTerms.js';
import type { SearchQuery, SearchSort } from '../../../shared/search/searchQuery.js';
import type { BodyNode, StorySummary } from '../../../shared/story.js';
import { StorySearchIndex } from './storySearchIndex.js';

/** The text a story is found by: section, headline, dek, byline and the body's words (`text`, when the caller has it). */
export function storySearchText(story: { section: string; headline: string; dek: string; byline: string; body: BodyNode }, text = bodyText(story.body)): string {
  return `${story.section}\n${story.headline}\n${story.dek}\n${story.byline}\n${text}`;
}

export interface LibrarySearchSource {
  /** Every story id the library lists now. */
  ids(): string[];
  /** True while the library still lists the story (it was not removed while its file was being read). */
  lists(id: string): boolean;
  summaries(): Iterable<StorySummary>;
  summary(id: string): StorySummary | undefined;
  /** The searchable text of a story as stored, or null if it cannot be read (it is skipped). */
  readText(id: string): Promise<string | null>;
}

export interface LibrarySearch {
  /** Starts building the index from the story files, a few at a time, so the process stays responsive. */
  start(): void;
  /** Resolves when the index is built (after start()). */
  readonly ready: Promise<void>;
  /** A story was written or changed on disk: index it anew. */
  update(id: string, text: string): void;
  remove(id: string): void;
  /** Summaries changed (a save, a rename): the cached sort orders are stale. */
  invalidate(): void;
  search(query: SearchQuery): Promise<string[]>;
  stop(): void;
}

const BATCH = 8;
/**
 * Saved text waits this long before the index takes it in (a search takes it in at once): while a story is being
 * typed, its saves come every second or so, and re-indexing each one would be work (and garbage) for a text the
 * next save replaces.
 */
const UPDATE_DELAY_MS = 2_000;
/** More stories than this waiting (a section renamed, a git pull): they go into the index right away. */
const MAX_PENDING = 64;
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The library's search: the inverted index over every story's text, plus the summaries' filters and sort orders. */
export function createLibrarySearch(source: LibrarySearchSource): LibrarySearch {
  const index = new StorySearchIndex();
  let started = false;
  let stopped = false;
  let finish: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (finish = resolve));
  const sorted = new Map<SearchSort, string[]>();
  // Saves hand their text over and return; the index takes it in a little later, and always before a search.
  const pending = new Map<string, string | null>();
  let flushing: ReturnType<typeof setTimeout> | null = null;
  const flushPending = () => {
    if (flushing) clearTimeout(flushing);
    flushing = null;
    for (const [id, text] of pending) {
      if (text === null) index.delete(id);
      else index.set(id, text);
    }
    pending.clear();
  };
  const schedule = (id: string, text: string | null) => {
    pending.delete(id);
    pending.set(id, text);
    if (pending.size > MAX_PENDING && flushing) {
      clearTimeout(flushing);
      flushing = null;
    }
    if (!flushing) {
      flushing = setTimeout(flushPending, pending.size > MAX_PENDING ? 0 : UPDATE_DELAY_MS);
      flushing.unref();
    }
  };

  async function build() {
    const ids = source.ids();
    index.beginBuild(ids.length);
    for (let i = 0; i < ids.length && !stopped; i += BATCH) {
      const batch = ids.slice(i, i + BATCH).filter((id) => !index.has(id) && !pending.has(id));
      const texts = await Promise.all(batch.map((id) => source.readText(id).catch(() => null)));
      // A story saved while its file was being read is indexed already, from its newer text.
      batch.forEach((id, j) => {
        const text = texts[j];
        if (text != null && !index.has(id) && !pending.has(id) && source.lists(id)) index.set(id, text);
      });
      await yieldToEvents();
    }
    flushPending();
    if (!stopped) index.compact();
    finish();
  }

  function sortedIds(sort: SearchSort): string[] {
    let ids = sorted.get(sort);
    if (ids) return ids;
    const all = [...source.summaries()];
    if (sort === 'headline') {
      const keyed = all.map((summary) => ({ id: summary.id, key: foldSearchText(summary.headline.trim()) }));
      // Untitled stories go last.
      keyed.sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1);
      ids = keyed.map((entry) => entry.id);
    } else {
      const field = sort === 'created' ? 'createdAt' : 'updatedAt';
      all.sort((a, b) => (a[field] > b[field] ? -1 : a[field] < b[field] ? 1 : a.id < b.id ? -1 : 1));
      ids = all.map((summary) => summary.id);
    }
    sorted.set(sort, ids);
    return ids;
  }

  const start = () => {
    if (started) return;
    started = true;
    void build();
  };

  return {
    start,
    ready,
    update: (id, text) => schedule(id, text),
    remove: (id) => schedule(id, null),
    invalidate() {
      sorted.clear();
    },
    async search({ query, section, status, sort }) {
      const parsed = parseSearchQuery(query);
      const searching = parsed.exact.length > 0 || parsed.prefix !== null;
      if (searching) {
        start();
        await ready;
      }
      flushPending();
      const found = searching ? index.match(parsed) : null;
      const ids: string[] = [];
      for (const id of sortedIds(sort)) {
        if (found && !found.has(id)) continue;
        if (section !== undefined || status !== undefined) {
          const summary = source.summary(id);
          if (!summary) continue;
          if (section !== undefined && summary.section !== section) continue;
          if (status !== undefined && (summary.status ?? 'draft') !== status) continue;
        }
        ids.push(id);
      }
      return ids;
    },
    stop() {
      stopped = true;
      if (flushing) clearTimeout(flushing);
      pending.clear();
      finish();
    },
  };
}
