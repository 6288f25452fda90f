import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore, type CliCore } from '../core';

/** The most recently signed meeting, if any. */
async function latestSignedMeeting(core: CliCore): Promise<number | undefined> {
  const signed = await core.call('meetings.list', { statuses: ['signed'] });
  return signed.sort((a, b) => (b.signed_at ?? '').localeCompare(a.signed_at ?? '') || b.id - a.id)[0]?.id;
}

export const exportMinutesCommand: Command = {
  name: 'export-minutes',
  summary: 'write the minutes of a meeting as PDF',
  usage: `tumour-board export-minutes --db FILE | --postgres URL --meeting ID|latest-signed --out FILE.pdf [--as NAME]

Renders the minutes (A4, tagged PDF) with a Chromium found at $CHROMIUM or the usual install paths.
Draft minutes (meeting not signed) carry a DRAFT header and watermark. For a signed meeting the PDF's
SHA-256 is recorded in the audit log. Refuses to overwrite an existing --out file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { ...STORE_OPTIONS, meeting: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } },
      z.object({
        ...storeFields,
        meeting: z.string({ message: 'is required (a meeting id or latest-signed)' }).regex(/^(\d+|latest-signed)$/, 'must be a meeting id or latest-signed'),
        out: z.string({ message: 'is required' }).min(1).regex(/\.pdf$/i, 'must end in .pdf'),
        as: z.string().min(1).optional(),
      }),
    );
    const store = storeOf(values);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const out = path.resolve(values.out);
    return withCore(store, { as: values.as, host: { choosePath: () => Promise.resolve(out) } }, async (core) => {
      const meetingId = values.meeting === 'latest-signed' ? await latestSignedMeeting(core) : Number(values.meeting);
      if (meetingId === undefined) {
        io.err(`tumour-board export-minutes: ${store.label} has no signed meeting`);
        return 1;
      }
      const started = performance.now();
      const r = await core.call('minutes.exportPdf', { meeting_id: meetingId });
      io.out(`wrote ${values.out}: minutes of meeting ${meetingId}${r.draft ? ' (DRAFT: not signed)' : ' (signed)'}, ${r.cases} case(s), ${r.bytes} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      io.out(`sha256 ${r.sha256 ?? ''}${r.audited ? ' (recorded in the audit log)' : ''}`);
      return 0;
    });
  },
};
