import { slugify } from '../slugify.js';
import type { Story } from '../story.js';

// Names Windows refuses for a file or folder, whatever the extension.
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The last slug made: an export asks for the same story's slug several times (folder, image file, URL). */
let last: { slug: string; headline: string; result: string } | null = null;

/** The slug a story publishes under: its own slug made URL-safe, else one from its headline, else "untitled". */
export function storySlug(story: Pick<Story, 'slug' | 'headline'>): string {
  if (last && last.slug === story.slug && last.headline === story.headline) return last.result;
  const slug = slugify(story.slug) || slugify(story.headline) || 'untitled';
  const result = RESERVED_ON_WINDOWS.test(slug) ? `${slug}-story` : slug;
  last = { slug: story.slug, headline: story.headline, result };
  return result;
}
