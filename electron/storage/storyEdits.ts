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
} from '../../shared/story.js';
import { canonicalJson } from './canonicalJson.js';

/** The fields the editor saves: what a writer edits, and the publishing fields. */
export type EditedFields = StoryFields & StoryMeta;
const FIELD_KEYS = [...Object.keys(StoryFieldsSchema.shape), ...Object.keys(StoryMetaSchema.shape)] as (keyof EditedFields)[];

// The body is compared as serialised: bodies that reach here went through the same schema, so their keys come in
// the same order (a body that differs only in key order is written again, which loses nothing). canonicalJson of a
// long body would cost more than writing the file; a stored body's text is kept from when it was compared last.
const bodyTexts = new WeakMap<object, string>();
function bodyJson(body: BodyNode): string {
  let json = bodyTexts.get(body);
  if (json === undefined) bodyTexts.set(body, (json = JSON.stringify(body)));
  return json;
}

const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'string' || a === null || b === null ? a === b : canonicalJson(a) === canonicalJson(b);

/** True when two versions have the same edited fields (so saving one over the other would change nothing). */
export const sameFields = (a: EditedFields, b: EditedFields) =>
  FIELD_KEYS.every((key) => (key === 'body' ? bodyJson(a.body) === bodyJson(b.body) : sameValue(a[key], b[key])));

/** Only the edited fields of a story (what restoring a revision brings back). */
export const pickFields = (story: EditedFields) => Object.fromEntries(FIELD_KEYS.map((key) => [key, story[key]])) as EditedFields;

/** True for a story nobody has written anything in yet (no revision of it is worth keeping). */
export const isBlank = (story: Story) => sameFields(story, { ...emptyStoryFields(), ...EMPTY_STORY_META });

/** The fields a save writes: the edit, with each publishing field it leaves out taken from the stored story. */
export function editedFields(edit: StoryEdit, stored: StoryMeta | null): EditedFields {
  const meta = stored ?? EMPTY_STORY_META;
  return { ...edit, slug: edit.slug ?? meta.slug, tags: edit.tags ?? meta.tags, publishedAt: edit.publishedAt === undefined ? meta.publishedAt : edit.publishedAt };
}
