/**
 * De-identified registry export of treated cases: the CSV is saved at once, the FHIR Bundle and the manifest
 * on request; the manifest (what was removed and how dates were handled) is shown before anything is shared.
 */
import { useState } from 'react';
import type { RegistryExport as RegistryExportResult } from '../../../shared/domain/outcomes';
import { useStores } from '../../stores/context';
import { failureOf } from '../../stores/data';
import { downloadText } from './download';
import { plural } from './labels';

export function RegistryExport() {
  const stores = useStores();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [out, setOut] = useState<RegistryExportResult | null>(null);
  const stamp = (out?.manifest.generated_at ?? new Date().toISOString()).slice(0, 10);

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await stores.api.invoke('exports.registry', {});
      setOut(result);
      downloadText(`registry-${result.manifest.generated_at.slice(0, 10)}.csv`, result.csv, 'text/csv');
    } catch (e) {
      setError(failureOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="registry-title" className="data-section">
      <div className="section-head">
        <h2 id="registry-title">Registry export (de-identified)</h2>
        <button type="button" className="primary" onClick={() => { void run(); }} disabled={busy}>{busy ? 'Exporting…' : 'Export registry CSV'}</button>
      </div>
      <p className="muted small">Treated cases with their baseline facts, treatment, response and toxicities, without names, identifiers or dates of birth. Read the manifest before sharing the file.</p>
      {error ? <div className="banner error" role="alert"><p>{error}</p></div> : null}
      {out ? (
        <div className="registry-manifest" role="status" aria-labelledby="manifest-title">
          <h3 id="manifest-title">Manifest</h3>
          <p data-testid="registry-counts">{plural(out.manifest.records, 'record')} of {plural(out.manifest.patients, 'patient')} · saved as <code>registry-{stamp}.csv</code></p>
          <dl className="manifest">
            <dt>Selection</dt><dd>{out.manifest.selection}</dd>
            <dt>Dates</dt><dd>{out.manifest.date_handling}</dd>
            <dt>Pseudonyms</dt><dd>{out.manifest.pseudonyms}</dd>
            <dt>Disclosure control</dt>
            <dd data-testid="registry-disclosure">
              Every published combination of age band, sex, primary tumour and baseline facts is shared by at least {plural(out.manifest.disclosure.k, 'patient')};{' '}
              {plural(out.manifest.disclosure.records_suppressed, 'record')} withheld, {plural(Object.values(out.manifest.disclosure.cells_suppressed).reduce((a, b) => a + b, 0), 'value')} left empty.
            </dd>
            <dt>Residual risk</dt><dd>{out.manifest.disclosure.residual_risk}</dd>
          </dl>
          <h4>Removed</h4>
          <ul className="plain-list small" aria-label="Removed fields">
            {out.manifest.removed.map((r) => <li key={r.field}><code>{r.field}</code>: {r.why}</li>)}
          </ul>
          {out.manifest.not_recorded.length > 0 ? (
            <><h4>Not recorded in this database</h4><p className="small">{out.manifest.not_recorded.join(', ')}</p></>
          ) : null}
          <details>
            <summary>{plural(out.manifest.fields.length, 'field')} in the CSV</summary>
            <p className="small"><code>{out.manifest.fields.join(', ')}</code></p>
          </details>
          <div className="row-actions">
            <button type="button" onClick={() => downloadText(`registry-${stamp}.csv`, out.csv, 'text/csv')}>Download CSV again</button>
            <button type="button" onClick={() => downloadText(`registry-${stamp}.fhir.json`, out.fhir, 'application/fhir+json')}>Download FHIR Bundle</button>
            <button type="button" onClick={() => downloadText(`registry-${stamp}.manifest.json`, JSON.stringify(out.manifest, null, 2), 'application/json')}>Download manifest</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
