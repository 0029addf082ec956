import type { RevisionReason } from '../../../shared/revisions.js';
import type { Story } from '../../../shared/story.js';
import { ioError } from '../files/ioError.js';
import type { LibraryContext } from '../libraryContext.js';
import { keepRevision } from './revisionStore.js';

/** Keeps a revision of a story as stored, dated in the library's time zone. */
export const keepStoryRevision = ({ paths, data, now }: LibraryContext, story: Story, reason: RevisionReason) =>
  keepRevision(paths, story, reason, { now: now(), timeZone: data.settings.timeZone }).catch((error: unknown) => {
    throw ioError('saved to', error, 'A revision of the story');
  });
