import { useOpenStoryStore } from '../editor/index.js';
import { storyListToggled, useLibraryStore } from '../library/index.js';
import { usePublishingStore } from '../publishing/index.js';
import { useMediaQuery } from '../ui/useMediaQuery.js';

/** Below this width the editor and an open preview share the window, and the story list steps aside unless asked for. */
export const NARROW_WITH_PREVIEW = '(max-width: 1200px)';

/** Shown unless the writer chose otherwise, or a narrow window's open preview needs its room. */
const listShown = (choice: boolean | null, previewShown: boolean, narrow: boolean): boolean => choice ?? !(previewShown && narrow);

/** Whether the story list is on screen now. */
export function useStoryListShown(previewShown: boolean): boolean {
  const narrow = useMediaQuery(NARROW_WITH_PREVIEW);
  const choice = useLibraryStore((state) => state.storyListChoice);
  return listShown(choice, previewShown, narrow);
}

/** The top bar's Story list button, the View menu's Story List and its shortcut: the opposite of what is on screen. */
export function toggleStoryList(): void {
  const previewShown = usePublishingStore.getState().previewOpen && useOpenStoryStore.getState().open !== null;
  const narrow = window.matchMedia(NARROW_WITH_PREVIEW).matches;
  storyListToggled(listShown(useLibraryStore.getState().storyListChoice, previewShown, narrow));
}
