import type { LibraryProblem } from '../../shared/contract.js';
import type { KeyedQueue } from './stories/keyedQueue.js';
import type { KnownStories } from './stories/knownStories.js';
import type { LibraryIndexData } from './index/libraryIndex.js';
import type { LibraryIndexWriter } from './index/libraryIndexWriter.js';
import type { LibraryPaths } from './files/libraryPaths.js';
import type { StoredStories } from './stories/storedStories.js';

/** What the library's commands share while it is open (openLibrary makes it). */
export interface LibraryContext {
  paths: LibraryPaths;
  /** Settings, sections and the Trash, as settings.json holds them. */
  data: LibraryIndexData;
  /** One task at a time per story id (and for the library's settings.json and library.json). */
  enqueue: KeyedQueue;
  now(): Date;
  /** Who is saving: recorded as updatedBy, and with status changes and notes. */
  userName(): string;
  /** Runs a change unless the library is read-only or closing; changes queued before close() still finish. */
  writing<T>(run: () => Promise<T>): Promise<T>;
  isTrashed(id: string): boolean;
  indexWriter: LibraryIndexWriter;
  known: KnownStories;
  stored: StoredStories;
  /** What the library reports about its files (shown in the app); a command adds what it skipped and why. */
  problems: LibraryProblem[];
  /** Media files seen in media/ (content-addressed, never deleted by Copydesk), so a save need not look again. */
  knownMedia: Set<string>;
}
