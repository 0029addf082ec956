import { useId, useRef, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog.js';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before something that cannot be undone; Cancel has the focus, Escape cancels. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const modal = useModalDialog({ onCancel, initialFocus: cancelRef });
  const titleId = useId();
  const textId = useId();

  return (
    <dialog {...modal} className="dialog" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={textId}>{children}</div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
