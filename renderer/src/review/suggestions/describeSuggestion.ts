import type { PendingSuggestion } from './pendingSuggestions.js';

const KIND_LABEL: Record<PendingSuggestion['kind'], string> = { insertion: 'Inserted', deletion: 'Deleted', modification: 'Formatted' };

function when(at: string | null): string {
  if (!at) return '';
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What a suggestion does to the text: "Deleted “on Tuesday night”". */
export function suggestionChange(suggestion: PendingSuggestion): string {
  return `${KIND_LABEL[suggestion.kind]} “${suggestion.text.trim() || '¶'}”`;
}

/** Who made a suggestion and when, as far as it knows: "Ed Editor, 5 Dec 2026, 10:02" (empty when neither). */
export function suggestionByline(suggestion: PendingSuggestion): string {
  return [suggestion.author ?? '', when(suggestion.at)].filter(Boolean).join(', ');
}

/** Describes a suggestion in one line: what, by whom, when. */
export function describeSuggestion(suggestion: PendingSuggestion): string {
  const who = suggestion.author ? ` by ${suggestion.author}` : '';
  const at = when(suggestion.at);
  return `${suggestionChange(suggestion)}${who}${at ? `, ${at}` : ''}`;
}
