/** A small modal question using the native <dialog> (focus trap and Escape come with it). */
import { useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ open, title, message, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
      cancelRef.current?.focus(); // the safe choice has focus
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close(); else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-message"
      onCancel={(e) => { e.preventDefault(); onCancel(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      {open ? (
        <>
          <h2 id="confirm-title">{title}</h2>
          <p id="confirm-message">{message}</p>
          <div className="actions">
            <button type="button" ref={cancelRef} onClick={onCancel}>{cancelLabel}</button>
            <button type="button" className="danger" onClick={onConfirm}>{confirmLabel}</button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
