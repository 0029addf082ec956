import { z } from 'zod';
import { StoryStatusSchema } from './story.js';

/** Why a revision was kept: before the first save of an editing session, a status change, a restore, or an import. */
export const REVISION_REASONS = ['session', 'status', 'restore', 'import'] as const;
export const RevisionReasonSchema = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof RevisionReasonSchema>;

/** A revision's id: its file name in revisions/<story id>/ without ".json" ("<revision>-<UTC stamp>[-n]"). */
export const RevisionIdSchema = z.string().regex(/^\d{1,12}-\d{8}T\d{9}Z(?:-\d{1,4})?$/, 'Not a revision id.');

/** One kept version of a story, as the history panel lists it. */
export const RevisionInfoSchema = z.object({
  revisionId: RevisionIdSchema,
  /** The story's revision number in this version. */
  revision: z.number().int().nonnegative(),
  /** When this version was saved (its updatedAt) and by whom ('' when unknown). */
  savedAt: z.string(),
  by: z.string(),
  /** When the copy was kept, and why. */
  keptAt: z.string(),
  reason: RevisionReasonSchema,
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
  status: StoryStatusSchema,
});
export type RevisionInfo = z.infer<typeof RevisionInfoSchema>;
