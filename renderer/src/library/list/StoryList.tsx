import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { SEARCH_SORTS, type SearchSort } from '../../../../shared/search/searchQuery.js';
import { STATUS_LABELS, STORY_STATUSES, type StoryStatus, type StorySummary } from '../../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../../ui/formatRelativeTime.js';
import { formatWordCount } from '../../ui/formatWordCount.js';
import { hasModifier } from '../../ui/shortcut.js';
import { useNow } from '../../ui/useNow.js';
import { NO_FILTERS, useStorySearch, type StoryFilters } from './useStorySearch.js';

/** What a click on a story does: open it, or (with Shift or Ctrl/⌘, or on its checkbox) change the selection. */
type PickAction = 'toggle' | 'range' | 'open';

/** From this many listed stories on, only the rows in view (and a few around them) are rendered. */
const WINDOW_FROM = 300;
/** Each row's height when windowed (styles.css: .story-list.is-windowed .story-row). */
const ROW_PX = 86;
const OVERSCAN_ROWS = 12;

const SORT_LABELS: Record<SearchSort, string> = { updated: 'Last edited', created: 'Created', headline: 'Headline A–Z' };
const ALL = '*';

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
  const filterIds = { section: useId(), status: useId(), sort: useId() };
  const [filters, setFilters] = useState<StoryFilters>(NO_FILTERS);
  const now = useNow(60_000);
  const search = useStorySearch(stories, filters);
  const visible = search.stories;
  const filtered = filters.query.trim() !== '' || filters.section !== null || filters.status !== null;
  const filter = (patch: Partial<StoryFilters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const scrollRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [viewport, scrollToRow] = useViewport(scrollRef, listRef);
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
  const anchor = useRef<string | null>(null);
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

  const latest = useRef({ visible, selected, onSelectedChange, onOpen });
  latest.current = { visible, selected, onSelectedChange, onOpen };
  // Stable, so the memoised list items do not re-render when another story is selected.
  const [onPick] = useState(() => (id: string, how: PickAction) => {
    const { visible: shown, selected: current, onSelectedChange: change, onOpen: open } = latest.current;
    if (how === 'open') {
      open(id);
      return;
    }
    const next = new Set(current);
    const from = anchor.current ? shown.findIndex((story) => story.id === anchor.current) : -1;
    const to = shown.findIndex((story) => story.id === id);
    if (how === 'range' && from !== -1 && to !== -1) {
      const select = !current.has(id);
      for (const story of shown.slice(Math.min(from, to), Math.max(from, to) + 1)) {
        if (select) next.add(story.id);
        else next.delete(story.id);
      }
    } else if (next.has(id)) next.delete(id);
    else next.add(id);
    anchor.current = id;
    change(next);
  });
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
        <div className="story-search">
          <input
            type="search"
            aria-label="Search stories"
            placeholder="Search stories"
            value={filters.query}
            onChange={(event) => filter({ query: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && filters.query) filter({ query: '' });
            }}
          />
          <div className="story-filters">
            <div className="story-filter">
              <label htmlFor={filterIds.section}>In section</label>
              <select
                id={filterIds.section}
                value={filters.section ?? ALL}
                onChange={(event) => filter({ section: event.target.value === ALL ? null : event.target.value })}
              >
                <option value={ALL}>All</option>
                {sections.map((section) => (
                  <option key={section} value={section}>
                    {section}
                  </option>
                ))}
                <option value="">No section</option>
              </select>
            </div>
            <div className="story-filter">
              <label htmlFor={filterIds.status}>With status</label>
              <select
                id={filterIds.status}
                value={filters.status ?? ALL}
                onChange={(event) => filter({ status: event.target.value === ALL ? null : (event.target.value as StoryStatus) })}
              >
                <option value={ALL}>Any</option>
                {STORY_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </div>
            <div className="story-filter">
              <label htmlFor={filterIds.sort}>Sort by</label>
              <select id={filterIds.sort} value={filters.sort} onChange={(event) => filter({ sort: event.target.value as SearchSort })}>
                {SEARCH_SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_LABELS[sort]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {search.error && (
            <p className="field-hint field-hint-error" role="alert">
              {search.error}
            </p>
          )}
        </div>
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


interface StoryListItemProps {
  story: StorySummary;
  /** Its place in the whole list (0-based). */
  index: number;
  /** The whole list's length, when only some rows are drawn (so assistive technology still hears "n of m"). */
  setSize: number | undefined;
  open: boolean;
  selected: boolean;
  now: number;
  onPick: (id: string, how: PickAction) => void;
}

const StoryListItem = memo(function StoryListItem({ story, index, setSize, open, selected, now, onPick }: StoryListItemProps) {
  const titleId = `story-${story.id}-title`;
  const metaId = `story-${story.id}-meta`;
  const timeId = `story-${story.id}-time`;
  const headline = story.headline.trim();
  const pick = (event: MouseEvent, fallback: PickAction) => onPick(story.id, event.shiftKey ? 'range' : hasModifier(event) ? 'toggle' : fallback);
  return (
    <li
      className={selected ? 'story-row is-selected' : 'story-row'}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined ? undefined : index + 1}
    >
      <input
        type="checkbox"
        className="story-select"
        aria-label={`Select ${headline || 'Untitled'}`}
        checked={selected}
        // The click decides (it knows about Shift); the checked state then follows the selection.
        readOnly
        onClick={(event) => pick(event, 'toggle')}
      />
      <button
        type="button"
        className="story-item"
        aria-current={open ? 'true' : undefined}
        aria-labelledby={titleId}
        aria-describedby={`${metaId} ${timeId}`}
        onClick={(event) => pick(event, 'open')}
      >
        <span className="story-item-top">
          <span className="story-item-section">{story.section.trim()}</span>
          <time
            id={timeId}
            dateTime={story.updatedAt}
            title={`Last edited ${formatFullDateTime(story.updatedAt)}`}
            className="story-item-time"
          >
            {formatRelativeTime(story.updatedAt, now)}
          </time>
        </span>
        <span id={titleId} className={headline ? 'story-item-headline' : 'story-item-headline is-untitled'}>
          {headline || 'Untitled'}
        </span>
        <span id={metaId} className="story-item-meta">
          {story.section.trim() && <span className="visually-hidden">{story.section}, </span>}
          <span className={`status-badge status-${story.status ?? 'draft'}`} data-testid="story-status">
            {STATUS_LABELS[story.status ?? 'draft']}
          </span>
          {story.byline.trim() && <span className="story-item-byline">{story.byline}</span>}
          <span>{formatWordCount(story.wordCount)}</span>
        </span>
      </button>
    </li>
  );
});

/**
 * The scroll position and height of a scrolling element, kept up to date, and a way to scroll a (fixed-height,
 * windowed) row of its list into view that updates the position at once, so the row is drawn in the next render.
 */
function useViewport(
  ref: { current: HTMLElement | null },
  listRef: { current: HTMLElement | null },
): [{ top: number; height: number }, (index: number) => void] {
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setViewport({ top: element.scrollTop, height: element.clientHeight }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [ref]);
  const [scrollToRow] = useState(() => (index: number) => {
    const element = ref.current;
    const list = listRef.current;
    if (!element || !list) return;
    const listTop = list.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
    const rowTop = listTop + index * ROW_PX;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + ROW_PX > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + ROW_PX - element.clientHeight;
    setViewport({ top: element.scrollTop, height: element.clientHeight });
  });
  return [viewport, scrollToRow];
}

/** The row a list key moves focus to, from the focused row, or null for a key the list does not handle. */
function nextRowIndex(key: string, current: number, count: number, page: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowDown':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(last, current + page);
    case 'PageUp':
      return Math.max(0, current - page);
    default:
      return null;
  }
}
