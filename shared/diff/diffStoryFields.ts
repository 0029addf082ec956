import { bodyText } from '../bodyText.js';
import { listBodySuggestions } from '../review/suggestions.js';
import { SUGGESTABLE_FIELDS, type Story } from '../story.js';
import { diffWords, type WordDiff } from './diffWords.js';

/** The fields a history diff compares: the ones a writer edits, which restoring a revision brings back. */
export const DIFFED_FIELDS = [
  ['section', 'Section'],
  ['headline', 'Headline'],
  ['dek', 'Dek'],
  ['byline', 'Byline'],
  ['dateline', 'Dateline'],
  ['image', 'Lead image'],
  ['imageCredit', 'Image credit'],
  ['imageCaption', 'Caption'],
  ['imageAlt', 'Alt text'],
  ['slug', 'Slug'],
  ['tags', 'Tags'],
  ['publishedAt', 'Published'],
  ['language', 'Language'],
  ['body', 'Body'],
  ['suggestions', 'Suggested edits'],
] as const;

export type DiffedField = (typeof DIFFED_FIELDS)[number][0];

export interface FieldDiff {
  field: DiffedField;
  label: string;
  /** The field as plain text: the body's text, tags joined with ", ", the image's media id, '' for none. */
  before: string;
  after: string;
  changed: boolean;
  /** Words added and removed, for a changed text field (null for the image and unchanged fields). */
  words: WordDiff | null;
}

const SUGGESTION_KIND = { insertion: 'Insert', deletion: 'Delete', modification: 'Format' } as const;

/** The story's pending suggestions, one line each: a field's proposed value, then the body's in document order. */
export function suggestionsText(story: Story): string {
  const lines: string[] = [];
  for (const field of SUGGESTABLE_FIELDS) {
    const suggestion = story.fieldSuggestions?.[field];
    if (suggestion) lines.push(`${field[0]!.toUpperCase()}${field.slice(1)}: “${suggestion.proposed}” (${suggestion.author || 'someone'})`);
  }
  for (const suggestion of listBodySuggestions(story.body)) {
    lines.push(`${SUGGESTION_KIND[suggestion.kind]} “${suggestion.text.replace(/\u200b/g, '')}” (${suggestion.author || 'someone'})`);
  }
  return lines.join('\n');
}

function fieldText(story: Story, field: DiffedField): string {
  switch (field) {
    case 'body':
      return bodyText(story.body);
    case 'image':
      return story.image?.id ?? '';
    case 'tags':
      return story.tags.join(', ');
    case 'publishedAt':
      return story.publishedAt ?? '';
    case 'suggestions':
      return suggestionsText(story);
    default:
      return story[field];
  }
}

/**
 * A field-by-field comparison of two versions of a story (a revision and the current story), in the editor's field
 * order. The body compares as text: a change of formatting alone is `changed` with no words added or removed.
 */
export function diffStoryFields(before: Story, after: Story): FieldDiff[] {
  return DIFFED_FIELDS.map(([field, label]) => {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    const changed = field === 'body' ? JSON.stringify(before.body) !== JSON.stringify(after.body) : a !== b;
    const words = changed && field !== 'image' ? diffWords(a, b) : null;
    return { field, label, before: a, after: b, changed, words };
  });
}
