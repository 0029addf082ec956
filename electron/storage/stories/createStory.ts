import { randomUUID } from 'node:crypto';
import { EMPTY_STORY_META, emptyStoryFields, emptyStoryWorkflow, STORY_SCHEMA_VERSION, type Story } from '../../../shared/story.js';
import type { LibraryContext } from '../libraryContext.js';
import { orderedStory } from './orderedStory.js';

/** A new, empty draft under a new id, written at once. */
export const createStory = (ctx: LibraryContext): Promise<Story> =>
  ctx.writing(async () => {
    const id = randomUUID();
    const stamp = ctx.now().toISOString();
    const story: Story = {
      schemaVersion: STORY_SCHEMA_VERSION,
      id,
      revision: 1,
      createdAt: stamp,
      updatedAt: stamp,
      ...emptyStoryWorkflow(),
      updatedBy: ctx.userName(),
      ...emptyStoryFields(),
      ...EMPTY_STORY_META,
    };
    await ctx.enqueue(id, () => ctx.stored.writeStory(story));
    return orderedStory(story);
  });
