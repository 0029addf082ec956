import { memo, useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { StorySummary } from '../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../formatRelativeTime.js';
import { formatWordCount } from '../formatWordCount.js';
import { sortStories } from '../sortStories.js';
import { useNow } from '../useNow.js';

interface StoryListProps {
  stories: readonly StorySummary[];
  openId: string | null;
  onOpen: (id: string) => void;
}

/** The library's stories, newest edit first; each one is a button that opens it. */
export function StoryList({ stories, openId, onOpen }: StoryListProps) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const now = useNow(60_000);
  const sorted = useMemo(() => sortStories(stories), [stories]);
  const visible = useMemo(() => filterStories(sorted, deferredQuery), [sorted, deferredQuery]);

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
            <StoryListItem key={story.id} story={story} open={story.id === openId} now={now} onOpen={onOpen} />
          ))}
        </ul>
        {stories.length === 0 && <p className="story-list-empty">No stories yet.</p>}
        {stories.length > 0 && visible.length === 0 && (
          <p className="story-list-empty">No stories match “{deferredQuery}”.</p>
        )}
      </nav>
    </div>
  );
}

interface StoryListItemProps {
  story: StorySummary;
  open: boolean;
  now: number;
  onOpen: (id: string) => void;
}

const StoryListItem = memo(function StoryListItem({ story, open, now, onOpen }: StoryListItemProps) {
  const titleId = `story-${story.id}-title`;
  const metaId = `story-${story.id}-meta`;
  const timeId = `story-${story.id}-time`;
  const headline = story.headline.trim();
  return (
    <li>
      <button
        type="button"
        className="story-item"
        aria-current={open ? 'true' : undefined}
        aria-labelledby={titleId}
        aria-describedby={`${metaId} ${timeId}`}
        onClick={() => onOpen(story.id)}
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
