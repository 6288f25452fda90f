/** `tumour-board export-registry`: the de-identified registry export of treated cases (CSV or FHIR Bundle + manifest). */
import { existsSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const exportRegistryCommand: Command = {
  name: 'export-registry',
  summary: 'write the de-identified registry export of treated cases (CSV or FHIR)',
  usage: `tumour-board export-registry --db FILE | --postgres URL --out FILE [--format csv|fhir]

Treated cases (plan carried out, or outcomes recorded) with baseline facts, treatment, response and
toxicities. No name, identifier or birth date (age in years), dates as days from treatment, a random
pseudonym per patient, no free text. Writes FILE and FILE.manifest.json (what was removed and why).
Refuses to overwrite an existing file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv, { ...STORE_OPTIONS, out: { type: 'string' }, format: { type: 'string' } },
      z.object({ ...storeFields, out: z.string({ message: 'is required' }).min(1), format: z.enum(['csv', 'fhir']).default('csv') }),
    );
    const store = storeOf(values);
    const manifestFile = `${values.out}.manifest.json`;
    for (const f of [values.out, manifestFile]) if (existsSync(f)) throw new UsageError(`${f} already exists; choose a new file name`);
    return withCore(store, {}, async (core) => {
      const r = await core.call('exports.registry', {});
      writeFileSync(values.out, values.format === 'csv' ? r.csv : `${r.fhir}\n`, { flag: 'wx' });
      writeFileSync(manifestFile, `${JSON.stringify(r.manifest, null, 2)}\n`, { flag: 'wx' });
      io.out(`wrote ${r.manifest.records} record(s) of ${r.manifest.patients} patient(s) to ${values.out} (${values.format}); manifest in ${manifestFile}`);
      return 0;
    });
  },
};
