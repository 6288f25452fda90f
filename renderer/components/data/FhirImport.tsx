/**
 * FHIR R4 / mCODE import: choose a Bundle (JSON) or NDJSON → what was mapped, what was not, which facts are
 * still missing → Import → a link to the created or updated case.
 */
import type { FhirReport } from '../../../shared/domain/imports';
import { useData, useStores } from '../../stores/context';
import { FilePicker } from './FilePicker';
import { ACTION_LABELS, factLabel, plural } from './labels';

export function FhirImport() {
  const stores = useStores();
  const data = stores.data;
  const file = useData((s) => s.fhirFile);
  const report = useData((s) => s.fhirPreview);
  const busy = useData((s) => s.fhirBusy);
  const error = useData((s) => s.fhirError);
  const result = useData((s) => s.fhirResult);

  const doImport = async (): Promise<void> => {
    const r = await data.getState().fhirImport();
    if (r?.imported) {
      stores.cases.getState().refresh();
      void stores.ui.getState().loadInfo();
    }
  };

  return (
    <section aria-labelledby="fhir-title" className="data-section">
      <div className="section-head">
        <h2 id="fhir-title">Import from the EHR (FHIR R4 / mCODE)</h2>
        {file ? <button type="button" onClick={() => data.getState().fhirReset()} disabled={busy !== null}>Choose another file</button> : null}
      </div>
      {!file ? (
        <>
          <p className="muted small">A FHIR Bundle (JSON) or NDJSON with one patient: conditions, ECOG, TNM, tumour markers, medications and labs become the case&apos;s facts.</p>
          <FilePicker label="Choose a FHIR file" hint="…or drop it here (.json or .ndjson)." accept=".json,.ndjson,application/json,application/fhir+json" onFile={(f) => { void data.getState().fhirChoose(f); }} />
        </>
      ) : (
        <p className="file-line"><span className="muted">File:</span> <strong>{file.name}</strong></p>
      )}
      {busy === 'preview' ? <p className="muted" role="status">Reading the file…</p> : null}
      {error ? <div className="banner error" role="alert"><p>{error.message}</p></div> : null}
      {report ? <FhirReportView report={report} /> : null}
      {report && !result ? (
        <div className="row-actions">
          <button type="button" className="primary" disabled={busy !== null || report.errors.length > 0} onClick={() => { void doImport(); }}>
            {report.action === 'update' ? 'Import and update the case' : 'Import'}
          </button>
          {busy === 'import' ? <span role="status"><progress aria-label="Importing" /> Importing…</span> : null}
        </div>
      ) : null}
      {result ? (
        <div className={`import-result ${result.imported ? 'done' : 'failed'}`} role={result.imported ? 'status' : 'alert'}>
          <h3>{result.imported ? (result.action === 'update' ? 'Imported: the case was updated' : result.action === 'unchanged' ? 'Imported: nothing had changed' : 'Imported: a new case') : 'Nothing was imported'}</h3>
          {result.imported && result.case_id !== null ? (
            <button type="button" className="primary" onClick={() => stores.ui.getState().show({ name: 'case', id: result.case_id as number })}>
              Open case #{result.case_id}{result.patient ? ` (${result.patient.family_name}, ${result.patient.given_name})` : ''}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function FhirReportView({ report }: { report: FhirReport }) {
  return (
    <div className="fhir-report">
      {report.errors.length > 0 ? (
        <div className="banner error" role="alert">
          <p><strong>This file cannot be imported:</strong></p>
          <ul aria-label="Errors">{report.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
          <p>Nothing was imported. Correct the file and choose it again.</p>
        </div>
      ) : null}
      {report.errors.length > 0 ? null : <FhirMapping report={report} />}
    </div>
  );
}

/** What an importable file gives: the patient, the facts it maps, what it leaves out and what is still missing. */
function FhirMapping({ report }: { report: FhirReport }) {
  return (
    <>
      {report.patient ? (
        <p className="patient-line">
          <strong>{report.patient.family_name}, {report.patient.given_name}</strong>
          <span className="muted"> · {report.patient.identifier} · {report.patient.birth_date ?? 'birth date unknown'} · {report.patient.sex}</span>
          {report.action ? <span className="pill">{ACTION_LABELS[report.action]}</span> : null}
        </p>
      ) : null}
      <p className="muted small">{plural(report.resources, 'resource')} read.</p>
      <div className="fhir-columns">
        <section aria-labelledby="fhir-mapped">
          <h3 id="fhir-mapped">Mapped ({report.mapped.length})</h3>
          {report.mapped.length === 0 ? <p className="muted">Nothing.</p> : (
            <table className="data-table">
              <caption className="visually-hidden">What was mapped</caption>
              <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">From</th></tr></thead>
              <tbody>
                {report.mapped.map((m, i) => (
                  <tr key={i} data-target={m.target}>
                    <th scope="row">{factLabel(m.target)}{factLabel(m.target) !== m.target ? <div className="muted small"><code>{m.target}</code></div> : null}</th>
                    <td>{m.value}{m.note ? <div className="muted small">{m.note}</div> : null}</td>
                    <td className="small"><code>{m.resource}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div>
          <section aria-labelledby="fhir-not-mapped">
            <h3 id="fhir-not-mapped">Not mapped ({report.not_mapped.length})</h3>
            {report.not_mapped.length === 0 ? <p className="muted">Everything was used.</p> : (
              <ul className="plain-list small">{report.not_mapped.map((s, i) => <li key={i}><code>{s.resource}</code>: {s.reason}</li>)}</ul>
            )}
          </section>
          <section aria-labelledby="fhir-missing">
            <h3 id="fhir-missing">Facts still missing ({report.missing_facts.length})</h3>
            {report.missing_facts.length === 0 ? <p className="muted">None.</p> : (
              <ul className="missing-facts" aria-label="Missing facts">{report.missing_facts.map((f) => <li key={f} title={f} data-fact={f}>{factLabel(f)}</li>)}</ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
