/** Listing a case that is not ready: shows what is missing and asks for the reason, which is recorded. */
import { useState, type FormEvent } from 'react';
import type { Readiness } from '../../../shared/domain/meeting';
import { Modal } from './Modal';
import { ReadinessDetails } from './Readiness';

export interface OverrideDialogProps {
  open: boolean;
  caseName: string;
  readiness: Readiness | null;
  action: string;
  onConfirm(reason: string): Promise<void>;
  onCancel(): void;
}

export function OverrideDialog({ open, caseName, readiness, action, onConfirm, onCancel }: OverrideDialogProps) {
  return (
    <Modal open={open} title="List a case that is not ready" onClose={onCancel}>
      {readiness ? <OverrideBody caseName={caseName} readiness={readiness} action={action} onConfirm={onConfirm} onCancel={onCancel} /> : null}
    </Modal>
  );
}

function OverrideBody({ caseName, readiness, action, onConfirm, onCancel }: Omit<OverrideDialogProps, 'open' | 'readiness'> & { readiness: Readiness }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!reason.trim()) { setError('A reason is required to list a case that is not ready.'); return; }
    try {
      await onConfirm(reason.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : 'the case could not be listed');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="stack">
      <p><strong>{caseName}</strong> is not ready for the board.</p>
      <ReadinessDetails readiness={readiness} label={`Missing for ${caseName}`} />
      <label className="field">
        <span className="field-label">Override reason (recorded with the agenda)</span>
        <textarea rows={3} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }} data-autofocus
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'override-error' : undefined} />
      </label>
      {error ? <p id="override-error" className="field-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary">{action}</button>
      </div>
    </form>
  );
}
