import { z } from 'zod';
import { parseBody, type BodyNode } from './storyBody.js';

export type { BodyMark, BodyNode } from './storyBody.js';

export const STORY_SCHEMA_VERSION = 2;

/** Story ids are file names in the library: a closed alphabet, so no id can reach outside stories/. */
export const STORY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * The highest revision a story can have: twelve digits, as in a revision id (shared/revisions.ts), and far below 2^53,
 * so one more is still an exact integer. A million saves a day would take 2,700 years to reach it.
 */
export const MAX_STORY_REVISION = 999_999_999_999;
export const StoryRevisionSchema = z.number().int().nonnegative().max(MAX_STORY_REVISION, 'A story revision is at most 999,999,999,999.');
export const StoryIdSchema = z.string().regex(STORY_ID_PATTERN, 'A story id is 1–64 letters, digits, "-" or "_".');

/**
 * A story's body: a ProseMirror "doc" node, checked and copied by parseBody (a hand-written walk: zod's recursive
 * schema cost most of the time of reading a story, which batch export does a thousand times a second).
 */
export const BodyDocSchema = z.custom<BodyNode>().transform((input, context) => {
  const parsed = parseBody(input);
  if (parsed.success) return parsed.data;
  context.issues.push({ code: 'custom', input, path: parsed.issue.path, message: parsed.issue.message });
  return z.NEVER;
});

export const EMPTY_BODY: BodyNode = { type: 'doc', content: [{ type: 'paragraph' }] };

export const MEDIA_ID_PATTERN = /^[a-f0-9]{64}\.(jpg|png|gif|webp)$/;
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

