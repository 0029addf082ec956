import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentThread } from '../../../shared/story.js';
import { openLibrary, type LibraryStore } from '../openLibrary.js';
import { testClock } from '../testing/testClock.js';
import { storyWith } from '../testing/storyText.js';

let root: string;
let library: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'copydesk-review-'));
  library = await openLibrary(root, { indexDelayMs: 0, now: testClock(), userName: () => 'Ed Editor' });
});
afterEach(async () => {
  await library.close();
  await rm(root, { recursive: true, force: true });
});

const onDisk = async (id: string) => JSON.parse(await readFile(path.join(root, 'stories', `${id}.json`), 'utf8'));
const at = '2026-12-04T10:00:00.000Z';
const thread: CommentThread = { id: 'c1', anchor: { quote: 'resume' }, resolved: false, messages: [{ id: 'm1', author: 'Ed Editor', at, text: 'Which day?' }] };

describe('comments and field suggestions in a story file', () => {
  it('are saved with the fields, kept by a save that leaves them out, and written before the body', async () => {
    const story = await library.createStory();
    const first = await library.saveStory(story.id, story.revision, { ...storyWith(), comments: [thread], fieldSuggestions: { headline: { proposed: 'Talks resume', author: 'Ed Editor', at } } });
    const second = await library.saveStory(story.id, first.revision, { ...storyWith(), headline: 'Talks begin' });
    expect(second.changed).toBe(true);
    const stored = await onDisk(story.id);
    expect(stored.comments).toEqual([thread]);
    expect(stored.fieldSuggestions.headline.proposed).toBe('Talks resume');
    expect(Object.keys(stored).slice(-3)).toEqual(['comments', 'fieldSuggestions', 'body']);
    const resolved = await library.saveStory(story.id, second.revision, { ...storyWith(), headline: 'Talks begin', comments: [{ ...thread, resolved: true }], fieldSuggestions: {} });
    expect(resolved.changed).toBe(true);
    expect((await library.readStory(story.id)).comments).toEqual([{ ...thread, resolved: true }]);
    expect((await library.readStory(story.id)).fieldSuggestions).toEqual({});
  });
});
