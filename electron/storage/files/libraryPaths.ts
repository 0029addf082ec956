import path from 'node:path';

export const INDEX_SCHEMA_VERSION = 1;

/** Where each part of a library lives. Ids are validated before they get here; join never sees a raw path. */
export function libraryPaths(root: string) {
  const storiesDir = path.join(root, 'stories');
  const mediaDir = path.join(root, 'media');
  const trashDir = path.join(root, 'trash');
  const revisionsDir = path.join(root, 'revisions');
  return {
    root,
    indexFile: path.join(root, 'library.json'),
    lockFile: path.join(root, '.copydesk.lock'),
    storiesDir,
    mediaDir,
    trashDir,
    revisionsDir,
    quarantineDir: path.join(root, 'quarantine'),
    storyFile: (id: string) => path.join(storiesDir, `${id}.json`),
    trashFile: (id: string) => path.join(trashDir, `${id}.json`),
    revisionDir: (id: string) => path.join(revisionsDir, id),
    revisionFile: (id: string, revisionId: string) => path.join(revisionsDir, id, `${revisionId}.json`),
    mediaFile: (mediaId: string) => path.join(mediaDir, mediaId),
  };
}
export type LibraryPaths = ReturnType<typeof libraryPaths>;

/** The story id a file in stories/ holds, or null for anything that is not a story file (temp files, notes). */
export function storyIdFromFileName(name: string): string | null {
  return /^([A-Za-z0-9_-]{1,64})\.json$/.exec(name)?.[1] ?? null;
}
