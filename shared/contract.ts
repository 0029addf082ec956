import { z } from 'zod';
import type { ChannelName, EventName } from './channels.js';
import type { Envelope } from './result.js';
import { ExportSettingsPatchSchema, ExportSettingsSchema } from './exportSettings.js';
import { MediaRefSchema, StoryEditSchema, StoryIdSchema, StorySchema, StorySummarySchema } from './story.js';

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

export interface ExportProgress {
  done: number;
  total: number;
}

export const MENU_COMMANDS = ['new-story', 'export-html', 'save-now'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC contract: each channel's input and output schema. Handlers, preload, bridge and CLI derive from it. */
export const contract = {
  getLibrary: {
    input: None,
    output: z.object({ name: z.string(), storyCount: z.number().int(), problems: z.array(LibraryProblemSchema) }),
  },
  listStories: { input: None, output: z.array(StorySummarySchema) },
  createStory: { input: None, output: StorySchema },
  getStory: { input: z.object({ id: StoryIdSchema }), output: StorySchema },
  saveStory: {
    input: z.object({ id: StoryIdSchema, baseRevision: z.number().int().nonnegative(), fields: StoryEditSchema }),
    output: SaveResultSchema,
  },
  chooseLeadImage: { input: None, output: MediaRefSchema.nullable() },
  getMediaPreview: { input: z.object({ id: MediaRefSchema.shape.id }), output: z.object({ dataUrl: z.string() }) },
  exportStoryHtml: { input: z.object({ id: StoryIdSchema }), output: ExportResultSchema },
  confirmClose: { input: None, output: None },
  getExportSettings: { input: None, output: ExportSettingsSchema },
  /** Validates and stores the given settings in library.json (others keep their values); returns all of them as stored. */
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

export interface EventPayloads {
  flushBeforeClose: undefined;
  menuCommand: MenuCommand;
  /** After each story of a batch export (and once with done: 0 at the start). */
  exportProgress: ExportProgress;
}
