/**
 * Looking after the database behind the API (what `check`, `audit`, `backup`, `restore` and `demo` do on the
 * command line, now operations every transport reaches): checks, a copy and a restore where the host chooses the
 * file, demo data for an empty database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NeedsSqliteError, sqliteOf, type DbLike as Db } from '../../db/sql/port';
import { stmt } from '../../db/statements';
import { shortHash, verifyAuditChain } from '../../db/audit';
import { anchorProblem, auditHead } from '../../db/anchor';
import { backupTo } from '../../db/backup';
import { checkDatabase } from '../../db/check';
import { countCases } from '../../db/repositories/cases';
import { verifySeals } from '../../db/seals';
import type { Handlers } from '../../shared/api';
import type { maintenanceOperations } from '../../shared/api/maintenance';
import type { RestoreResult } from '../../shared/domain/imports';
import { DomainError } from '../../shared/errors';
import type { HostCapabilities } from '../app/host';
import { seedDemo } from './demo';

export interface MaintenanceDeps {
  host: Pick<HostCapabilities, 'choosePath' | 'chooseFile'>;
  /** The app context's restore: waits for other calls, swaps the file, reopens. */
  restore: (from: string) => Promise<RestoreResult>;
}

const stamp = (d = new Date()): string => d.toISOString().replace(/[:.]/g, '-');

function onSqlite(db: Db, what: string) {
  const raw = sqliteOf(db);
  if (!raw) throw new DomainError('READ_ONLY', new NeedsSqliteError(what).message);
  return raw;
}

export function maintenanceHandlers(db: Db, deps: MaintenanceDeps): Pick<Handlers, keyof typeof maintenanceOperations> {
  return {
    'db.check': () => {
      const r = checkDatabase(db);
      return { ok: r.ok, problems: r.problems, audit_rows: r.auditRows, cases: r.cases };
    },
    'audit.verify': ({ row: wanted }) => {
      const chain = verifyAuditChain(db);
      const head = auditHead(db);
      const asked = wanted === undefined ? undefined
        : stmt(db, 'SELECT id, hash, at, action FROM audit_log WHERE id = ?').get(wanted) as { id: number; hash: string; at: string; action: string } | undefined;
      const shown = {
        head: head ? { id: head.id, hash: shortHash(head.hash) } : null,
        keyed_from: chain.ok ? chain.keyedFrom : null,
        row: asked ? { ...asked, hash: shortHash(asked.hash) } : null,
      };
      if (!chain.ok) return { ok: false, audit_rows: chain.rows, record_rows: 0, problems: [`first broken link: ${chain.reason}`], ...shown };
      // The newest audit row must be the one anchored beside the file (deleting the newest rows is named).
      const raw = sqliteOf(db);
      const anchor = raw ? anchorProblem(raw, raw.name) : null;
      if (anchor) return { ok: false, audit_rows: chain.rows, record_rows: 0, problems: [anchor], ...shown };
      const seals = verifySeals(db);
      if (!seals.ok) {
        const [first, ...rest] = seals.problems.length ? seals.problems : [`${seals.table} row ${seals.rowId}`];
        return { ok: false, audit_rows: chain.rows, record_rows: seals.rows, problems: [`first broken link: ${first ?? ''}`, ...rest], ...shown };
      }
      return { ok: true, audit_rows: chain.rows, record_rows: seals.rows, problems: [], ...shown };
    },
    'backups.export': async (_input, ctx) => {
      const chosen = await deps.host.choosePath({ suggestedName: `tumour-board-copy-${stamp()}.sqlite`, kind: 'backup' }, ctx);
      if (chosen === null) return { written: false, file_name: null, bytes: 0, sha256: null, audit_head: null };
      if (existsSync(chosen)) throw new DomainError('CONFLICT', `${path.basename(chosen)} already exists; choose a new file name`);
      const manifest = backupTo(onSqlite(db, 'A copy of the database'), chosen);
      return { written: true, file_name: path.basename(chosen), bytes: manifest.bytes, sha256: manifest.sha256, audit_head: manifest.audit_head };
    },
    'backups.restoreFile': async (_input, ctx) => {
      const from = await deps.host.chooseFile({ kind: 'backup' }, ctx);
      return from === null ? null : deps.restore(from);
    },
    'demo.seed': ({ cases, seed }) => {
      if (countCases(db) > 0) throw new DomainError('CONFLICT', 'this database already holds cases: demo data goes into an empty database only');
      return { cases: seedDemo(db, cases, seed) };
    },
  };
}
