import type { LibraryProblem, SaveResult, StoriesChangedOnDisk, StoryChange, TrashedStory } from '../../shared/contract.js';
import type { ExportSettings } from '../../shared/exportSettings.js';
import type { LibrarySettings } from '../../shared/librarySettings.js';
import type { RevisionInfo, RevisionReason } from '../../shared/revisions.js';
import type { SearchQuery } from '../../shared/search/searchQuery.js';
import type { LockHolderKind } from './files/libraryLock.js';
import type { MediaRef, Story, StoryEdit, StoryStatus, StorySummary } from '../../shared/story.js';

export interface SaveOptions {
  /**
   * The editing session (an id the editor makes when it opens the story): the first save of a session keeps a
   * revision of the stored version first. Left out: one session per story while the library is open. null: none.
   */
  session?: string | null;
}

export interface SectionRename {
  sections: string[];
  updated: { id: string; revision: number; updatedAt: string; summary: StorySummary }[];
}

export interface LibraryStore {
  readonly root: string;
  readonly name: string;
  readonly readOnly: boolean;
  problems(): LibraryProblem[];
  /** Summaries of every story, most recently edited first. */
  listSummaries(): StorySummary[];
  /** Ids of the stories matching a search, filtered and sorted. */
  searchStories(query: SearchQuery): Promise<string[]>;
  createStory(): Promise<Story>;
  /** Reads a story; `forEditor`: the editor opens this version, so a save is checked against it. */
  readStory(id: string, options?: { forEditor?: boolean }): Promise<Story>;
  /** Saves edited fields; a publishing field (slug, tags, publishedAt) left out keeps its stored value. */
  saveStory(id: string, baseRevision: number, fields: StoryEdit, options?: SaveOptions): Promise<SaveResult>;
  duplicateStory(id: string): Promise<Story>;
  setStatus(id: string, baseRevision: number, status: StoryStatus): Promise<StoryChange>;
  addNote(id: string, baseRevision: number, text: string): Promise<StoryChange>;
  deleteNote(id: string, baseRevision: number, noteId: string): Promise<StoryChange>;
  trashStory(id: string): Promise<void>;
  restoreStory(id: string): Promise<StorySummary>;
  listTrash(): Promise<TrashedStory[]>;
  /** Deletes every story in the Trash with its revisions; resolves to how many. */
  emptyTrash(): Promise<number>;
  listRevisions(id: string): Promise<RevisionInfo[]>;
  readRevision(id: string, revisionId: string): Promise<Story>;
  restoreRevision(id: string, baseRevision: number, revisionId: string): Promise<Story>;
  /** Adds a whole story under its own id (an import); refuses with 'conflict' if the library (or its Trash) has that id. */
  addStory(story: Story, options?: { reason?: RevisionReason }): Promise<StorySummary>;
  hasStory(id: string): boolean;
  sections(): string[];
  saveSections(sections: string[]): Promise<string[]>;
  /** Renames a section in the list and in every story that has it (each a save). */
  renameSection(from: string, to: string): Promise<SectionRename>;
  librarySettings(): LibrarySettings;
  saveLibrarySettings(patch: Partial<LibrarySettings>): Promise<LibrarySettings>;
  exportSettings(): ExportSettings;
  /** Changes the given export settings, keeps the others, and writes settings.json before resolving. */
  saveExportSettings(patch: Partial<ExportSettings>): Promise<ExportSettings>;
  importImage(sourcePath: string): Promise<MediaRef>;
  readMedia(mediaId: string): Promise<Buffer>;
  mediaFile(mediaId: string): string;
  /** Writes the index now if it has changed. */
  flush(): Promise<void>;
  /** Waits for running saves, writes the index, stops watching and releases the lock. */
  close(): Promise<void>;
}

export interface OpenLibraryOptions {
  /** Quiet milliseconds after the last change before library.json is written (at most ten times this after the first); saving a story never waits for it. */
  indexDelayMs?: number;
  now?: () => Date;
  /** Who is saving: recorded as updatedBy, and with status changes and notes. */
  userName?: () => string;
  /**
   * The app's mode: build the search index in the background right away and watch stories/ for changes made
   * outside Copydesk. Off (the CLI, most tests), the index is built on the first search and nothing is watched.
   */
  live?: boolean;
  /** Quiet time before changes seen in stories/ are looked at. */
  watchDelayMs?: number;
  /** Story files changed, appeared or went away outside Copydesk (live only). */
  onStoriesChanged?: (change: StoriesChangedOnDisk) => void;
  /** Reads only: no lock, nothing written or moved to quarantine (the CLI's list and export). */
  readOnly?: boolean;
  /** Who the lock names as holder; by default what identifyLockHolder (files/libraryLock.ts) said for this process. */
  lockHolder?: LockHolderKind;
}
