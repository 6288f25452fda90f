/** What an export did: the file, its size, its SHA-256 and whether the audit log recorded it; or why not. */
import type { ExportState } from './useExport';
import { formatBytes, formatElapsed } from './format';

export function ExportProgress({ seconds, what }: { seconds: number; what: string }) {
  return (
    <span className="export-progress">
      <span className="spinner" aria-hidden="true" /> Rendering {what} as PDF… {formatElapsed(seconds)}
    </span>
  );
}

export function ExportOutcome({ state, what }: { state: ExportState; what: string }) {
  switch (state.phase) {
    case 'idle': return null;
    case 'running': return <ExportProgress seconds={state.seconds} what={what} />;
    case 'failed': return <p className="banner error export-result">The {what} could not be exported: {state.message}</p>;
    case 'done': {
      const r = state.result;
      if (!r.written) return <p className="export-result muted">Export cancelled: nothing was written.</p>;
      return (
        <div className="export-result" data-export="done">
          <p className="export-title"><span aria-hidden="true">✓</span> Saved <strong className="file-name">{r.file_name}</strong>{r.draft ? ' (DRAFT)' : ''}</p>
          <dl className="export-facts">
            <dt>Size</dt><dd>{formatBytes(r.bytes)}</dd>
            <dt>SHA-256</dt><dd><code className="sha256" data-sha256={r.sha256 ?? ''}>{r.sha256}</code></dd>
            <dt>Audit log</dt>
            <dd data-audited={r.audited ? 'yes' : 'no'}>
              {r.audited ? 'Recorded in the audit log.' : 'Not recorded in the audit log: only the signed minutes are.'}
            </dd>
          </dl>
        </div>
      );
    }
  }
}
