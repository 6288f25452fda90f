/**
 * `tumour-board encrypt` and `tumour-board rekey`: encrypt a plaintext board in place, or change its
 * passphrase; all or nothing, verified, no plaintext copy left behind (db/encrypt.ts). The passphrase comes
 * from TUMOUR_BOARD_PASSPHRASE or --passphrase-file (the new one for rekey from --new-passphrase-file or
 * TUMOUR_BOARD_NEW_PASSPHRASE).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { currentKey, PASSPHRASE_ENV, rekeyFile } from '../../app/database-file';
import { parseCommandArgs, UsageError, type Command } from '../command';

const NEW_PASSPHRASE_ENV = 'TUMOUR_BOARD_NEW_PASSPHRASE';

/** A passphrase file holds the passphrase; one trailing newline is not part of it. */
export function readPassphraseFile(file: string): string {
  if (!existsSync(file)) throw new UsageError(`--passphrase-file: ${file} does not exist`);
  const text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (!text) throw new UsageError(`--passphrase-file: ${file} is empty`);
  return text;
}

export const encryptCommand: Command = {
  name: 'encrypt',
  summary: 'encrypt a plaintext board file in place (all or nothing, verified)',
  usage: `tumour-board encrypt --db FILE

Encrypts FILE (and what its -wal holds) with the passphrase from ${PASSPHRASE_ENV} or --passphrase-file
(SQLCipher 4 compatible AES-256). The encrypted copy is checked and compared with the original before it
replaces it; the plaintext file is overwritten with zeros. Close the app first. Keep the passphrase safe:
without it the board cannot be opened by anyone.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string' } }, z.object({ db: z.string({ message: 'is required' }).min(1) }));
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    const key = currentKey();
    if (key === null) throw new UsageError(`no passphrase: set ${PASSPHRASE_ENV} or give --passphrase-file FILE`);
    const r = rekeyFile(values.db, null, key);
    io.out(`encrypted ${values.db}: ${r.cases} cases, audit chain ok (${r.auditRows} rows); it opens only with the passphrase now`);
    return 0;
  },
};

export const rekeyCommand: Command = {
  name: 'rekey',
  summary: 'change the passphrase of an encrypted board file',
  usage: `tumour-board rekey --db FILE [--new-passphrase-file FILE]

Opens FILE with the current passphrase (${PASSPHRASE_ENV} or --passphrase-file) and re-encrypts it with the
new one (--new-passphrase-file, or ${NEW_PASSPHRASE_ENV}); all or nothing, verified. Close the app first.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, 'new-passphrase-file': { type: 'string' } },
      z.object({ db: z.string({ message: 'is required' }).min(1), 'new-passphrase-file': z.string().min(1).optional() }),
    );
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    const key = currentKey();
    if (key === null) throw new UsageError(`no current passphrase: set ${PASSPHRASE_ENV} or give --passphrase-file FILE (to encrypt a plaintext file use "encrypt")`);
    const fromFile = values['new-passphrase-file'];
    const next = fromFile !== undefined ? readPassphraseFile(fromFile) : process.env[NEW_PASSPHRASE_ENV];
    if (!next) throw new UsageError(`no new passphrase: give --new-passphrase-file FILE or set ${NEW_PASSPHRASE_ENV}`);
    if (next === key) throw new UsageError('the new passphrase is the current one');
    const r = rekeyFile(values.db, key, next);
    io.out(`re-keyed ${values.db}: ${r.cases} cases, audit chain ok (${r.auditRows} rows); it opens only with the new passphrase now`);
    return 0;
  },
};
