import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ActionIcon } from '../ui/ActionIcon.js';
import { sectionsOf, selectionChanged, storyRestoredFromTrash, trashToggled, useLibraryStore } from './libraryStore.js';
import { StoryList } from './list/StoryList.js';
import { openStory } from './stories/openStory.js';
import { TrashPanel } from './trash/TrashPanel.js';

interface LibrarySidebarProps {
  /** Out of sight (a narrow window, or the writer hid it), keeping its search and scroll for when it comes back. */
  hidden: boolean;
  openId: string | null;
  onExportSelected: (ids: string[]) => void;
  onExportAll: () => void;
  exporting: boolean;
}

/** The sidebar: the story list (search, filters, selection) or the Trash, and the switch between them. */
export function LibrarySidebar({ hidden, openId, onExportSelected, onExportAll, exporting }: LibrarySidebarProps) {
  const { ready, trashShown, trashVersion, stories, selected } = useLibraryStore(
    useShallow((state) => ({
      ready: state.phase.kind === 'ready',
      trashShown: state.trashShown,
      trashVersion: state.trashVersion,
      stories: state.stories,
      selected: state.selected,
    })),
  );
  const sections = useLibrarySections();
  return (
    <aside className="sidebar" id="story-list-sidebar" aria-label="Library" hidden={hidden}>
      {ready && trashShown && <TrashPanel refreshKey={trashVersion} onRestored={storyRestoredFromTrash} />}
      {ready && !trashShown && (
        <StoryList
          stories={stories}
          sections={sections}
          openId={openId}
          onOpen={openStory}
          selected={selected}
          onSelectedChange={selectionChanged}
          onExportSelected={() => onExportSelected([...selected])}
          onExportAll={onExportAll}
          exporting={exporting}
        />
      )}
      {ready && (
        <div className="sidebar-switch">
          <button
            type="button"
            className={trashShown ? 'button button-small is-active' : 'button button-small button-quiet'}
            aria-pressed={trashShown}
            onClick={trashToggled}
          >
            <ActionIcon name="trash" />
            Trash
          </button>
        </div>
      )}
    </aside>
  );
}

/** The library's managed sections in their order, then any other section a story has; the same array while unchanged. */
export function useLibrarySections(): string[] {
  const { stories, managed } = useLibraryStore(useShallow((state) => ({ stories: state.stories, managed: state.managedSections })));
  const key = useMemo(() => sectionsOf(managed, stories).join('\n'), [managed, stories]);
  return useMemo(() => (key ? key.split('\n') : []), [key]);
}
