import { StorySchema, type Story } from '../../../shared/story.js';

const STORY_KEYS = Object.keys(StorySchema.shape) as (keyof Story)[];

/** The story with its keys in the on-disk order (StorySchema's), whatever order it was built in. */
export function orderedStory(story: Story): Story {
  return Object.fromEntries(STORY_KEYS.map((key) => [key, story[key]])) as Story;
}
