/**
 * The evidence card as a modal dialog. Opening moves focus into the dialog (its close button); Escape or
 * Close shuts it and returns focus to the control that opened it. One dialog serves a whole panel: any
 * citation button below the provider opens it through `useOpenEvidence()`.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { getEvidence } from '../../../shared/engine';
import { EvidenceCard } from './EvidenceCard';

type Opener = (id: string) => void;
const OpenEvidenceContext = createContext<Opener | null>(null);

/** Opens the evidence card of an id; a no-op outside a provider (never throws in a card-less context). */
export function useOpenEvidence(): Opener {
  return useContext(OpenEvidenceContext) ?? noop;
}
const noop: Opener = () => undefined;

export function EvidenceDialogProvider({ children }: { children: ReactNode }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const open = useCallback<Opener>((id) => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpenId(id);
  }, []);
  const close = useCallback(() => {
    setOpenId(null);
    const back = returnTo.current;
    returnTo.current = null;
    // After the dialog has closed (and the page is inert no more).
    if (back) setTimeout(() => back.focus(), 0);
  }, []);
  return (
    <OpenEvidenceContext.Provider value={open}>
      {children}
      <EvidenceDialog id={openId} onClose={close} />
    </OpenEvidenceContext.Provider>
  );
}

export function EvidenceDialog({ id, onClose }: { id: string | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const record = id === null ? undefined : getEvidence(id);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (id !== null && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    } else if (id === null && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close(); else dialog.removeAttribute('open');
    }
    if (id !== null) closeRef.current?.focus();
  }, [id]);
  return (
    <dialog ref={ref} className="evidence-dialog" aria-labelledby="evidence-dialog-title"
      onCancel={(e) => { e.preventDefault(); onClose(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); } }}>
      {id !== null ? (
        <>
          <div className="dialog-bar">
            <span className="muted small">Evidence card</span>
            <button type="button" ref={closeRef} onClick={onClose}>Close <kbd>Esc</kbd></button>
          </div>
          {record ? <EvidenceCard record={record} idPrefix="evidence-dialog" titleId="evidence-dialog-title" />
            : <p id="evidence-dialog-title" role="alert">The catalogue has no entry {id}.</p>}
        </>
      ) : null}
    </dialog>
  );
}
