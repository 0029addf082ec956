import { SaveStatus, useOpenStoryStore } from '../editor/index.js';
import { LibraryMenu, newStory, openLibraryFromDialog, openRecentLibrary, sectionsDialogOpened, useLibraryStore } from '../library/index.js';
import { copyForCms, exportOpenStory, togglePreview, usePublishingStore } from '../publishing/index.js';
import { settingsOpened } from '../settings/index.js';
import { CommandButton } from '../ui/CommandButton.js';
import { keysOf } from './commands.js';
import { toggleStoryList } from './storyListShown.js';

const NEW_STORY = keysOf('new-story');
const EXPORT = keysOf('export-html');
const PREVIEW = keysOf('preview');
const SETTINGS = keysOf('settings');
const OPEN_LIBRARY = keysOf('open-library');
const STORY_LIST = keysOf('toggle-story-list');

/** The window's top bar: the library menu, the save state, New story, and what leaves Copydesk. */
export function TopBar({ previewShown, listShown }: { previewShown: boolean; listShown: boolean }) {
  const name = useLibraryStore((state) => state.name);
  const ready = useLibraryStore((state) => state.phase.kind === 'ready');
  const hasStory = useOpenStoryStore((state) => state.open !== null);
  const copying = usePublishingStore((state) => state.copying);
  const exportBusy = usePublishingStore((state) => state.exporting || state.batch !== null);
  return (
    <header className="topbar">
      <div className="brand">
        <CommandButton
          title={listShown ? 'Hide the story list' : 'Show the story list'}
          shortcut={STORY_LIST}
          icon="sidebar"
          className="button button-quiet story-list-toggle"
          pressed={listShown}
          controls="story-list-sidebar"
          disabled={!ready}
          onClick={toggleStoryList}
        >
          Story list
        </CommandButton>
        <h1 className="brand-name">Copydesk</h1>
        {name !== null && (
          <LibraryMenu
            name={name}
            disabled={!ready}
            openShortcut={OPEN_LIBRARY}
            onOpenRecent={(recent) => void openRecentLibrary(recent.id)}
            onOpenLibrary={() => void openLibraryFromDialog()}
            onManageSections={sectionsDialogOpened}
          />
        )}
      </div>
      <div className="topbar-actions">
        <SaveStatus />
        <CommandButton title="New story" shortcut={NEW_STORY} className="button button-primary" disabled={!ready} onClick={() => void newStory()}>
          New story
        </CommandButton>
        <span className="topbar-divider" aria-hidden="true" />
        <CommandButton title="Preview the exported document" shortcut={PREVIEW} icon="preview" pressed={previewShown} disabled={!hasStory} onClick={togglePreview}>
          Preview
        </CommandButton>
        <CommandButton title="Copy the story’s HTML fragment for a CMS" icon="copy" disabled={!hasStory || copying} onClick={() => void copyForCms()}>
          Copy for CMS
        </CommandButton>
        <CommandButton title="Export HTML" shortcut={EXPORT} icon="export" disabled={!hasStory || exportBusy} onClick={() => void exportOpenStory()}>
          Export HTML…
        </CommandButton>
        <span className="topbar-divider" aria-hidden="true" />
        <CommandButton title="Export settings" shortcut={SETTINGS} icon="settings" className="button button-quiet" disabled={!ready} onClick={settingsOpened}>
          Settings
        </CommandButton>
      </div>
    </header>
  );
}
