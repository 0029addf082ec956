import { randomUUID } from 'node:crypto';
import { emptyStoryWorkflow, STORY_TEXT_MAX, type Story } from '../../../shared/story.js';
import type { LibraryContext } from '../libraryContext.js';
import { orderedStory } from './orderedStory.js';

/** A new draft with a story's fields, headline + " (copy)", without its workflow, slug or publication time. */
export const duplicateStory = (ctx: LibraryContext, id: string): Promise<Story> =>
  ctx.writing(async () => {
    const source = await ctx.enqueue(id, async () => (await ctx.stored.readStored(id)).story);
    const copyId = randomUUID();
    const stamp = ctx.now().toISOString();
    const story: Story = {
      ...source,
      ...emptyStoryWorkflow(),
      id: copyId,
      revision: 1,
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: ctx.userName(),
      headline: `${source.headline} (copy)`.trim().slice(0, STORY_TEXT_MAX.headline),
      slug: '',
      publishedAt: null,
    };
    await ctx.enqueue(copyId, () => ctx.stored.writeStory(story));
    return orderedStory(story);
  });
