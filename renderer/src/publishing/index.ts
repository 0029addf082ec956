// publishing: what leaves Copydesk — Export HTML (one story or a batch), Copy for CMS, and the preview.
export { copyForCms } from './copyForCms.js';
export { ExportDialog } from './ExportDialog.js';
export { exportOpenStory } from './exportOpenStory.js';
export { cancelBatchExport, exportStoriesInBatch } from './exportStoriesInBatch.js';
export { PreviewPane } from './PreviewPane.js';
export { batchExportClosed, previewClosed, usePublishingStore } from './publishingStore.js';
export { togglePreview } from './togglePreview.js';
