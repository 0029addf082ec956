import { create } from 'zustand';
import type { LibraryProblem, StoriesChangedOnDisk } from '../../../shared/contract.js';
import type { ErrorCode } from '../../../shared/result.js';
import type { StorySummary } from '../../../shared/story.js';

/** `code` is the error's kind (shared/result.ts: 'conflict' for a library open elsewhere, 'io' for a folder it may not write…). */
export type LibraryPhase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; code: ErrorCode; message: string };

interface LibraryState {
  phase: LibraryPhase;
  /** The open library's name, or null before it is read. */
  name: string | null;
  problems: LibraryProblem[];
  problemsDismissed: boolean;
  stories: StorySummary[];
  /** The library's managed sections, in their order. */
  managedSections: string[];
  /** The sidebar shows the Trash instead of the story list. */
  trashShown: boolean;
  /** Changes whenever a story goes to or leaves the Trash, so the Trash view reads it again. */
  trashVersion: number;
  selected: ReadonlySet<string>;
  sectionsDialogOpen: boolean;
  /** The writer showed (true) or hid (false) the story list; null: as the window's width suits. */
  storyListChoice: boolean | null;
}

const NOTHING_SELECTED: ReadonlySet<string> = new Set();

export const useLibraryStore = create<LibraryState>(() => ({
  phase: { kind: 'loading' },
  name: null,
  problems: [],
  problemsDismissed: false,
  stories: [],
  managedSections: [],
  trashShown: false,
  trashVersion: 0,
  selected: NOTHING_SELECTED,
  sectionsDialogOpen: false,
  storyListChoice: null,
}));

const set = useLibraryStore.setState;
const withoutId = (stories: readonly StorySummary[], id: string) => stories.filter((entry) => entry.id !== id);

export function libraryLoaded(library: { name: string; problems: LibraryProblem[]; stories: StorySummary[]; sections: string[] }): void {
  set({
    phase: { kind: 'ready' },
    name: library.name,
    problems: library.problems,
    stories: library.stories,
    managedSections: library.sections,
  });
}

export function libraryFailed(message: string, code: ErrorCode = 'internal'): void {
  set({ phase: { kind: 'failed', code, message } });
}

/** The user asked to try the library again. */
export function libraryRetried(): void {
  set({ phase: { kind: 'loading' } });
}

/** Another library is being opened: nothing of this one stays on screen. */
export function libraryClosed(): void {
  set({ stories: [], selected: NOTHING_SELECTED, trashShown: false, problemsDismissed: false, sectionsDialogOpen: false });
}

/** A new story, a copy or a restored one: first in the list. */
export function storyAdded(summary: StorySummary): void {
  set((state) => ({ stories: [summary, ...withoutId(state.stories, summary.id)] }));
}

/** A saved story's entry is replaced in place; one the list does not have yet comes first. */
export function storySaved(summary: StorySummary): void {
  set((state) => ({
    stories: state.stories.some((entry) => entry.id === summary.id)
      ? state.stories.map((entry) => (entry.id === summary.id ? summary : entry))
      : [summary, ...state.stories],
  }));
}

export function storiesUpdated(summaries: readonly StorySummary[]): void {
  const renamed = new Map(summaries.map((entry) => [entry.id, entry]));
  set((state) => ({ stories: state.stories.map((entry) => renamed.get(entry.id) ?? entry) }));
}

export function storyTrashed(id: string): void {
  set((state) => ({
    stories: withoutId(state.stories, id),
    selected: state.selected.has(id) ? new Set([...state.selected].filter((entry) => entry !== id)) : state.selected,
    trashVersion: state.trashVersion + 1,
  }));
}

export function storyRestoredFromTrash(summary: StorySummary): void {
  storyAdded(summary);
  set((state) => ({ trashVersion: state.trashVersion + 1 }));
}

/** Follows changes made to the library folder outside Copydesk. */
export function storiesChangedOnDisk({ changed, removed, problems }: StoriesChangedOnDisk): void {
  const gone = new Set(removed);
  const fresh = new Map(changed.map((entry) => [entry.id, entry]));
  set((state) => ({
    stories: [
      ...changed.filter((entry) => !state.stories.some((old) => old.id === entry.id)),
      ...state.stories.filter((entry) => !gone.has(entry.id)).map((entry) => fresh.get(entry.id) ?? entry),
    ],
    ...(problems.length > 0 ? { problems: [...state.problems, ...problems], problemsDismissed: false } : {}),
  }));
}

export const problemsDismissed = () => set({ problemsDismissed: true });
export const sectionsSaved = (managedSections: string[]) => set({ managedSections });
export const trashToggled = () => set((state) => ({ trashShown: !state.trashShown }));
export const trashHidden = () => set({ trashShown: false });
export const selectionChanged = (selected: ReadonlySet<string>) => set({ selected });
/** Show or hide the story list: the opposite of what is on screen now, kept until toggled again. */
export const storyListToggled = (shownNow: boolean) => set({ storyListChoice: !shownNow });
export const sectionsDialogOpened = () => set({ sectionsDialogOpen: true });
export const sectionsDialogClosed = () => set({ sectionsDialogOpen: false });

/** The library's managed sections in their order, then any other section a story has. */
export function sectionsOf(managedSections: readonly string[], stories: readonly StorySummary[]): string[] {
  const managed = new Set(managedSections.map((section) => section.toLocaleLowerCase()));
  const others = [...new Set(stories.map((story) => story.section.trim()).filter(Boolean))]
    .filter((section) => !managed.has(section.toLocaleLowerCase()))
    .sort((a, b) => a.localeCompare(b));
  return [...managedSections, ...others];
}
