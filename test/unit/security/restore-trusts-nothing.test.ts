import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { openRaw, type Db } from '../../../db/connection';
import { auditKeyPathFor } from '../../../db/auditKey';
import { auditHash, type AuditRow } from '../../../db/audit';
import { createCase } from '../../../db/repositories/cases';
import { backupsDirFor, createBackup, listBackups, restoreDatabase } from '../../../electron/services/backups';
import { seedDemo } from '../../../electron/services/demo';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const temp = useTempDir();

/** A demo board with signed meetings; returns its path (closed) and a good backup of it. */
function board(dir: string): { dbPath: string; good: string } {
  const dbPath = path.join(dir, 'board.sqlite');
  const { db } = openDatabase(dbPath);
  seedDemo(db, 100, 7);
  const good = path.join(backupsDirFor(dbPath), createBackup(db, backupsDirFor(dbPath), 'manual').file);
  db.close();
  return { dbPath, good };
}

/** Edits a copy of `good` with a plain connection, as an attacker with the sqlite3 shell would. */
function tamper(good: string, out: string, edit: (db: Db) => void): string {
  copyFileSync(good, out);
  const db = openRaw(out);
  edit(db);
  db.close();
  return out;
}

function triggerSql(db: Db, name: string): string {
  return db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
}

const hostile: [string, (db: Db) => void, RegExp][] = [
  ['a foreign trigger that rewrites ECOG on every new case', (db) => {
    db.exec("CREATE TRIGGER zz_ecog AFTER INSERT ON case_details BEGIN UPDATE case_details SET facts = json_set(facts, '$.ecog', 0) WHERE case_id = NEW.case_id; END");
  }, /extra trigger zz_ecog \(not created by Tumour Board\)/],
  ['an altered protection trigger', (db) => {
    const sql = triggerSql(db, 'decisions_signed_no_update');
    db.exec('DROP TRIGGER decisions_signed_no_update');
    db.exec(sql.replace("= 'signed'", "= 'never'"));
  }, /trigger decisions_signed_no_update was altered/],
  ['a dropped protection trigger', (db) => db.exec('DROP TRIGGER audit_log_no_delete'), /trigger audit_log_no_delete is missing/],
  ['an extra view', (db) => db.exec('CREATE VIEW v AS SELECT 1'), /extra view v/],
  ['an extra index', (db) => db.exec('CREATE INDEX zz_idx ON cases (status)'), /extra index zz_idx/],
  ['an altered signed decision (triggers put back exactly as they were)', (db) => {
    const sql = triggerSql(db, 'decisions_signed_no_update');
    db.exec('DROP TRIGGER decisions_signed_no_update');
    db.prepare("UPDATE decisions SET rationale = 'changed behind the app' WHERE id = (SELECT min(id) FROM decisions)").run();
    db.exec(sql);
  }, /decisions row \d+: altered outside the app/],
  ['an audit row altered and the chain recomputed without the audit key', (db) => {
    const sql = triggerSql(db, 'audit_log_no_update');
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 3").run();
    let prev = db.prepare('SELECT hash FROM audit_log WHERE id = 2').pluck().get() as string;
    for (const row of db.prepare('SELECT * FROM audit_log WHERE id >= 3 ORDER BY id').all() as AuditRow[]) {
      const hash = auditHash({ ...row, prev_hash: prev });
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(sql);
  }, /audit chain does not verify \(audit row 3: written without the audit key/],
];

describe('restore trusts nothing', () => {
  for (const [what, edit, message] of hostile) {
    it(`refuses ${what}; the current database stays byte-identical and no temporary file is left`, () => {
      const dir = temp();
      const { dbPath, good } = board(dir);
      const bad = tamper(good, path.join(dir, 'hostile.sqlite'), edit);
      const before = readFileSync(dbPath);
      const candidateBefore = readFileSync(bad);
      expect(() => restoreDatabase({ dbPath, from: bad })).toThrow(message);
      expect(() => restoreDatabase({ dbPath, from: bad })).toThrow(/^restore refused; the current database was not changed/);
      expect(readFileSync(dbPath).equals(before)).toBe(true);
      expect(readFileSync(bad).equals(candidateBefore)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['backups', 'board.sqlite', 'board.sqlite.anchor.json', 'board.sqlite.audit-key', 'hostile.sqlite']);
      expect(listBackups(backupsDirFor(dbPath)).map((b) => b.kind)).toEqual(['manual']);
    });
  }

  it('takes the commits still in the source -wal', () => {
    const dir = temp();
    const { dbPath } = board(dir);
    mkdirSync(path.join(dir, 'src'));
    const srcPath = path.join(dir, 'src', 'other.sqlite');
    // A copy of this board elsewhere (it carries the board's audit key, as a moved board does).
    copyFileSync(auditKeyPathFor(dbPath), auditKeyPathFor(srcPath));
    const src = openDatabase(srcPath).db;
    src.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 3; i++) createCase(src, { patient: patient({ identifier: `W${i}` }), case: caseInput() }, 'tester');
    // Copy the file and its -wal while the WAL still holds the commits (the writer is left open).
    const copy = path.join(dir, 'wal-source.sqlite');
    copyFileSync(srcPath, copy);
    copyFileSync(`${srcPath}-wal`, `${copy}-wal`);
    src.close();
    expect(existsSync(`${copy}-wal`)).toBe(true);
    const r = restoreDatabase({ dbPath, from: copy });
    expect(r.cases).toBe(3);
    const db = openDatabase(dbPath).db;
    expect(db.prepare("SELECT count(*) FROM patients WHERE identifier LIKE 'W%'").pluck().get()).toBe(3);
    db.close();
  });

  it("refuses another board's file (its log is keyed with another audit key); the current database stays byte-identical", () => {
    const dir = temp();
    const { dbPath } = board(dir);
    mkdirSync(path.join(dir, 'elsewhere'));
    const other = path.join(dir, 'elsewhere', 'other.sqlite');
    const { db } = openDatabase(other);
    createCase(db, { patient: patient({ identifier: 'X1' }), case: caseInput() }, 'tester');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(dbPath);
    expect(() => restoreDatabase({ dbPath, from: other })).toThrow(/other\.sqlite: the audit chain does not verify \(audit row 1: keyed with audit key [0-9a-f]{12}, but this board's audit key is [0-9a-f]{12}/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('restores the untouched backup of the same board', () => {
    const dir = temp();
    const { dbPath, good } = board(dir);
    const r = restoreDatabase({ dbPath, from: good });
    const db = openDatabase(dbPath).db;
    expect(r.cases).toBe(db.prepare('SELECT count(*) FROM cases').pluck().get());
    expect(r.cases).toBeGreaterThanOrEqual(100);
    db.close();
  });
});
