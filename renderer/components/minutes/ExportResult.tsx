/** What an export did: the file, its size, its SHA-256 and whether the audit log recorded it; or why not. */
import { useState } from 'react';
import { ApiError } from '../../../shared/api';
import { useStores, useUi } from '../../stores/context';
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
          {r.file_name ? <ShowFile fileName={r.file_name} folder={r.folder} /> : null}
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

/**
 * Where the file went, and on the desktop "Open" / "Show in folder" (the main process hands the file to the
 * system; only a file just exported can be named). The browser host writes to `exports/` beside the database.
 */
function ShowFile({ fileName, folder }: { fileName: string; folder: string | null }) {
  const stores = useStores();
  const desktop = useUi((s) => s.info?.transport === 'electron');
  const [problem, setProblem] = useState<string | null>(null);
  const show = (how: 'open' | 'folder'): void => {
    setProblem(null);
    stores.api.invoke('exports.show', { file_name: fileName, how }).then(
      (r) => { if (!r.shown) setProblem(`Open it from its folder${folder ? `: ${folder}` : ''}.`); },
      (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'the file could not be shown'),
    );
  };
  return (
    <div className="export-where">
      {folder ? <p className="muted small">In the folder <code className="folder">{folder}</code></p> : null}
      {desktop ? (
        <p className="export-actions">
          <button type="button" onClick={() => show('open')}>Open</button>
          <button type="button" onClick={() => show('folder')}>Show in folder</button>
        </p>
      ) : null}
      {problem ? <p className="banner warn" role="alert">{problem}</p> : null}
    </div>
  );
}
