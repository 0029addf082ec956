import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEEP_NEWEST_REVISIONS } from './revisionStore.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { testClock } from '../testing/testClock.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;
let clock: ReturnType<typeof testClock>;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-revisions-'));
  clock = testClock('2026-05-01T00:00:00.000Z');
  library = await openLibrary(root, { indexDelayMs: 0, now: clock, userName: () => 'Ankit Panda' });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const revisionFiles = (id: string) => readdir(path.join(root, 'revisions', id)).catch(() => [] as string[]);

/** Saves the story in a new editing session with the given headline; returns the new revision. */
async function editInSession(id: string, revision: number, session: string, headline: string) {
  return (await library.saveStory(id, revision, storyWith({ headline }), { session })).revision;
}

describe('revisions', () => {
  it('keep one copy per editing session: the stored version, before the session’s first save', async () => {
    const story = await library.createStory();
    let revision = await editInSession(story.id, 1, 'session-a', 'First draft');
    // A new, empty story is not worth a revision.
    expect(await revisionFiles(story.id)).toEqual([]);
    revision = await editInSession(story.id, revision, 'session-a', 'First draft, more');
    revision = await editInSession(story.id, revision, 'session-b', 'Second session');
    revision = await editInSession(story.id, revision, 'session-b', 'Second session, more');
    revision = await editInSession(story.id, revision, 'session-c', 'Third session');
    const revisions = await library.listRevisions(story.id);
    expect(revisions.map((r) => [r.reason, r.headline, r.revision])).toEqual([
      ['session', 'Second session, more', 5],
      ['session', 'First draft, more', 3],
    ]);
    expect(revisions[0]).toMatchObject({ by: 'Ankit Panda', wordCount: expect.any(Number), status: 'draft', revisionId: expect.stringMatching(/^5-\d{8}T\d{9}Z$/) });
    expect((await revisionFiles(story.id)).sort()).toEqual(revisions.map((r) => `${r.revisionId}.json`).sort());
  });

  it('are full, versioned story files that open read-only', async () => {
    const story = await library.createStory();
    const revision = await editInSession(story.id, 1, 'a', 'Kept headline');
    await editInSession(story.id, revision, 'b', 'Newer headline');
    const [kept] = await library.listRevisions(story.id);
    const file = JSON.parse(await readFile(path.join(root, 'revisions', story.id, `${kept!.revisionId}.json`), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: 1, reason: 'session', keptAt: expect.any(String), story: { schemaVersion: 2, id: story.id, headline: 'Kept headline' } });
    expect(await library.readRevision(story.id, kept!.revisionId)).toMatchObject({ headline: 'Kept headline', revision });
  });

  it('keep the newest 100 and, before those, the newest of each day', async () => {
    const story = await library.createStory();
    let revision = await editInSession(story.id, 1, 'start', 'Day 0');
    const keptAt: string[] = [];
    for (let day = 1; day <= 20; day += 1) {
      for (let session = 0; session < 8; session += 1) {
        clock.set(`2026-05-${String(day).padStart(2, '0')}T${String(8 + session).padStart(2, '0')}:00:00.000Z`);
        keptAt.push(`2026-05-${String(day).padStart(2, '0')}`);
        revision = await editInSession(story.id, revision, `s-${day}-${session}`, `Day ${day} session ${session}`);
      }
    }
    const revisions = await library.listRevisions(story.id);
    const olderDays = new Set(keptAt.slice(0, keptAt.length - KEEP_NEWEST_REVISIONS));
    expect(revisions).toHaveLength(KEEP_NEWEST_REVISIONS + olderDays.size);
    // The newest 100 are all there, then exactly one (the last) of each older day.
    expect(revisions.slice(0, KEEP_NEWEST_REVISIONS).map((r) => r.revision)).toEqual(Array.from({ length: 100 }, (_, i) => revision - 1 - i));
    const older = revisions.slice(KEEP_NEWEST_REVISIONS);
    expect(older.map((r) => r.keptAt.slice(0, 10))).toEqual([...olderDays].reverse());
    for (const kept of older) expect(kept.headline).toMatch(/session [0-7]$/);
    expect(older.map((r) => r.keptAt.slice(0, 10))).toEqual([...new Set(older.map((r) => r.keptAt.slice(0, 10)))]);
  });

  it('restore as a new revision, after keeping the current version: nothing is lost', async () => {
    const story = await library.createStory();
    let revision = await editInSession(story.id, 1, 'a', 'The original headline');
    revision = await editInSession(story.id, revision, 'b', 'A rewrite nobody liked');
    const noted = await library.addNote(story.id, revision, 'Go back to the original');
    const status = await library.setStatus(story.id, noted.revision, 'editing');
    const original = (await library.listRevisions(story.id)).find((r) => r.headline === 'The original headline')!;

    const restored = await library.restoreRevision(story.id, status.revision, original.revisionId);
    expect(restored).toMatchObject({ headline: 'The original headline', revision: status.revision + 1, status: 'editing', updatedBy: 'Ankit Panda' });
    expect(restored.notes.map((note) => note.text)).toEqual(['Go back to the original']);
    const revisions = await library.listRevisions(story.id);
    expect(revisions[0]).toMatchObject({ reason: 'restore', headline: 'A rewrite nobody liked', revision: status.revision });
    expect(revisions.some((r) => r.revisionId === original.revisionId)).toBe(true);
    expect((await library.readStory(story.id)).headline).toBe('The original headline');
  });

  it('refuse a restore based on an old revision', async () => {
    const story = await library.createStory();
    let revision = await editInSession(story.id, 1, 'a', 'One');
    revision = await editInSession(story.id, revision, 'b', 'Two');
    const [kept] = await library.listRevisions(story.id);
    await expect(library.restoreRevision(story.id, revision - 1, kept!.revisionId)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keep the version an import brought in', async () => {
    const source = await library.createStory();
    const imported = { ...(await library.readStory(source.id)), id: 'imported-story', headline: 'From another desk', revision: 7 };
    await library.addStory(imported, { reason: 'import' });
    expect(await library.listRevisions('imported-story')).toEqual([expect.objectContaining({ reason: 'import', revision: 7, headline: 'From another desk' })]);
    // The first session's copy of the same version is not kept twice.
    await editInSession('imported-story', 7, 'a', 'Edited here');
    expect(await library.listRevisions('imported-story')).toHaveLength(1);
  });

  it('answer not-found for a revision that is not there', async () => {
    const story = await library.createStory();
    await expect(library.readRevision(story.id, '1-20260501T000000000Z')).rejects.toMatchObject({ code: 'not-found' });
  });
});
