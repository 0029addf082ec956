import { z } from 'zod';
import { StoryStatusSchema } from '../story.js';

export const SEARCH_SORTS = ['updated', 'created', 'headline'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A search of the library's stories (not the Trash). */
export const SearchQuerySchema = z.object({
  /** Words to find in the headline, dek, byline, section or body; '' lists every story. */
  query: z.string().max(500).default(''),
  /** Only stories in this section (exactly; '' = stories without a section). */
  section: z.string().max(200).optional(),
  status: StoryStatusSchema.optional(),
  /** updated and created: newest first; headline: A to Z, ignoring case and accents. */
  sort: z.enum(SEARCH_SORTS).default('updated'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
