import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { StorySummary } from '../../../../shared/story.js';
import { useNow } from '../../ui/useNow.js';
import { nextRowIndex } from './nextRowIndex.js';
import { StoryListItem } from './StoryListItem.js';
import { StorySearchBar } from './StorySearchBar.js';
import { NO_FILTERS, useStorySearch, type StoryFilters } from './useStorySearch.js';
import { useStorySelection } from './useStorySelection.js';
import { useViewport } from './useViewport.js';

/** From this many listed stories on, only the rows in view (and a few around them) are rendered. */
const WINDOW_FROM = 300;
/** Each row's height when windowed (storyList.css: .story-list.is-windowed .story-row). */
const ROW_PX = 86;
const OVERSCAN_ROWS = 12;

interface StoryListProps {
  stories: readonly StorySummary[];
  /** The sections to filter by. */
  sections: readonly string[];
  openId: string | null;
  onOpen: (id: string) => void;
  /** The stories ticked for "Export selected…". */
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  onExportSelected: () => void;
  onExportAll: () => void;
  /** An export is running: the export buttons wait. */
  exporting: boolean;
}

/**
 * The library's stories, newest edit first; each one is a button that opens it, with a checkbox to select it for
 * export. Shift-click selects a range; Ctrl-click (⌘-click) on a story selects it without opening it.
 */
export function StoryList({ stories, sections, openId, onOpen, selected, onSelectedChange, onExportSelected, onExportAll, exporting }: StoryListProps) {
  const headingId = useId();
  const [filters, setFilters] = useState<StoryFilters>(NO_FILTERS);
  const now = useNow(60_000);
  const search = useStorySearch(stories, filters);
  const visible = search.stories;
  const filtered = filters.query.trim() !== '' || filters.section !== null || filters.status !== null;
  const filter = (patch: Partial<StoryFilters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const scrollRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [viewport, scrollToRow] = useViewport(scrollRef, listRef, ROW_PX);
  const windowed = visible.length >= WINDOW_FROM;
  const first = windowed ? Math.max(0, Math.floor(viewport.top / ROW_PX) - OVERSCAN_ROWS) : 0;
  const last = windowed ? Math.min(visible.length, Math.ceil((viewport.top + viewport.height) / ROW_PX) + OVERSCAN_ROWS) : visible.length;
  const rows = windowed ? visible.slice(first, last) : visible;
  // The rows not rendered still take their room, so the scroll bar is the whole list's (set through the CSSOM: the CSP allows no style attributes).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    list.style.paddingTop = windowed ? `${first * ROW_PX}px` : '';
    list.style.paddingBottom = windowed ? `${(visible.length - last) * ROW_PX}px` : '';
  }, [windowed, first, last, visible.length]);
  // Keyboard focus moves by index over the whole list: the row to focus once it is drawn.
  const focusTarget = useRef<number | null>(null);
  useLayoutEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    focusTarget.current = null;
    listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${target}"] button.story-item`)?.focus();
  });
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest('li[data-index]');
    if (!(event.target instanceof HTMLButtonElement) || !row || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(viewport.height / ROW_PX) - 1);
    const target = nextRowIndex(event.key, Number(row.getAttribute('data-index')), visible.length, page);
    if (target === null) return;
    event.preventDefault();
    if (windowed) scrollToRow(target);
    const drawn = listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${target}"] button.story-item`);
    if (drawn) drawn.focus({ preventScroll: windowed });
    else focusTarget.current = target;
  };

  // Stable, so the memoised list items do not re-render when another story is selected.
  const onPick = useStorySelection(visible, selected, onSelectedChange, onOpen);
  const selectedCount = selected.size;

  return (
    <div className="story-list-panel">
      <div className="panel-heading">
        <h2 id={headingId}>Stories</h2>
        <span className="panel-count" data-testid="story-count" title={filtered ? `${visible.length} of ${stories.length} stories shown` : `${stories.length} stories`}>
          {filtered ? `${visible.length} / ${stories.length}` : stories.length}
        </span>
      </div>
      {stories.length > 0 && (
        <StorySearchBar filters={filters} sections={sections} onFilter={filter} error={search.error} />
      )}
      <nav ref={scrollRef} className="story-list-scroll" aria-labelledby={headingId}>
        <ul ref={listRef} className={windowed ? 'story-list is-windowed' : 'story-list'} onKeyDown={onListKeyDown}>
          {rows.map((story, i) => (
            <StoryListItem
              key={story.id}
              story={story}
              index={first + i}
              setSize={windowed ? visible.length : undefined}
              open={story.id === openId}
              selected={selected.has(story.id)}
              now={now}
              onPick={onPick}
            />
          ))}
        </ul>
        {stories.length === 0 && <p className="story-list-empty">No stories yet.</p>}
        {stories.length > 0 && visible.length === 0 && !search.searching && (
          <p className="story-list-empty">{filters.query.trim() ? `No stories match “${filters.query.trim()}”.` : 'No stories match these filters.'}</p>
        )}
      </nav>
      <div className="story-list-footer">
        <div className="selection-summary">
          <span role="status" className="selection-count">
            {selectedCount === 0 ? 'Tick stories to export several at once' : `${selectedCount} selected`}
          </span>
          {selectedCount > 0 && (
            <button type="button" className="button button-quiet button-small" onClick={() => onSelectedChange(new Set())}>
              Clear selection
            </button>
          )}
        </div>
        <div className="button-row">
          <button
            type="button"
            className={selectedCount > 0 ? 'button button-primary' : 'button'}
            disabled={selectedCount === 0 || exporting}
            onClick={onExportSelected}
          >
            Export selected…
          </button>
          <button type="button" className="button" disabled={stories.length === 0 || exporting} onClick={onExportAll}>
            Export all…
          </button>
        </div>
      </div>
    </div>
  );
}
