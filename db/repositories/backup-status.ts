/**
 * The last automatic backup attempt, kept in `meta` so every process on the file (the desktop app's interactive and
 * jobs cores, a board server) reads the same answer. Written by the backup schedule, not audited: it is a fact about
 * the machine's copies, not a change to the board's records.
 */
import type { DbLike as Db } from '../sql/port';
import { stmt } from '../statements';
import { autoBackupAttemptSchema, type AutoBackupAttempt } from '../../shared/domain/imports';

const KEY = 'auto_backup';

export function readAutoBackupAttempt(db: Db): AutoBackupAttempt | null {
  const raw = stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (raw === undefined) return null;
  try {
    const parsed = autoBackupAttemptSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function recordAutoBackupAttempt(db: Db, attempt: AutoBackupAttempt): void {
  const value = JSON.stringify(autoBackupAttemptSchema.parse(attempt));
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, value);
}
