import { create } from 'zustand';
import type { ChannelOutput } from '../../../shared/contract.js';
import type { Story, StoryEdit, StoryStatus } from '../../../shared/story.js';
import type { FlushResult, SaveState } from './autosave/StorySaver.js';
import { showError } from '../ui/noticeStore.js';

export type SectionRename = ChannelOutput<'renameSection'>;

/** An open story; `instance` changes when the same story is shown again, so the editor remounts. */
export interface OpenStory {
  story: Story;
  instance: number;
  /** Put the caret in the headline once the editor is there (a new story). */
  focusHeadline: boolean;
}

/** What the mounted editor offers the rest of the window while its story is open. */
export interface EditorSession {
  storyId: string;
  /** Saves now; resolves when everything is saved or with why not. */
  flush: () => Promise<FlushResult>;
  /** The fields as they are in the editor now, saved or not. */
  fields: () => StoryEdit;
  /** Sets the workflow status, between saves. */
  setStatus: (status: StoryStatus) => void;
  focusNotes: () => void;
  /**
   * Runs a section rename between saves: the edits are saved first and no save starts while it runs. If it renamed
   * this story, the editor takes the story's new revision as its base and the new section, keeping any typing since.
   */
  renameSection: (from: string, to: string, run: () => Promise<SectionRename>) => Promise<SectionRename>;
  /** Destroys the body editor (see storyShown). */
  release: () => void;
}

interface OpenStoryState {
  open: OpenStory | null;
  /** The open story's autosave state; null when no story is open. */
  saveState: SaveState | null;
  /** Counts saves and restores, so views of the saved story (the preview) know to read it again. */
  savedVersion: number;
  historyOpen: boolean;
  session: EditorSession | null;
}

export const useOpenStoryStore = create<OpenStoryState>(() => ({
  open: null,
  saveState: null,
  savedVersion: 0,
  historyOpen: false,
  session: null,
}));

let instances = 0;

/**
 * Shows a story in the editor. TipTap's link extension resets shared linkify state when an editor is destroyed, and
 * the next editor registers its protocols as it is created: the old editor is destroyed here, before the new one.
 */
export function storyShown(story: Story, options: { focusHeadline?: boolean } = {}): void {
  useOpenStoryStore.getState().session?.release();
  instances += 1;
  useOpenStoryStore.setState({ open: { story, instance: instances, focusHeadline: options.focusHeadline ?? false }, historyOpen: false });
}

export function storyClosed(): void {
  useOpenStoryStore.getState().session?.release();
  useOpenStoryStore.setState({ open: null, saveState: null, historyOpen: false });
}

export function sessionStarted(session: EditorSession): void {
  useOpenStoryStore.setState({ session });
}

export function sessionEnded(session: EditorSession): void {
  if (useOpenStoryStore.getState().session === session) useOpenStoryStore.setState({ session: null });
}

export function saveStateChanged(saveState: SaveState): void {
  useOpenStoryStore.setState({ saveState });
}

export function storyVersionSaved(): void {
  useOpenStoryStore.setState((state) => ({ savedVersion: state.savedVersion + 1 }));
}

export function historyOpened(): void {
  if (useOpenStoryStore.getState().open) useOpenStoryStore.setState({ historyOpen: true });
}

export function historyClosed(): void {
  useOpenStoryStore.setState({ historyOpen: false });
}

/** The open story's id, or null. */
export const openStoryId = (): string | null => useOpenStoryStore.getState().open?.story.id ?? null;

/** Saves the open story now, if there is one. */
export function flushOpenStory(): Promise<FlushResult> {
  return useOpenStoryStore.getState().session?.flush() ?? Promise.resolve({ ok: true });
}

/** The open story's fields as they are in the editor now, or null when no editor is mounted. */
export function openStoryFields(): StoryEdit | null {
  return useOpenStoryStore.getState().session?.fields() ?? null;
}

/** The open story's headline as typed, for messages about it. */
export function openStoryHeadline(): string {
  const { open } = useOpenStoryStore.getState();
  return openStoryFields()?.headline.trim() || open?.story.headline.trim() || 'Untitled';
}

/** True when every edit of the open story is saved. */
export function openStoryIsClean(): boolean {
  const { session, saveState } = useOpenStoryStore.getState();
  return session !== null && saveState?.kind === 'saved';
}

/**
 * Saves the open story before something that needs it saved. If it cannot be saved, the notice says so, starting with
 * `failure` (what did not happen), and this resolves false: the caller stops, and nothing the writer typed is lost.
 */
export async function saveOpenStoryFirst(failure: string): Promise<boolean> {
  const flushed = await flushOpenStory();
  if (!flushed.ok) showError(`${failure}: ${flushed.message}`);
  return flushed.ok;
}
