import { call, errorMessage } from '../../api.js';
import { openStoryId, storyShown } from '../../editor/index.js';
import { showError } from '../../ui/noticeStore.js';

/** After a save conflict: drops the unsaved edits and shows the story as saved. */
export async function reloadOpenStory(): Promise<void> {
  const id = openStoryId();
  if (!id) return;
  try {
    storyShown(await call('getStory', { id }));
  } catch (error) {
    showError(`Could not reload the story: ${errorMessage(error)}`);
  }
}
