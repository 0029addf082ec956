import { useOpenStoryStore } from '../editor/index.js';
import { storyListToggled, useLibraryStore } from '../library/index.js';
import { usePublishingStore } from '../publishing/index.js';
import { useMediaQuery } from '../ui/useMediaQuery.js';

/** Below this width the editor and an open preview share the window, and the story list steps aside unless asked for. */
export const NARROW_WITH_PREVIEW = '(max-width: 1200px)';

function shownByDefault(narrow: boolean): boolean {
  const previewShown = usePublishingStore.getState().previewOpen && useOpenStoryStore.getState().open !== null;
  return !(previewShown && narrow);
}

/** Whether the story list is on screen: the writer's choice, else shown unless the preview needs its room. */
export function useStoryListShown(previewShown: boolean): boolean {
  const narrow = useMediaQuery(NARROW_WITH_PREVIEW);
  const choice = useLibraryStore((state) => state.storyListChoice);
  return choice ?? !(previewShown && narrow);
}

/** The top bar's Story list button, the View menu's Story List and its shortcut. */
export function toggleStoryList(): void {
  const choice = useLibraryStore.getState().storyListChoice;
  storyListToggled(choice ?? shownByDefault(window.matchMedia(NARROW_WITH_PREVIEW).matches));
}
