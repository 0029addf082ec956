import { memo, useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { StorySummary } from '../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../formatRelativeTime.js';
import { formatWordCount } from '../formatWordCount.js';
import { hasModifier } from '../shortcut.js';
import { sortStories } from '../sortStories.js';
import { useNow } from '../useNow.js';

/** What a click on a story does: open it, or (with Shift or Ctrl/⌘, or on its checkbox) change the selection. */
type PickAction = 'toggle' | 'range' | 'open';

interface StoryListProps {
  stories: readonly StorySummary[];
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
export function StoryList({ stories, openId, onOpen, selected, onSelectedChange, onExportSelected, onExportAll, exporting }: StoryListProps) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const now = useNow(60_000);
  const sorted = useMemo(() => sortStories(stories), [stories]);
  const visible = useMemo(() => filterStories(sorted, deferredQuery), [sorted, deferredQuery]);
  const anchor = useRef<string | null>(null);

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
        <span className="panel-count">{stories.length}</span>
      </div>
      {stories.length > 0 && (
        <div className="story-search">
          <input
            type="search"
            aria-label="Search stories"
            placeholder="Search stories"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      )}
      <nav className="story-list-scroll" aria-labelledby={headingId}>
        <ul className="story-list" onKeyDown={moveFocusWithArrows}>
          {visible.map((story) => (
            <StoryListItem
              key={story.id}
              story={story}
              open={story.id === openId}
              selected={selected.has(story.id)}
              now={now}
              onPick={onPick}
            />
          ))}
        </ul>
        {stories.length === 0 && <p className="story-list-empty">No stories yet.</p>}
        {stories.length > 0 && visible.length === 0 && (
          <p className="story-list-empty">No stories match “{deferredQuery}”.</p>
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
  open: boolean;
  selected: boolean;
  now: number;
  onPick: (id: string, how: PickAction) => void;
}

const StoryListItem = memo(function StoryListItem({ story, open, selected, now, onPick }: StoryListItemProps) {
  const titleId = `story-${story.id}-title`;
  const metaId = `story-${story.id}-meta`;
  const timeId = `story-${story.id}-time`;
  const headline = story.headline.trim();
  const pick = (event: MouseEvent, fallback: PickAction) => onPick(story.id, event.shiftKey ? 'range' : hasModifier(event) ? 'toggle' : fallback);
  return (
    <li className={selected ? 'story-row is-selected' : 'story-row'}>
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
          {story.byline.trim() && <span className="story-item-byline">{story.byline}</span>}
          <span>{formatWordCount(story.wordCount)}</span>
        </span>
      </button>
    </li>
  );
});

function filterStories(stories: StorySummary[], query: string): StorySummary[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return stories;
  return stories.filter((story) =>
    `${story.headline}\n${story.section}\n${story.byline}`.toLocaleLowerCase().includes(needle),
  );
}

function moveFocusWithArrows(event: KeyboardEvent<HTMLUListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.story-item')];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (current === -1 || buttons.length === 0) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  buttons[next]?.focus();
}
