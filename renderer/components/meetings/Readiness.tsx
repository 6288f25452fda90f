/** The completeness gate of one case: ready, or not ready with exactly what is missing. */
import type { Readiness } from '../../../shared/domain/meeting';
import { factLabel } from '../evidence/focusField';

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return (
    <span className={`ready-tag ${readiness.ready ? 'ready' : 'not-ready'}`} data-ready={readiness.ready ? 'yes' : 'no'}>
      <span aria-hidden="true">{readiness.ready ? '✓' : '✕'}</span> {readiness.ready ? 'Ready' : 'Not ready'}
    </span>
  );
}

export function ReadinessDetails({ readiness, label }: { readiness: Readiness; label: string }) {
  if (readiness.ready) return null;
  return (
    <div className="readiness-missing">
      <p className="small"><strong>What is missing:</strong></p>
      <ul aria-label={label}>
        {readiness.missing_facts.map((m) => (
          <li key={m.field} data-missing={m.field}><strong>{factLabel(m.field)}</strong> <span className="muted">— {m.why}</span></li>
        ))}
        {readiness.imaging.ok ? null : <li data-missing="imaging">{recencyText('Imaging', readiness.imaging)}</li>}
        {readiness.labs.ok ? null : <li data-missing="labs">{recencyText('Labs', readiness.labs)}</li>}
      </ul>
    </div>
  );
}

function recencyText(what: string, r: Readiness['imaging']): string {
  if (r.date === null) return `${what}: no date recorded (needs ≤ ${r.max_days} days before the meeting)`;
  return `${what} dated ${r.date}: ${r.age_days ?? '?'} days before the meeting (needs ≤ ${r.max_days})`;
}
