/** The preview, row by row: what importing would do with each row and each row's problems (row and column named). */
import { useState } from 'react';
import type { CsvPreview, ImportProblem } from '../../../shared/domain/imports';
import { ACTION_LABELS, plural } from './labels';

/** The table shows at most this many rows at once; problems are never hidden by it. */
export const PREVIEW_ROW_LIMIT = 200;

export function problemText(p: ImportProblem): string {
  const where = p.row > 0 ? `Row ${p.row}` : 'File';
  return p.column ? `${where}, column “${p.column}”: ${p.message}` : `${where}: ${p.message}`;
}

export function CsvRowsPreview({ preview }: { preview: CsvPreview }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const fileProblems = preview.problems.filter((p) => p.row <= 1);
  const invalid = preview.rows.filter((r) => !r.ok).length;
  const shown = onlyProblems ? preview.rows.filter((r) => !r.ok || r.problems.length > 0) : preview.rows;
  const visible = shown.slice(0, PREVIEW_ROW_LIMIT);

  return (
    <div className="csv-preview">
      <p className="preview-summary" data-testid="preview-summary">
        {plural(preview.total_rows, 'row')}: {preview.counts.create} new, {preview.counts.update} to update, {preview.counts.unchanged} unchanged
        {invalid > 0 ? <>, <strong className="bad">{plural(invalid, 'row')} with problems</strong></> : null}.
      </p>
      {fileProblems.length > 0 ? (
        <div className="banner error" role="alert">
          <p><strong>The file cannot be imported as it is:</strong></p>
          <ul aria-label="File problems">{fileProblems.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul>
        </div>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> Only rows with problems
      </label>
      <div className="table-scroll">
        <table className="data-table rows-table">
          <caption className="visually-hidden">Rows of the file</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Identifier</th><th scope="col">Outcome</th><th scope="col">Problems</th></tr></thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.row} data-row={r.row} className={r.ok ? undefined : 'has-problems'}>
                <th scope="row">{r.row}</th>
                <td>{r.identifier || <span className="muted">—</span>}</td>
                <td>{r.ok && r.action ? ACTION_LABELS[r.action] : <span className="bad">Not valid</span>}</td>
                <td>
                  {r.problems.length === 0 ? <span className="muted">None</span> : (
                    <ul className="problems" aria-label={`Problems in row ${r.row}`}>
                      {r.problems.map((p, i) => <li key={i}>{p.column ? <><code>{p.column}</code>: </> : null}{p.message}</li>)}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
            {visible.length === 0 ? <tr><td colSpan={4} className="muted">{onlyProblems ? 'No row has a problem.' : 'The file has no rows.'}</td></tr> : null}
          </tbody>
        </table>
      </div>
      {shown.length > visible.length ? <p className="muted small">Showing the first {PREVIEW_ROW_LIMIT} of {plural(shown.length, 'row')}.</p> : null}
    </div>
  );
}
