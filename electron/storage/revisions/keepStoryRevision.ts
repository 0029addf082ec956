import type { RevisionReason } from '../../../shared/revisions.js';
import type { Story } from '../../../shared/story.js';
import { ioError } from '../files/ioError.js';
import { LinkInLibraryError, linkProblem } from '../files/libraryLinks.js';
import type { LibraryContext } from '../libraryContext.js';
import { keepRevision } from './revisionStore.js';

/**
 * Keeps a revision of a story as stored, dated in the library's time zone. When revisions/<id> is a link, no revision
 * is kept (the save goes on: the writer's text is not held back by a copy) and the link is reported, once.
 */
export const keepStoryRevision = ({ paths, data, now, problems }: LibraryContext, story: Story, reason: RevisionReason) =>
  keepRevision(paths, story, reason, { now: now(), timeZone: data.settings.timeZone }).catch((error: unknown) => {
    if (error instanceof LinkInLibraryError) {
      if (!problems.some((problem) => problem.file === error.file)) problems.push(linkProblem(error));
      return null;
    }
    throw ioError('saved to', error, 'A revision of the story');
  });
