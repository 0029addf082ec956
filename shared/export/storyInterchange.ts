import { StorySchema, type Story } from '../story.js';

export const INTERCHANGE_FORMAT = 'copydesk-story';
export const INTERCHANGE_FORMAT_VERSION = 1;

/** story.json: the structured story, and the file name of its lead image beside it (null when none was written). */
export interface StoryInterchange {
  format: typeof INTERCHANGE_FORMAT;
  formatVersion: typeof INTERCHANGE_FORMAT_VERSION;
  imageFile: string | null;
  story: Story;
}

const STORY_KEYS = Object.keys(StorySchema.shape) as (keyof Story)[];

/** The interchange object, with the story's keys in the order of a library story file whatever order they came in. */
export function storyInterchange(story: Story, imageFile: string | null): StoryInterchange {
  const ordered = Object.fromEntries(STORY_KEYS.map((key) => [key, story[key]])) as Story;
  return { format: INTERCHANGE_FORMAT, formatVersion: INTERCHANGE_FORMAT_VERSION, imageFile, story: ordered };
}

/** story.json's text: pretty-printed, with a final newline, like the library's own story files. */
export function storyInterchangeJson(story: Story, imageFile: string | null): string {
  return `${JSON.stringify(storyInterchange(story, imageFile), null, 2)}\n`;
}
