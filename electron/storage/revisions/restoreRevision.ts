import type { Story } from '../../../shared/story.js';
import { changeStory } from '../stories/changeStory.js';
import type { LibraryContext } from '../libraryContext.js';
import { readRevision } from './revisionStore.js';
import { pickFields } from '../stories/storyEdits.js';

/** Brings back a revision's fields as a new revision, after keeping the current version. */
export async function restoreRevision(ctx: LibraryContext, id: string, baseRevision: number, revisionId: string): Promise<Story> {
  const revision = await readRevision(ctx.paths, id, revisionId);
  const { story } = await changeStory(
    ctx,
    id,
    baseRevision,
    // Comment threads stay as they are now: a restore brings back text, not the conversation (a thread whose text the
    // restored body lacks shows as on deleted text).
    (current) => ({ ...current, ...pickFields(revision), comments: current.comments, updatedAt: ctx.now().toISOString(), updatedBy: ctx.userName() }),
    'restore',
  );
  return story;
}
