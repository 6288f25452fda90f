import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { withCore } from '../core';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the audit log hash chain and that meeting records match their audited state',
  usage: `tumour-board audit --db FILE

Verifies the hash chain of the audit log, then that every meeting, agenda item, decision, amendment and
follow-up row matches the state its last audit row recorded. Exit 0 when both hold; exit 1 printing the
first broken link (the audit row, or the table and row altered, inserted or deleted outside the app).`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string' } }, z.object({ db: z.string({ message: 'is required' }).min(1) }));
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    return withCore(values.db, {}, async (core) => {
      const r = await core.call('audit.verify', {});
      if (!r.ok) {
        io.err(`FAILED: ${r.problems[0] ?? 'unknown'}`);
        for (const p of r.problems.slice(1)) io.err(`also: ${p}`);
        return 1;
      }
      io.out(`ok: ${values.db}: audit chain intact (${r.audit_rows} rows); ${r.record_rows} meeting record rows match their audited state`);
      return 0;
    });
  },
};
