/** The quorum: met, or which required specialties are missing (a mark and words, not colour alone). */
import { type Quorum } from '../../../shared/domain/meeting';
import { SPECIALTY_LABELS } from '../../../shared/vocabulary';

export function QuorumBox({ quorum }: { quorum: Quorum }) {
  return (
    <section className={`quorum ${quorum.met ? 'met' : 'not-met'}`} aria-label="Quorum" data-quorum={quorum.met ? 'met' : 'not-met'}>
      <p>
        <span aria-hidden="true">{quorum.met ? '✓ ' : '⚠ '}</span>
        <strong>{quorum.met ? 'Quorum met' : 'Quorum not met'}</strong>
        {quorum.met ? null : <> — missing: {quorum.missing.map((s) => SPECIALTY_LABELS[s]).join(', ')}</>}
      </p>
      <p className="muted small">Required: {quorum.required.length ? quorum.required.map((s) => SPECIALTY_LABELS[s]).join(', ') : 'none'}</p>
    </section>
  );
}
