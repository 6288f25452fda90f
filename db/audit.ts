/**
 * The audit log: one row per change, written in the same transaction as the change, hash-chained so that
 * altering, deleting or reordering a row is detectable (verifyAuditChain names the first broken row).
 *
 * A versioned chain. Scheme 1 (rows written before the audit key existed): `hash` = sha256(prev_hash +
 * canonical row), 64 hex digits. Scheme 2 (keyed): `hash` = `hmac:<key id>:<HMAC-SHA256(audit key, prev_hash +
 * canonical row)>`, so someone who edits the file out of band cannot recompute a chain that verifies without the
 * audit key, which is kept outside the database (db/auditKey.ts). When a database whose newest row is of scheme 1
 * first writes with a key, an `audit.keyed` marker row (itself keyed) records the switch; rows before it keep
 * verifying under scheme 1 and are never re-written; a scheme-1 row after a keyed row is refused by verification
 * (a downgrade). The hashing is plain TypeScript over the row's values (no SQL function), so any engine can run it.
 */
import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import type { DbLike as Db } from './sql/port';
import { sqlDb, sqliteOf } from './sql/port';
import { isInTransaction, stmt } from './statements';
import { DomainError } from '../shared/errors';
import { auditKeyOf, auditKeyPathFor, missingAuditKeyReason, readAuditKey, type AuditKey } from './auditKey';

/** The advisory lock that serialises audit appends across processes on PostgreSQL. */
export const AUDIT_LOCK = 7411;

export const GENESIS_HASH = '0'.repeat(64);
const KEYED_PREFIX = 'hmac:';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
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

type Unhashed = Omit<AuditRow, 'hash'>;

// Canonical form: a JSON array in fixed column order, so no separator can be forged inside a value.
const canonical = (row: Unhashed): string =>
  JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after]);

/** Scheme 1 (unkeyed): sha256(prev_hash + canonical row). */
export function auditHash(row: Unhashed): string {
  return createHash('sha256').update(row.prev_hash).update(canonical(row)).digest('hex');
}

/** Scheme 2 (keyed): `hmac:<key id>:<HMAC-SHA256(key, prev_hash + canonical row)>`. */
export function keyedAuditHash(row: Unhashed, key: AuditKey): string {
  const mac = createHmac('sha256', key.secret).update(row.prev_hash).update(canonical(row)).digest('hex');
  return `${KEYED_PREFIX}${key.id}:${mac}`;
}

/** The key id a stored hash was written under, or null for a scheme-1 (unkeyed) row. */
export function keyIdOfHash(hash: string): string | null {
  if (!hash.startsWith(KEYED_PREFIX)) return null;
  return hash.slice(KEYED_PREFIX.length).split(':')[0] ?? '';
}

/** A stored hash as people compare it by eye: the key id left out, the first 12 digits. */
export function shortHash(hash: string): string {
  return (hash.startsWith(KEYED_PREFIX) ? hash.slice(hash.lastIndexOf(':') + 1) : hash).slice(0, 12);
}

/** The audit key of a connection: the one bound when it was opened, else the key file beside its file. */
export function auditKeyFor(db: Db): AuditKey | null {
  // The key is bound to the better-sqlite3 connection when there is one; a PostgreSQL store has no key file beside it.
  const raw = sqliteOf(db);
  return auditKeyOf(raw ?? db, () => (raw && raw.name && raw.name !== ':memory:' ? readAuditKey(raw.name) : null));
}

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

function insertRow(db: Db, row: AuditRow): void {
  stmt(
    db,
    'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)',
  ).run(row);
}

