/**
 * Format 1 → 2: a story gets a language and a Dateline. A story written before stories had a language keeps the one its
 * exports had, the library's default ('library'); a new story's language is detected from its text instead.
 */
export function addLanguageAndDateline(story: Record<string, unknown>): Record<string, unknown> {
  return { ...story, language: story.language ?? 'library', dateline: story.dateline ?? '' };
}
