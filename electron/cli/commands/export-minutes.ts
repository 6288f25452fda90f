import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { openDatabase } from '../../../db/open';
import { latestSignedMeetingId } from '../../minutes/load';
import { documentFor, writePdf } from '../../minutes/service';
import { parseCommandArgs, UsageError, type Command } from '../command';

/** Who the audit log names for an export from the command line. */
export const cliActor = (command: string): string => {
  let user = 'unknown user';
  try { user = userInfo().username; } catch { /* no passwd entry: keep the placeholder */ }
  return `tumour-board ${command} (${user})`;
};

export const exportMinutesCommand: Command = {
  name: 'export-minutes',
  summary: 'write the minutes of a meeting as PDF',
  usage: `tumour-board export-minutes --db FILE --meeting ID|latest-signed --out FILE.pdf

Renders the minutes (A4, tagged PDF) with a Chromium found at $CHROMIUM or the usual install paths.
Draft minutes (meeting not signed) carry a DRAFT header and watermark. For a signed meeting the PDF's
SHA-256 is recorded in the audit log. Refuses to overwrite an existing --out file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string' } },
      z.object({
        db: z.string({ message: 'is required' }).min(1),
        meeting: z.string({ message: 'is required (a meeting id or latest-signed)' }).regex(/^(\d+|latest-signed)$/, 'must be a meeting id or latest-signed'),
        out: z.string({ message: 'is required' }).min(1).regex(/\.pdf$/i, 'must end in .pdf'),
      }),
    );
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const { db } = openDatabase(values.db);
    try {
      const meetingId = values.meeting === 'latest-signed' ? latestSignedMeetingId(db) : Number(values.meeting);
      if (meetingId === undefined) {
        io.err(`tumour-board export-minutes: ${values.db} has no signed meeting`);
        return 1;
      }
      const started = performance.now();
      const r = documentFor(db, { meeting_id: meetingId });
      const written = await writePdf(db, r, values.out, cliActor('export-minutes'));
      const cases = r.kind === 'minutes' ? r.doc.cases.length : 1;
      io.out(`wrote ${values.out}: minutes of meeting ${meetingId}${r.draft ? ' (DRAFT: not signed)' : ' (signed)'}, ${cases} case(s), ${written.bytes} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      io.out(`sha256 ${written.sha256}${written.audited ? ' (recorded in the audit log)' : ''}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
