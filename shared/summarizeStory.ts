import { bodyText } from './bodyText.js';
import type { Story, StorySummary } from './story.js';
import { countWords } from './wordCount.js';

/** The list entry for a story the renderer already holds (a new one, before its first save). */
export function summarizeStory(story: Story): StorySummary {
  return {
    id: story.id,
    headline: story.headline,
    section: story.section,
    byline: story.byline,
    wordCount: countWords(bodyText(story.body)),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    status: story.status,
  };
}
