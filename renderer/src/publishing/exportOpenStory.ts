import { call, errorMessage } from '../api.js';
import { saveOpenStoryFirst, leadImageNeedsAlt, openStoryFields, openStoryId } from '../editor/index.js';
import { showError, showInfo } from '../ui/noticeStore.js';
import { exportEnded, exportStarted, usePublishingStore } from './publishingStore.js';

/** Exports the open story: checks it before asking for a folder, and names the files it wrote. */
export async function exportOpenStory(): Promise<void> {
  const id = openStoryId();
  const { exporting, batchRunning } = usePublishingStore.getState();
  if (!id || exporting || batchRunning) return;
  const fields = openStoryFields();
  if (fields && leadImageNeedsAlt(fields)) {
    showError('Export failed: add alt text for the lead image first; readers using screen readers rely on it.');
    return;
  }
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
