import type { LibraryProblem } from '../../../shared/contract.js';
import { CopydeskError } from '../../../shared/result.js';
import type { Story, StorySummary } from '../../../shared/story.js';
import { canonicalJson } from '../files/canonicalJson.js';
import { ioError } from '../files/ioError.js';
import { LinkInLibraryError, linkProblem } from '../files/libraryLinks.js';
import { prepareIndex, type KnownStories, type PreparedIndex } from './knownStories.js';
import type { LibraryPaths } from '../files/libraryPaths.js';
import { migrateStory } from '../migrations/migrateStory.js';
import { orderedStory } from './orderedStory.js';
import { quarantineOrKeep } from '../files/quarantineFile.js';
import { readStoryFile, sameStamp, sameVersion, StaleFileError, stampOrNull, writeFileChecked, type FileCheck, type FileStamp } from './storyFiles.js';

/**
 * The story as the library would read it back: a story the reader would reject (a revision past MAX_STORY_REVISION, a
 * field too long) is refused before a byte is written, never set aside as damaged after.
 */
function assertStoryReadable(story: Story): Story {
  try {
    migrateStory(story);
  } catch (error) {
    if (!(error instanceof CopydeskError)) throw error;
    throw new CopydeskError('invalid-input', `The story could not be saved: ${error.message}.`);
  }
  return story;
}

/** How long a story file that could not be read is left before it is read again (and only then set aside). */
const REREAD_MS = 250;

export const changedElsewhere = () => new CopydeskError('conflict', 'This story was changed elsewhere since you opened it.');

export interface StoredStoriesContext {
  paths: LibraryPaths;
  readOnly: boolean;
  now(): Date;
  known: KnownStories;
  /** What could not be read, as the library reports it. */
  problems: LibraryProblem[];
  isTrashed(id: string): boolean;
}

/** The story files in stories/: read, written and checked against the version in memory, the list kept in step. */
export interface StoredStories {
  /** Reads a story file; a missing one is 'not-found', an unreadable one goes to quarantine. */
  readStored(id: string): Promise<{ story: Story; stamp: FileStamp }>;
  /**
   * Writes a story file made by `make` (null: nothing to write) on the writer thread; with `check`, only if the file on
   * disk is still that version right before it is replaced. The summary and search text are made meanwhile. Resolves to the story written and its summary, or null.
   */
  writeStoryWith(id: string, make: () => Story | null, check?: FileCheck): Promise<{ story: Story; summary: StorySummary } | null>;
  /** Writes a story file; with `check`, only if the file on disk passes it right before it is replaced. */
  writeStory(story: Story, check?: FileCheck): Promise<StorySummary>;
  /**
   * The stored story a change is based on, after checking it is the version the editor has: the same revision, and
   * the same file on disk as when the editor read it or Copydesk wrote it (a hand edit or a sync may keep the
   * revision number). Null when the file is gone from disk.
   */
  storedForChange(id: string, baseRevision: number): Promise<Story | null>;
  /** Sets an unreadable story file aside in quarantine/ (not in a read-only library) and says so. */
  setAside(id: string, error: CopydeskError): Promise<LibraryProblem>;
}

export function createStoredStories({ paths, readOnly, now, known, problems, isTrashed }: StoredStoriesContext): StoredStories {
  async function writeStoryWith(id: string, make: () => Story | null, check?: FileCheck): Promise<{ story: Story; summary: StorySummary } | null> {
    let ordered: Story | null = null;
    let prepared: PreparedIndex | undefined;
    let stamp: FileStamp | null;
    try {
      stamp = await writeFileChecked(
        paths.storyFile(id),
        () => {
          const story = make();
          ordered = story && orderedStory(assertStoryReadable(story));
          return ordered && `${JSON.stringify(ordered, null, 2)}\n`;
        },
        check,
        () => (prepared = prepareIndex(ordered!)),
      );
    } catch (error) {
      throw error instanceof StaleFileError || error instanceof CopydeskError ? error : ioError('saved to', error);
    }
    if (stamp === null || ordered === null) return null;
    const story: Story = ordered;
    known.remember(id, stamp, story);
    return { story, summary: known.index(story, stamp, prepared) };
  }

  async function setAside(id: string, error: CopydeskError): Promise<LibraryProblem> {
    const file = `stories/${id}.json`;
    if (readOnly || error.code === 'unsupported') {
      return { file, message: `${file} ${error.code === 'unsupported' ? 'was left untouched' : 'could not be opened'}: ${error.message}.` };
    }
    const moved = await quarantineOrKeep(paths, paths.storyFile(id), now());
    known.forget(id);
    return { file, message: `${file} could not be opened and ${moved}: ${error.message}.` };
  }

  /** A story file that is a link is taken out of the list and reported, once; the link itself stays. */
  function reportLink(id: string, error: LinkInLibraryError) {
    known.forget(id);
    if (!problems.some((problem) => problem.file === error.file)) problems.push(linkProblem(error));
  }

  async function readStored(id: string): Promise<{ story: Story; stamp: FileStamp }> {
    const readOnce = () => readStoryFile(paths.storyFile(id), id).catch((error: unknown) => {
      if (error instanceof LinkInLibraryError) reportLink(id, error);
      throw ioError('read from', error);
    });
    let read = await readOnce();
    // One bad read is not a damaged file (a sync or a network share may be mid-write): read once more after a moment.
    if (read.kind === 'unreadable' && read.error.code !== 'unsupported') {
      await new Promise((resolve) => setTimeout(resolve, REREAD_MS));
      read = await readOnce();
    }
    if (read.kind === 'missing') {
      known.forget(id);
      const inTrash = isTrashed(id);
      throw new CopydeskError('not-found', inTrash ? 'This story is in the Trash; restore it to open it.' : 'This story is no longer in the library; it may have been deleted or moved.');
    }
    if (read.kind === 'unreadable') {
      const problem = await setAside(id, read.error);
      problems.push(problem);
      throw new CopydeskError(read.error.code === 'unsupported' ? 'unsupported' : 'corrupt', problem.message);
    }
    return read;
  }

  async function storedForChange(id: string, baseRevision: number): Promise<Story | null> {
    if (isTrashed(id)) throw new CopydeskError('not-found', 'This story is in the Trash; restore it to edit it.');
    const stamp = await stampOrNull(paths.storyFile(id)).catch((error: unknown) => {
      if (error instanceof LinkInLibraryError) reportLink(id, error);
      throw ioError('read from', error);
    });
    if (stamp === null) return null;
    const seen = known.seen.get(id);
    // The same time and size are not the same bytes (a same-size edit that kept the time): a version whose hash is known
    // is compared by its bytes, read again here.
    let story = seen && sameStamp(seen.stamp, stamp) && seen.stamp.sha256 === undefined ? seen.story : undefined;
    if (!story) {
      const read = await readStored(id);
      // Touched but unchanged (a sync that rewrote the same bytes) is no conflict.
      if (seen && !sameVersion(seen.stamp, read.stamp) && !(seen.story && canonicalJson(seen.story) === canonicalJson(read.story))) {
        throw changedElsewhere();
      }
      story = read.story;
      known.remember(id, read.stamp, story);
    }
    if (story.revision !== baseRevision) throw changedElsewhere();
    return story;
  }

  return {
    readStored,
    writeStoryWith,
    writeStory: async (story, check) => (await writeStoryWith(story.id, () => story, check))!.summary,
    storedForChange,
    setAside,
  };
}
