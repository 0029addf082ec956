import { useEffect, useRef, type RefObject } from 'react';

/**
 * Shows the `<dialog>` given the returned ref as a modal while the component is mounted, and closes it on unmount.
 * `initialFocus`, if given, takes the focus when it opens (otherwise the browser focuses the first focusable control).
 */
export function useModalDialog(initialFocus?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const focusRef = useRef(initialFocus);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    focusRef.current?.current?.focus();
    return () => dialog.close();
  }, []);
  return dialogRef;
}
