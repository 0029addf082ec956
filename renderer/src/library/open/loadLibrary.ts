import { CopydeskError } from '../../../../shared/result.js';
import type { Story } from '../../../../shared/story.js';
import { call, errorMessage } from '../../api.js';
import { storyShown } from '../../editor/index.js';
import { settingsLoaded } from '../../settings/index.js';
import { showError } from '../../ui/noticeStore.js';
import { sortStories } from '../list/sortStories.js';
import { libraryFailed, libraryLoaded, libraryRetried } from '../libraryStore.js';

/** Reads the open library: its stories, settings and the newest story, which it opens. */
export async function loadLibrary(cancelled: () => boolean = () => false): Promise<void> {
  try {
    const [library, stories, exportSettings, preferences, limits, { sections }] = await Promise.all([
      call('getLibrary'),
      call('listStories'),
      call('getExportSettings'),
      call('getPreferences'),
      call('getLibrarySettings'),
      call('getSections'),
    ]);
    let first: Story | null = null;
    let openError: string | null = null;
    const newest = sortStories(stories)[0];
    if (newest) {
      try {
        first = await call('getStory', { id: newest.id });
      } catch (error) {
        openError = `Could not open “${newest.headline || 'Untitled'}”: ${errorMessage(error)}`;
      }
    }
    if (cancelled()) return;
    settingsLoaded({ exportSettings, userName: preferences.userName, limits });
    if (first) storyShown(first);
    if (openError) showError(openError);
    libraryLoaded({ name: library.name, problems: library.problems, stories, sections });
  } catch (error) {
    if (!cancelled()) libraryFailed(errorMessage(error), error instanceof CopydeskError ? error.code : 'internal');
  }
}

/** Try Again, when the library could not be opened: the main process tries it again as it is read. */
export function retryLibrary(): Promise<void> {
  libraryRetried();
  return loadLibrary();
}
