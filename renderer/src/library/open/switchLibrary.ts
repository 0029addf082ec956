import { call, errorMessage } from '../../api.js';
import { saveOpenStoryFirst } from '../../editor/index.js';
import { showError } from '../../ui/noticeStore.js';

/** Saves the open story, then asks the main process to open another library; libraryChanged follows. */
export async function switchLibrary(open: () => Promise<unknown>): Promise<void> {
  if (!(await saveOpenStoryFirst('The library stays open because the story could not be saved'))) return;
  try {
    await open();
  } catch (error) {
    showError(`Could not open the library: ${errorMessage(error)}`);
  }
}

export const openLibraryFromDialog = () => switchLibrary(() => call('openLibraryDialog'));
export const openRecentLibrary = (id: string) => switchLibrary(() => call('openRecentLibrary', { id }));
