/**
 * Out-of-band edits (the sqlite3 shell, protection triggers dropped and put back exactly as they were) that
 * `tumour-board check` must detect and name. One demo board is built once; each scenario edits its own copy.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw, type Db } from '../../../db/connection';
import { openDatabase } from '../../../db/open';
import { auditKeyFrom, auditKeyPathFor } from '../../../db/auditKey';
import { anchorPathFor } from '../../../db/anchor';
import { auditHash, keyedAuditHash, keyIdOfHash, type AuditRow } from '../../../db/audit';
import { seedDemo } from '../../../electron/services/demo';
import { cli } from '../helpers/cli';

let dir = '';
let board = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-tamper-'));
  board = path.join(dir, 'board.sqlite');
  const { db } = openDatabase(board);
  seedDemo(db, 100, 7);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `edit` with the named protection triggers dropped, then recreates them with their exact SQL. */
function bypassing(db: Db, triggers: string[], edit: () => void): void {
  const sql = triggers.map((t) => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(t) as string);
  for (const t of triggers) db.exec(`DROP TRIGGER ${t}`);
  edit();
  for (const s of sql) db.exec(s);
}

const one = (db: Db, sql: string): number => {
  const v = db.prepare(sql).pluck().get() as number | undefined;
  if (v === undefined) throw new Error(`the demo board has no row for: ${sql}`);
  return v;
};
/** Alters audit row `from` and recomputes every hash from there with `hash` (as an attacker with the shell would). */
function recomputeFrom(db: Db, from: number, hash: (row: Omit<AuditRow, 'hash'>) => string): void {
  bypassing(db, ['audit_log_no_update'], () => {
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = ?").run(from);
    let prev = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from - 1) as string;
    for (const row of db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(from) as AuditRow[]) {
      const next = hash({ ...row, prev_hash: prev });
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, next, row.id);
      prev = next;
    }
  });
}
const SIGNED = "SELECT id FROM meetings WHERE status = 'signed' ORDER BY id LIMIT 1";

