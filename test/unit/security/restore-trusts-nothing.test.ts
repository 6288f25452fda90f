import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { openRaw, type Db } from '../../../db/connection';
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
      expect(readdirSync(dir).sort()).toEqual(['backups', 'board.sqlite', 'board.sqlite.anchor.json', 'hostile.sqlite']);
      expect(listBackups(backupsDirFor(dbPath)).map((b) => b.kind)).toEqual(['manual']);
    });
  }

  it('takes the commits still in the source -wal', () => {
    const dir = temp();
    const { dbPath } = board(dir);
    mkdirSync(path.join(dir, 'src'));
    const srcPath = path.join(dir, 'src', 'other.sqlite');
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
