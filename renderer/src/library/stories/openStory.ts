import { call, errorMessage } from '../../api.js';
import { flushOpenStory, openStoryId, saveOpenStoryFirst, storyShown } from '../../editor/index.js';
import { noticeDismissed, showError } from '../../ui/noticeStore.js';
import { isLatestNavigation, navigationStarted } from './navigation.js';

/** Opens a story from the list, once the open one is saved; the open story stays open if it could not be. */
export async function openStory(id: string): Promise<void> {
  if (openStoryId() === id) return;
  const ticket = navigationStarted();
  if (!(await saveOpenStoryFirst('The open story stays open because it could not be saved'))) return;
  try {
    const story = await call('getStory', { id });
    if (!isLatestNavigation(ticket)) return;
    const again = await flushOpenStory();
    if (!again.ok) return;
    noticeDismissed();
    storyShown(story);
  } catch (error) {
    if (isLatestNavigation(ticket)) showError(`Could not open the story: ${errorMessage(error)}`);
  }
}
