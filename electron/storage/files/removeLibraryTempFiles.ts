import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { RevisionIdSchema } from '../../../shared/revisions.js';
import { MEDIA_ID_PATTERN, STORY_ID_PATTERN } from '../../../shared/story.js';
import { storyIdFromFileName, type LibraryPaths } from './libraryPaths.js';
import { removeStaleTempFiles } from './removeStaleTempFiles.js';

const isStoryFile = (name: string) => storyIdFromFileName(name) !== null;
const isRevisionFile = (name: string) => name.endsWith('.json') && RevisionIdSchema.safeParse(name.slice(0, -5)).success;
const isMediaFile = (name: string) => MEDIA_ID_PATTERN.test(name);

/** Removes stale temp files of ours from the folders Copydesk writes in: the library root, stories/ and media/. */
export async function removeLibraryTempFiles(paths: LibraryPaths, before?: number): Promise<string[]> {
  const removed = await Promise.all([
    removeStaleTempFiles(paths.root, (name) => name === path.basename(paths.indexFile) || name === path.basename(paths.settingsFile), before),
    removeStaleTempFiles(paths.storiesDir, isStoryFile, before),
    removeStaleTempFiles(paths.mediaDir, isMediaFile, before),
  ]);
  return removed.flat();
}

/** The same in every revisions/<id>/ folder (one folder per story: thousands, so the library runs it in the background). */
export async function removeRevisionTempFiles(paths: LibraryPaths, before?: number): Promise<string[]> {
  const folders = await readdir(paths.revisionsDir, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const folder of folders) {
    // A link is not followed: a revisions/<id> that is not a folder of the library's own is no business of this.
    if (!folder.isDirectory() || !STORY_ID_PATTERN.test(folder.name)) continue;
    removed.push(...(await removeStaleTempFiles(paths.revisionDir(folder.name), isRevisionFile, before)));
  }
  return removed;
}
