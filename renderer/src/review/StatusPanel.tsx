import { useId } from 'react';
import { STATUS_LABELS, STORY_STATUSES, type StatusChange, type StoryStatus } from '../../../shared/story.js';
import { formatFullDateTime, formatRelativeTime } from '../ui/formatRelativeTime.js';
import { useNow } from '../ui/useNow.js';
import { ActionIcon } from '../ui/ActionIcon.js';
import { Field } from '../ui/Field.js';
import { FieldHint } from '../ui/FieldHint.js';

interface StatusPanelProps {
  status: StoryStatus;
  history: readonly StatusChange[];
  busy: boolean;
  error: string | null;
  onChange: (status: StoryStatus) => void;
  onDuplicate: () => void;
  onTrash: () => void;
  onHistory: () => void;
}

/** The story's place in the desk's workflow, and who moved it there when. */
export function StatusPanel({ status, history, busy, error, onChange, onDuplicate, onTrash, onHistory }: StatusPanelProps) {
  const headingId = useId();
  const selectId = useId();
  const recordId = useId();
  const now = useNow(30_000);
  const last = history.at(-1);
  return (
    <section className="panel status-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Workflow
      </h2>
      <Field id={selectId} label="Status">
        <select
          id={selectId}
          className={`field-control status-select status-${status}`}
          value={status}
          disabled={busy}
          aria-describedby={recordId}
          onChange={(event) => onChange(event.target.value as StoryStatus)}
        >
          {STORY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
        <p id={recordId} className="field-hint status-record" data-testid="status-record">
          {last ? (
            <>
              {STATUS_LABELS[last.status]} ·{' '}
              <time dateTime={last.at} title={formatFullDateTime(last.at)}>
                {formatRelativeTime(last.at, now)}
              </time>
              {last.by ? ` by ${last.by}` : ''}
            </>
          ) : (
            'No status changes yet'
          )}
        </p>
        <FieldHint error={error} />
      </Field>
      <div className="story-actions">
        <button type="button" className="button button-small" title="A new draft with this story’s fields" onClick={onDuplicate}>
          <ActionIcon name="duplicate" />
          Duplicate
        </button>
        <button type="button" className="button button-small" title="Earlier versions of this story, to compare and restore" onClick={onHistory}>
          <ActionIcon name="history" />
          History
        </button>
        <button type="button" className="button button-small button-danger-quiet" title="Move this story to the Trash (it can be restored)" onClick={onTrash}>
          <ActionIcon name="trash" />
          Move to Trash
        </button>
      </div>
    </section>
  );
}
