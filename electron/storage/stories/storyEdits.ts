import {
  EMPTY_STORY_META,
  emptyStoryFields,
  StoryFieldsSchema,
  StoryMetaSchema,
  type BodyNode,
  type Story,
  type StoryEdit,
  type StoryFields,
  type StoryMeta,
} from '../../../shared/story.js';
import { canonicalJson } from '../files/canonicalJson.js';

/** The fields the editor saves: what a writer edits, and the publishing fields. */
export type EditedFields = StoryFields & StoryMeta & Partial<Pick<Story, 'comments' | 'fieldSuggestions'>>;
const FIELD_KEYS = [...Object.keys(StoryFieldsSchema.shape), ...Object.keys(StoryMetaSchema.shape), 'comments', 'fieldSuggestions'] as (keyof EditedFields)[];

/**
 * Two bodies are the same when their nodes are, in order: a walk that stops at the first difference (an edit while
 * typing is usually found long before the end), cheaper than serialising a long body. Attribute values are compared
 * as JSON, so attributes in another key order count as a difference (the story is written again; nothing is lost).
 */
function sameBody(a: BodyNode, b: BodyNode): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.text !== b.text) return false;
  if ((a.attrs === undefined) !== (b.attrs === undefined) || (a.attrs && JSON.stringify(a.attrs) !== JSON.stringify(b.attrs))) return false;
  if ((a.marks === undefined) !== (b.marks === undefined) || (a.marks && JSON.stringify(a.marks) !== JSON.stringify(b.marks))) return false;
  const left = a.content;
  const right = b.content;
  if (left === undefined || right === undefined) return left === right;
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) if (!sameBody(left[i]!, right[i]!)) return false;
  return true;
}

const sameValue = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : typeof a === 'string' || a === null || b === null ? a === b : canonicalJson(a) === canonicalJson(b);

/** True when two versions have the same edited fields (so saving one over the other would change nothing). */
export const sameFields = (a: EditedFields, b: EditedFields) =>
  FIELD_KEYS.every((key) => (key === 'body' ? sameBody(a.body, b.body) : sameValue(a[key], b[key])));

/** Only the edited fields of a story (what restoring a revision brings back). */
export const pickFields = (story: EditedFields) => Object.fromEntries(FIELD_KEYS.map((key) => [key, story[key]])) as EditedFields;

/** True for a story nobody has written anything in yet (no revision of it is worth keeping). */
export const isBlank = (story: Story) => sameFields(story, { ...emptyStoryFields(), ...EMPTY_STORY_META });

/** The fields a save writes: the edit, with each publishing or review field it leaves out taken from the stored story. */
export function editedFields(edit: StoryEdit, stored: (StoryMeta & Partial<Pick<Story, 'comments' | 'fieldSuggestions'>>) | null): EditedFields {
  const meta = stored ?? EMPTY_STORY_META;
  return {
    ...edit,
    slug: edit.slug ?? meta.slug,
    tags: edit.tags ?? meta.tags,
    publishedAt: edit.publishedAt === undefined ? meta.publishedAt : edit.publishedAt,
    comments: edit.comments ?? stored?.comments,
    fieldSuggestions: edit.fieldSuggestions ?? stored?.fieldSuggestions,
    language: edit.language ?? meta.language,
  };
}
