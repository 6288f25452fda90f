/** Consistent copies of the live database (safe while the app is writing: SQLite snapshots the read). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export function backupTo(db: Db, out: string): void {
  if (existsSync(out)) throw new Error(`${path.basename(out)} already exists; choose a new file name`);
  // VACUUM INTO gives a compact, fully checkpointed single file (no -wal to carry along).
  db.prepare('VACUUM INTO ?').run(out);
}
