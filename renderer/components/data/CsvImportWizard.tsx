/**
 * CSV import: choose a file → map its columns (recognised defaults, units for labs, save for this source) →
 * row-by-row preview with problems → Dry run or Import (one transaction: all rows or none) → counts.
 */
import { useId } from 'react';
import { useData, useStores } from '../../stores/context';
import { CsvRowsPreview, problemText } from './CsvRowsPreview';
import { FilePicker } from './FilePicker';
import { MappingTable } from './MappingTable';
import { plural } from './labels';

const ORIGIN_TEXT = {
  recognised: 'Columns recognised from their names. Check them, change what is wrong, and save the mapping for this source.',
  saved: 'The mapping saved for this source.',
  given: 'Your mapping.',
} as const;

export function CsvImportWizard() {
  const stores = useStores();
  const data = stores.data;
  const file = useData((s) => s.csvFile);
  const source = useData((s) => s.csvSource);
  const preview = useData((s) => s.csvPreview);
  const mapping = useData((s) => s.csvMapping);
  const previewing = useData((s) => s.csvPreviewing);
  const error = useData((s) => s.csvError);
  const running = useData((s) => s.csvRunning);
  const result = useData((s) => s.csvResult);
  const saved = useData((s) => s.csvMappingSaved);
  const savedMappings = useData((s) => s.csvSaved);
  const sourceId = useId();
  const savedId = useId();

  const run = async (dryRun: boolean): Promise<void> => {
    const r = await data.getState().csvRun(dryRun);
    if (r?.imported) {
      stores.cases.getState().refresh();
      void stores.ui.getState().loadInfo();
      stores.ui.getState().notify('CSV imported.');
    }
  };

  if (!file) {
    return (
      <section aria-labelledby="csv-title" className="data-section">
        <h2 id="csv-title">Import a case list (CSV)</h2>
        <p className="muted small">One row per patient and case. Comma or semicolon separated, UTF-8; the first row names the columns. Nothing is written before you press Import.</p>
        <FilePicker label="Choose a CSV file" hint="…or drop it here." accept=".csv,.txt,text/csv" onFile={(f) => { void data.getState().csvChoose(f); }} />
      </section>
    );
  }

  const busy = running !== null;
  return (
    <section aria-labelledby="csv-title" className="data-section">
      <div className="section-head">
        <h2 id="csv-title">Import a case list (CSV)</h2>
        <button type="button" onClick={() => data.getState().csvReset()} disabled={busy}>Choose another file</button>
      </div>
      <p className="file-line"><span className="muted">File:</span> <strong>{file.name}</strong>
        {preview ? <span className="muted small"> · separator “{preview.delimiter}” · {plural(preview.headers.length, 'column')} · {plural(preview.total_rows, 'row')}</span> : null}
      </p>
      {error ? <div className="banner error" role="alert"><p>{error.message}</p></div> : null}
      {!preview ? <p className="muted" role="status">{previewing ? 'Reading the file…' : ''}</p> : (
        <>
          <h3>1. Columns</h3>
          <div className="row-actions">
            <p className="muted small origin">{ORIGIN_TEXT[preview.mapping_origin]}</p>
            {savedMappings.length > 0 ? (
              <>
                <label htmlFor={savedId} className="small">Apply a saved mapping</label>
                <select id={savedId} value="" disabled={busy} onChange={(e) => { if (e.target.value) void data.getState().csvUseSaved(e.target.value); }}>
                  <option value="">Choose…</option>
                  {savedMappings.map((m) => <option key={m.source} value={m.source}>{m.source}</option>)}
                </select>
              </>
            ) : null}
          </div>
          {mapping ? (
            <MappingTable headers={preview.headers} mapping={mapping} disabled={busy}
              onChange={(column, target, unit) => { void data.getState().csvSetColumn(column, target, unit); }} />
          ) : null}
          <div className="row-actions">
            <label htmlFor={sourceId}>Source</label>
            <input id={sourceId} value={source} onChange={(e) => data.getState().csvSetSource(e.target.value)} maxLength={200} size={28} />
            <button type="button" onClick={() => { void data.getState().csvSaveMapping(); }} disabled={busy || !source.trim()}>Save mapping for this source</button>
            <span role="status" className="small ok-text">{saved ? `Mapping saved for “${saved}”.` : ''}</span>
          </div>

          <h3>2. Preview {previewing ? <span className="muted small" role="status">updating…</span> : null}</h3>
          <CsvRowsPreview preview={preview} />

          <h3>3. Import</h3>
          <p className="muted small">All rows or none: if any row has a problem, nothing is imported. Patients are matched by identifier, so importing the same file again updates instead of duplicating.</p>
          <div className="row-actions">
            <button type="button" onClick={() => { void run(true); }} disabled={busy || previewing}>Dry run</button>
            <button type="button" className="primary" onClick={() => { void run(false); }} disabled={busy || previewing}>Import {plural(preview.total_rows, 'row')}</button>
          </div>
          {running ? (
            <div className="progress-line" role="status">
              <progress aria-label={running === 'dry' ? 'Checking' : 'Importing'} />
              <span>{running === 'dry' ? 'Checking' : 'Importing'} {plural(preview.total_rows, 'row')}…</span>
            </div>
          ) : null}
          {result ? <CsvResult /> : null}
        </>
      )}
    </section>
  );
}

function CsvResult() {
  const stores = useStores();
  const result = useData((s) => s.csvResult);
  if (!result) return null;
  const failed = !result.imported && (!result.dry_run || result.problems.length > 0);
  const title = failed ? 'Nothing was imported' : result.dry_run ? 'Dry run: nothing was written' : 'Imported';
  return (
    <div className={`import-result ${failed ? 'failed' : 'done'}`} role={failed ? 'alert' : 'status'} aria-labelledby="csv-result-title">
      <h3 id="csv-result-title">{title}</h3>
      {failed ? (
        <>
          <p>{plural(result.problems.length, 'problem')} must be fixed first; the database is unchanged.</p>
          <ul className="problems" aria-label="Import problems">{result.problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul>
        </>
      ) : (
        <>
          <dl className="counts">
            <div><dt>{result.dry_run ? 'Would create' : 'Created'}</dt><dd data-count="create">{result.counts.create}</dd></div>
            <div><dt>{result.dry_run ? 'Would update' : 'Updated'}</dt><dd data-count="update">{result.counts.update}</dd></div>
            <div><dt>Unchanged</dt><dd data-count="unchanged">{result.counts.unchanged}</dd></div>
          </dl>
          {result.imported ? (
            <button type="button" className="link" onClick={() => stores.ui.getState().show({ name: 'list' })}>Open the case list</button>
          ) : null}
        </>
      )}
    </div>
  );
}
