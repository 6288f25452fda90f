/** Backups: the list, "Back up now", and restore behind a confirmation that says the current database is kept first. */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/domain/imports';
import { useData, useStores } from '../../stores/context';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatInstant, useClock } from '../clock';

const KIND_LABELS: Record<BackupInfo['kind'], string> = { auto: 'Scheduled', manual: 'Manual', 'pre-restore': 'Before a restore' };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Backups() {
  const clock = useClock();
  const formatWhen = (iso: string): string => formatInstant(iso, clock);
  const stores = useStores();
  const data = stores.data;
  const backups = useData((s) => s.backups);
  const busy = useData((s) => s.backupsBusy);
  const error = useData((s) => s.backupsError);
  const last = useData((s) => s.lastBackup);
  const restored = useData((s) => s.restored);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);

  useEffect(() => { void data.getState().backupsLoad(); }, [data]);

  const restore = async (b: BackupInfo): Promise<void> => {
    setConfirm(null);
    const r = await data.getState().backupsRestore(b.file);
    if (r) {
      stores.cases.getState().refresh();
      void stores.ui.getState().loadInfo();
    }
  };

  return (
    <section aria-labelledby="backups-title" className="data-section">
      <div className="section-head">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="primary" disabled={busy !== null} onClick={() => { void data.getState().backupsCreate(); }}>
          {busy === 'create' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="muted small">Copies of the whole database, made on a schedule, before each restore, and whenever you ask. The oldest scheduled copies are removed as new ones are made.</p>
      <div role="status" className="ok-text">
        {last ? `Backed up: ${last.file} (${formatBytes(last.bytes)}).` : ''}
        {restored ? `Restored from ${restored.restored_from}: ${restored.cases} cases, audit chain checked (${restored.audit_rows} rows). The previous database was kept as ${restored.safety_backup}.` : ''}
      </div>
      {error ? (
        <div className="banner error" role="alert">
          <p>{error.code === 'READ_ONLY' ? <strong>Not possible here: </strong> : null}{error.message}</p>
        </div>
      ) : null}
      {backups === null ? <p className="muted">{busy === 'list' ? 'Loading the backups…' : ''}</p>
        : backups.length === 0 ? <p className="muted">No backup yet.</p> : (
          <table className="data-table backups-table">
            <caption className="visually-hidden">Backups, newest first</caption>
            <thead><tr><th scope="col">Made</th><th scope="col">Kind</th><th scope="col">Size</th><th scope="col">File</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {[...backups].sort((a, b) => b.created_at.localeCompare(a.created_at)).map((b) => (
                <tr key={b.file} data-file={b.file}>
                  <th scope="row">{formatWhen(b.created_at)}</th>
                  <td>{KIND_LABELS[b.kind]}</td>
                  <td>{formatBytes(b.bytes)}</td>
                  <td className="small"><code>{b.file}</code></td>
                  <td><button type="button" disabled={busy !== null} onClick={() => setConfirm(b)} aria-label={`Restore ${b.file}`}>Restore…</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <ConfirmDialog
        open={confirm !== null}
        title="Restore this backup?"
        message={confirm ? `The database will be replaced by the backup made ${formatWhen(confirm.created_at)} (${confirm.file}). The current database is kept as a backup first, so this can be undone by restoring that copy. The file is checked before anything is replaced.` : ''}
        confirmLabel="Restore"
        cancelLabel="Cancel"
        onConfirm={() => { if (confirm) void restore(confirm); }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
