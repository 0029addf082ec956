import type { StoryFields } from '../../../../shared/story.js';

/** A lead image without alt text: the editor warns about it and Copydesk does not export it. */
export function leadImageNeedsAlt(fields: Pick<StoryFields, 'image' | 'imageAlt'>): boolean {
  return fields.image !== null && fields.imageAlt.trim() === '';
}
