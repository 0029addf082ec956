import path from 'node:path';
import { CopydeskError } from '../../../shared/result.js';
import { RevisionIdSchema } from '../../../shared/revisions.js';
import { MEDIA_ID_PATTERN, STORY_ID_PATTERN } from '../../../shared/story.js';

/** library.json's format: 2 is the index alone (its settings moved to settings.json, migrations/library0002SettingsFile.ts). */
export const INDEX_SCHEMA_VERSION = 2;

/** A name read from disk (an index key, a Trash entry, a revision or media name) that would not make a library path. */
export class UnsafeLibraryPathError extends CopydeskError {
  constructor(readonly what: string) {
    super('corrupt', `${what} is not a name Copydesk uses, so it was skipped`);
    this.name = 'UnsafeLibraryPathError';
  }
}

export const isStoryId = (id: unknown): id is string => typeof id === 'string' && STORY_ID_PATTERN.test(id);
export const isMediaId = (id: unknown): id is string => typeof id === 'string' && MEDIA_ID_PATTERN.test(id);
export const isRevisionId = (id: unknown): id is string => RevisionIdSchema.safeParse(id).success;
/** Quarantine names are made by quarantineFile from a library file name and a time stamp: letters, digits, - _ and dots. */
export const isQuarantineName = (name: unknown): name is string =>
  typeof name === 'string' && /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}$/.test(name) && !name.includes('..');

/** The quoted form of a name read from disk for a problem message: control characters escaped, at most 80 characters. */
export const quotedName = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

/**
 * Where each part of a library lives, and the one place a name read from disk becomes a path: every builder checks its
 * names against the id patterns and the joined path against the library folder, and throws UnsafeLibraryPathError
 * otherwise. Callers that read names from disk check them first with isStoryId & co., report a bad one as a library
 * problem and skip it; the throw is the backstop.
 */
export function libraryPaths(root: string) {
  const storiesDir = path.join(root, 'stories');
  const mediaDir = path.join(root, 'media');
  const trashDir = path.join(root, 'trash');
  const revisionsDir = path.join(root, 'revisions');
  const quarantineDir = path.join(root, 'quarantine');

  /** `target` if it lies strictly inside `folder` (itself inside the library), else the error. */
  function inside(folder: string, target: string, what: string): string {
    for (const [outer, inner] of [[root, folder], [folder, target]] as const) {
      const relative = path.relative(outer, inner);
      if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        throw new UnsafeLibraryPathError(what);
      }
    }
    return target;
  }
  function storyId(id: string): string {
    if (!isStoryId(id)) throw new UnsafeLibraryPathError(`The story id ${quotedName(String(id))}`);
    return id;
  }

  return {
    root,
    indexFile: path.join(root, 'library.json'),
    settingsFile: path.join(root, 'settings.json'),
    lockFile: path.join(root, '.copydesk.lock'),
    storiesDir,
    mediaDir,
    trashDir,
    revisionsDir,
    quarantineDir,
    storyFile: (id: string) => inside(storiesDir, path.join(storiesDir, `${storyId(id)}.json`), `stories/${id}.json`),
    trashFile: (id: string) => inside(trashDir, path.join(trashDir, `${storyId(id)}.json`), `trash/${id}.json`),
    revisionDir: (id: string) => inside(revisionsDir, path.join(revisionsDir, storyId(id)), `revisions/${id}`),
    revisionFile(id: string, revisionId: string) {
      if (!isRevisionId(revisionId)) throw new UnsafeLibraryPathError(`The revision ${quotedName(String(revisionId))}`);
      return inside(revisionsDir, path.join(revisionsDir, storyId(id), `${revisionId}.json`), `revisions/${id}/${revisionId}.json`);
    },
    mediaFile(mediaId: string) {
      if (!isMediaId(mediaId)) throw new UnsafeLibraryPathError(`The image name ${quotedName(String(mediaId))}`);
      return inside(mediaDir, path.join(mediaDir, mediaId), `media/${mediaId}`);
    },
    quarantineFile(name: string) {
      if (!isQuarantineName(name)) throw new UnsafeLibraryPathError(`The quarantine name ${quotedName(String(name))}`);
      return inside(quarantineDir, path.join(quarantineDir, name), `quarantine/${name}`);
    },
    /** A path inside the library as the user sees it in a problem message: relative, with forward slashes. */
    shown: (target: string) => path.relative(root, target).split(path.sep).join('/'),
  };
}
export type LibraryPaths = ReturnType<typeof libraryPaths>;

/** The story id a file in stories/ holds, or null for anything that is not a story file (temp files, notes). */
export function storyIdFromFileName(name: string): string | null {
  const id = name.endsWith('.json') ? name.slice(0, -5) : '';
  return isStoryId(id) ? id : null;
}
