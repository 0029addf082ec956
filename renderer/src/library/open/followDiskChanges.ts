import type { StoriesChangedOnDisk } from '../../../../shared/contract.js';
import { call, errorMessage } from '../../api.js';
import { openStoryHeadline, openStoryId, openStoryIsClean, storyShown } from '../../editor/index.js';
import { showError, showInfo } from '../../ui/noticeStore.js';
import { storiesChangedOnDisk, useLibraryStore } from '../libraryStore.js';

/**
 * Someone else changed the library folder (a synced drive, git, another app): the list follows, and the open story
 * reloads only when nothing in it is unsaved. Unsaved edits are never replaced; saving will ask which version to keep.
 */
export async function followDiskChanges(change: StoriesChangedOnDisk): Promise<void> {
  const known = new Map(useLibraryStore.getState().stories.map((entry) => [entry.id, entry]));
  storiesChangedOnDisk(change);
  const id = openStoryId();
  if (!id) return;
  const headline = openStoryHeadline();
  if (change.removed.includes(id)) {
    showError(`“${headline}” was moved or deleted outside Copydesk. Its text stays here until you close it.`);
    return;
  }
  const entry = change.changed.find((changed) => changed.id === id);
  // Our own save of this version comes back as an entry we already have.
  if (!entry || entry.updatedAt === known.get(id)?.updatedAt) return;
  if (!openStoryIsClean()) {
    showError(`“${headline}” was changed outside Copydesk while you were editing it. Saving will ask which version to keep.`);
    return;
  }
  try {
    const story = await call('getStory', { id });
    if (openStoryId() !== id || !openStoryIsClean()) return;
    storyShown(story);
    showInfo(`“${story.headline.trim() || 'Untitled'}” was changed outside Copydesk; this is the new version.`);
  } catch (error) {
    showError(`“${headline}” was changed outside Copydesk and could not be read again: ${errorMessage(error)}`);
  }
}
