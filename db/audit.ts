/**
 * The audit log: one row per change, written in the same transaction as the change, hash-chained so that
 * altering, deleting or reordering a row is detectable (verifyAuditChain names the first broken row).
 */
import { createHash } from 'node:crypto';
import type { Db } from './connection';
import { stmt } from './statements';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  // Canonical form: a JSON array in fixed column order, so no separator can be forged inside a value.
  const canonical = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after]);
  return createHash('sha256').update(row.prev_hash).update(canonical).digest('hex');
}

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one audit row. Must be called inside the transaction that makes the change. */
export function appendAudit(db: Db, entry: AuditEntry, at = new Date().toISOString()): number {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const last = stmt(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    before: toJson(entry.before),
    after: toJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  stmt(
    db,
    'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)',
  ).run({ ...row, hash });
  return row.id;
}

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; rowId: number; reason: string };

export function verifyAuditChain(db: Db): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (row.id !== expectedId) {
      return { ok: false, rows, rowId: row.id, reason: `audit row ${row.id}: expected row ${expectedId} before it (rows deleted or renumbered)` };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, rows, rowId: row.id, reason: `audit row ${row.id}: link to row ${row.id - 1} is broken (previous row altered or removed)` };
    }
    if (auditHash(row) !== row.hash) {
      return { ok: false, rows, rowId: row.id, reason: `audit row ${row.id}: content does not match its hash (row altered)` };
    }
    prevHash = row.hash;
    expectedId++;
  }
  return { ok: true, rows };
}
