import { useShallow } from 'zustand/react/shallow';
import type { SaveResult } from '../../../shared/contract.js';
import type { Story } from '../../../shared/story.js';
import { summarizeStory } from '../../../shared/summarizeStory.js';
import { StoryEditor, storyShown, storyVersionSaved, type OpenStory } from '../editor/index.js';
import { duplicateOpenStory, keepMyVersion, reloadOpenStory, storiesUpdated, storySaved, trashOpenStory, useLibrarySections, useLibraryStore } from '../library/index.js';
import { useSettingsStore } from '../settings/index.js';
import { showInfo } from '../ui/noticeStore.js';

function saved(result: SaveResult): void {
  storyVersionSaved();
  storySaved(result.summary);
}

function revisionRestored(story: Story): void {
  storiesUpdated([summarizeStory(story)]);
  storyVersionSaved();
  showInfo('Restored the earlier version; the version before it is kept in History.');
  storyShown(story);
}

const duplicate = () => void duplicateOpenStory();
const trash = () => void trashOpenStory();
const reload = () => void reloadOpenStory();

/** The editor for the open story, wired to the library (list entries, sections) and the settings it shows. */
export function OpenStoryEditor({ open }: { open: OpenStory }) {
  const libraryName = useLibraryStore((state) => state.name ?? '');
  const sections = useLibrarySections();
  const { timeZone, libraryLanguage, limits } = useSettingsStore(
    useShallow((state) => ({ timeZone: state.exportSettings.timeZone, libraryLanguage: state.exportSettings.language, limits: state.limits })),
  );
  return (
    <StoryEditor
      key={`${open.story.id}:${open.instance}`}
      story={open.story}
      focusHeadline={open.focusHeadline}
      libraryName={libraryName}
      sections={sections}
      timeZone={timeZone}
      libraryLanguage={libraryLanguage}
      limits={limits}
      onSaved={saved}
      onReload={reload}
      onKeepMyVersion={keepMyVersion}
      onDuplicate={duplicate}
      onTrash={trash}
      onRestored={revisionRestored}
    />
  );
}
