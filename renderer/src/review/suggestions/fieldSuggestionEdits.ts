import type { FieldSuggestions, SuggestableField } from '../../../../shared/story.js';

/** What a field suggestion changes in the story: its suggestions, and on accept the field's value. */
export type FieldSuggestionPatch = { fieldSuggestions: FieldSuggestions } & Partial<Record<SuggestableField, string>>;

function without(suggestions: FieldSuggestions, field: SuggestableField): FieldSuggestions {
  const rest = { ...suggestions };
  delete rest[field];
  return rest;
}

/**
 * An edit of a field made in Suggesting mode: the field keeps `stored`, and `proposed` becomes its suggestion, by
 * `author` at `at`. Editing back to the stored text withdraws the suggestion.
 */
export function suggestFieldEdit(
  suggestions: FieldSuggestions,
  field: SuggestableField,
  stored: string,
  proposed: string,
  by: { author: string; at: string },
): FieldSuggestionPatch {
  if (proposed === stored) return { fieldSuggestions: without(suggestions, field) };
  return { fieldSuggestions: { ...suggestions, [field]: { proposed, author: by.author, at: by.at } } };
}

/** The writer takes the suggestion: the field becomes the proposed text and the suggestion is gone. */
export function acceptFieldSuggestion(suggestions: FieldSuggestions, field: SuggestableField): FieldSuggestionPatch {
  const pending = suggestions[field];
  if (!pending) return { fieldSuggestions: suggestions };
  return { [field]: pending.proposed, fieldSuggestions: without(suggestions, field) };
}

/** The writer turns the suggestion down: the field keeps its text and the suggestion is gone. */
export function rejectFieldSuggestion(suggestions: FieldSuggestions, field: SuggestableField): FieldSuggestionPatch {
  return { fieldSuggestions: without(suggestions, field) };
}
