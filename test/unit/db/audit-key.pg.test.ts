/**
 * A board on PostgreSQL is keyed too (db/open-postgres.ts): its audit key is kept in its own `meta`, wrapped under
 * the board's passphrase, so whoever can edit the rows without the passphrase (a database administrator, a dump)
 * can neither recompute the chain nor swap in a key of their own; without the passphrase nothing unkeyed is ever
 * written; migrate-to-postgres and export-sqlite carry the key with the rows.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { AUDIT_KEY_META, openPostgresDatabase } from '../../../db/open-postgres';
import {
  auditKeyFrom, auditKeyPathFor, readAuditKey, unwrapAuditKey, wrapAuditKey, wrappedKeySchema, writeAuditKey, type AuditKey,
} from '../../../db/auditKey';
import { keyedAuditHash, keyIdOfHash, type AuditRow } from '../../../db/audit';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { openPostgres, type PostgresSqlDb } from '../../../db/sql/postgres';
import { seedDemo } from '../../../electron/services/demo';
import { postgres, splitPassword, usePasswordFromEnvironment } from '../../postgres/database';
import { cli } from '../helpers/cli';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { createCase } from '../../../db/repositories/cases';

const PASS = 'a passphrase for the board server';

/** What a database administrator can do: any SQL, triggers set aside. */
function asAdmin<T>(url: string, work: (db: PostgresSqlDb) => T): T {
  const db = openPostgres(url, { password: process.env.PGPASSWORD });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Alters audit row `from` and recomputes the chain after it under `key`, with the log's protection triggers off. */
function recomputeFrom(db: PostgresSqlDb, from: number, key: AuditKey): void {
  db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  db.run("UPDATE audit_log SET actor = 'mallory' WHERE id = ?", [from]);
  let prev = db.pluck<string>('SELECT hash FROM audit_log WHERE id = ?', [from - 1]) ?? '';
  for (const row of db.all<AuditRow>('SELECT * FROM audit_log WHERE id >= ? ORDER BY id', [from])) {
    const next = keyedAuditHash({ ...row, prev_hash: prev }, key);
    db.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [prev, next, row.id]);
    prev = next;
  }
  db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

describe.skipIf(!postgres.available)('the audit key of a board on PostgreSQL', () => {
  const tmp = useTempDir();
  usePasswordFromEnvironment();
  afterEach(() => {
    delete process.env.TUMOUR_BOARD_PASSPHRASE;
    resetProcessKey();
  });

  it('without a passphrase or key file nothing is written unkeyed, and a board server refuses to start', async () => {
    const url = splitPassword(postgres.freshDatabase('nokey')).url;
    const demo = await cli('demo', '--postgres', url, '--cases', '3');
    expect(demo.code).not.toBe(0);
    expect(demo.err).toContain("a board on PostgreSQL keeps a keyed audit log: give the board's passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file FILE; its audit key is kept in the database wrapped under it) or --audit-key FILE; nothing was written");
    expect(asAdmin(url, (db) => [db.pluck<number>('SELECT count(*) FROM audit_log'), db.pluck<number>('SELECT count(*) FROM patients')])).toEqual([0, 0]);
    // What `serve --network --postgres` asks for: refused before it listens.
    expect(() => openPostgresDatabase(url, { password: process.env.PGPASSWORD, requireAuditKey: true }))
      .toThrow("a board on PostgreSQL keeps a keyed audit log: give the board's passphrase");
  });

  it('with the passphrase: a random key, kept wrapped in meta (no key in the database), every row keyed; check and audit verify', async () => {
    const url = splitPassword(postgres.freshDatabase('keyed')).url;
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect((await cli('demo', '--postgres', url, '--cases', '12')).code).toBe(0);
    const { stored, hashes } = asAdmin(url, (db) => ({
      stored: db.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]) ?? '',
      hashes: db.pluckAll<string>('SELECT hash FROM audit_log ORDER BY id'),
    }));
    const wrapped = wrappedKeySchema.parse(JSON.parse(stored));
    const key = unwrapAuditKey(wrapped, PASS);
    expect(key?.id).toBe(wrapped.key_id);
    expect(stored).not.toContain(key?.secret.toString('hex'));
    expect(hashes.length).toBeGreaterThanOrEqual(24);
    expect(new Set(hashes.map((h) => keyIdOfHash(h)))).toEqual(new Set([wrapped.key_id]));
    expect(await cli('check', '--postgres', url)).toMatchObject({ code: 0, err: '' });
    const audit = await cli('audit', '--postgres', url);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain(`audit chain intact (${hashes.length} rows, keyed)`);

    // Without the passphrase: it reads, check names the first keyed row it cannot verify, writes are refused.
    delete process.env.TUMOUR_BOARD_PASSPHRASE;
    const blind = await cli('check', '--postgres', url);
    expect(blind.code).toBe(1);
    expect(blind.err).toContain(`FAILED: audit row 1: keyed with audit key ${wrapped.key_id}, which is not available here (kept in the database under the board's passphrase, or a key file given with --audit-key): cannot be verified`);
    const { db: blindDb } = openPostgresDatabase(url, { password: process.env.PGPASSWORD });
    try {
      const before = blindDb.pluck<number>('SELECT count(*) FROM audit_log');
      expect(() => createCase(blindDb, { patient: patient({ identifier: 'MRN-NOKEY' }), case: caseInput() }, 'mallory'))
        .toThrow("this board's audit key is kept in the database wrapped under the board's passphrase: give it (TUMOUR_BOARD_PASSPHRASE or --passphrase-file FILE); nothing was written");
      expect(blindDb.pluck<number>('SELECT count(*) FROM audit_log')).toBe(before);
      expect(blindDb.pluck<number>("SELECT count(*) FROM patients WHERE identifier = 'MRN-NOKEY'")).toBe(0);
    } finally {
      blindDb.close();
    }
    // A wrong passphrase is refused by name.
    process.env.TUMOUR_BOARD_PASSPHRASE = 'not the passphrase';
    expect((await cli('check', '--postgres', url)).err).toContain("the passphrase given does not unwrap this board's audit key (kept wrapped in the database)");
  });

  it('a database administrator without the passphrase: a recomputed chain is named, a key of their own is refused', async () => {
    const url = splitPassword(postgres.freshDatabase('dba')).url;
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect((await cli('demo', '--postgres', url, '--cases', '8')).code).toBe(0);
    const keyId = asAdmin(url, (db) => wrappedKeySchema.parse(JSON.parse(db.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]) ?? '')).key_id);
    // Recomputed under a guessed key with the board's key id: named.
    asAdmin(url, (db) => recomputeFrom(db, 4, { ...auditKeyFrom(randomBytes(32)), id: keyId }));
    const check = await cli('check', '--postgres', url);
    expect(check.code).toBe(1);
    expect(check.err).toContain('FAILED: audit row 4: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
    // Their own key, wrapped under their own passphrase, put in meta and the whole chain recomputed under it: the
    // board's passphrase does not open it, so nothing opens.
    const theirs = auditKeyFrom(randomBytes(32));
    asAdmin(url, (db) => {
      db.run('UPDATE meta SET value = ? WHERE key = ?', [JSON.stringify(wrapAuditKey(theirs, ['mallory knows this one'])), AUDIT_KEY_META]);
      recomputeFrom(db, 1, theirs);
    });
    const swapped = await cli('check', '--postgres', url);
    expect(swapped.code).not.toBe(0);
    expect(swapped.err).toContain("the passphrase given does not unwrap this board's audit key (kept wrapped in the database)");
  });

  it('migrate-to-postgres carries an encrypted board\'s key into the database; export-sqlite carries it back beside the new file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'board.db');
    setProcessKey(PASS);
    const { db } = openDatabase(file);
    seedDemo(db, 20, 5);
    db.close();
    const fileKey = readAuditKey(file, PASS);
    resetProcessKey();
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    const url = splitPassword(postgres.freshDatabase('carry')).url;
    const moved = await cli('migrate-to-postgres', '--db', file, '--postgres', url);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain(`the audit chain is keyed (key ${fileKey?.id ?? ''}): the key is kept in the database, wrapped under the board's passphrase`);
    const stored = asAdmin(url, (pg) => wrappedKeySchema.parse(JSON.parse(pg.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]) ?? '')));
    expect(unwrapAuditKey(stored, PASS)).toEqual(fileKey);
    // Served and checked with the passphrase alone (no key file).
    expect(await cli('check', '--postgres', url)).toMatchObject({ code: 0, err: '' });
    const back = path.join(tmp(), 'back.db');
    const exported = await cli('export-sqlite', '--postgres', url, '--out', back);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(wrappedKeySchema.parse(JSON.parse(readFileSync(auditKeyPathFor(back), 'utf8'))).key_id).toBe(fileKey?.id);
    expect(readAuditKey(back, PASS)).toEqual(fileKey);
    expect(await cli('check', '--db', back)).toMatchObject({ code: 0, err: '' });
    setProcessKey(PASS);
    const file2 = openDatabase(back).db;
    expect(file2.prepare('SELECT count(*) FROM meta WHERE key = ?').pluck().get(AUDIT_KEY_META)).toBe(0);
    file2.close();
  });

  it('a board moved before keys were kept in the database: given its key file once with the passphrase, it keeps it wrapped there', async () => {
    const dir = tmp();
    const file = path.join(dir, 'plain.db');
    setProcessKey(null);
    const { db } = openDatabase(file);
    seedDemo(db, 10, 3);
    db.close();
    const key = readAuditKey(file, null);
    resetProcessKey();
    const url = splitPassword(postgres.freshDatabase('adopt')).url;
    // A plaintext board moved without a passphrase: the key stays in its file only.
    const moved = await cli('migrate-to-postgres', '--db', file, '--postgres', url);
    expect(moved.out).toContain(`give every server and command on this database the key file ${auditKeyPathFor(file)} (--audit-key FILE)`);
    expect(asAdmin(url, (pg) => pg.pluck<number>('SELECT count(*) FROM meta WHERE key = ?', [AUDIT_KEY_META]))).toBe(0);
    expect(await cli('check', '--postgres', url, '--audit-key', auditKeyPathFor(file))).toMatchObject({ code: 0, err: '' });
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect(await cli('check', '--postgres', url, '--audit-key', auditKeyPathFor(file))).toMatchObject({ code: 0, err: '' });
    const stored = asAdmin(url, (pg) => wrappedKeySchema.parse(JSON.parse(pg.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]) ?? '')));
    expect(unwrapAuditKey(stored, PASS)).toEqual(key);
    // From now on the passphrase alone: the key file can be put away.
    expect(await cli('check', '--postgres', url)).toMatchObject({ code: 0, err: '' });
    expect(existsSync(auditKeyPathFor(file))).toBe(true);
    // A key file wrapped under the passphrase works as --audit-key too.
    const wrappedCopy = path.join(tmp(), 'copy.db');
    if (!key) throw new Error('the board has no audit key');
    writeAuditKey(wrappedCopy, key, [PASS]);
    expect(await cli('audit', '--postgres', url, '--audit-key', auditKeyPathFor(wrappedCopy))).toMatchObject({ code: 0 });
  });
});
