import { useCallback, useEffect, useId, useState } from 'react';
import type { TrashedStory } from '../../../../shared/contract.js';
import type { StorySummary } from '../../../../shared/story.js';
import { call, errorMessage } from '../../api.js';
import { formatFullDateTime, formatRelativeTime } from '../../ui/formatRelativeTime.js';
import { useNow } from '../../ui/useNow.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

interface TrashPanelProps {
  /** Changes when a story is moved to the Trash elsewhere, so the list is read again. */
  refreshKey: number;
  onRestored: (summary: StorySummary) => void;
}

/** The stories in the Trash, most recently trashed first: each can be restored; emptying deletes them for good. */
export function TrashPanel({ refreshKey, onRestored }: TrashPanelProps) {
  const headingId = useId();
  const now = useNow(60_000);
  const [trash, setTrash] = useState<TrashedStory[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setTrash(await call('listTrash'));
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not read the Trash: ${errorMessage(error)}` });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  async function restore(story: TrashedStory) {
    setBusy(true);
    try {
      const summary = await call('restoreStory', { id: story.id });
      setTrash((previous) => previous?.filter((entry) => entry.id !== story.id) ?? null);
      setMessage({ tone: 'info', text: `Restored “${story.headline.trim() || 'Untitled'}”` });
      onRestored(summary);
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not restore the story: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function empty() {
    setConfirming(false);
    setBusy(true);
    try {
      const { deleted } = await call('emptyTrash', { confirm: true });
      setTrash([]);
      setMessage({ tone: 'info', text: deleted === 1 ? 'Deleted 1 story for good' : `Deleted ${deleted} stories for good` });
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not empty the Trash: ${errorMessage(error)}` });
      void load();
    } finally {
      setBusy(false);
    }
  }

  const count = trash?.length ?? 0;
  return (
    <div className="story-list-panel trash-panel">
      <div className="panel-heading">
        <h2 id={headingId}>Trash</h2>
        <span className="panel-count">{count}</span>
      </div>
      <section className="story-list-scroll" aria-labelledby={headingId}>
        {trash && count === 0 && <p className="story-list-empty">The Trash is empty.</p>}
        <ul className="story-list">
          {trash?.map((story) => {
            const headline = story.headline.trim() || 'Untitled';
            return (
              <li key={story.id} className="trash-row">
                <span className={story.headline.trim() ? 'story-item-headline' : 'story-item-headline is-untitled'}>{headline}</span>
                <span className="story-item-meta">
                  <time dateTime={story.trashedAt} title={`Moved to Trash ${formatFullDateTime(story.trashedAt)}`}>
                    Trashed {formatRelativeTime(story.trashedAt, now)}
                  </time>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Restore ${headline}`}
                  disabled={busy}
                  onClick={() => void restore(story)}
                >
                  Restore
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <div className="story-list-footer">
        {message && (
          <p className={message.tone === 'error' ? 'field-hint field-hint-error' : 'field-hint'} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" disabled={count === 0 || busy} onClick={() => setConfirming(true)}>
            Empty Trash…
          </button>
        </div>
      </div>
      {confirming && (
        <ConfirmDialog title="Empty the Trash?" confirmLabel="Empty Trash" onConfirm={() => void empty()} onCancel={() => setConfirming(false)}>
          <p>
            {count === 1 ? 'The story in the Trash' : `The ${count} stories in the Trash`} and {count === 1 ? 'its' : 'their'} revisions
            will be deleted for good. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
