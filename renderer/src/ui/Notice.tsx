import type { ReactNode } from 'react';

export interface NoticeMessage {
  tone: 'info' | 'error';
  text: ReactNode;
  /** Extra detail on hover, e.g. the exported file names. */
  title?: string;
  /** A button beside the message, e.g. Undo. */
  action?: { label: string; run: () => void };
}

/** A dismissible message under the top bar: role=status for results, role=alert for failures. */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage; onDismiss: () => void }) {
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-text" title={notice.title}>
        {notice.text}
      </div>
      {notice.action && (
        <button type="button" className="button button-small" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button type="button" className="button button-quiet notice-dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
