import { z } from 'zod';
import { CASE_STATUSES } from '../../../shared/domain/case';
import { PRIMARY_TUMORS } from '../../../shared/facts/facts';
import { intArg, parseCommandArgs, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const casesCommand: Command = {
  name: 'cases',
  summary: 'print cases with their clinical facts',
  usage: `tumour-board cases --db FILE | --postgres URL [--search TEXT] [--status S] [--primary P] [--limit N] [--json]

--search   words matched as prefixes against name, identifier, diagnosis, question (accents optional)
--status   one of ${CASE_STATUSES.join(', ')}
--primary  one of ${PRIMARY_TUMORS.join(', ')}
--limit    at most N cases (default 50, max 500)
--json     one JSON array of full case records`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { ...STORE_OPTIONS, search: { type: 'string' }, status: { type: 'string' }, primary: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      z.object({
        ...storeFields,
        search: z.string().optional(),
        status: z.enum(CASE_STATUSES).optional(),
        primary: z.enum(PRIMARY_TUMORS).optional(),
        limit: intArg(1, 500).default(50),
        json: z.boolean().default(false),
      }),
    );
    const store = storeOf(values);
    return withCore(store, {}, async (core) => {
      const page = await core.call('cases.list', {
        limit: values.limit, ...(values.search !== undefined ? { search: values.search } : {}),
        ...(values.status ? { statuses: [values.status] } : {}), ...(values.primary ? { primaries: [values.primary] } : {}),
      });
      const records = [];
      for (const row of page.rows) records.push(await core.call('cases.get', { id: row.id }));
      if (values.json) {
        io.out(JSON.stringify(records, null, 2));
        return 0;
      }
      io.out(`${page.total} case(s)${page.total > records.length ? `, showing ${records.length}` : ''}`);
      for (const r of records) {
        const p = r.patient;
        io.out(`#${r.id}  ${p.identifier}  ${p.family_name}, ${p.given_name}  (${p.birth_date ?? 'dob unknown'}, ${p.sex})  [${r.status}]`);
        if (r.diagnosis) io.out(`    diagnosis: ${r.diagnosis}`);
        if (r.question) io.out(`    question:  ${r.question}`);
        const facts = Object.entries(r.facts).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`);
        io.out(`    facts:     ${facts.length ? facts.join(' ') : '(none)'}`);
      }
      return 0;
    });
  },
};
