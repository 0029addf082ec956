import { call, errorMessage } from '../api.js';
import { saveOpenStoryFirst, openStoryId } from '../editor/index.js';
import { showError, showInfo } from '../ui/noticeStore.js';
import { copyEnded, copyStarted, usePublishingStore } from './publishingStore.js';

/** Copy for CMS: saves the open story, then puts its exported <article> fragment on the clipboard. */
export async function copyForCms(): Promise<void> {
  const id = openStoryId();
  if (!id || usePublishingStore.getState().copying) return;
  copyStarted();
  try {
    if (!(await saveOpenStoryFirst('Not copied: the story could not be saved'))) return;
    const { html } = await call('renderStoryFragment', { id });
    await navigator.clipboard.writeText(html);
    showInfo('Copied the CMS fragment', { title: 'The story’s <article> element, ready to paste into a CMS.' });
  } catch (error) {
    showError(`Could not copy the CMS fragment: ${errorMessage(error)}`);
  } finally {
    copyEnded();
  }
}
