import { readdir, rm, unlink } from 'node:fs/promises';
import { makeFolderDurably } from '../files/writeFileDurably.js';
import { z } from 'zod';
import { bodyText } from '../../../shared/bodyText.js';
import { CopydeskError } from '../../../shared/result.js';
import { RevisionIdSchema, RevisionReasonSchema, type RevisionInfo, type RevisionReason } from '../../../shared/revisions.js';
import type { Story } from '../../../shared/story.js';
import { countWords } from '../../../shared/wordCount.js';
import { writeJsonFile } from '../files/jsonFile.js';
import { assertNoLinks, readTextNoFollow } from '../files/libraryLinks.js';
import type { LibraryPaths } from '../files/libraryPaths.js';
import { migrateStory } from '../migrations/migrateStory.js';
import { orderedStory } from '../stories/orderedStory.js';

export const REVISION_SCHEMA_VERSION = 1;
/** Every story keeps its newest revisions, and beyond those the newest of each calendar day. */
export const KEEP_NEWEST_REVISIONS = 100;

const RevisionFileSchema = z.object({
  schemaVersion: z.literal(REVISION_SCHEMA_VERSION),
  reason: RevisionReasonSchema,
  keptAt: z.string(),
  story: z.unknown(),
});

interface RevisionName {
  revisionId: string;
  revision: number;
  keptAt: Date;
  seq: number;
}

const stampOf = (date: Date) => date.toISOString().replace(/[-:.]/g, '');

function parseRevisionName(fileName: string): RevisionName | null {
  const revisionId = fileName.endsWith('.json') ? fileName.slice(0, -5) : '';
  if (!RevisionIdSchema.safeParse(revisionId).success) return null;
  const [revision, stamp, seq] = revisionId.split('-') as [string, string, string | undefined];
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const keptAt = new Date(iso);
  if (Number.isNaN(keptAt.getTime())) return null;
  return { revisionId, revision: Number(revision), keptAt, seq: Number(seq ?? 1) };
}

const newestFirst = (a: RevisionName, b: RevisionName) =>
  b.keptAt.getTime() - a.keptAt.getTime() || b.revision - a.revision || b.seq - a.seq;

/** revisions/ and revisions/<id>/ must be folders of this library, not links: everything below them is read or deleted. */
const assertRevisionFolder = (paths: LibraryPaths, id: string) => assertNoLinks(paths.root, paths.revisionDir(id));

async function revisionNames(paths: LibraryPaths, id: string): Promise<RevisionName[]> {
  await assertRevisionFolder(paths, id);
  const names = await readdir(paths.revisionDir(id)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.map(parseRevisionName).filter((name): name is RevisionName => name !== null).sort(newestFirst);
}

async function readRevisionFile(paths: LibraryPaths, id: string, revisionId: string) {
  await assertRevisionFolder(paths, id);
  const text = await readTextNoFollow(paths.revisionFile(id, revisionId), paths.root);
  if (text === null) throw new CopydeskError('not-found', 'This revision is no longer in the library.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CopydeskError('corrupt', `The revision file ${revisionId}.json is damaged: ${(error as Error).message}.`);
  }
  const file = RevisionFileSchema.safeParse(data);
  if (!file.success) throw new CopydeskError('corrupt', `The revision file ${revisionId}.json is not one Copydesk can read.`);
  return { reason: file.data.reason, keptAt: file.data.keptAt, story: migrateStory(file.data.story) };
}

/**
 * Deletes revisions beyond the newest KEEP_NEWEST_REVISIONS, keeping the newest of each calendar day (in the
 * library's time zone) among the older ones.
 */
async function pruneRevisions(paths: LibraryPaths, id: string, timeZone: string): Promise<void> {
  const names = await revisionNames(paths, id);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = new Set<string>();
  for (const name of names.slice(KEEP_NEWEST_REVISIONS)) {
    const key = day.format(name.keptAt);
    if (!days.has(key)) {
      days.add(key);
      continue;
    }
    await unlink(paths.revisionFile(id, name.revisionId)).catch(() => undefined);
  }
}

export interface KeepRevisionOptions {
  now: Date;
  /** The library's time zone: what a calendar day is when old revisions are thinned out. */
  timeZone: string;
}

/**
 * Keeps a full copy of the story as a revision (revisions/<id>/<revision>-<stamp>.json), unless the newest copy of
 * this revision number holds exactly this story, then thins out old revisions. Returns the new revision id, or null.
 */
export async function keepRevision(paths: LibraryPaths, story: Story, reason: RevisionReason, { now, timeZone }: KeepRevisionOptions): Promise<string | null> {
  const names = await revisionNames(paths, story.id);
  const sameRevision = names.find((name) => name.revision === story.revision);
  if (sameRevision) {
    const kept = await readRevisionFile(paths, story.id, sameRevision.revisionId).catch(() => null);
    if (kept && JSON.stringify(orderedStory(kept.story)) === JSON.stringify(orderedStory(story))) return null;
  }
  const base = `${story.revision}-${stampOf(now)}`;
  let revisionId = base;
  for (let seq = 2; names.some((name) => name.revisionId === revisionId); seq += 1) revisionId = `${base}-${seq}`;
  await makeFolderDurably(paths.revisionDir(story.id));
  await assertRevisionFolder(paths, story.id);
  await writeJsonFile(paths.revisionFile(story.id, revisionId), {
    schemaVersion: REVISION_SCHEMA_VERSION,
    reason,
    keptAt: now.toISOString(),
    story: orderedStory(story),
  });
  await pruneRevisions(paths, story.id, timeZone);
  return revisionId;
}

const READ_BATCH = 16;

/** The story's kept revisions, newest first; a damaged revision file is left out. */
export async function listRevisions(paths: LibraryPaths, id: string): Promise<RevisionInfo[]> {
  const names = await revisionNames(paths, id);
  const infos: RevisionInfo[] = [];
  for (let i = 0; i < names.length; i += READ_BATCH) {
    const batch = names.slice(i, i + READ_BATCH);
    const files = await Promise.all(batch.map((name) => readRevisionFile(paths, id, name.revisionId).catch(() => null)));
    files.forEach((file, j) => {
      if (!file) return;
      infos.push({
        revisionId: batch[j]!.revisionId,
        revision: file.story.revision,
        savedAt: file.story.updatedAt,
        by: file.story.updatedBy,
        keptAt: file.keptAt,
        reason: file.reason,
        headline: file.story.headline,
        wordCount: countWords(bodyText(file.story.body)),
        status: file.story.status,
      });
    });
  }
  return infos;
}

/** One kept revision, whole. */
export async function readRevision(paths: LibraryPaths, id: string, revisionId: string): Promise<Story> {
  const { story } = await readRevisionFile(paths, id, revisionId);
  if (story.id !== id) throw new CopydeskError('corrupt', `The revision file ${revisionId}.json holds another story.`);
  return story;
}

/** Deletes every revision of a story (emptying the Trash); a link in place of the folder is LinkInLibraryError, and stays. */
export async function deleteRevisions(paths: LibraryPaths, id: string): Promise<void> {
  await assertRevisionFolder(paths, id);
  await rm(paths.revisionDir(id), { recursive: true, force: true });
}
