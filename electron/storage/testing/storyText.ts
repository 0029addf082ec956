import { sampleStoryFields } from '../../../e2e/fixtures/sampleStory.js';
import type { StoryEdit } from '../../../shared/story.js';

/** The sample story's fields with a body of the given paragraphs, plus any field overrides. */
export function storyWith(overrides: Partial<StoryEdit> & { paragraphs?: string[] } = {}): StoryEdit {
  const { paragraphs, ...fields } = overrides;
  const base = sampleStoryFields();
  return {
    ...base,
    ...(paragraphs ? { body: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) } } : {}),
    ...fields,
  };
}
