import { call, errorMessage } from '../../api.js';
import { showError, showInfo } from '../../ui/noticeStore.js';
import { storyRestoredFromTrash } from '../libraryStore.js';
import { openStory } from '../stories/openStory.js';

/** Undo of Move to Trash: the story comes back to the list and opens. (The Trash view restores on its own.) */
export async function restoreFromTrash(id: string, headline: string): Promise<void> {
  try {
    storyRestoredFromTrash(await call('restoreStory', { id }));
    showInfo(`Restored “${headline}”`);
    await openStory(id);
  } catch (error) {
    showError(`Could not restore “${headline}”: ${errorMessage(error)}`);
  }
}
