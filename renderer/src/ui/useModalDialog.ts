import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';

interface ModalDialogOptions {
  /** Escape (the dialog's cancel event). The dialog stays open: it closes when the component unmounts. */
  onCancel: () => void;
  /** Takes the focus when it opens (otherwise the browser focuses the first focusable control). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Selects the initial focus's text as well, to be typed over. */
  selectText?: boolean;
}

export interface ModalDialogProps {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
}

/**
 * Shows the `<dialog>` given the returned props as a modal while the component is mounted, and closes it on unmount.
 * Escape calls `onCancel` instead of closing the dialog itself.
 */
export function useModalDialog({ onCancel, initialFocus, selectText = false }: ModalDialogOptions): ModalDialogProps {
  const ref = useRef<HTMLDialogElement>(null);
  const opening = useRef({ initialFocus, selectText });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const { initialFocus: focus, selectText: select } = opening.current;
    focus?.current?.focus();
    if (select && focus?.current instanceof HTMLInputElement) focus.current.select();
    return () => dialog.close();
  }, []);
  return {
    ref,
    onCancel: (event) => {
      event.preventDefault();
      onCancel();
    },
  };
}
