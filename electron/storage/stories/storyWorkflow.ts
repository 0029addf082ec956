import { randomUUID } from 'node:crypto';
import type { StoryChange } from '../../../shared/contract.js';
import { assertPreflightPasses } from '../../../shared/preflight/assertPreflightPasses.js';
import { CopydeskError } from '../../../shared/result.js';
import type { StoryStatus } from '../../../shared/story.js';
import { changeStory } from './changeStory.js';
import type { LibraryContext } from '../libraryContext.js';

/** The statuses a story reaches only when preflight finds nothing the library set to block. */
const CHECKED_STATUSES: Partial<Record<StoryStatus, string>> = { ready: 'moving this story to Ready', published: 'marking this story Published' };

/**
 * Sets the status, recorded with when and by whom, after keeping a revision of the story as it was. Ready and
 * Published are refused, with preflight's reasons, while a blocking check fails.
 */
export const setStatus = (ctx: LibraryContext, id: string, baseRevision: number, status: StoryStatus): Promise<StoryChange> =>
  changeStory(ctx, id, baseRevision, (story) => {
    const checked = CHECKED_STATUSES[status];
    if (checked && story.status !== status) assertPreflightPasses(story, ctx.data.librarySettings, checked);
    return { ...story, status, statusHistory: [...story.statusHistory, { status, at: ctx.now().toISOString(), by: ctx.userName() }] };
  }, 'status');

export const addNote = (ctx: LibraryContext, id: string, baseRevision: number, text: string): Promise<StoryChange> =>
  changeStory(ctx, id, baseRevision, (story) => ({ ...story, notes: [...story.notes, { id: randomUUID(), at: ctx.now().toISOString(), by: ctx.userName(), text }] }));

export const deleteNote = (ctx: LibraryContext, id: string, baseRevision: number, noteId: string): Promise<StoryChange> =>
  changeStory(ctx, id, baseRevision, (story) => {
    if (!story.notes.some((note) => note.id === noteId)) throw new CopydeskError('not-found', 'This note is no longer on the story.');
    return { ...story, notes: story.notes.filter((note) => note.id !== noteId) };
  });
