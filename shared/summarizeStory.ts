import { bodyText } from './bodyText.js';
import type { Story, StorySummary } from './story.js';
import { countWords } from './wordCount.js';

/** The list entry of a story; `text` is its body's plain text when the caller has it already. */
export function summarizeStory(story: Story, text: string = bodyText(story.body)): StorySummary {
  return {
    id: story.id,
    headline: story.headline,
    section: story.section,
    byline: story.byline,
    wordCount: countWords(text),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    status: story.status,
  };
}
