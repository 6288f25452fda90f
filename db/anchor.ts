/**
 * The audit head kept outside the database: `<file>.anchor.json` beside it (0600) holds the id and hash of the
 * newest audit row the app wrote. The chain alone cannot show that its newest rows were deleted (together with
 * the change they recorded); the anchor can: `check` requires the anchored row to be there with that hash.
 * The anchor may lag behind after a crash (it is written after commits), never run ahead. Honest limit: who can
 * rewrite the database file can usually rewrite this file too; it defeats edits of the database alone (a copy
 * passed around, a restored file, a shell session on the file) and is printed on every backup manifest.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DbLike as Db } from './sql/port';
import { stmt } from './statements';

export interface AuditHead { id: number; hash: string }

export const anchorPathFor = (file: string): string => `${path.resolve(file)}.anchor.json`;

export function auditHead(db: Db): AuditHead | null {
  return (stmt(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
}

export function readAnchor(file: string): AuditHead | null {
  const p = anchorPathFor(file);
  if (!existsSync(p)) return null;
  try {
    const parsed = JSON.parse(readFileSync(p, 'utf8')) as { audit_head?: AuditHead | null };
    const h = parsed.audit_head;
    return h && Number.isInteger(h.id) && typeof h.hash === 'string' ? { id: h.id, hash: h.hash } : null;
  } catch {
    return null;
  }
}

/** Writes the anchor for `db` (atomically); returns the head written. */
export function writeAnchor(db: Db, file: string = db.name): AuditHead | null {
  if (file === ':memory:' || file === '') return null;
  const head = auditHead(db);
  const target = anchorPathFor(file);
  const partial = `${target}.partial`;
  writeFileSync(partial, `${JSON.stringify({ audit_head: head, written_at: new Date().toISOString() })}\n`, { mode: 0o600 });
  renameSync(partial, target);
  return head;
}

/** A problem in words when the database no longer holds the anchored audit row; null when it does (or no anchor). */
export function anchorProblem(db: Db, file: string = db.name): string | null {
  const anchored = readAnchor(file);
  if (!anchored) return null;
  const row = stmt(db, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(anchored.id) as string | undefined;
  if (row === undefined) {
    return `audit: the newest audit rows were removed (the anchor beside the file records row ${anchored.id}; the log now ends before it)`;
  }
  if (row !== anchored.hash) return `audit: audit row ${anchored.id} is not the row the anchor beside the file records (the log was rewritten)`;
  return null;
}
