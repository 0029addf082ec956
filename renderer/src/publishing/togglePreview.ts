import { flushOpenStory, openStoryId } from '../editor/index.js';
import { previewToggled, usePublishingStore } from './publishingStore.js';

/** Opens or closes the preview; opening shows the story as it is now, not as of the last autosave. */
export function togglePreview(): void {
  const { previewOpen } = usePublishingStore.getState();
  if (!openStoryId() && !previewOpen) return;
  previewToggled();
  if (!previewOpen) void flushOpenStory();
}