/** Appends one audit row. Must be called inside the transaction that makes the change. */
export function appendAudit(db: Db, entry: AuditEntry, at = new Date().toISOString()): number {
  if (!isInTransaction(db)) throw new Error('appendAudit must run inside the transaction of the change it records');
  // Several server processes on one PostgreSQL database: appends wait for each other so the chain has one order.
  // The lock, then the head, in one round trip: two statements of one string, each with its own snapshot (READ
  // COMMITTED), so the head is read after the lock is held and sees the append of whoever held it before.
  const head = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1';
  let last = (sqlDb(db).dialect === 'postgres' ? stmt(db, `SELECT pg_advisory_xact_lock(${AUDIT_LOCK}); ${head}`) : stmt(db, head)).get() as
    { id: number; hash: string } | undefined;
  const key = auditKeyFor(db);
  // A board that must be keyed but whose key is not here (PostgreSQL without its passphrase): never an unkeyed row.
  const missingWhy = key === null ? missingAuditKeyReason(sqliteOf(db) ?? db) : null;
  if (missingWhy !== null) throw new DomainError('READ_ONLY', missingWhy);
  const lastKeyId = last ? keyIdOfHash(last.hash) : null;
  if (lastKeyId !== null && key === null) {
    // A person's message (the dispatcher passes DomainErrors on): the key file by name, never the folder it sits in.
    throw new DomainError('READ_ONLY', `this board's audit log is keyed but its audit key is missing (${typeof db.name === 'string' && db.name !== '' ? path.basename(auditKeyPathFor(db.name)) : 'no audit key file was given'}): put the board's audit key back beside the database; nothing was written`);
  }
  if (lastKeyId !== null && key !== null && lastKeyId !== key.id) {
    throw new DomainError('READ_ONLY', `the audit key beside the database (${key.id}) is not the key this board's audit log was written with (${lastKeyId}): put the board's own audit key back; nothing was written`);
  }
  const hashOf = (row: Unhashed): string => (key ? keyedAuditHash(row, key) : auditHash(row));
  if (key && last && lastKeyId === null) {
    // The switch from the unkeyed scheme: a keyed marker row says from where on the chain is keyed.
    const marker: Unhashed = {
      id: last.id + 1, at, actor: 'Tumour Board', action: 'audit.keyed', entity: 'audit', entity_id: key.id, before: null,
      after: JSON.stringify({ scheme: 'hmac-sha256', key_id: key.id, unkeyed_rows: last.id }), prev_hash: last.hash,
    };
    const hash = hashOf(marker);
    insertRow(db, { ...marker, hash });
    last = { id: marker.id, hash };
  }
  const row: Unhashed = {
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
  insertRow(db, { ...row, hash: hashOf(row) });
  return row.id;
}

export type AuditVerification =
  | { ok: true; rows: number; keyedFrom: number | null }
  | { ok: false; rows: number; rowId: number; reason: string };

/**
 * Verifies the chain from row 1, each row under its own scheme, with `key` (default: the connection's audit
 * key). Names the first row that fails.
 */
export function verifyAuditChain(db: Db, key: AuditKey | null = auditKeyFor(db)): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  let keyedFrom: number | null = null;
  const fail = (row: AuditRow, reason: string): AuditVerification => ({ ok: false, rows, rowId: row.id, reason: `audit row ${row.id}: ${reason}` });
  for (const row of sqlDb(db).iterate<AuditRow>('SELECT * FROM audit_log ORDER BY id')) {
    rows++;
    if (row.id !== expectedId) return fail(row, `expected row ${expectedId} before it (rows deleted or renumbered)`);
    if (row.prev_hash !== prevHash) return fail(row, `link to row ${row.id - 1} is broken (previous row altered or removed)`);
    const keyId = keyIdOfHash(row.hash);
    if (keyId === null) {
      if (keyedFrom !== null) {
        return fail(row, `written without the audit key although the log is keyed from row ${keyedFrom} on (rows re-written outside the app)`);
      }
      if (auditHash(row) !== row.hash) return fail(row, 'content does not match its hash (row altered)');
    } else {
      keyedFrom ??= row.id;
      if (key === null) return fail(row, `keyed with audit key ${keyId}, which is not available here (${sqlDb(db).dialect === 'postgres' ? "kept in the database under the board's passphrase, or a key file given with --audit-key" : "the board's .audit-key file beside the database"}): cannot be verified`);
      if (key.id !== keyId) return fail(row, `keyed with audit key ${keyId}, but this board's audit key is ${key.id} (not this board's log, or its key was replaced)`);
      if (keyedAuditHash(row, key) !== row.hash) return fail(row, 'content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
    }
    prevHash = row.hash;
    expectedId++;
  }
  return { ok: true, rows, keyedFrom };
}
