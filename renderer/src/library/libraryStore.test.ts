import { beforeEach, describe, expect, it } from 'vitest';
import type { StorySummary } from '../../../shared/story.js';
import {
  libraryClosed,
  libraryLoaded,
  sectionsOf,
  selectionChanged,
  storiesChangedOnDisk,
  storyAdded,
  storyRestoredFromTrash,
  storySaved,
  storyTrashed,
  useLibraryStore,
} from './libraryStore.js';

const entry = (id: string, patch: Partial<StorySummary> = {}): StorySummary => ({
  id,
  headline: `Story ${id}`,
  section: '',
  byline: '',
  wordCount: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  status: 'draft',
  ...patch,
});
const ids = () => useLibraryStore.getState().stories.map((story) => story.id);

beforeEach(() => {
  libraryClosed();
  libraryLoaded({ name: 'Desk', problems: [], stories: [entry('a'), entry('b'), entry('c')], sections: ['World', 'Sport'] });
});

describe('the library list', () => {
  it('puts a new story first, and a saved one stays where it is with its new entry', () => {
    storyAdded(entry('n'));
    storySaved(entry('b', { headline: 'Edited' }));
    expect(ids()).toEqual(['n', 'a', 'b', 'c']);
    expect(useLibraryStore.getState().stories[2]?.headline).toBe('Edited');
  });

  it('a story saved that the list did not have comes first', () => {
    storySaved(entry('z'));
    expect(ids()).toEqual(['z', 'a', 'b', 'c']);
  });

  it('a trashed story leaves the list and the selection, and the Trash view is told to read again', () => {
    selectionChanged(new Set(['a', 'b']));
    const before = useLibraryStore.getState().trashVersion;
    storyTrashed('b');
    expect(ids()).toEqual(['a', 'c']);
    expect([...useLibraryStore.getState().selected]).toEqual(['a']);
    expect(useLibraryStore.getState().trashVersion).toBe(before + 1);
    storyRestoredFromTrash(entry('b'));
    expect(ids()).toEqual(['b', 'a', 'c']);
    expect(useLibraryStore.getState().trashVersion).toBe(before + 2);
  });

  it('follows changes on disk: new stories first, changed ones in place, removed ones gone, problems shown again', () => {
    useLibraryStore.setState({ problemsDismissed: true });
    storiesChangedOnDisk({
      changed: [entry('b', { headline: 'From git' }), entry('d')],
      removed: ['c'],
      problems: [{ file: 'stories/x.json', message: 'not JSON' }],
    });
    const state = useLibraryStore.getState();
    expect(ids()).toEqual(['d', 'a', 'b']);
    expect(state.stories[2]?.headline).toBe('From git');
    expect(state.problems).toHaveLength(1);
    expect(state.problemsDismissed).toBe(false);
  });

  it('closing the library clears its stories, selection, Trash view and dialogs', () => {
    useLibraryStore.setState({ trashShown: true, sectionsDialogOpen: true, selected: new Set(['a']) });
    libraryClosed();
    const state = useLibraryStore.getState();
    expect([state.stories, [...state.selected], state.trashShown, state.sectionsDialogOpen]).toEqual([[], [], false, false]);
  });
});

describe('the sections offered', () => {
  it('are the managed ones in their order, then the others stories have, alphabetically, ignoring case', () => {
    const stories = [entry('a', { section: 'Zebra' }), entry('b', { section: 'world' }), entry('c', { section: 'Arts ' }), entry('d')];
    expect(sectionsOf(['World', 'Sport'], stories)).toEqual(['World', 'Sport', 'Arts', 'Zebra']);
  });
});
