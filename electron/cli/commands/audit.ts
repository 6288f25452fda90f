import { z } from 'zod';
import { parseCommandArgs, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the audit log hash chain and that meeting records match their audited state',
  usage: `tumour-board audit --db FILE | --postgres URL [--row N]

Verifies the hash chain of the audit log, then that every meeting, agenda item, decision, amendment and
follow-up row matches the state its last audit row recorded. Exit 0 when both hold; exit 1 printing the
first broken link (the audit row, or the table and row altered, inserted or deleted outside the app).
The chain is keyed (HMAC) with the board's audit key beside the file (FILE.audit-key, wrapped under the
passphrase on an encrypted board; on PostgreSQL kept in the database under the board's passphrase); rows written
before the key verify under the earlier scheme. Prints the head (newest row and the first 12 digits of its hash);
--row N also prints row N, e.g. to compare with the audit record printed on signed minutes. For a copy kept
away from its board, give the board's key file with --audit-key KEYFILE.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...STORE_OPTIONS, row: { type: 'string' } }, z.object({
      ...storeFields,
      row: z.coerce.number({ message: 'must be a row number' }).int({ message: 'must be a row number' }).positive({ message: 'must be a row number' }).optional(),
    }));
    const store = storeOf(values);
    return withCore(store, {}, async (core) => {
      const r = await core.call('audit.verify', values.row === undefined ? {} : { row: values.row });
      if (values.row !== undefined) {
        if (r.row) io.out(`audit row ${r.row.id}: fingerprint ${r.row.hash}, written ${r.row.at}`);
        else io.err(`audit row ${values.row} is not in the log (it has ${r.audit_rows} rows)`);
      }
      if (!r.ok) {
        io.err(`FAILED: ${r.problems[0] ?? 'unknown'}`);
        for (const p of r.problems.slice(1)) io.err(`also: ${p}`);
        return 1;
      }
      const keyed = r.keyed_from === null ? 'not keyed yet' : r.keyed_from === 1 ? 'keyed' : `keyed from row ${r.keyed_from}`;
      io.out(`ok: ${store.label}: audit chain intact (${r.audit_rows} rows, ${keyed}); ${r.record_rows} meeting record rows match their audited state`);
      if (r.head) io.out(`head: row ${r.head.id}, fingerprint ${r.head.hash}`);
      return values.row !== undefined && r.row === null ? 1 : 0;
    });
  },
};
