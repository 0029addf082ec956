import {
  isLanguageTag,
  LANGUAGE_TAG_MAX,
  MAX_STORY_REVISION,
  MEDIA_ID_PATTERN,
  MEDIA_TYPES,
  NOTE_TEXT_MAX,
  STORY_ID_PATTERN,
  STORY_SCHEMA_VERSION,
  STORY_STATUSES,
  STORY_TAGS_MAX,
  STORY_TEXT_MAX,
  USER_NAME_MAX,
  type MediaRef,
  type StatusChange,
  type Story,
  type StoryLanguage,
  type StoryNote,
  type StoryStatus,
} from './story.js';
import { parseBody } from './storyBody.js';

/**
 * What `z.iso.datetime({ offset: true })` accepts, narrowed: seconds always, a fraction of at most 9 digits, 'T' and 'Z'
 * in capitals, an offset with a colon. The day of the month is checked in isoDateTime (zod's pattern spells out the
 * Gregorian calendar); anything else zod might accept is left to zod (storyFastPath.test.ts compares the two).
 */
const ISO_DATE_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const digits = (text: string, from: number, to: number) => {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};

/** Whether zod's datetime check surely accepts `value` (false may still be a date zod accepts). */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return false;
  const day = digits(value, 8, 10);
  if (day <= 28) return true;
  const month = digits(value, 5, 7);
  if (month !== 2) return day <= 30 || month === 1 || month === 3 || month === 5 || month === 7 || month === 8 || month === 10 || month === 12;
  const year = digits(value, 0, 4);
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isCount = (value: unknown, min: number): value is number => Number.isSafeInteger(value) && (value as number) >= min;
const isStatus = (value: unknown): value is StoryStatus => STORY_STATUSES.includes(value as StoryStatus);
const isMediaType = (value: unknown): value is MediaRef['mimeType'] => MEDIA_TYPES.includes(value as MediaRef['mimeType']);

/** A copy of an image reference, or undefined when zod should look at it. */
function mediaRef(value: unknown): MediaRef | undefined {
  if (!isObject(value)) return undefined;
  const { id, mimeType, width, height, bytes } = value;
  if (typeof id !== 'string' || !MEDIA_ID_PATTERN.test(id) || !isMediaType(mimeType)) return undefined;
  if (!isCount(width, 1) || !isCount(height, 1) || !isCount(bytes, 0)) return undefined;
  return { id, mimeType, width, height, bytes };
}

/** A copy of an array each of whose items `item` copies, or undefined when zod should look at it. */
function arrayOf<T>(value: unknown, item: (value: unknown) => T | undefined, max = Infinity): T[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  const copy: T[] = new Array(value.length);
  for (let i = 0; i < value.length; i += 1) {
    const checked = item(value[i]);
    if (checked === undefined) return undefined;
    copy[i] = checked;
  }
  return copy;
}

function statusChange(value: unknown): StatusChange | undefined {
  if (!isObject(value)) return undefined;
  const { status, at, by } = value;
  if (!isStatus(status) || !isIsoDateTime(at) || !isText(by, USER_NAME_MAX)) return undefined;
  return { status, at, by };
}

function note(value: unknown): StoryNote | undefined {
  if (!isObject(value)) return undefined;
  const { id, at, by, text } = value;
  if (typeof id !== 'string' || !STORY_ID_PATTERN.test(id) || !isIsoDateTime(at) || !isText(by, USER_NAME_MAX)) return undefined;
  if (!isText(text, NOTE_TEXT_MAX) || text.length < 1) return undefined;
  return { id, at, by, text };
}

const isStoryLanguage = (value: unknown): value is StoryLanguage =>
  value === 'detect' || value === 'library' || (isText(value, LANGUAGE_TAG_MAX) && isLanguageTag(value));

const tag = (value: unknown): string | undefined => (isText(value, STORY_TEXT_MAX.tag) ? value : undefined);

/**
 * The story `StorySchema.safeParse(raw).data` would be, for a complete and valid story file; null when not sure, and
 * zod then decides (it stays the one source of errors, and of defaults for files missing a field). Unknown keys are
 * left out, as zod strips them; every object and array is a copy, in the schema's key order. Batch export reads in
 * fresh worker threads, where zod's generic walk is slow to warm up: this reads a 50-word story in ~30 µs there
 * instead of ~90 (storyFastPath.test.ts holds it to zod's answers).
 */
export function parseStoryFast(raw: unknown): Story | null {
  if (!isObject(raw)) return null;
  // Comments and field suggestions are rare and reviewed by hand: zod reads a story that has them.
  if (raw.comments !== undefined || raw.fieldSuggestions !== undefined) return null;
  const { schemaVersion, id, revision, createdAt, updatedAt, updatedBy, section, headline, dek, byline, dateline, image } = raw;
  if (schemaVersion !== STORY_SCHEMA_VERSION || typeof id !== 'string' || !STORY_ID_PATTERN.test(id)) return null;
  if (!isCount(revision, 0) || revision > MAX_STORY_REVISION || !isIsoDateTime(createdAt) || !isIsoDateTime(updatedAt) || !isText(updatedBy, USER_NAME_MAX)) return null;
  if (!isText(section, STORY_TEXT_MAX.section) || !isText(headline, STORY_TEXT_MAX.headline)) return null;
  if (!isText(dek, STORY_TEXT_MAX.dek) || !isText(byline, STORY_TEXT_MAX.byline) || !isText(dateline, STORY_TEXT_MAX.dateline)) return null;
  const media = image === null ? null : mediaRef(image);
  if (media === undefined) return null;
  const { imageCredit, imageCaption, imageAlt, slug, publishedAt, language, status } = raw;
  if (!isText(imageCredit, STORY_TEXT_MAX.imageCredit) || !isText(imageCaption, STORY_TEXT_MAX.imageCaption)) return null;
  if (!isText(imageAlt, STORY_TEXT_MAX.imageAlt) || !isText(slug, STORY_TEXT_MAX.slug)) return null;
  const published = publishedAt === null ? null : isIsoDateTime(publishedAt) ? publishedAt : undefined;
  if (published === undefined || !isStoryLanguage(language) || !isStatus(status)) return null;
  const tags = arrayOf(raw.tags, tag, STORY_TAGS_MAX);
  const statusHistory = arrayOf(raw.statusHistory, statusChange);
  const notes = arrayOf(raw.notes, note);
  if (!tags || !statusHistory || !notes) return null;
  const body = parseBody(raw.body);
  if (!body.success) return null;
  return {
    schemaVersion: STORY_SCHEMA_VERSION,
    id,
    revision,
    createdAt,
    updatedAt,
    updatedBy,
    section,
    headline,
    dek,
    byline,
    dateline,
    image: media,
    imageCredit,
    imageCaption,
    imageAlt,
    slug,
    tags,
    publishedAt: published,
    language,
    status,
    statusHistory,
    notes,
    body: body.data,
  };
}
