/**
 * Restore building blocks. A candidate file is hostile until proven otherwise: it is read only through a
 * private copy, opened read-only with trusted_schema=OFF (better-sqlite3 also keeps SQLite's defensive mode on),
 * and its schema must be, object by object, what our own migrations create for its version: an extra trigger
 * (one that rewrites facts on every insert), view, table or index, or an altered one, is refused before any
 * of its SQL can run on a write. The swap of a validated file is atomic.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openRaw, type Db } from './connection';
import { DatabaseOpenError } from './errors';
import { peekUserVersion } from './open';
import { verifyAuditChain } from './audit';
import type { AuditKey } from './auditKey';
import { verifySeals } from './seals';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface CandidateReport {
  ok: boolean;
  problems: string[];
  userVersion: number;
  cases: number;
  auditRows: number;
}

const REQUIRED_TABLES = ['meta', 'patients', 'cases', 'case_details', 'audit_log'];

interface SchemaObject { type: string; name: string; tbl_name: string; sql: string | null }

/** SQLite's statistics tables hold planner data only and may appear after ANALYZE / PRAGMA optimize. */
const IGNORED_OBJECTS = /^sqlite_stat\d$/;

function schemaOf(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaObject[];
  return new Map(rows.filter((r) => !IGNORED_OBJECTS.test(r.name)).map((r) => [`${r.type} ${r.name}`, r]));
}

/** What our migrations create for schema `version` (built in memory, never from the candidate). */
export function expectedSchema(version: number, migrations: readonly Migration[] = MIGRATIONS): Map<string, SchemaObject> {
  const mem = new Database(':memory:');
  try {
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) if (m.version <= version) mem.exec(m.sql);
    return schemaOf(mem);
  } finally {
    mem.close();
  }
}

/** Every object that differs from what our migrations create: extra, missing or altered (up to 20, named). */
export function schemaDifferences(db: Db, version: number, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const expected = expectedSchema(version, migrations);
  const actual = schemaOf(db);
  const out: string[] = [];
  for (const [key, obj] of actual) {
    const want = expected.get(key);
    if (!want) out.push(`extra ${obj.type} ${obj.name} (not created by Tumour Board)`);
    else if (want.sql !== obj.sql || want.tbl_name !== obj.tbl_name) out.push(`${obj.type} ${obj.name} was altered`);
  }
  for (const [key, obj] of expected) if (!actual.has(key)) out.push(`${obj.type} ${obj.name} is missing`);
  return out.slice(0, 20);
}

/**
 * Checks a candidate file. It must be a private copy (see `privateCopy`): SQLite may write -shm beside a
 * file it opens, and the user's own file must stay untouched.
 */
export function inspectCandidate(
  file: string, latestVersion: number, displayName = path.basename(file), migrations: readonly Migration[] = MIGRATIONS,
  /** The audit key of the board the candidate would replace: its keyed rows must verify under it. */
  auditKey: AuditKey | null = null,
): CandidateReport {
  const name = displayName;
  const report: CandidateReport = { ok: false, problems: [], userVersion: 0, cases: 0, auditRows: 0 };
  try {
    report.userVersion = peekUserVersion(file);
  } catch (error) {
    report.problems.push(error instanceof DatabaseOpenError ? error.message.replace(path.basename(file), name) : `${name} cannot be read`);
    return report;
  }
  if (report.userVersion > latestVersion) {
    report.problems.push(`${name} was written by a newer version of Tumour Board (schema ${report.userVersion}; this version knows up to ${latestVersion})`);
    return report;
  }
  if (report.userVersion < 1) {
    report.problems.push(`${name} is not a Tumour Board database (no schema version)`);
    return report;
  }
  let db;
  try {
    db = openRaw(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replaceAll(path.basename(file), name) : String(error);
    report.problems.push(`${name} cannot be opened as a SQLite database (${reason})`);
    return report;
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      report.problems.push(`${name} fails SQLite's integrity check: ${integrity.slice(0, 3).map((r) => r.integrity_check).join('; ')}`);
      return report;
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    const absent = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (absent.length) {
      report.problems.push(`${name} is not a Tumour Board database (missing ${absent.join(', ')})`);
      return report;
    }
    const schema = schemaDifferences(db, report.userVersion, migrations);
    if (schema.length) report.problems.push(`${name}: its schema is not what Tumour Board creates for version ${report.userVersion}: ${schema.join('; ')}`);
    const audit = verifyAuditChain(db, auditKey);
    report.auditRows = audit.rows;
    if (!audit.ok) report.problems.push(`${name}: the audit chain does not verify (${audit.reason})`);
    if (report.userVersion >= 2) {
      const seals = verifySeals(db);
      if (!seals.ok) report.problems.push(`${name}: records differ from their audited state (${seals.problems.join('; ')})`);
    }
    report.cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } catch (error) {
    report.problems.push(`${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** Copies `from` to `to` and flushes it to disk. */
export function privateCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts `replacement` (a validated private copy, in the same folder) where `target` is. The connection to
 * `target` must be closed. The rename is atomic; stale -wal/-shm files of the old database are removed first
 * so SQLite cannot replay them onto the new file.
 */
export function swapDatabaseFile(target: string, replacement: string): void {
  if (path.dirname(path.resolve(target)) !== path.dirname(path.resolve(replacement))) {
    throw new Error('the replacement must sit in the same folder as the database (atomic rename)');
  }
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(`${target}${suffix}`)) rmSync(`${target}${suffix}`);
  }
  renameSync(replacement, target);
  const dir = openSync(path.dirname(path.resolve(target)), 'r');
  try {
    fsyncSync(dir);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  } finally {
    closeSync(dir);
  }
}
