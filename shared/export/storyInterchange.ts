import { StorySchema, type Story } from '../story.js';

export const INTERCHANGE_FORMAT = 'copydesk-story';
export const INTERCHANGE_FORMAT_VERSION = 1;

/** What story.json leaves out of a story: the editor's notes and the comment threads are for the team only. */
export type InterchangeStory = Omit<Story, 'notes' | 'comments'>;

/** story.json: the structured story, and the file name of its lead image beside it (null when none was written). */
export interface StoryInterchange {
  format: typeof INTERCHANGE_FORMAT;
  formatVersion: typeof INTERCHANGE_FORMAT_VERSION;
  imageFile: string | null;
  story: InterchangeStory;
}

const STORY_KEYS = (Object.keys(StorySchema.shape) as (keyof Story)[]).filter((key): key is keyof InterchangeStory => key !== 'notes' && key !== 'comments');

/**
 * The interchange object, with the story's keys in the order of a library story file whatever order they came in,
 * and without the editor's notes or comments (an import gets none). Pending suggestions travel with it.
 */
export function storyInterchange(story: Story, imageFile: string | null): StoryInterchange {
  const ordered = Object.fromEntries(STORY_KEYS.map((key) => [key, story[key]])) as InterchangeStory;
  return { format: INTERCHANGE_FORMAT, formatVersion: INTERCHANGE_FORMAT_VERSION, imageFile, story: ordered };
}

/** story.json's text: pretty-printed, with a final newline, like the library's own story files. */
export function storyInterchangeJson(story: Story, imageFile: string | null): string {
  return `${JSON.stringify(storyInterchange(story, imageFile), null, 2)}\n`;
}
