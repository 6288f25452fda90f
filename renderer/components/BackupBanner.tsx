/**
 * The frame's warning that the last automatic backup failed (backups.status): when, why in plain words, and what
 * to do. Asked when the app opens, every few minutes, and after a backup is made here; it stays until a later
 * backup succeeds.
 */
import { useEffect } from 'react';
import { APP_MESSAGES } from '../messages/app';
import { useData, useStores, useUi } from '../stores/context';
import { formatInstant, useClock } from './clock';

/** How often the frame asks again (the schedule retries a failed backup every 10 minutes). */
export const BACKUP_STATUS_POLL_MS = 5 * 60 * 1000;

export function BackupBanner() {
  const stores = useStores();
  const status = useUi((s) => s.backupStatus);
  const madeHere = useData((s) => s.lastBackup);
  const clock = useClock();
  useEffect(() => {
    void stores.ui.getState().loadBackupStatus();
    const timer = setInterval(() => void stores.ui.getState().loadBackupStatus(), BACKUP_STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [stores, madeHere]);
  const last = status?.last;
  if (!status?.failing || !last || last.ok) return null;
  return (
    <div className="banner error backup-banner" role="alert">
      <p>{APP_MESSAGES.backupFailed(formatInstant(last.at, clock), last.reason ?? '')}</p>
      <p>
        {APP_MESSAGES.backupAdvice}{' '}
        <button type="button" className="link" onClick={() => stores.ui.getState().show({ name: 'data' })}>{APP_MESSAGES.backupOpenData}</button>
      </p>
    </div>
  );
}
