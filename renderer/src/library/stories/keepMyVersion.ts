import { STORY_TEXT_MAX, type StoryEdit } from '../../../../shared/story.js';
import { call, errorMessage } from '../../api.js';
import { storyShown } from '../../editor/index.js';
import { showError, showInfo } from '../../ui/noticeStore.js';
import { storyAdded } from '../libraryStore.js';

/** After a save conflict: the writer's version becomes a story of its own, beside the other. Nothing is lost. */
export async function keepMyVersion(fields: StoryEdit): Promise<void> {
  try {
    const copy = await call('createStory');
    const headline = `${fields.headline.trim() || 'Untitled'} (my version)`.slice(0, STORY_TEXT_MAX.headline);
    const saved = await call('saveStory', { id: copy.id, baseRevision: copy.revision, fields: { ...fields, headline } });
    storyAdded(saved.summary);
    storyShown(await call('getStory', { id: copy.id }));
    showInfo(`Your version was saved as “${headline}”; the other version is unchanged.`);
  } catch (error) {
    showError(`Could not keep your version: ${errorMessage(error)}`);
  }
}
