import { call, errorMessage } from '../../api.js';
import { saveOpenStoryFirst, openStoryHeadline, openStoryId, storyClosed } from '../../editor/index.js';
import { showError, showInfo } from '../../ui/noticeStore.js';
import { storyTrashed } from '../libraryStore.js';
import { restoreFromTrash } from '../trash/restoreFromTrash.js';
import { isLatestNavigation, navigationStarted } from './navigation.js';

/** Move to Trash: the story goes at once; the notice offers Undo, and the Trash view restores it later. */
export async function trashOpenStory(): Promise<void> {
  const id = openStoryId();
  if (!id) return;
  const ticket = navigationStarted();
  if (!(await saveOpenStoryFirst('Not moved to Trash: the story could not be saved first'))) return;
  const headline = openStoryHeadline();
  try {
    await call('trashStory', { id });
  } catch (error) {
    showError(`Could not move the story to Trash: ${errorMessage(error)}`);
    return;
  }
  storyTrashed(id);
  if (isLatestNavigation(ticket) && openStoryId() === id) storyClosed();
  showInfo(`Moved “${headline}” to Trash`, { action: { label: 'Undo', run: () => void restoreFromTrash(id, headline) } });
}
