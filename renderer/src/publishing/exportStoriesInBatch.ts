import { call, errorMessage, onEvent } from '../api.js';
import { saveOpenStoryFirst } from '../editor/index.js';
import { showError } from '../ui/noticeStore.js';
import {
  batchExportCancelRequested,
  batchExportClosed,
  batchExportEnded,
  batchExportFinished,
  batchExportRequested,
  batchExportStarted,
  usePublishingStore,
} from './publishingStore.js';

/** Exports several stories, each into its own folder, with a progress dialog and a summary at the end. */
export async function exportStoriesInBatch(ids: string[] | 'all'): Promise<void> {
  const { exporting, batchRunning } = usePublishingStore.getState();
  if (batchRunning || exporting) return;
  batchExportRequested();
  // The dialog opens with the first progress event, once a folder was chosen; it follows the others itself.
  const offProgress = onEvent('exportProgress', (started) => {
    offProgress();
    batchExportStarted(started);
  });
  try {
    if (!(await saveOpenStoryFirst('Not exported: the open story could not be saved'))) return;
    batchExportFinished(await call('exportStories', { ids }));
  } catch (error) {
    batchExportClosed();
    showError(`Export failed: ${errorMessage(error)}`);
  } finally {
    offProgress();
    batchExportEnded();
  }
}

export function cancelBatchExport(): void {
  batchExportCancelRequested();
  call('cancelExport').catch((error: unknown) => showError(`Could not cancel the export: ${errorMessage(error)}`));
}
