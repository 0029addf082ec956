import type { Story } from '../story.js';
import { storySlug } from './storySlug.js';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/** The file name a story's lead image is exported under, beside the HTML: `<slug>.<ext>`; null without an image. */
export function leadImageFileName(story: Pick<Story, 'slug' | 'headline' | 'image'>): string | null {
  const extension = story.image ? EXTENSIONS[story.image.mimeType] : undefined;
  return extension ? `${storySlug(story)}.${extension}` : null;
}