type Scenario = [name: string, edit: (db: Db) => RegExp];
const scenarios: Scenario[] = [
  ['case facts changed (ECOG 3 → 0)', (db) => {
    const id = one(db, "SELECT case_id FROM case_details WHERE json_extract(facts, '$.ecog') = 3 LIMIT 1");
    db.prepare("UPDATE case_details SET facts = json_set(facts, '$.ecog', 0) WHERE case_id = ?").run(id);
    return new RegExp(`case_details row ${id}: altered outside the app`);
  }],
  ['case question changed', (db) => {
    const id = one(db, 'SELECT case_id FROM case_details ORDER BY case_id DESC LIMIT 1');
    db.prepare("UPDATE case_details SET question = 'something else' WHERE case_id = ?").run(id);
    return new RegExp(`case_details row ${id}: altered`);
  }],
  ['last imaging date moved', (db) => {
    const id = one(db, 'SELECT case_id FROM case_details WHERE last_imaging_date IS NOT NULL LIMIT 1');
    db.prepare("UPDATE case_details SET last_imaging_date = '2026-01-01' WHERE case_id = ?").run(id);
    return new RegExp(`case_details row ${id}: altered`);
  }],
  ['patient renamed', (db) => {
    const id = one(db, 'SELECT id FROM patients LIMIT 1');
    db.prepare("UPDATE patients SET family_name = 'Renamed' WHERE id = ?").run(id);
    return new RegExp(`patients row ${id}: altered`);
  }],
  ['birth date changed', (db) => {
    const id = one(db, 'SELECT id FROM patients WHERE birth_date IS NOT NULL LIMIT 1 OFFSET 3');
    db.prepare("UPDATE patients SET birth_date = '1999-01-01' WHERE id = ?").run(id);
    return new RegExp(`patients row ${id}: altered`);
  }],
  ['patient inserted', (db) => {
    db.prepare("INSERT INTO patients (identifier, family_name, given_name, birth_date, sex, created_at, updated_at) VALUES ('X1', 'Ghost', '', NULL, 'male', 'x', 'x')").run();
    const id = one(db, "SELECT id FROM patients WHERE identifier = 'X1'");
    return new RegExp(`patients row ${id}: no audit record for this row`);
  }],
  ['case deleted', (db) => {
    const id = one(db, 'SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.case_id = c.id) ORDER BY id DESC LIMIT 1');
    db.prepare('DELETE FROM case_search WHERE rowid = ?').run(id);
    db.prepare('DELETE FROM case_details WHERE case_id = ?').run(id);
    db.prepare('DELETE FROM cases WHERE id = ?').run(id);
    return new RegExp(`cases row ${id}: deleted outside the app`);
  }],
  ['case status changed', (db) => {
    const id = one(db, "SELECT id FROM cases WHERE status = 'draft' LIMIT 1");
    db.prepare("UPDATE cases SET status = 'ready' WHERE id = ?").run(id);
    return new RegExp(`cases row ${id}: altered`);
  }],
  ["a signed meeting's attendee changed", (db) => {
    const id = one(db, `SELECT id FROM attendees WHERE meeting_id = (${SIGNED}) LIMIT 1`);
    bypassing(db, ['attendees_signed_no_update'], () => db.prepare("UPDATE attendees SET name = 'Someone else' WHERE id = ?").run(id));
    return new RegExp(`attendees row ${id}: altered`);
  }],
  ['an attendee added to a signed meeting', (db) => {
    bypassing(db, ['attendees_signed_no_insert'], () => db.prepare(`INSERT INTO attendees (meeting_id, profile_id, name, specialty, attendance, position) VALUES ((${SIGNED}), NULL, 'Extra', 'surgery', 'attended', 99)`).run());
    const id = one(db, "SELECT id FROM attendees WHERE name = 'Extra'");
    return new RegExp(`attendees row ${id}: no audit record`);
  }],
  ['a profile made chair', (db) => {
    const id = one(db, "SELECT id FROM profiles WHERE role = 'member' LIMIT 1");
    db.prepare("UPDATE profiles SET role = 'chair' WHERE id = ?").run(id);
    return new RegExp(`profiles row ${id}: altered`);
  }],
  ["a profile's PIN hash replaced", (db) => {
    const id = one(db, "SELECT id FROM profiles WHERE role = 'chair' LIMIT 1");
    db.prepare("UPDATE profiles SET pin_hash = 'scrypt$16384$8$1$00$00' WHERE id = ?").run(id);
    return new RegExp(`profiles row ${id}: altered`);
  }],
  ["a board's quorum emptied", (db) => {
    const id = one(db, 'SELECT id FROM boards LIMIT 1');
    db.prepare("UPDATE boards SET quorum = '[]' WHERE id = ?").run(id);
    return new RegExp(`boards row ${id}: altered`);
  }],
  ['a signed decision altered', (db) => {
    const id = one(db, `SELECT id FROM decisions WHERE meeting_id = (${SIGNED}) LIMIT 1`);
    bypassing(db, ['decisions_signed_no_update'], () => db.prepare("UPDATE decisions SET plan = 'best_supportive_care' WHERE id = ?").run(id));
    return new RegExp(`decisions row ${id}: altered`);
  }],
  ["a signed meeting's quorum record changed", (db) => {
    const id = one(db, SIGNED);
    bypassing(db, ['meetings_signed_no_update'], () => db.prepare("UPDATE meetings SET quorum_record = '{}' WHERE id = ?").run(id));
    return new RegExp(`meetings row ${id}: altered`);
  }],
  ['an agenda item deleted', (db) => {
    const id = one(db, "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'planned' AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = a.id) LIMIT 1");
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
    return new RegExp(`agenda_items row ${id}: deleted outside the app`);
  }],
  ['an audit row altered', (db) => {
    bypassing(db, ['audit_log_no_update'], () => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 5").run());
    return /audit row 5: content does not match its keyed hash/;
  }],
  ['an audit row deleted in the middle', (db) => {
    bypassing(db, ['audit_log_no_delete'], () => db.prepare('DELETE FROM audit_log WHERE id = 7').run());
    return /audit row 8: expected row 7 before it/;
  }],
  ['a protection trigger dropped', (db) => {
    db.exec('DROP TRIGGER decisions_signed_no_update');
    return /protection trigger decisions_signed_no_update is missing/;
  }],
  ['a foreign trigger added (rewrites ECOG on every new case)', (db) => {
    db.exec("CREATE TRIGGER zz AFTER INSERT ON case_details BEGIN UPDATE case_details SET facts = json_set(facts, '$.ecog', 0) WHERE case_id = NEW.case_id; END");
    return /schema: extra trigger zz \(not created by Tumour Board\)/;
  }],
  ['a protection trigger weakened', (db) => {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log_no_delete'").pluck().get() as string;
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec(sql.replace('BEFORE DELETE ON audit_log', 'BEFORE DELETE ON audit_log WHEN 0'));
    return /schema: trigger audit_log_no_delete was altered/;
  }],
  ['an extra index', (db) => {
    db.exec('CREATE INDEX zz_idx ON patients (family_name)');
    return /schema: extra index zz_idx/;
  }],
  ['the newest audit row deleted (the anchor beside the file still names it)', (db) => {
    const last = one(db, 'SELECT max(id) FROM audit_log');
    bypassing(db, ['audit_log_no_delete'], () => db.prepare('DELETE FROM audit_log WHERE id = ?').run(last));
    return new RegExp(`audit: the newest audit rows were removed \\(the anchor beside the file records row ${last}`);
  }],
  ['an audit row altered and the whole chain recomputed after it with a guessed audit key', (db) => {
    // The attacker knows the scheme and copies the key id, but not the key kept beside the file.
    recomputeFrom(db, 5, (row) => keyedAuditHash(row, { ...auditKeyFrom(randomBytes(32)), id: keyIdOfHash(row.prev_hash) ?? '' }));
    return /audit row 5: content does not match its keyed hash/;
  }],
  ['an audit row altered and the chain after it recomputed under the old unkeyed scheme (a downgrade)', (db) => {
    recomputeFrom(db, 5, (row) => auditHash(row));
    return /audit row 5: written without the audit key although the log is keyed from row 1 on/;
  }],
  ['the search index edited', (db) => {
    const id = one(db, 'SELECT rowid FROM case_search LIMIT 1');
    db.prepare("UPDATE case_search SET body = 'nothing' WHERE rowid = ?").run(id);
    return /search index: 1 case\(s\) out of step/;
  }],
];

describe('tumour-board check names every out-of-band edit', () => {
  it('the untouched demo board passes', async () => {
    expect(await cli('check', '--db', board)).toMatchObject({ code: 0, err: '' });
  });
  for (const [name, edit] of scenarios) {
    it(name, async () => {
      const copy = path.join(dir, `${name.replace(/[^a-z]+/gi, '-')}.sqlite`);
      copyFileSync(board, copy);
      copyFileSync(anchorPathFor(board), anchorPathFor(copy));
      copyFileSync(auditKeyPathFor(board), auditKeyPathFor(copy));
      const db = openRaw(copy);
      const expected = edit(db);
      db.close();
      const r = await cli('check', '--db', copy);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(expected);
    });
  }
});

describe('an existing (schema 5) board is sealed on upgrade', () => {
  it('migration 6 seals what the file holds in one audit row; later out-of-band edits are named', async () => {
    const { MIGRATIONS } = await import('../../../db/migrations/index');
    const file = path.join(dir, 'v5.sqlite');
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) }).db;
    // Today's repositories write the record versions of migration 8: added for seeding, then dropped again so the
    // file is a faithful v5 (the version columns are not sealed).
    v5.exec(MIGRATIONS.find((m) => m.version === 8)?.sql ?? '');
    seedDemo(v5, 100, 3);
    for (const table of ['boards', 'agenda_items', 'decisions']) v5.exec(`ALTER TABLE ${table} DROP COLUMN version`);
    const rowsBefore = v5.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    v5.close();
    const { db, fromVersion } = openDatabase(file);
    expect(fromVersion).toBe(5);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(rowsBefore + 1);
    expect(db.prepare("SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1").get()).toEqual({ action: 'seal.baseline', entity: 'seal' });
    const patientId = one(db, 'SELECT id FROM patients LIMIT 1');
    db.close();
    expect((await cli('check', '--db', file)).code).toBe(0);
    const raw = openRaw(file);
    raw.prepare("UPDATE patients SET family_name = 'Renamed' WHERE id = ?").run(patientId);
    raw.close();
    expect((await cli('check', '--db', file)).err).toMatch(new RegExp(`patients row ${patientId}: altered outside the app`));
  });
});
