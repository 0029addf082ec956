import { beforeEach, describe, expect, it } from 'vitest';
import type { Story, StoryEdit } from '../../../shared/story.js';
import {
  flushOpenStory,
  openStoryHeadline,
  openStoryIsClean,
  saveStateChanged,
  sessionEnded,
  sessionStarted,
  storyClosed,
  storyShown,
  useOpenStoryStore,
  type EditorSession,
} from './openStoryStore.js';

const story = (id: string, headline = `Story ${id}`) => ({ id, headline }) as Story;

function session(storyId: string, log: string[], fields: Partial<StoryEdit> = {}): EditorSession {
  return {
    storyId,
    flush: async () => {
      log.push(`flush ${storyId}`);
      return { ok: true };
    },
    fields: () => ({ headline: '', ...fields }) as StoryEdit,
    setStatus: () => {},
    focusNotes: () => {},
    renameSection: (_from, _to, run) => run(),
    release: () => log.push(`release ${storyId}`),
  };
}

beforeEach(() => {
  useOpenStoryStore.setState({ open: null, saveState: null, session: null, historyOpen: false });
});

describe('the open story', () => {
  it('showing another story releases the mounted editor before the new one is created', () => {
    const log: string[] = [];
    storyShown(story('a'));
    sessionStarted(session('a', log));
    const before = useOpenStoryStore.getState().open?.instance ?? 0;
    storyShown(story('b'));
    expect(log).toEqual(['release a']);
    expect(useOpenStoryStore.getState().open?.story.id).toBe('b');
    expect(useOpenStoryStore.getState().open?.instance).toBeGreaterThan(before);
  });

  it('showing the same story again makes a new editor instance, so the editor remounts', () => {
    storyShown(story('a'));
    const first = useOpenStoryStore.getState().open?.instance;
    storyShown(story('a'));
    expect(useOpenStoryStore.getState().open?.instance).not.toBe(first);
  });

  it('a session that ended after another started does not remove the newer one', () => {
    const log: string[] = [];
    const older = session('a', log);
    const newer = session('b', log);
    sessionStarted(older);
    sessionStarted(newer);
    sessionEnded(older);
    expect(useOpenStoryStore.getState().session).toBe(newer);
  });

  it('saving with no story open succeeds at once; with one it flushes that editor', async () => {
    expect(await flushOpenStory()).toEqual({ ok: true });
    const log: string[] = [];
    sessionStarted(session('a', log));
    await flushOpenStory();
    expect(log).toEqual(['flush a']);
  });

  it('is clean only with an editor mounted and everything saved', () => {
    storyShown(story('a'));
    saveStateChanged({ kind: 'saved' });
    expect(openStoryIsClean()).toBe(false);
    sessionStarted(session('a', []));
    expect(openStoryIsClean()).toBe(true);
    saveStateChanged({ kind: 'dirty' });
    expect(openStoryIsClean()).toBe(false);
  });

  it('is named by the headline as typed, else as saved, else Untitled', () => {
    storyShown(story('a', '  Saved headline '));
    expect(openStoryHeadline()).toBe('Saved headline');
    sessionStarted(session('a', [], { headline: 'Typed headline' }));
    expect(openStoryHeadline()).toBe('Typed headline');
    useOpenStoryStore.setState({ session: null });
    storyShown(story('b', ' '));
    expect(openStoryHeadline()).toBe('Untitled');
  });

  it('closing releases the editor and forgets the save state', () => {
    const log: string[] = [];
    storyShown(story('a'));
    sessionStarted(session('a', log));
    saveStateChanged({ kind: 'dirty' });
    storyClosed();
    expect(log).toEqual(['release a']);
    expect(useOpenStoryStore.getState()).toMatchObject({ open: null, saveState: null });
  });
});
