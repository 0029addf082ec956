import type { CommentThread, FieldSuggestions, Story, StoryFields, StoryMeta } from '../../../shared/story.js';

/** The story's fields that live in React state: everything but the body, which lives in TipTap. */
export type EditableFields = Omit<StoryFields, 'body'> & StoryMeta & { fieldSuggestions: FieldSuggestions; comments: CommentThread[] };

export function editableFields(story: Story): EditableFields {
  return {
    section: story.section,
    headline: story.headline,
    dek: story.dek,
    byline: story.byline,
    dateline: story.dateline,
    image: story.image,
    imageCredit: story.imageCredit,
    imageCaption: story.imageCaption,
    imageAlt: story.imageAlt,
    slug: story.slug,
    tags: story.tags,
    publishedAt: story.publishedAt,
    fieldSuggestions: story.fieldSuggestions ?? {},
    comments: story.comments ?? [],
    language: story.language,
  };
}
