import { call, errorMessage } from '../api.js';
import { saveOpenStoryFirst, openStoryId } from '../editor/index.js';
import { showError, showInfo } from '../ui/noticeStore.js';
import { exportEnded, exportStarted, usePublishingStore } from './publishingStore.js';

/** Exports the open story: the main process runs preflight before asking for a folder; names the files it wrote. */
export async function exportOpenStory(): Promise<void> {
  const id = openStoryId();
  const { exporting, batchRunning } = usePublishingStore.getState();
  if (!id || exporting || batchRunning) return;
  exportStarted();
  try {
    if (!(await saveOpenStoryFirst('Not exported: the story could not be saved'))) return;
    const result = await call('exportStoryHtml', { id });
    if (result) showInfo(`Exported to ${result.folder}`, { title: result.files.join('\n') });
  } catch (error) {
    showError(`Export failed: ${errorMessage(error)}`);
  } finally {
    exportEnded();
  }
}
