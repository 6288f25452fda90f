/**
 * Moving a board between engines (db/move.ts, `migrate-to-postgres`, `export-sqlite`) on the real test cluster: the
 * demo board arrives whole (equal counts per table, same audit head, check passes, accent-forgiving search works),
 * a non-empty target is refused with nothing written, a failure half-way leaves the target empty, and the way back
 * gives a file that passes check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { auditKeyPathFor, bindAuditKey, readAuditKey } from '../../../db/auditKey';
import { checkDatabase } from '../../../db/check';
import { verifyAuditChain } from '../../../db/audit';
import { listCases } from '../../../db/repositories/cases';
import { caseListQuerySchema } from '../../../shared/domain/case';
import { openPostgres } from '../../../db/sql/postgres';
import { assertEmptyPostgres, copySqliteToPostgres, MoveError, tablesInOrder } from '../../../db/move';
import { seedDemo } from '../../../electron/services/demo';
import { postgres, splitPassword, usePasswordFromEnvironment } from '../../postgres/database';
import { psqlEnv } from '../../postgres/cluster';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/fixtures';

function counts(file: string): Map<string, number> {
  const { db } = openDatabase(file);
  try {
    return new Map(tablesInOrder(db).map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe.skipIf(!postgres.available)('moving a board between SQLite and PostgreSQL', () => {
  const tmp = useTempDir();
  let demoFile = '';
  let demoDir = '';
  usePasswordFromEnvironment();

  function demo(): string {
    if (demoFile && existsSync(demoFile)) return demoFile;
    demoDir = tmp();
    demoFile = path.join(demoDir, 'demo.db');
    const { db } = openDatabase(demoFile);
    seedDemo(db, 60, 7);
    db.close();
    return demoFile;
  }

  it('moves the demo board whole: the same rows per table, audit head and case count; check, audit and search work on PostgreSQL', async () => {
    const file = demo();
    const target = splitPassword(postgres.freshDatabase('move demo')).url;
    const moved = await cli('migrate-to-postgres', '--db', file, '--postgres', target);
    expect(moved.err).toBe('');
    expect(moved.code).toBe(0);
    const source = counts(file);
    for (const [table, rows] of source) expect(moved.out).toMatch(new RegExp(`^  ${table} +${rows}$`, 'm'));
    expect(source.get('cases')).toBe(60);
    expect(moved.out).toContain(`give every server and command on this database the key file ${auditKeyPathFor(file)} (--audit-key FILE)`);
    expect(moved.out).toMatch(/audit chain ok \(\d+ rows, newest row \d+, [0-9a-f]{12}…\); record seals ok; check ok \(60 cases\)/);

    // Row for row in PostgreSQL, and the audit head is the file's.
    const pg = openPostgres(target, { password: process.env.PGPASSWORD });
    try {
      for (const [table, rows] of source) expect([table, pg.pluck<number>(`SELECT count(*) FROM "${table}"`)]).toEqual([table, rows]);
      const { db } = openDatabase(file);
      const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
      db.close();
      expect(pg.get('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')).toEqual(head);
      // New rows continue after the copied ids.
      const maxCase = pg.pluck<number>('SELECT max(id) FROM cases') ?? 0;
      expect(pg.pluck<number>("SELECT last_value FROM pg_sequences WHERE sequencename = 'cases_id_seq'")).toBe(maxCase);
      // Vacuumed and analysed after the load (statistics for the planner, the search index's pending list merged).
      const unvisited = pg.pluckAll<string>(`SELECT relname FROM pg_stat_user_tables
        WHERE relname IN ('cases', 'case_search', 'audit_log') AND (last_vacuum IS NULL OR last_analyze IS NULL) ORDER BY relname`);
      expect(unvisited).toEqual([]);
    } finally {
      pg.close();
    }

    // The acceptance commands on the moved board, with the board's audit key.
    const key = auditKeyPathFor(file);
    const check = await cli('check', '--postgres', target, '--audit-key', key);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);
    const audit = await cli('audit', '--postgres', target, '--audit-key', key);
    expect(audit.err).toBe('');
    expect(audit.code).toBe(0);
    const cases = await cli('cases', '--postgres', target, '--audit-key', key, '--search', 'odegard', '--json');
    expect(cases.code).toBe(0);
    const listed = JSON.parse(cases.out) as { patient: { family_name: string } }[];
    expect(listed.length).toBeGreaterThan(0);
    for (const r of listed) expect(r.patient.family_name).toBe('Ødegård');
    // check, audit and the accent-forgiving search on the moved board, at the db level too.
    const moved2 = openPostgres(target, { password: process.env.PGPASSWORD });
    try {
      bindAuditKey(moved2, readAuditKey(file));
      const report = checkDatabase(moved2);
      expect(report.problems).toEqual([]);
      expect(report.cases).toBe(60);
      expect(verifyAuditChain(moved2)).toMatchObject({ ok: true });
      const found = listCases(moved2, caseListQuerySchema.parse({ search: 'odegard' }));
      expect(found.total).toBeGreaterThan(0);
      for (const r of found.rows) expect(r.family_name).toBe('Ødegård');
    } finally {
      moved2.close();
    }
  });

  it('refuses a database that already holds a table, and writes nothing', async () => {
    const full = postgres.freshDatabase('move nonempty');
    postgres.psql(full, 'CREATE TABLE someone_elses (id int)');
    const r = await cli('migrate-to-postgres', '--db', demo(), '--postgres', splitPassword(full).url);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not empty \(it holds public\.someone_elses\); migrate-to-postgres copies a board only into an empty database.*Nothing was written/);
    expect(postgres.psql(full, "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'").trim()).toBe('someone_elses');
  });

  it('leaves the target empty when the copy fails half-way (all or nothing)', () => {
    const dir = tmp();
    const file = path.join(dir, 'nul.db');
    const { db } = openDatabase(file);
    seedDemo(db, 12, 3);
    // A value SQLite keeps and PostgreSQL cannot (a NUL character in text), in a table copied late.
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('zz-note', 'before\u0000after');
    const url = postgres.freshDatabase('move fails');
    const pg = openPostgres(url);
    try {
      expect(() => copySqliteToPostgres(db, pg)).toThrow(/invalid byte sequence for encoding "UTF8": 0x00/);
      expect(() => assertEmptyPostgres(pg)).not.toThrow();
      expect(pg.pluck<number>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toBe(0);
    } finally {
      pg.close();
      db.close();
    }
  });

  it('refuses to move a board that fails check', () => {
    const dir = tmp();
    const file = path.join(dir, 'broken.db');
    const { db } = openDatabase(file);
    seedDemo(db, 12, 3);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = 2").run();
    const url = postgres.freshDatabase('move broken');
    const pg = openPostgres(url);
    try {
      expect(() => copySqliteToPostgres(db, pg)).toThrow(MoveError);
      expect(() => copySqliteToPostgres(db, pg)).toThrow(/does not pass check \(.*audit row 2: content does not match its keyed hash.*Nothing was written/);
      expect(pg.pluck<number>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toBe(0);
    } finally {
      pg.close();
      db.close();
    }
  });

  it('goes back: export-sqlite makes a new file with the same rows that passes check, and refuses an existing one', async () => {
    const file = demo();
    const target = splitPassword(postgres.freshDatabase('move back')).url;
    expect((await cli('migrate-to-postgres', '--db', file, '--postgres', target)).code).toBe(0);
    const dir = tmp();
    const out = path.join(dir, 'back.db');
    const back = await cli('export-sqlite', '--postgres', target, '--audit-key', auditKeyPathFor(file), '--out', out);
    expect(back.err).toBe('');
    expect(back.code).toBe(0);
    expect(counts(out)).toEqual(counts(file));
    expect(readFileSync(auditKeyPathFor(out), 'utf8')).toContain(JSON.parse(readFileSync(auditKeyPathFor(file), 'utf8')).audit_key as string);
    const check = await cli('check', '--db', out);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^ok: /);

    const taken = path.join(dir, 'taken.db');
    writeFileSync(taken, 'not empty');
    const refused = await cli('export-sqlite', '--postgres', target, '--audit-key', auditKeyPathFor(file), '--out', taken);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--out: .*taken\.db already exists/);
  });

  it('survives the README\'s backup and restore: pg_dump, pg_restore into a new database, check passes there', async () => {
    const source = splitPassword(postgres.freshDatabase('move dump')).url;
    expect((await cli('migrate-to-postgres', '--db', demo(), '--postgres', source)).code).toBe(0);
    const dump = path.join(tmp(), 'board.dump');
    const env = psqlEnv(postgres.url);
    const dumped = spawnSync(postgres.binary('pg_dump'), ['--format=custom', `--file=${dump}`, `--dbname=${source}`], { env, encoding: 'utf8' });
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    const restoredUrl = splitPassword(postgres.freshDatabase('move restored')).url;
    const restored = spawnSync(postgres.binary('pg_restore'), ['--no-owner', '--role=tb_test', '--exit-on-error', '--single-transaction', `--dbname=${restoredUrl}`, dump], { env, encoding: 'utf8' });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const pg = openPostgres(restoredUrl, { password: process.env.PGPASSWORD });
    try {
      bindAuditKey(pg, readAuditKey(demo()));
      expect(checkDatabase(pg).problems).toEqual([]);
      expect(pg.pluck<number>('SELECT count(*) FROM cases')).toBe(60);
    } finally {
      pg.close();
    }
  });

  it('refuses a password written into the URL on the command line', async () => {
    const r = await cli('migrate-to-postgres', '--db', demo(), '--postgres', 'postgres://board:secret@127.0.0.1:5432/board');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--postgres: holds a password: command lines are visible to other users and kept in shell history; remove it from the URL and set PGPASSWORD or TUMOUR_BOARD_PG_PASSWORD_FILE=FILE instead/);
  });
});
