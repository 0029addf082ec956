import { summarizeStory } from '../../../../shared/summarizeStory.js';
import { call, errorMessage } from '../../api.js';
import { saveOpenStoryFirst, openStoryId, storyShown } from '../../editor/index.js';
import { showError, showInfo } from '../../ui/noticeStore.js';
import { storyAdded } from '../libraryStore.js';
import { isLatestNavigation, navigationStarted } from './navigation.js';

/** Duplicate: saves the open story, copies it under a new id and opens the copy. */
export async function duplicateOpenStory(): Promise<void> {
  const id = openStoryId();
  if (!id) return;
  const ticket = navigationStarted();
  if (!(await saveOpenStoryFirst('Not duplicated: the story could not be saved first'))) return;
  try {
    const copy = await call('duplicateStory', { id });
    storyAdded(summarizeStory(copy));
    if (!isLatestNavigation(ticket)) return;
    showInfo(`Duplicated as “${copy.headline.trim() || 'Untitled'}”`);
    storyShown(copy);
  } catch (error) {
    showError(`Could not duplicate the story: ${errorMessage(error)}`);
  }
}
