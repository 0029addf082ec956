import type { Story } from '../story.js';

/**
 * What preflight reads of a story. `comments` are the story's comment threads and `fieldSuggestions` the suggested
 * edits to fields other than the body, when the story has them (files from before either existed do not).
 */
export type PreflightStory = Pick<Story, 'headline' | 'section' | 'byline' | 'dek' | 'image' | 'imageCredit' | 'imageCaption' | 'imageAlt' | 'body'> & {
  comments?: readonly { resolved: boolean }[] | undefined;
  /** Suggested values per field (headline, dek, byline), as shared/story.ts keeps them. */
  fieldSuggestions?: Readonly<Record<string, unknown>> | undefined;
};
