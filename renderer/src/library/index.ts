// library: the open library — loading and switching libraries, the story list (search, filters, selection), moving
// between stories (open, new, duplicate, trash, keep my version), the Trash, the sections, and changes on disk.
export { LibraryMenu } from './LibraryMenu.js';
export { LibraryProblems } from './LibraryProblems.js';
export { LibraryUnavailable } from './LibraryUnavailable.js';
export { LibrarySidebar, useLibrarySections } from './LibrarySidebar.js';
export {
  libraryClosed,
  problemsDismissed,
  sectionsDialogOpened,
  storyListToggled,
  storySaved,
  storiesUpdated,
  trashHidden,
  trashToggled,
  useLibraryStore,
} from './libraryStore.js';
export { followDiskChanges } from './open/followDiskChanges.js';
export { loadLibrary } from './open/loadLibrary.js';
export { openLibraryFromDialog, openRecentLibrary } from './open/switchLibrary.js';
export { ManageSectionsDialog } from './sections/ManageSectionsDialog.js';
export { duplicateOpenStory } from './stories/duplicateOpenStory.js';
export { keepMyVersion } from './stories/keepMyVersion.js';
export { navigationStarted } from './stories/navigation.js';
export { newStory } from './stories/newStory.js';
export { reloadOpenStory } from './stories/reloadOpenStory.js';
export { trashOpenStory } from './stories/trashOpenStory.js';
