import { existsSync } from 'node:fs';
import { z } from 'zod';
import { verifyAuditChain } from '../../../db/audit';
import { anchorProblem } from '../../../db/anchor';
import { openDatabase } from '../../../db/open';
import { verifySeals } from '../../../db/seals';
import { parseCommandArgs, UsageError, type Command } from '../command';

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
    const { db } = openDatabase(values.db);
    try {
      const chain = verifyAuditChain(db);
      if (!chain.ok) {
        io.err(`FAILED: first broken link: ${chain.reason}`);
        return 1;
      }
      const anchor = anchorProblem(db, values.db);
      if (anchor) {
        io.err(`FAILED: ${anchor}`);
        return 1;
      }
      const seals = verifySeals(db);
      if (!seals.ok) {
        io.err(`FAILED: first broken link: ${seals.problems[0] ?? `${seals.table} row ${seals.rowId}`}`);
        for (const p of seals.problems.slice(1)) io.err(`also: ${p}`);
        return 1;
      }
      io.out(`ok: ${values.db}: audit chain intact (${chain.rows} rows); ${seals.rows} meeting record rows match their audited state`);
      return 0;
    } finally {
      db.close();
    }
  },
};
