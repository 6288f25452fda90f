import { existsSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../db/open';
import { loadLetter } from '../../minutes/load';
import { writePdf, type Rendered } from '../../minutes/service';
import { patientName } from '../../../shared/minutes/html';
import { intArg, parseCommandArgs, UsageError, type Command } from '../command';
import { cliActor } from './export-minutes';

export const exportLetterCommand: Command = {
  name: 'export-letter',
  summary: "write a case's outcome letter to the referring clinician as PDF",
  usage: `tumour-board export-letter --db FILE --case ID --out FILE.pdf

The decision for one case (from the latest meeting that decided it), addressed to the referring clinician,
with the options the board saw and the evidence cited. DRAFT until that meeting is signed.
Refuses to overwrite an existing --out file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, case: { type: 'string' }, out: { type: 'string' } },
      z.object({
        db: z.string({ message: 'is required' }).min(1),
        case: intArg(1, Number.MAX_SAFE_INTEGER),
        out: z.string({ message: 'is required' }).min(1).regex(/\.pdf$/i, 'must end in .pdf'),
      }),
    );
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const { db } = openDatabase(values.db);
    try {
      const letter = loadLetter(db, values.case);
      const draft = letter.sign_off === null;
      const r: Rendered = { kind: 'letter', letter, draft, title: '', fileName: values.out };
      const written = await writePdf(db, r, values.out, cliActor('export-letter'));
      io.out(`wrote ${values.out}: outcome letter for ${patientName(letter.case.patient)} (${letter.case.patient.mrn}) to ${letter.recipient || 'the referring clinician'}, meeting ${letter.meeting.id}${draft ? ' (DRAFT: not signed)' : ''}, ${written.bytes} bytes`);
      io.out(`sha256 ${written.sha256}${written.audited ? ' (recorded in the audit log)' : ''}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
