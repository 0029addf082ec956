import { memo, type MouseEvent } from 'react';
import { STATUS_LABELS, type StorySummary } from '../../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../../ui/formatRelativeTime.js';
import { formatWordCount } from '../../ui/formatWordCount.js';
import { hasModifier } from '../../ui/shortcut.js';
import type { PickAction } from './useStorySelection.js';

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

/**
 * A listed story: its checkbox, and the button that opens it. The button is named by all it shows, headline first
 * (voice control users say what they see): headline, section, time, status, byline and length.
 */
export const StoryListItem = memo(function StoryListItem({ story, index, setSize, open, selected, now, onPick }: StoryListItemProps) {
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
        onClick={(event) => pick(event, 'open')}
      >
        {/* The headline comes first, so the button's name (its visible text) starts with it; CSS shows it second. */}
        <span className={headline ? 'story-item-headline' : 'story-item-headline is-untitled'}>{headline || 'Untitled'}</span>
        <span className="story-item-top">
          <span className="story-item-section">{story.section.trim()}</span>
          <time
            dateTime={story.updatedAt}
            title={`Last edited ${formatFullDateTime(story.updatedAt)}`}
            className="story-item-time"
          >
            {formatRelativeTime(story.updatedAt, now)}
          </time>
        </span>
        <span className="story-item-meta">
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
