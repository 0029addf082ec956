import type { SaveResult } from '../../../shared/contract.js';
import { CopydeskError } from '../../../shared/result.js';
import { emptyStoryWorkflow, STORY_SCHEMA_VERSION, type Story, type StoryEdit } from '../../../shared/story.js';
import { summarizeStory } from '../../../shared/summarizeStory.js';
import { LinkInLibraryError } from '../files/libraryLinks.js';
import { keepStoryRevision } from '../revisions/keepStoryRevision.js';
import type { LibraryContext } from '../libraryContext.js';
import type { SaveOptions } from '../libraryStore.js';
import { mediaExists } from '../mediaStore.js';
import { changedElsewhere } from './storedStories.js';
import { editedFields, isBlank, pickFields, sameFields } from './storyEdits.js';
import { StaleFileError, type FileCheck } from './storyFiles.js';

/** The session of saves that name none: one per story while the library is open. */
const DEFAULT_SESSION = '\u0000open';

/** Writes the editor's fields over `stored` (null: the file is gone, write it anew), unless nothing changed. */
async function saveEdit(ctx: LibraryContext, id: string, baseRevision: number, stored: Story | null, fields: StoryEdit, check?: FileCheck): Promise<SaveResult> {
  // Comparing and serialising happen while the temp file opens.
  const written = await ctx.stored.writeStoryWith(
    id,
    () => {
      const edited = editedFields(fields, stored);
      if (stored && sameFields(stored, edited)) return null;
      const stamp = ctx.now().toISOString();
      return {
        ...(stored ?? { schemaVersion: STORY_SCHEMA_VERSION, id, createdAt: stamp, ...emptyStoryWorkflow() }),
        revision: (stored?.revision ?? baseRevision) + 1,
        updatedAt: stamp,
        updatedBy: ctx.userName(),
        ...pickFields(edited),
      } as Story;
    },
    check,
  );
  if (!written) return { changed: false, revision: stored!.revision, updatedAt: stored!.updatedAt, summary: ctx.known.summaryOf(id) ?? summarizeStory(stored!) };
  return { changed: true, revision: written.story.revision, updatedAt: written.story.updatedAt, summary: written.summary };
}

/** Saves edited fields; a publishing field (slug, tags, publishedAt) left out keeps its stored value. */
export const saveStory = (ctx: LibraryContext, id: string, baseRevision: number, fields: StoryEdit, { session }: SaveOptions = {}): Promise<SaveResult> =>
  ctx.writing(() => ctx.enqueue(id, async () => {
    const { known, knownMedia } = ctx;
    if (fields.image && !knownMedia.has(fields.image.id)) {
      if (!(await mediaExists(ctx.paths, fields.image.id))) throw new CopydeskError('invalid-input', 'The lead image is missing from the library; choose it again.');
      knownMedia.add(fields.image.id);
    }
    const sessionKey = session === undefined ? DEFAULT_SESSION : session;
    const seen = known.seen.get(id);
    // The story being edited is in memory: write over it if the file is still that version, without reading it.
    if (seen?.story && !ctx.isTrashed(id) && (sessionKey === null || known.sessions.get(id) === sessionKey)) {
      if (seen.story.revision !== baseRevision) throw changedElsewhere();
      try {
        return await saveEdit(ctx, id, baseRevision, seen.story, fields, { unchangedSince: seen.stamp });
      } catch (error) {
        // The file is no longer the version kept in memory: the save goes the careful way, reading it first.
        if (!(error instanceof StaleFileError)) throw error;
      }
    }
    let stored: Story | null = null;
    try {
      stored = await ctx.stored.storedForChange(id, baseRevision);
    } catch (error) {
      // A story file damaged on disk is written anew from the editor (the damaged one is in quarantine); a link is left alone.
      if (!(error instanceof CopydeskError) || error.code !== 'corrupt' || error instanceof LinkInLibraryError) throw error;
    }
    if (stored && sessionKey !== null && known.sessions.get(id) !== sessionKey && !isBlank(stored) && !sameFields(stored, editedFields(fields, stored))) {
      await keepStoryRevision(ctx, stored, 'session');
    }
    const result = await saveEdit(ctx, id, baseRevision, stored, fields);
    if (sessionKey !== null && result.changed) known.sessions.set(id, sessionKey);
    return result;
  }));
