/**
 * Data in and out from the command line: import-csv, import-fhir, export-fhir, restore. Each validates its
 * arguments, reads the file as text, and calls the same operations as the app (imports.csvImport,
 * imports.fhirImport, exports.caseFhir, backups.restoreFile).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { csvMappingSchema, type CsvMapping } from '../../../shared/domain/imports';
import { intArg, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { withCore } from '../core';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';

const required = z.string({ message: 'is required' }).min(1);

function mustExist(file: string): void {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
}

function printProblems(io: CliIO, file: string, problems: { row: number; column: string; message: string }[]): void {
  for (const p of problems.slice(0, 200)) io.err(`${file}: row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  if (problems.length > 200) io.err(`… and ${problems.length - 200} more`);
}

export const importCsvCommand: Command = {
  name: 'import-csv',
  summary: 'import a CSV case list (all rows or none)',
  usage: `tumour-board import-csv --db FILE | --postgres URL CSV [--mapping FILE] [--dry-run] [--as NAME]

Without --mapping, the mapping saved for this file name is used, else headers are recognised (CONTRACT field
names, mrn, family_name, given_name, birth_date, sex, question, "Bilirubin (µmol/L)" …). --mapping is a JSON
file {"columns":[{"column":"Bili","target":"fact.bilirubin_mg_dl","unit":"umol_l"}, …]}; it is saved for the
file name. A problem in any row imports nothing and is reported by row and column (exit 1).
--as NAME acts as that profile (PIN from $TUMOUR_BOARD_PIN) instead of the local operator.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv, { ...STORE_OPTIONS, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, as: { type: 'string' } },
      z.object({ ...storeFields, mapping: z.string().optional(), 'dry-run': z.boolean().optional(), as: z.string().min(1).optional() }), true,
    );
    const [csv, ...extra] = positionals;
    if (!csv || extra.length) throw new UsageError('give exactly one CSV file');
    const store = storeOf(values);
    mustExist(csv);
    let mapping: CsvMapping | undefined;
    if (values.mapping) {
      mustExist(values.mapping);
      const parsed = csvMappingSchema.safeParse(JSON.parse(readFileSync(values.mapping, 'utf8')) as unknown);
      if (!parsed.success) throw new UsageError(`--mapping: ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      mapping = parsed.data;
    }
    let lastPct = -1;
    const progress = (_task: string, done: number, total: number) => {
      const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
      if (pct !== lastPct) { lastPct = pct; io.err(`progress: ${done}/${total}`); }
    };
    return withCore(store, { as: values.as, host: { progress } }, async (core) => {
      const result = await core.call('imports.csvImport', {
        source: path.basename(csv), content: readFileSync(csv, 'utf8'), ...(mapping ? { mapping } : {}), dry_run: values['dry-run'] ?? false,
      });
      if (result.problems.length) {
        printProblems(io, path.basename(csv), result.problems);
        io.err(`nothing imported: ${result.problems.length} problem(s)`);
        return 1;
      }
      const { create, update, unchanged } = result.counts;
      io.out(`${result.dry_run ? 'dry run (nothing written): would create' : 'created'} ${create}, ${result.dry_run ? 'update' : 'updated'} ${update}, unchanged ${unchanged}`);
      return 0;
    });
  },
};

export const importFhirCommand: Command = {
  name: 'import-fhir',
  summary: 'import a FHIR R4 / mCODE Bundle or NDJSON as one case',
  usage: `tumour-board import-fhir --db FILE | --postgres URL BUNDLE [--as NAME]

Prints what was mapped, what was not, and which CONTRACT facts are still missing. A file that is not FHIR R4
(not JSON, not a Bundle, DSTU2, references that do not resolve) is refused whole (exit 1).`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...STORE_OPTIONS, as: { type: 'string' } }, z.object({ ...storeFields, as: z.string().min(1).optional() }), true);
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('give exactly one FHIR file');
    const store = storeOf(values);
    mustExist(file);
    return withCore(store, { as: values.as }, async (core) => {
      const r = await core.call('imports.fhirImport', { source: path.basename(file), content: readFileSync(file, 'utf8') });
      if (!r.imported) {
        for (const e of r.errors) io.err(e);
        io.err('nothing imported');
        return 1;
      }
      io.out(`${r.action === 'create' ? 'created' : r.action === 'update' ? 'updated' : 'unchanged'}: case ${r.case_id ?? '?'} for patient ${r.patient?.identifier ?? '?'}`);
      io.out('mapped:');
      for (const m of r.mapped) io.out(`  ${m.target} = ${m.value}   (${m.resource}${m.note ? `; ${m.note}` : ''})`);
      io.out(`not mapped (${r.not_mapped.length}):`);
      for (const m of r.not_mapped) io.out(`  ${m.resource}: ${m.reason}`);
      io.out(`missing facts (${r.missing_facts.length}): ${r.missing_facts.join(', ')}`);
      return 0;
    });
  },
};

export const exportFhirCommand: Command = {
  name: 'export-fhir',
  summary: 'write one case as an mCODE FHIR Bundle',
  usage: 'tumour-board export-fhir --db FILE | --postgres URL --case ID --out FILE\n\nRefuses to overwrite an existing --out file.',
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv, { ...STORE_OPTIONS, case: { type: 'string' }, out: { type: 'string' } },
      z.object({ ...storeFields, case: intArg(1, Number.MAX_SAFE_INTEGER), out: required }),
    );
    const store = storeOf(values);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    return withCore(store, {}, async (core) => {
      const { content } = await core.call('exports.caseFhir', { id: values.case });
      writeFileSync(values.out, `${content}\n`, { flag: 'wx' });
      io.out(`wrote case ${values.case} to ${values.out}`);
      return 0;
    });
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the database with a backup (validated first; the current one is kept)',
  usage: `tumour-board restore --db FILE | --postgres URL --from FILE

The backup is checked first (SQLite header, schema not newer than this version, integrity, a Tumour Board
database, audit chain). A file that fails is refused and the database is not touched. Otherwise the current
database is saved to backups/board-pre-restore-….sqlite beside it, then replaced. Close the app first.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...STORE_OPTIONS, from: { type: 'string' } }, z.object({ ...storeFields, from: required }));
    const store = storeOf(values);
    mustExist(values.from);
    // The file to restore is the host's choice: here, --from.
    const from = path.resolve(values.from);
    return withCore(store, { host: { chooseFile: () => Promise.resolve(from) } }, async (core) => {
      const r = await core.call('backups.restoreFile', {});
      if (r === null) return 1;
      io.out(`restored ${store.label} from ${r.restored_from}: schema ${r.schema_version}, ${r.cases} cases, audit chain ok (${r.audit_rows} rows); the previous database is in backups/${r.safety_backup}`);
      return 0;
    });
  },
};

export const dataCommands: Command[] = [importCsvCommand, importFhirCommand, exportFhirCommand, restoreCommand];
