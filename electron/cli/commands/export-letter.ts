import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { intArg, parseCommandArgs, UsageError, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const exportLetterCommand: Command = {
  name: 'export-letter',
  summary: "write a case's outcome letter to the referring clinician as PDF",
  usage: `tumour-board export-letter --db FILE | --postgres URL --case ID --out FILE.pdf [--as NAME]

The decision for one case (from the latest meeting that decided it), addressed to the referring clinician,
with the options the board saw and the evidence cited. DRAFT until that meeting is signed.
Refuses to overwrite an existing --out file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { ...STORE_OPTIONS, case: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } },
      z.object({
        ...storeFields,
        case: intArg(1, Number.MAX_SAFE_INTEGER),
        out: z.string({ message: 'is required' }).min(1).regex(/\.pdf$/i, 'must end in .pdf'),
        as: z.string().min(1).optional(),
      }),
    );
    const store = storeOf(values);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const out = path.resolve(values.out);
    return withCore(store, { as: values.as, host: { choosePath: () => Promise.resolve(out) } }, async (core) => {
      // No meeting given: the letter comes from the latest meeting that decided the case (the minutes operation).
      const r = await core.call('minutes.exportPdf', { case_id: values.case });
      io.out(`wrote ${values.out}: outcome letter for ${r.patient ?? `case ${values.case}`} to ${r.recipient ?? 'the referring clinician'}, meeting ${r.meeting_id}${r.draft ? ' (DRAFT: not signed)' : ''}, ${r.bytes} bytes`);
      io.out(`sha256 ${r.sha256 ?? ''}${r.audited ? ' (recorded in the audit log)' : ''}`);
      return 0;
    });
  },
};
