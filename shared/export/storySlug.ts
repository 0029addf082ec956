import { slugify } from '../slugify.js';
import type { Story } from '../story.js';

// Names Windows refuses for a file or folder, whatever the extension.
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The slug a story publishes under: its own slug made URL-safe, else one from its headline, else "untitled". */
export function storySlug(story: Pick<Story, 'slug' | 'headline'>): string {
  const slug = slugify(story.slug) || slugify(story.headline) || 'untitled';
  return RESERVED_ON_WINDOWS.test(slug) ? `${slug}-story` : slug;
}
