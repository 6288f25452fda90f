// The frame warns when the last automatic backup failed, against the real core: the schedule really fails (its
// folder is taken by a file), `backups.status` says so, the banner names when and why and what to do, and it goes
// once a later backup succeeds.
import { rmSync, writeFileSync } from 'node:fs';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BackupBanner } from '../../renderer/components/BackupBanner';
import { startAutoBackups } from '../../electron/app/context';
import { backupsDirFor } from '../../electron/services/backups';
import { formatInstant, machineClock } from '../../shared/time/clock';
import { renderWithStores } from './render';
import { useRealCore } from './realApi';

const realCore = useRealCore();

function failingSchedule(dbPath: string, context: Parameters<typeof startAutoBackups>[0]) {
  writeFileSync(backupsDirFor(dbPath), 'not a folder');
  const timers: (() => void)[] = [];
  const schedule = startAutoBackups(context, dbPath, { setTimer: (fn) => { timers.push(fn); return { cancel: () => {} }; } });
  return { schedule, next: () => timers.shift()?.() };
}

describe('automatic backup warning', () => {
  it('shows nothing while backups work', async () => {
    const core = realCore();
    const { stores } = renderWithStores(<BackupBanner />, core.api);
    await waitFor(() => expect(stores.ui.getState().backupStatus).toEqual({ automatic: true, last: null, newest_backup_at: null, failing: false }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the last automatic backup failed and why, until a later one succeeds', async () => {
    const core = realCore();
    const { schedule, next } = failingSchedule(core.dbPath, core.context);
    try {
      const { stores } = renderWithStores(<BackupBanner />, core.api);
      const alert = await screen.findByRole('alert');
      const at = stores.ui.getState().backupStatus?.last?.at ?? 'missing';
      expect(alert).toHaveTextContent(`The last automatic backup (${formatInstant(at, machineClock())}) failed: the backups folder could not be written (no permission, or the disk is read-only).`);
      expect(alert).toHaveTextContent('Make a backup now under Data');
      expect(alert.textContent).not.toContain(core.dir);

      // The folder is put right and the next automatic backup succeeds: the next look clears the warning.
      rmSync(backupsDirFor(core.dbPath));
      next();
      await act(() => stores.ui.getState().loadBackupStatus());
      expect(stores.ui.getState().backupStatus).toMatchObject({ failing: false, last: { ok: true, reason: null } });
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      schedule.stop();
    }
  });

  it('a backup made from the app after the failure clears it at once; "Open Data" goes there', async () => {
    const core = realCore();
    const { schedule } = failingSchedule(core.dbPath, core.context);
    try {
      const { stores, user } = renderWithStores(<BackupBanner />, core.api);
      await screen.findByRole('alert');
      await user.click(screen.getByRole('button', { name: 'Open Data' }));
      expect(stores.ui.getState().view).toEqual({ name: 'data' });
      rmSync(backupsDirFor(core.dbPath));
      const made = await act(() => stores.data.getState().backupsCreate());
      expect(made?.kind).toBe('manual');
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect(stores.ui.getState().backupStatus).toMatchObject({ failing: false, last: { ok: false, problem: 'no_access' } });
    } finally {
      schedule.stop();
    }
  });
});
