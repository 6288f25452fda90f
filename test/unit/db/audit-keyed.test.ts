/**
 * The keyed audit chain: HMAC rows under a key kept beside the file, a versioned chain (rows written before
 * the key verify under the old scheme, a marker row records the switch), and the first failing row named.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { openRaw, type Db } from '../../../db/connection';
import { applyMigrations } from '../../../db/open';
import { auditHash, keyedAuditHash, keyIdOfHash, shortHash, verifyAuditChain, type AuditRow } from '../../../db/audit';
import { auditKeyFrom, auditKeyPathFor, bindAuditKey, readAuditKey } from '../../../db/auditKey';
import { checkDatabase } from '../../../db/check';
import { createCase } from '../../../db/repositories/cases';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { DomainError } from '../../../shared/errors';

const tmp = useTempDir();

const rows = (db: Db): AuditRow[] => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
const addCases = (db: Db, n: number, from = 0): void => {
  for (let i = from; i < from + n; i++) createCase(db, { patient: patient({ identifier: `MRN${i}` }), case: caseInput() }, `user${i}`);
};

/** A board file whose first rows were written before audit keys existed (no key bound: the old scheme). */
function legacyBoard(file: string, cases: number): void {
  const db = openRaw(file);
  db.pragma('journal_mode = WAL');
  bindAuditKey(db, null);
  applyMigrations(db);
  addCases(db, cases);
  db.close();
}

describe('keyed audit chain', () => {
  it('a new board is keyed from row 1 with a random key kept beside the file (0600)', () => {
    const file = path.join(tmp(), 'board.sqlite');
    const { db } = openDatabase(file);
    addCases(db, 3);
    const key = readAuditKey(file);
    expect(key?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(statSync(auditKeyPathFor(file)).mode & 0o777).toBe(0o600);
    const all = rows(db);
    expect(all).toHaveLength(6);
    for (const r of all) expect(keyIdOfHash(r.hash)).toBe(key?.id);
    expect(all[0]?.hash).toMatch(new RegExp(`^hmac:${key?.id ?? ''}:[0-9a-f]{64}$`));
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 6, keyedFrom: 1 });
    expect(shortHash(all[5]?.hash ?? '')).toBe((all[5]?.hash ?? '').slice(-64, -52));
    db.close();
  });

  it('rows written before the key keep verifying under the old scheme; a marker row records the switch; nothing is re-written', () => {
    const file = path.join(tmp(), 'legacy.sqlite');
    legacyBoard(file, 2);
    const ro = openRaw(file, { readonly: true });
    const before = rows(ro);
    ro.close();
    expect(before.map((r) => keyIdOfHash(r.hash))).toEqual([null, null, null, null]);

    const { db } = openDatabase(file);
    // Opening alone writes nothing; the first change records the switch first.
    expect(rows(db)).toEqual(before);
    addCases(db, 1, 10);
    const after = rows(db);
    expect(after.slice(0, 4)).toEqual(before);
    const key = readAuditKey(file);
    expect(after[4]).toMatchObject({ id: 5, action: 'audit.keyed', entity: 'audit', entity_id: key?.id, prev_hash: before[3]?.hash });
    expect(JSON.parse(after[4]?.after ?? 'null')).toEqual({ scheme: 'hmac-sha256', key_id: key?.id, unkeyed_rows: 4 });
    expect(after.slice(4).map((r) => keyIdOfHash(r.hash))).toEqual([key?.id, key?.id, key?.id]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 7, keyedFrom: 5 });
    expect(checkDatabase(db)).toMatchObject({ ok: true, problems: [] });
    db.close();
  });

  it('an altered row whose chain is recomputed without the key is named: unkeyed scheme, or a guessed key', () => {
    const file = path.join(tmp(), 'board.sqlite');
    const { db } = openDatabase(file);
    addCases(db, 4);
    db.exec('DROP TRIGGER audit_log_no_update');
    const recompute = (hash: (row: Omit<AuditRow, 'hash'>) => string): void => {
      db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 3").run();
      let prev = db.prepare('SELECT hash FROM audit_log WHERE id = 2').pluck().get() as string;
      for (const row of db.prepare('SELECT * FROM audit_log WHERE id >= 3 ORDER BY id').all() as AuditRow[]) {
        const next = hash({ ...row, prev_hash: prev });
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, next, row.id);
        prev = next;
      }
    };
    recompute((row) => auditHash(row));
    expect(verifyAuditChain(db)).toEqual({
      ok: false, rows: 3, rowId: 3,
      reason: 'audit row 3: written without the audit key although the log is keyed from row 1 on (rows re-written outside the app)',
    });
    const keyId = readAuditKey(file)?.id ?? '';
    recompute((row) => keyedAuditHash(row, { ...auditKeyFrom(randomBytes(32)), id: keyId }));
    expect(verifyAuditChain(db)).toEqual({
      ok: false, rows: 3, rowId: 3,
      reason: 'audit row 3: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)',
    });
    expect(checkDatabase(db).problems).toContain('audit row 3: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
    db.close();
  });

  it('a missing audit key: the file opens and reads, check names it, writes are refused (no new key is made)', () => {
    const file = path.join(tmp(), 'board.sqlite');
    const first = openDatabase(file).db;
    addCases(first, 1);
    const keyId = readAuditKey(file)?.id ?? '';
    first.close();
    rmSync(auditKeyPathFor(file));
    const { db } = openDatabase(file);
    expect(existsSync(auditKeyPathFor(file))).toBe(false);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    expect(checkDatabase(db).problems).toContain(
      `audit row 1: keyed with audit key ${keyId}, which is not available here (the board's .audit-key file beside the database): cannot be verified`,
    );
    // A person's message, passed on by the dispatcher (not redacted to "internal error"), naming the file, not its folder.
    expect(() => addCases(db, 1, 5)).toThrow(new DomainError('READ_ONLY',
      "this board's audit log is keyed but its audit key is missing (board.sqlite.audit-key): put the board's audit key back beside the database; nothing was written"));
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    db.close();
  });

  it("another board's key is named with both key ids", () => {
    const file = path.join(tmp(), 'board.sqlite');
    const { db } = openDatabase(file);
    addCases(db, 1);
    const mine = readAuditKey(file)?.id ?? '';
    const other = auditKeyFrom(randomBytes(32));
    expect(verifyAuditChain(db, other)).toMatchObject({
      ok: false, rowId: 1, reason: `audit row 1: keyed with audit key ${mine}, but this board's audit key is ${other.id} (not this board's log, or its key was replaced)`,
    });
    db.close();
  });

  it('a damaged key file is refused by name, never replaced', () => {
    const file = path.join(tmp(), 'board.sqlite');
    openDatabase(file).db.close();
    writeFileSync(auditKeyPathFor(file), '{"audit_key":"short"}');
    expect(() => openDatabase(file)).toThrow('the audit key beside the database (board.sqlite.audit-key) is damaged');
  });
});

