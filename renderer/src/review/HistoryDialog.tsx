import { useEffect, useId, useMemo, useState } from 'react';
import { diffStoryFields, type FieldDiff } from '../../../shared/diff/diffStoryFields.js';
import type { RevisionInfo, RevisionReason } from '../../../shared/revisions.js';
import { STATUS_LABELS, type Story } from '../../../shared/story.js';
import { call, errorMessage } from '../api.js';
import { formatFullDateTime, formatRelativeTime } from '../ui/formatRelativeTime.js';
import { formatWordCount } from '../ui/formatWordCount.js';
import { FieldHint } from '../ui/FieldHint.js';
import { useModalDialog } from '../ui/useModalDialog.js';
import { useNow } from '../ui/useNow.js';

const REASONS: Record<RevisionReason, string> = {
  session: 'Before an editing session',
  status: 'Before a status change',
  restore: 'Before a restore',
  import: 'Before an import',
};

interface HistoryDialogProps {
  storyId: string;
  /** Saves the editor's edits, then reads the story as stored: the version revisions are compared with. */
  loadCurrent: () => Promise<Story>;
  /** Brings the revision back as a new revision; the dialog closes once it resolves. */
  onRestore: (revisionId: string) => Promise<void>;
  onClose: () => void;
}

type Selected = { info: RevisionInfo; story: Story } | null;

/**
 * The story's kept revisions, newest first. One opened is shown read-only as a field-by-field diff against the
 * current version, words added and removed marked, and can be restored (which keeps the current version too).
 */
export function HistoryDialog({ storyId, loadCurrent, onRestore, onClose }: HistoryDialogProps) {
  const modal = useModalDialog({ onCancel: onClose });
  const titleId = useId();
  const now = useNow(60_000);
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [current, setCurrent] = useState<Story | null>(null);
  const [selected, setSelected] = useState<Selected>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const story = await loadCurrent();
        const list = await call('listRevisions', { id: storyId });
        if (cancelled) return;
        setCurrent(story);
        setRevisions(list);
      } catch (failure) {
        if (!cancelled) setError(`Could not read the history: ${errorMessage(failure)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [storyId, loadCurrent]);

  async function open(info: RevisionInfo) {
    setError(null);
    try {
      setSelected({ info, story: await call('getRevision', { id: storyId, revisionId: info.revisionId }) });
    } catch (failure) {
      setError(`Could not open that version: ${errorMessage(failure)}`);
    }
  }

  async function restore() {
    if (!selected) return;
    setRestoring(true);
    setError(null);
    try {
      await onRestore(selected.info.revisionId);
    } catch (failure) {
      setError(`The version was not restored: ${errorMessage(failure)}`);
      setRestoring(false);
    }
  }

  const diffs = useMemo(() => (selected && current ? diffStoryFields(selected.story, current) : []), [selected, current]);
  const changed = diffs.filter((diff) => diff.changed);

  return (
    <dialog {...modal} className="dialog history-dialog" aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        History
      </h2>
      <div className="history-layout">
        <nav className="history-list" aria-label="Versions">
          {revisions === null && !error && <p className="field-hint">Reading the history…</p>}
          {revisions?.length === 0 && <p className="field-hint">No earlier versions yet. One is kept for each editing session and before each status change.</p>}
          <ul>
            {revisions?.map((info) => (
              <li key={info.revisionId}>
                <button
                  type="button"
                  className="history-item"
                  aria-current={selected?.info.revisionId === info.revisionId ? 'true' : undefined}
                  onClick={() => void open(info)}
                >
                  <span className="history-item-time">
                    <time dateTime={info.savedAt} title={formatFullDateTime(info.savedAt)}>
                      {formatRelativeTime(info.savedAt, now)}
                    </time>
                    {info.by ? ` · ${info.by}` : ''}
                  </span>
                  <span className="history-item-headline">{info.headline.trim() || 'Untitled'}</span>
                  <span className="history-item-meta">
                    {STATUS_LABELS[info.status]} · {formatWordCount(info.wordCount)} · {REASONS[info.reason]}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="history-version" aria-label="Selected version">
          {!selected && <p className="field-hint">Choose a version to compare it with the current story.</p>}
          {selected && (
            <>
              <p className="history-summary" role="status">
                {changed.length === 0
                  ? 'This version is the same as the current story.'
                  : `Compared with the current story: ${changed.map((diff) => diff.label).join(', ')} changed.`}
              </p>
              <div className="history-fields">
                {diffs.map((diff) => (
                  <FieldDiffView key={diff.field} diff={diff} />
                ))}
              </div>
            </>
          )}
        </section>
      </div>
      <FieldHint error={error} className="dialog-error" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" disabled={!selected || restoring} onClick={() => void restore()}>
          {restoring ? 'Restoring…' : 'Restore this version'}
        </button>
      </div>
    </dialog>
  );
}

/** One field of a version: its text read-only, with what the current story added (ins) and removed (del) marked. */
function FieldDiffView({ diff }: { diff: FieldDiff }) {
  if (!diff.changed && !diff.before) return null;
  return (
    <div className={diff.changed ? 'history-field is-changed' : 'history-field'} data-field={diff.field}>
      <h3 className="field-label">
        {diff.label}
        {diff.words && (diff.words.added > 0 || diff.words.removed > 0) && (
          <span className="history-counts">
            {' '}
            +{diff.words.added} −{diff.words.removed}
          </span>
        )}
        {!diff.changed && <span className="history-counts"> unchanged</span>}
      </h3>
      <p className="history-text">
        {diff.words
          ? diff.words.parts.map((part, index) =>
              part.kind === 'added' ? (
                <ins key={index} title="In the current story">
                  {part.text}
                </ins>
              ) : part.kind === 'removed' ? (
                <del key={index} title="Only in this version">
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )
          : diff.changed
            ? `${diff.before || '(none)'} → ${diff.after || '(none)'}`
            : diff.before}
      </p>
    </div>
  );
}
