import { CopydeskError } from '../../../shared/result.js';
import type { RevisionReason } from '../../../shared/revisions.js';
import type { Story, StorySummary } from '../../../shared/story.js';
import { keepStoryRevision } from '../revisions/keepStoryRevision.js';
import type { LibraryContext } from '../libraryContext.js';
import { pathExists } from '../files/pathExists.js';

/** Adds a whole story under its own id (an import); refuses with 'conflict' if the library (or its Trash) has that id. */
export const addStory = (ctx: LibraryContext, story: Story, { reason }: { reason?: RevisionReason } = {}): Promise<StorySummary> =>
  ctx.writing(() => ctx.enqueue(story.id, async () => {
    const exists = await pathExists(ctx.paths.storyFile(story.id));
    if (exists || ctx.known.entries.has(story.id) || ctx.isTrashed(story.id)) throw new CopydeskError('conflict', `The library already has a story with id ${story.id}.`);
    const summary = await ctx.stored.writeStory(story);
    if (reason) await keepStoryRevision(ctx, story, reason);
    return summary;
  }));
