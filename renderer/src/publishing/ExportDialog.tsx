import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ExportProgress as Progress, ExportSummary } from '../../../shared/contract.js';
import { onEvent } from '../api.js';
import { useModalDialog } from '../ui/useModalDialog.js';
import { ActionIcon } from '../ui/ActionIcon.js';
import { formatStoryCount } from '../ui/formatStoryCount.js';

export type BatchExport =
  | { phase: 'running'; started: Progress; cancelling: boolean }
  | { phase: 'finished'; summary: ExportSummary };

/** How often the progress bar may redraw: a batch of ten thousand stories sends ten thousand events. */
const PROGRESS_REDRAW_MS = 100;

interface ExportDialogProps {
  batch: BatchExport;
  onCancel: () => void;
  onClose: () => void;
}

/**
 * A batch export as a modal dialog: a progress bar with Cancel while it runs, then what was exported where and
 * each story that failed and why. Escape cancels a running export and closes the summary.
 */
export function ExportDialog({ batch, onCancel, onClose }: ExportDialogProps) {
  const modal = useModalDialog({ onCancel: () => (batch.phase === 'running' ? onCancel() : onClose()) });
  const titleId = useId();
  const doneRef = useRef<HTMLButtonElement>(null);
  const finished = batch.phase === 'finished';

  useEffect(() => {
    if (finished) doneRef.current?.focus();
  }, [finished]);

  return (
    <dialog {...modal} className="dialog export-dialog" aria-labelledby={titleId}>
      {batch.phase === 'running' ? (
        <ExportProgress titleId={titleId} batch={batch} onCancel={onCancel} />
      ) : (
        <ExportSummaryView titleId={titleId} summary={batch.summary} doneRef={doneRef} onClose={onClose} />
      )}
    </dialog>
  );
}

function ExportProgress({
  titleId,
  batch,
  onCancel,
}: {
  titleId: string;
  batch: Extract<BatchExport, { phase: 'running' }>;
  onCancel: () => void;
}) {
  const { done, total } = useLiveProgress(batch.started);
  const { cancelling } = batch;
  const current = Math.min(done + 1, total);
  const text = cancelling ? `Cancelling after ${formatStoryCount(done)}…` : `Exporting ${current} of ${total}…`;
  const percent = total === 0 ? 0 : (done / total) * 100;
  return (
    <>
      <h2 id={titleId} className="dialog-title">
        Exporting {formatStoryCount(total)}
      </h2>
      <div
        className="progress"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        {/* An SVG attribute, not an inline style: the app's CSP allows no style attributes. */}
        <svg className="progress-track" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="progress-fill" x="0" y="0" height="6" width={percent} />
        </svg>
      </div>
      <p className="progress-text" aria-hidden="true">
        {text}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </>
  );
}

function ExportSummaryView({
  titleId,
  summary,
  doneRef,
  onClose,
}: {
  titleId: string;
  summary: ExportSummary;
  doneRef: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}) {
  const { exported, failed, total, cancelled, folder } = summary;
  const skipped = total - exported.length - failed.length;
  const title = cancelled ? 'Export cancelled' : failed.length > 0 ? 'Export finished with problems' : 'Export finished';
  const tone = cancelled || failed.length > 0 ? 'warning' : 'success';
  return (
    <>
      <h2 id={titleId} className={`dialog-title dialog-title-${tone}`}>
        <span className="dialog-title-icon">
          <ActionIcon name={tone === 'success' ? 'check' : 'warning'} />
        </span>
        {title}
      </h2>
      <div className="export-summary" role="status" data-testid="export-summary">
        <p>
          Exported {exported.length} of {formatStoryCount(total)} to
        </p>
        <p className="export-folder">
          <code>{folder}</code>
        </p>
        {exported.length > 0 && (
          <p className="field-hint">Each story is in its own folder; index.json there lists them.</p>
        )}
        {cancelled && (
          <p className="export-cancelled">
            Cancelled: {skipped === 1 ? '1 story was' : `${skipped} stories were`} not exported. Every story folder written is complete.
          </p>
        )}
        {failed.length > 0 && (
          <div className="export-failures">
            <p className="export-failures-title">{failed.length === 1 ? '1 story was not exported:' : `${failed.length} stories were not exported:`}</p>
            <ul>
              {failed.map((failure) => (
                <li key={failure.id}>
                  <strong>{failure.headline.trim() || 'Untitled'}</strong> — {failure.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button ref={doneRef} type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}

/** The latest exportProgress, redrawn at most every PROGRESS_REDRAW_MS. */
function useLiveProgress(started: Progress): Progress {
  const [progress, setProgress] = useState(started);
  useEffect(() => {
    let latest = started;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onEvent('exportProgress', (next) => {
      if (next.done < latest.done) return;
      latest = next;
      timer ??= setTimeout(() => {
        timer = undefined;
        setProgress(latest);
      }, PROGRESS_REDRAW_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [started]);
  return progress;
}
