import { summarizeStory } from '../../../../shared/summarizeStory.js';
import { call, errorMessage } from '../../api.js';
import { saveOpenStoryFirst, storyShown } from '../../editor/index.js';
import { noticeDismissed, showError } from '../../ui/noticeStore.js';
import { storyAdded } from '../libraryStore.js';
import { isLatestNavigation, navigationStarted } from './navigation.js';

let creating = false;

/** New story: saves the open one, creates an empty story first in the list, and puts the caret in its headline. */
export async function newStory(): Promise<void> {
  if (creating) return;
  creating = true;
  const ticket = navigationStarted();
  try {
    if (!(await saveOpenStoryFirst('No new story yet: the open story could not be saved'))) return;
    const story = await call('createStory');
    storyAdded(summarizeStory(story));
    if (!isLatestNavigation(ticket)) return;
    noticeDismissed();
    storyShown(story, { focusHeadline: true });
  } catch (error) {
    showError(`Could not create a story: ${errorMessage(error)}`);
  } finally {
    creating = false;
  }
}
