import { z } from 'zod';
import type { ChannelName, EventName } from './channels.js';
import type { Envelope } from './result.js';
import { ExportSettingsPatchSchema, ExportSettingsSchema } from './exportSettings.js';
import { LibrarySettingsPatchSchema, LibrarySettingsSchema, SectionListSchema, SectionNameSchema } from './librarySettings.js';
import { PreferencesSchema, UserNameInputSchema } from './preferences.js';
import { RevisionIdSchema, RevisionInfoSchema } from './revisions.js';
import { SearchQuerySchema } from './search/searchQuery.js';
import {
  MAX_STORY_REVISION,
  MediaRefSchema,
  NOTE_TEXT_MAX,
  StoryEditSchema,
  StoryIdSchema,
  StorySchema,
  StoryStatusSchema,
  StorySummarySchema,
  type StorySummary,
} from './story.js';

const None = z.undefined();

export const LibraryProblemSchema = z.object({ file: z.string(), message: z.string() });
export type LibraryProblem = z.infer<typeof LibraryProblemSchema>;

export const SaveResultSchema = z.object({
  changed: z.boolean(),
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  summary: StorySummarySchema,
});
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** The result of a change to a story's workflow fields (status, notes): its new revision, list entry and whole story. */
export const StoryChangeSchema = z.object({
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  summary: StorySummarySchema,
  story: StorySchema,
});
export type StoryChange = z.infer<typeof StoryChangeSchema>;

/** A story in the Trash: its list entry and when it was moved there. */
export const TrashedStorySchema = StorySummarySchema.extend({ trashedAt: z.string() });
export type TrashedStory = z.infer<typeof TrashedStorySchema>;

/** What changed in the library folder from outside Copydesk (a git pull, a synced drive, another machine). */
export const StoriesChangedOnDiskSchema = z.object({
  /** Stories added or changed on disk, as their new list entries. */
  changed: z.array(StorySummarySchema),
  /** Ids of stories whose files went away (or were set aside in quarantine: see problems). */
  removed: z.array(StoryIdSchema),
  /** Files that could not be read (moved to quarantine, or left alone when they are links). */
  problems: z.array(LibraryProblemSchema),
});
export type StoriesChangedOnDisk = z.infer<typeof StoriesChangedOnDiskSchema>;

/** The revision an edit is based on: a save makes it one higher, which must still be a story revision. */
const BaseRevisionSchema = z.number().int().nonnegative().max(MAX_STORY_REVISION - 1, 'A story revision is at most 999,999,999,999.');
/** A recent library's id in the preferences (File > Open Recent). */
const RecentLibraryIdSchema = z.string().regex(/^[a-f0-9]{16}$/);
/** An editing session: a random id (e.g. crypto.randomUUID()) the editor makes each time it opens a story. */
const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A session id is 1–64 letters, digits, "-" or "_".');

export const ExportResultSchema = z.object({ folder: z.string(), files: z.array(z.string()) }).nullable();

