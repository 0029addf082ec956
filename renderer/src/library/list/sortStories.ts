import type { StorySummary } from '../../../../shared/story.js';

/** Stories by last edit, newest first. */
export function sortStories(stories: readonly StorySummary[]): StorySummary[] {
  return stories
    .map((story) => ({ story, time: Date.parse(story.updatedAt) }))
    .sort((a, b) => b.time - a.time || a.story.id.localeCompare(b.story.id))
    .map(({ story }) => story);
}
