import { z } from 'zod';
import { parseCommandArgs, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const checkCommand: Command = {
  name: 'check',
  summary: 'verify integrity, foreign keys, the audit chain and the search index',
  usage: `tumour-board check --db FILE | --postgres URL [--audit-key KEYFILE]

Exit 0 when every check passes; exit 1 naming each problem (for the audit chain: the first broken row).
The audit chain is keyed with the board's audit key, kept beside the database (FILE.audit-key, wrapped under the
passphrase on an encrypted board; on PostgreSQL in the database under the board's passphrase); to check a copy
or backup kept elsewhere, give the board's key file with --audit-key (and the passphrase when it is wrapped).`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...STORE_OPTIONS }, z.object({ ...storeFields }));
    const store = storeOf(values);
    return withCore(store, {}, async (core) => {
      const report = await core.call('db.check', {});
      if (report.ok) {
        // Name what was checked: SQLite's own integrity and foreign-key checks; on PostgreSQL the server keeps its own
        // integrity and `check` verifies that every protection trigger is there and enabled.
        const engine = store.kind === 'postgres' ? 'protection triggers in place and enabled' : 'integrity ok, foreign keys ok';
        io.out(`ok: ${store.label}: ${engine}, audit chain ok (${report.audit_rows} rows), search index in step (${report.cases} cases)`);
        return 0;
      }
      for (const p of report.problems) io.err(`FAILED: ${p}`);
      return 1;
    });
  },
};