export const EXPORT_FORMATS = ['document', 'fragment', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The end of a batch export: what went where, and each story that failed with the reason. */
export const ExportSummarySchema = z.object({
  folder: z.string(),
  total: z.number().int().nonnegative(),
  exported: z.array(z.object({ id: StoryIdSchema, folder: z.string() })),
  failed: z.array(z.object({ id: z.string(), headline: z.string(), message: z.string() })),
  /** True when the user cancelled: the stories after the one in progress were not exported. */
  cancelled: z.boolean(),
});
export type ExportSummary = z.infer<typeof ExportSummarySchema>;

export const ExportProgressSchema = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type ExportProgress = z.infer<typeof ExportProgressSchema>;

export const MENU_COMMANDS = ['new-story', 'export-html', 'save-now'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The menu commands of the library and review features, sent as libraryMenuCommand events. They are a list of their
 * own (not in MENU_COMMANDS) so a renderer handling every MenuCommand keeps type-checking; handle both events.
 */
export const LIBRARY_MENU_COMMANDS = [
  'open-library',
  'export-all',
  'settings',
  'sections',
  'preview',
  'find-in-list',
  'show-trash',
  'toggle-story-list',
  'duplicate',
  'trash',
  'history',
  'notes',
  'status-draft',
  'status-editing',
  'status-ready',
  'status-published',
  'status-spiked',
] as const;
export type LibraryMenuCommand = (typeof LIBRARY_MENU_COMMANDS)[number];

/** The IPC contract: each channel's input and output schema. Handlers, preload, bridge and CLI derive from it. */
export const contract = {
  getLibrary: {
    input: None,
    output: z.object({ name: z.string(), storyCount: z.number().int(), problems: z.array(LibraryProblemSchema) }),
  },
  listStories: { input: None, output: z.array(StorySummarySchema) },
  createStory: { input: None, output: StorySchema },
  /** The whole story, as the editor opens it: saveStory later checks the file on disk is still this version. */
  getStory: { input: z.object({ id: StoryIdSchema }), output: StorySchema },
  /**
   * Saves the editor's fields. Refused with 'conflict' when the stored story is not the one the editor has: another
   * revision, or its file changed on disk since getStory/the last save (even at the same revision). `session`: the id
   * the editor made when it opened the story; the first save of a session keeps a revision of the stored version first.
   */
  saveStory: {
    input: z.object({ id: StoryIdSchema, baseRevision: BaseRevisionSchema, fields: StoryEditSchema, session: SessionIdSchema.optional() }),
    output: SaveResultSchema,
  },
  chooseLeadImage: { input: None, output: MediaRefSchema.nullable() },
  getMediaPreview: { input: z.object({ id: MediaRefSchema.shape.id }), output: z.object({ dataUrl: z.string() }) },
  exportStoryHtml: { input: z.object({ id: StoryIdSchema }), output: ExportResultSchema },
  confirmClose: { input: None, output: None },
  getExportSettings: { input: None, output: ExportSettingsSchema },
  /** Validates and stores the given settings in settings.json (others keep their values); returns all of them as stored. */
  saveExportSettings: { input: ExportSettingsPatchSchema, output: ExportSettingsSchema },
  /** Exactly the standalone document, with the lead image embedded as a data URI so a sandboxed iframe can show it. */
  renderStoryPreview: { input: z.object({ id: StoryIdSchema }), output: z.object({ html: z.string() }) },
  /** The CMS fragment (the `<article>` alone), for the clipboard. */
  renderStoryFragment: { input: z.object({ id: StoryIdSchema }), output: z.object({ html: z.string() }) },
  /** Asks for one folder, then exports each story into its own folder with an index.json manifest; null if the dialog was cancelled. */
  exportStories: {
    input: z.object({ ids: z.union([z.array(StoryIdSchema).min(1), z.literal('all')]), format: z.enum(EXPORT_FORMATS).default('document') }),
    output: ExportSummarySchema.nullable(),
  },
  /** Stops the running batch export after the story in progress. */
  cancelExport: { input: None, output: None },

  /**
   * Story ids matching a search over headline, dek, byline, section and body text, filtered and sorted; '' lists all.
   * Right after a library opens this may wait for the search index to be built in the background.
   */
  searchStories: { input: SearchQuerySchema, output: z.object({ ids: z.array(z.string()) }) },
  /** The library's managed list of sections, in the order the Section field suggests them. */
  getSections: { input: None, output: z.object({ sections: z.array(z.string()) }) },
  /** Replaces the list (to add, remove or reorder sections); stories keep their section. Returns the list as stored. */
  saveSections: { input: z.object({ sections: SectionListSchema }), output: z.object({ sections: z.array(z.string()) }) },
  /**
   * Renames a section in the list and in every story that has it (each a save: its revision goes up). `updated` lists
   * those stories: if the editor holds one, it takes the new revision as its baseRevision and `to` as its section.
   */
  renameSection: {
    input: z.object({ from: z.string().min(1).max(200), to: SectionNameSchema }),
    output: z.object({ sections: z.array(z.string()), updated: z.array(SaveResultSchema.omit({ changed: true }).extend({ id: StoryIdSchema })) }),
  },
  /** A new draft copying the story's fields, headline + " (copy)", without its status history, notes, slug or publication time. */
  duplicateStory: { input: z.object({ id: StoryIdSchema }), output: StorySchema },
  /** Moves the story (its file, not its revisions) to the Trash; undo with restoreStory. Flush the editor's saves first. */
  trashStory: { input: z.object({ id: StoryIdSchema }), output: z.object({ id: StoryIdSchema }) },
  /** Brings a story back from the Trash into the list, as it was. */
  restoreStory: { input: z.object({ id: StoryIdSchema }), output: StorySummarySchema },
  /** The stories in the Trash, most recently trashed first. */
  listTrash: { input: None, output: z.array(TrashedStorySchema) },
  /** Deletes every story in the Trash for good, with its revisions; ask the user first. Returns how many were deleted. */
  emptyTrash: { input: z.object({ confirm: z.literal(true) }), output: z.object({ deleted: z.number().int().nonnegative() }) },
  /**
   * Sets the workflow status, recording { status, at, by } in statusHistory, after keeping a revision of the story as
   * it was. Bumps the revision like a save: flush the editor's saves first, pass its baseRevision, then take the
   * returned revision as the editor's new baseRevision (the story's text fields are unchanged).
   */
  setStoryStatus: { input: z.object({ id: StoryIdSchema, baseRevision: BaseRevisionSchema, status: StoryStatusSchema }), output: StoryChangeSchema },
  /** Adds an editor's note (never exported). Bumps the revision like setStoryStatus: same baseRevision handling. */
  addStoryNote: {
    input: z.object({ id: StoryIdSchema, baseRevision: BaseRevisionSchema, text: z.string().trim().min(1, 'A note cannot be empty.').max(NOTE_TEXT_MAX) }),
    output: StoryChangeSchema,
  },
  /** Deletes one note. Bumps the revision like setStoryStatus: same baseRevision handling. */
  deleteStoryNote: { input: z.object({ id: StoryIdSchema, baseRevision: BaseRevisionSchema, noteId: z.string().min(1).max(64) }), output: StoryChangeSchema },
  /** The story's kept revisions, newest first (the current version is not among them: get it with getStory). */
  listRevisions: { input: z.object({ id: StoryIdSchema }), output: z.array(RevisionInfoSchema) },
  /** One kept revision, whole, to show read-only and diff (shared/diff/diffStoryFields) against the current story. */
  getRevision: { input: z.object({ id: StoryIdSchema, revisionId: RevisionIdSchema }), output: StorySchema },
  /**
   * Brings back a revision's fields (status, history and notes stay as they are now) as a new revision, after keeping
   * the current version: nothing is lost. Flush the editor first; it then shows the returned story and its revision.
   */
  restoreRevision: { input: z.object({ id: StoryIdSchema, revisionId: RevisionIdSchema, baseRevision: BaseRevisionSchema }), output: StorySchema },
  /** The library's editor settings: headline and dek length limits for the counters. */
  getLibrarySettings: { input: None, output: LibrarySettingsSchema },
  /** Stores the given library settings (others keep their values); returns all of them as stored. */
  saveLibrarySettings: { input: LibrarySettingsPatchSchema, output: LibrarySettingsSchema },
  /** The app's preferences: the user name (recorded with status changes, notes and saves) and recent libraries. */
  getPreferences: { input: None, output: PreferencesSchema },
  /** Sets the user name; returns the preferences as stored. */
  savePreferences: { input: z.object({ userName: UserNameInputSchema }), output: PreferencesSchema },
  /**
   * Asks for a library folder and switches to it (an empty folder becomes a new library); null if cancelled. Flush the
   * editor first; on success a libraryChanged event follows and every story id of the old library is void.
   */
  openLibraryDialog: { input: None, output: z.object({ name: z.string() }).nullable() },
  /** Switches to a library from getPreferences().recentLibraries; as openLibraryDialog otherwise. */
  openRecentLibrary: { input: z.object({ id: RecentLibraryIdSchema }), output: z.object({ name: z.string() }) },
} satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

/** What the main process implements: one async function per channel. A missing handler is a type error. */
export type Handlers = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<z.input<Contract[K]['output']>> };

/** What the renderer sees as window.copydesk: one async method per channel, results in an envelope. */
export type CopydeskBridge = {
  [K in ChannelName]: (input: z.input<Contract[K]['input']>) => Promise<Envelope<ChannelOutput<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/**
 * Every event (main → renderer) with the schema of its payload: the main process checks a payload against it before
 * sending, as it checks each channel's output.
 */
export const eventContract = {
  flushBeforeClose: z.undefined(),
  menuCommand: z.enum(MENU_COMMANDS),
  /** After each story of a batch export (and once with done: 0 at the start). */
  exportProgress: ExportProgressSchema,
  /** Another library is open now: reload everything (list, sections, settings); the open story is gone. */
  libraryChanged: z.object({ name: z.string() }),
  /**
   * Story files changed, appeared or went away from outside Copydesk. Update the list; if the open story changed and
   * the editor has no unsaved edits, reload it (getStory); if it has some, the next save is a 'conflict'.
   */
  storiesChangedOnDisk: StoriesChangedOnDiskSchema,
  /** A command from the File, View or Story menu (see LIBRARY_MENU_COMMANDS); status-… sets the open story's status. */
  libraryMenuCommand: z.enum(LIBRARY_MENU_COMMANDS),
  /** File > Open Recent: flush the editor, then call openRecentLibrary({ id }). */
  menuOpenRecentLibrary: z.object({ id: RecentLibraryIdSchema }),
} satisfies { [E in EventName]: z.ZodType };

export type EventPayloads = { [E in EventName]: z.infer<(typeof eventContract)[E]> };
