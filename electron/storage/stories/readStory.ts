import type { Story } from '../../../shared/story.js';
import type { LibraryContext } from '../libraryContext.js';
import { sameStamp, stampOrNull } from './storyFiles.js';

/** Reads a story; `forEditor`: the editor opens this version, so a save is checked against it. */
export const readStory = (ctx: LibraryContext, id: string, { forEditor = false }: { forEditor?: boolean } = {}): Promise<Story> =>
  ctx.enqueue(id, async () => {
    const known = ctx.known.seen.get(id);
    if (!forEditor && known?.story) {
      const stamp = await stampOrNull(ctx.paths.storyFile(id));
      // On a coarse clock (a hash is kept) the same time and size may be other bytes: read the file.
      if (stamp && sameStamp(stamp, known.stamp) && known.stamp.sha256 === undefined) return known.story;
    }
    const { story, stamp } = await ctx.stored.readStored(id);
    if (forEditor) ctx.known.remember(id, stamp, story);
    return story;
  });