/** An image copied into the library's media folder, named by the SHA-256 of its bytes. */
export const MediaRefSchema = z.object({
  id: z.string().regex(MEDIA_ID_PATTERN, 'Not a library media id.'),
  mimeType: z.enum(MEDIA_TYPES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
});
export type MediaRef = z.infer<typeof MediaRefSchema>;

const field = (label: string, max: number) => z.string().max(max, `${label} is longer than ${max} characters.`);

/** The longest each text field may be, in UTF-16 units (as zod counts): shared with the fast path of reading a story. */
export const STORY_TEXT_MAX = {
  section: 100,
  headline: 500,
  dek: 2000,
  byline: 300,
  dateline: 100,
  imageCredit: 500,
  imageCaption: 2000,
  imageAlt: 1000,
  slug: 200,
  tag: 100,
} as const;
export const STORY_TAGS_MAX = 50;

/** The fields a writer edits. Key order here is the key order on disk. */
export const StoryFieldsSchema = z.object({
  section: field('Section', STORY_TEXT_MAX.section),
  headline: field('Headline', STORY_TEXT_MAX.headline),
  dek: field('Dek', STORY_TEXT_MAX.dek),
  byline: field('Byline', STORY_TEXT_MAX.byline),
  /** Where the story was filed ("TOKYO —"), printed before the first paragraph; '' for none. Files before format 2 get ''. */
  dateline: field('Dateline', STORY_TEXT_MAX.dateline).default(''),
  image: MediaRefSchema.nullable(),
  imageCredit: field('Image credit', STORY_TEXT_MAX.imageCredit),
  imageCaption: field('Caption', STORY_TEXT_MAX.imageCaption),
  imageAlt: field('Alt text', STORY_TEXT_MAX.imageAlt),
  body: BodyDocSchema,
});
export type StoryFields = z.infer<typeof StoryFieldsSchema>;

const IsoDateSchema = z.iso.datetime({ offset: true });

/** The longest language tag a story may carry. */
export const LANGUAGE_TAG_MAX = 64;

/** True for a well-formed BCP 47 language tag ("en", "ja", "ar-EG", "zh-Hant-TW"). */
export function isLanguageTag(tag: string): boolean {
  try {
    return tag.length > 0 && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * A story's language: 'detect' (from the script of its text, else the library's default language), 'library' (the
 * library's default language, what stories written before format 2 get), or a BCP 47 tag the writer chose.
 */
export const StoryLanguageSchema = z.union([
  z.literal('detect'),
  z.literal('library'),
  z.string().max(LANGUAGE_TAG_MAX).refine(isLanguageTag, 'Not a language tag; use one like en, ja or ar-EG.'),
]);
export type StoryLanguage = z.infer<typeof StoryLanguageSchema>;

/**
 * Publishing fields an editor sets: the URL slug ('' = derived from the headline), tags, and the
 * publication time (null = not set; exports then use the last edit). Files written before these existed get the defaults.
 */
export const StoryMetaSchema = z.object({
  slug: field('Slug', STORY_TEXT_MAX.slug),
  tags: z.array(field('A tag', STORY_TEXT_MAX.tag)).max(STORY_TAGS_MAX, `A story has at most ${STORY_TAGS_MAX} tags.`),
  publishedAt: IsoDateSchema.nullable(),
  language: StoryLanguageSchema,
});
export type StoryMeta = z.infer<typeof StoryMetaSchema>;

export const EMPTY_STORY_META: StoryMeta = { slug: '', tags: [], publishedAt: null, language: 'detect' };

const { body: BodyFieldSchema, ...FIELDS_BEFORE_BODY } = StoryFieldsSchema.shape;

/** Where a story is in the desk's workflow: Draft → Editing → Ready → Published, or Spiked (killed). */
export const STORY_STATUSES = ['draft', 'editing', 'ready', 'published', 'spiked'] as const;
export const StoryStatusSchema = z.enum(STORY_STATUSES);
export type StoryStatus = z.infer<typeof StoryStatusSchema>;

/** Each status as the app shows it (list, editor, history, the Story menu). */
export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  editing: 'Editing',
  ready: 'Ready',
  published: 'Published',
  spiked: 'Spiked',
};

/** The longest user name Copydesk records (Settings); a longer one is refused. */
export const USER_NAME_MAX = 100;
const UserNameSchema = z.string().max(USER_NAME_MAX, `A name is at most ${USER_NAME_MAX} characters.`);

/** One status change: the new status, when (ISO 8601) and by whom (the user name set in Settings; '' when none was set). */
export const StatusChangeSchema = z.object({ status: StoryStatusSchema, at: IsoDateSchema, by: UserNameSchema });
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const NOTE_TEXT_MAX = 5000;

/** An editor's note on a story: for the team only, never exported. */
export const StoryNoteSchema = z.object({
  id: z.string().regex(STORY_ID_PATTERN),
  at: IsoDateSchema,
  by: UserNameSchema,
  text: z.string().min(1).max(NOTE_TEXT_MAX, `A note is at most ${NOTE_TEXT_MAX} characters.`),
});
export type StoryNote = z.infer<typeof StoryNoteSchema>;

export const COMMENT_TEXT_MAX = 5000;
export const COMMENT_QUOTE_MAX = 500;

/** One message in a comment thread: who wrote it and when (ISO 8601), and what. */
export const CommentMessageSchema = z.object({
  id: z.string().regex(STORY_ID_PATTERN),
  author: UserNameSchema,
  at: IsoDateSchema,
  text: z.string().min(1).max(COMMENT_TEXT_MAX, `A comment is at most ${COMMENT_TEXT_MAX} characters.`),
  editedAt: IsoDateSchema.optional(),
});
export type CommentMessage = z.infer<typeof CommentMessageSchema>;

/**
 * A comment thread pinned to a range of the body. The range is a `comment` mark with the thread's id in the body
 * (ProseMirror carries a mark through every edit, and it is saved with the text); `anchor.quote` is the text it was
 * made on, shown when that text has been deleted. For the team only: never exported.
 */
export const CommentThreadSchema = z.object({
  id: z.string().regex(STORY_ID_PATTERN),
  anchor: z.object({ quote: z.string().max(COMMENT_QUOTE_MAX) }),
  resolved: z.boolean(),
  messages: z.array(CommentMessageSchema).min(1),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/** The text fields a suggestion can be made on outside the body. */
export const SUGGESTABLE_FIELDS = ['headline', 'dek', 'byline'] as const;
export type SuggestableField = (typeof SUGGESTABLE_FIELDS)[number];

/** A suggested new value for a text field: the field keeps its value until the suggestion is accepted. */
export const FieldSuggestionSchema = z.object({ proposed: z.string().max(STORY_TEXT_MAX.dek), author: UserNameSchema, at: IsoDateSchema });
export type FieldSuggestion = z.infer<typeof FieldSuggestionSchema>;
export const FieldSuggestionsSchema = z.object({
  headline: FieldSuggestionSchema.optional(),
  dek: FieldSuggestionSchema.optional(),
  byline: FieldSuggestionSchema.optional(),
});
export type FieldSuggestions = z.infer<typeof FieldSuggestionsSchema>;

/**
 * A story file. Key order here is the key order on disk: the body stays last, so diffs of the other fields stay short.
 * Fields added after the first format have defaults, so older files parse: `updatedBy` (who saved the last edit,
 * '' when unknown), `status` with its `statusHistory` (oldest first), and the editor's `notes` (oldest first).
 */
export const StorySchema = z.object({
  schemaVersion: z.literal(STORY_SCHEMA_VERSION),
  id: StoryIdSchema,
  revision: StoryRevisionSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  updatedBy: UserNameSchema.default(''),
  ...FIELDS_BEFORE_BODY,
  slug: StoryMetaSchema.shape.slug.default(''),
  tags: StoryMetaSchema.shape.tags.default(() => []),
  publishedAt: StoryMetaSchema.shape.publishedAt.default(null),
  language: StoryMetaSchema.shape.language.default('detect'),
  status: StoryStatusSchema.default('draft'),
  statusHistory: z.array(StatusChangeSchema).default(() => []),
  notes: z.array(StoryNoteSchema).default(() => []),
  /** Comment threads (optional: absent in files without any). */
  comments: z.array(CommentThreadSchema).optional(),
  /** Suggested values for headline, dek and byline (optional). */
  fieldSuggestions: FieldSuggestionsSchema.optional(),
  body: BodyFieldSchema,
});
export type Story = z.infer<typeof StorySchema>;

/** What saveStory takes: the edited fields, and any publishing field to change (one left out keeps its stored value). */
export const StoryEditSchema = StoryFieldsSchema.extend({
  ...StoryMetaSchema.partial().shape,
  /** The comment threads as the editor holds them (saved with the body, whose marks anchor them); left out keeps the stored ones. */
  comments: StorySchema.shape.comments,
  /** The field suggestions as the editor holds them; left out keeps the stored ones. */
  fieldSuggestions: StorySchema.shape.fieldSuggestions,
});
export type StoryEdit = z.infer<typeof StoryEditSchema>;

export const StorySummarySchema = z.object({
  id: StoryIdSchema,
  headline: z.string(),
  section: z.string(),
  byline: z.string(),
  wordCount: z.number().int().nonnegative(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  /** Always set by the main process; optional only so summaries made before statuses existed still type-check. */
  status: StoryStatusSchema.optional(),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

export function emptyStoryFields(): StoryFields {
  return {
    section: '',
    headline: '',
    dek: '',
    byline: '',
    dateline: '',
    image: null,
    imageCredit: '',
    imageCaption: '',
    imageAlt: '',
    body: JSON.parse(JSON.stringify(EMPTY_BODY)) as BodyNode,
  };
}

/** The workflow fields of a new story: a draft with no history or notes, last saved by nobody yet. */
export function emptyStoryWorkflow(): Pick<Story, 'updatedBy' | 'status' | 'statusHistory' | 'notes'> {
  return { updatedBy: '', status: 'draft', statusHistory: [], notes: [] };
}
