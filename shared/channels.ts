/** Every invoke channel, renderer → main. The preload is built from this list alone. */
export const CHANNEL_NAMES = [
  'getLibrary',
  'listStories',
  'createStory',
  'getStory',
  'saveStory',
  'chooseLeadImage',
  'getMediaPreview',
  'exportStoryHtml',
  'confirmClose',
  'getExportSettings',
  'saveExportSettings',
  'renderStoryPreview',
  'renderStoryFragment',
  'exportStories',
  'cancelExport',
  'searchStories',
  'getSections',
  'saveSections',
  'renameSection',
  'duplicateStory',
  'trashStory',
  'restoreStory',
  'listTrash',
  'emptyTrash',
  'setStoryStatus',
  'addStoryNote',
  'deleteStoryNote',
  'listRevisions',
  'getRevision',
  'restoreRevision',
  'getLibrarySettings',
  'saveLibrarySettings',
  'getPreferences',
  'savePreferences',
  'openLibraryDialog',
  'openRecentLibrary',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Every event, main → renderer. */
export const EVENT_NAMES = [
  'flushBeforeClose',
  'menuCommand',
  'exportProgress',
  'libraryChanged',
  'storiesChangedOnDisk',
  'libraryMenuCommand',
  'menuOpenRecentLibrary',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const ipcChannel = (name: ChannelName | EventName) => `copydesk:${name}`;
