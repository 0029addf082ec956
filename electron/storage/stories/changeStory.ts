import type { StoryChange } from '../../../shared/contract.js';
import { CopydeskError } from '../../../shared/result.js';
import type { RevisionReason } from '../../../shared/revisions.js';
import type { Story } from '../../../shared/story.js';
import { keepStoryRevision } from '../revisions/keepStoryRevision.js';
import type { LibraryContext } from '../libraryContext.js';
import { orderedStory } from './orderedStory.js';

/** A change to a stored story (not an edit of its text): checked against baseRevision, kept first if `reason`. */
export const changeStory = (ctx: LibraryContext, id: string, baseRevision: number, change: (story: Story) => Story, reason?: RevisionReason): Promise<StoryChange> =>
  ctx.writing(() => ctx.enqueue(id, async () => {
    const stored = await ctx.stored.storedForChange(id, baseRevision);
    if (!stored) throw new CopydeskError('not-found', 'This story is no longer in the library; it may have been deleted or moved.');
    if (reason) await keepStoryRevision(ctx, stored, reason);
    const story = orderedStory({ ...change(stored), revision: stored.revision + 1 });
    const summary = await ctx.stored.writeStory(story);
    return { revision: story.revision, updatedAt: story.updatedAt, summary, story };
  }));
