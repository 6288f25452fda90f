/**
 * Restore building blocks: inspect a candidate database file without trusting it (header, version, integrity,
 * ours, audit chain), and swap a validated file in place of a closed database file atomically.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openRaw } from './connection';
import { DatabaseOpenError } from './errors';
import { peekUserVersion } from './open';
import { verifyAuditChain } from './audit';

export interface CandidateReport {
  ok: boolean;
  problems: string[];
  userVersion: number;
  cases: number;
  auditRows: number;
}

const REQUIRED_TABLES = ['meta', 'patients', 'cases', 'case_details', 'audit_log'];

/**
 * Checks a candidate file. It must be a private copy (see `privateCopy`): SQLite may write -shm/-wal beside
 * a file it opens, and the user's own file must stay untouched.
 */
export function inspectCandidate(file: string, latestVersion: number, displayName = path.basename(file)): CandidateReport {
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
  } catch {
    report.problems.push(`${name} cannot be opened as a SQLite database`);
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
    const audit = verifyAuditChain(db);
    report.auditRows = audit.rows;
    if (!audit.ok) report.problems.push(`${name}: the audit chain does not verify (${audit.reason})`);
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
