// editor: the open story — its fields, body, toolbar, lead image, publishing details and autosave — and the
// openStoryStore through which the rest of the window reads and drives it.
export { SaveStatus } from './autosave/SaveStatus.js';
export { leadImageNeedsAlt } from './leadImage/leadImageNeedsAlt.js';
export {
  flushOpenStory,
  historyOpened,
  openStoryFields,
  openStoryHeadline,
  openStoryId,
  openStoryIsClean,
  saveOpenStoryFirst,
  storyClosed,
  storyShown,
  storyVersionSaved,
  useOpenStoryStore,
  type OpenStory,
} from './openStoryStore.js';
export { StoryEditor } from './StoryEditor.js';
