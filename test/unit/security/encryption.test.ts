import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPlainHeader } from '../../../db/connection';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { openDatabase } from '../../../db/open';
import { createCase } from '../../../db/repositories/cases';
import { backupsDirFor, createBackup, restoreDatabase } from '../../../electron/services/backups';
import { cli } from '../helpers/cli';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const temp = useTempDir();
const PASS = 'correct horse battery staple';

afterEach(() => {
  delete process.env.TUMOUR_BOARD_PASSPHRASE;
  delete process.env.TUMOUR_BOARD_NEW_PASSPHRASE;
  resetProcessKey();
});

/** Every family name the demo generator gave a patient in `file` (read with the key). */
function namesIn(file: string): string[] {
  const { db } = openDatabase(file);
  try {
    return db.prepare('SELECT DISTINCT family_name FROM patients').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const containsAny = (bytes: Buffer, words: string[]) => words.filter((w) => w.length >= 5 && bytes.includes(Buffer.from(w, 'utf8')));

/** What Debian's sqlite3 shell says about a file (it has no key). */
function shell(file: string): string {
  const r = spawnSync('sqlite3', [file, 'SELECT count(*) FROM sqlite_schema;'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.trim();
}

describe('encryption at rest', () => {
  it('with TUMOUR_BOARD_PASSPHRASE the demo database, its -wal and a backup hold no patient name; sqlite3 cannot read them', async () => {
    const dir = temp();
    const file = path.join(dir, 'demo.sqlite');
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    const demo = await cli('demo', '--db', file, '--cases', '120');
    expect(demo).toMatchObject({ code: 0, err: '', notices: [] });
    setProcessKey(PASS);
    const names = namesIn(file);
    expect(names.length).toBeGreaterThan(50);
    // Keep a writer open so the -wal holds fresh commits, and take a backup meanwhile.
    const { db } = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    createCase(db, { patient: patient({ identifier: 'WAL1', family_name: 'Walburgaston' }), case: caseInput() }, 'tester');
    const backup = path.join(backupsDirFor(file), createBackup(db, backupsDirFor(file), 'manual').file);
    const wal = readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    for (const f of [file, `${file}-wal`, backup]) {
      expect(containsAny(readFileSync(f), [...names, 'Walburgaston', 'MRN']), f).toEqual([]);
    }
    db.close();
    for (const f of [file, backup]) {
      expect(hasPlainHeader(f)).toBe(false);
      if (existsSync('/usr/bin/sqlite3')) expect(shell(f)).toMatch(/file is not a database/);
    }
  });

  it('a wrong passphrase is refused naming it, and the file stays byte-identical', async () => {
    const dir = temp();
    const file = path.join(dir, 'b.sqlite');
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect((await cli('demo', '--db', file, '--cases', '5')).code).toBe(0);
    const before = readFileSync(file);
    const listing = readdirSync(dir).sort();
    process.env.TUMOUR_BOARD_PASSPHRASE = 'not the passphrase';
    const r = await cli('check', '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe('tumour-board check: the passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file) does not open b.sqlite: wrong passphrase or key; the file was not changed');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
    delete process.env.TUMOUR_BOARD_PASSPHRASE;
    const none = await cli('check', '--db', file);
    expect(none.err).toContain('b.sqlite is not a SQLite database, or it is encrypted: give its passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file)');
    expect(readFileSync(file).equals(before)).toBe(true);
    // --passphrase-file works for any command.
    const passFile = path.join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASS}\n`, { mode: 0o600 });
    expect(await cli('check', '--db', file, '--passphrase-file', passFile)).toMatchObject({ code: 0 });
  });

  it('encrypt converts a plaintext board in place (no plaintext left), audit verifies it; rekey changes the passphrase', async () => {
    const dir = temp();
    const file = path.join(dir, 'plain.sqlite');
    const made = await cli('demo', '--db', file, '--cases', '120');
    expect(made.notices).toEqual([`note: ${file} is not encrypted and its audit key is kept unwrapped beside it (no passphrase: set TUMOUR_BOARD_PASSPHRASE or give --passphrase-file FILE)`]);
    const names = namesIn(file);
    expect(containsAny(readFileSync(file), names).length).toBeGreaterThan(0);
    const auditBefore = (await cli('audit', '--db', file)).out;
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    const enc = await cli('encrypt', '--db', file);
    expect(enc.err).toBe('');
    expect(enc.out).toMatch(/^encrypted .*plain\.sqlite: \d+ cases, audit chain ok \(\d+ rows\); it opens only with the passphrase now$/);
    expect(hasPlainHeader(file)).toBe(false);
    expect(containsAny(readFileSync(file), names)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['plain.sqlite', 'plain.sqlite.anchor.json', 'plain.sqlite.audit-key']);
    const audit = await cli('audit', '--db', file);
    expect(audit.code).toBe(0);
    expect(audit.out).toBe(auditBefore);
    expect((await cli('check', '--db', file)).code).toBe(0);
    // Encrypting twice is refused and changes nothing.
    const again = readFileSync(file);
    expect((await cli('encrypt', '--db', file)).err).toContain('is already encrypted');
    expect(readFileSync(file).equals(again)).toBe(true);
    // rekey
    process.env.TUMOUR_BOARD_NEW_PASSPHRASE = 'a brand new passphrase';
    expect((await cli('rekey', '--db', file)).out).toMatch(/^re-keyed .*: \d+ cases, audit chain ok/);
    expect((await cli('check', '--db', file)).err).toContain('does not open plain.sqlite');
    process.env.TUMOUR_BOARD_PASSPHRASE = 'a brand new passphrase';
    expect((await cli('audit', '--db', file)).out).toBe(auditBefore);
  });

  it('a plaintext file given a passphrase is not touched (it says to encrypt it)', async () => {
    const dir = temp();
    const file = path.join(dir, 'p.sqlite');
    expect((await cli('demo', '--db', file, '--cases', '3')).code).toBe(0);
    const before = readFileSync(file);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect((await cli('check', '--db', file)).err).toContain('p.sqlite is not encrypted, but a passphrase was given: encrypt it with "tumour-board encrypt --db p.sqlite"');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('restore works on an encrypted board with its own encrypted backups', () => {
    const dir = temp();
    setProcessKey(PASS);
    const dbPath = path.join(dir, 'board.sqlite');
    const { db } = openDatabase(dbPath);
    createCase(db, { patient: patient(), case: caseInput() }, 'tester');
    const b = createBackup(db, backupsDirFor(dbPath), 'manual');
    createCase(db, { patient: patient({ identifier: 'LATER' }), case: caseInput() }, 'tester');
    const r = restoreDatabase({ dbPath, from: path.join(backupsDirFor(dbPath), b.file), current: db });
    expect(r.cases).toBe(1);
    expect(hasPlainHeader(dbPath)).toBe(false);
    expect(hasPlainHeader(path.join(backupsDirFor(dbPath), r.safety_backup))).toBe(false);
  });
});
