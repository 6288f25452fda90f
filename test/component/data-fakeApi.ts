/**
 * The FakeApi plus the data in/out contract (shared/api/imports.ts) in memory: a CSV preview that follows the
 * mapping it is sent (so a mapping edit shows in the next request and its answer), import with dry run and
 * all-or-nothing problems, saved mappings, a FHIR report, backups and a restore the test can make fail.
 * Inputs are validated with the contract's schemas, as the dispatcher does.
 */
import { ApiError, operations, type ApiErrorBody, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import type { BackupInfo, CsvMapping, CsvPreview, FhirReport, ImportProblem, SavedMapping } from '../../shared/domain/imports';
import { FakeApi } from './fakeApi';

const DATA_OPS = new Set<string>(Object.keys(operations).filter((n) => /^(imports|backups|exports)\./.test(n)));

/** The file the component tests choose: row 3 has ECOG 9; `bili` holds µmol/L values (35 is fine in µmol/L only). */
export const SAMPLE_CSV = 'mrn,family_name,ecog,bili\nM-1,Ødegård,1,35\nM-2,Núñez,9,12\nM-3,Wróbel,0,8\n';
const ROWS = [
  { row: 2, identifier: 'M-1', bili: 35, ecog: 1, action: 'create' as const },
  { row: 3, identifier: 'M-2', bili: 12, ecog: 9, action: 'create' as const },
  { row: 4, identifier: 'M-3', bili: 8, ecog: 0, action: 'update' as const },
];
const RECOGNISED: CsvMapping = { columns: [
  { column: 'mrn', target: 'patient.identifier' }, { column: 'family_name', target: 'patient.family_name' },
  { column: 'ecog', target: 'fact.ecog' }, { column: 'bili', target: 'ignore' },
] };

export const FHIR_REPORT: FhirReport = {
  source: 'patient.json', resources: 5, errors: [],
  patient: { identifier: 'a123', family_name: 'Lindqvist', given_name: 'Åsa', birth_date: '1959-01-01', sex: 'female' },
  mapped: [
    { resource: 'Condition/primary', target: 'primary_tumor', value: 'breast', note: 'Infiltrating duct carcinoma of breast' },
    { resource: 'Observation/ecog', target: 'ecog', value: '1' },
  ],
  not_mapped: [{ resource: 'Observation/er', reason: 'genomic variant (estrogen receptor 1): no CONTRACT fact' }],
  missing_facts: ['bilirubin_mg_dl', 'lung_shunt_fraction_pct'],
  action: 'create',
};

export class FakeDataApi extends FakeApi {
  saved: SavedMapping[] = [];
  backupFiles: BackupInfo[] = [
    { file: 'board-auto-2026-01-01T02-00-00Z.sqlite', bytes: 2_200_000, created_at: '2026-01-01T02:00:00.000Z', kind: 'auto' },
  ];
  private dataFailures = new Map<string, ApiErrorBody[]>();
  private backupClock = Date.parse('2026-01-02T10:00:00Z');

  override failNext(name: OperationName, error: ApiErrorBody): void {
    if (!DATA_OPS.has(name)) { super.failNext(name, error); return; }
    this.dataFailures.set(name, [...(this.dataFailures.get(name) ?? []), error]);
  }

  override async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    if (!DATA_OPS.has(name)) return super.invoke(name, input);
    this.calls.push({ name, input: structuredClone(input) });
    await new Promise((r) => setTimeout(r, 0));
    const failure = this.dataFailures.get(name)?.shift();
    if (failure) throw new ApiError(failure);
    const parsed = operations[name].input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError({ code: 'VALIDATION', message: `${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    }
    return this.data(name, parsed.data as Record<string, unknown>) as OpOutput<N>;
  }

  private preview(source: string, mapping: CsvMapping | undefined): CsvPreview {
    const savedHere = this.saved.find((s) => s.source === source);
    const used = mapping ?? savedHere?.mapping ?? RECOGNISED;
    const target = (t: string) => used.columns.find((c) => c.target === t);
    const problems: ImportProblem[] = [];
    if (!target('patient.identifier')) problems.push({ row: 1, column: '', message: 'no column is mapped to the patient identifier' });
    const ecog = target('fact.ecog');
    const bili = target('fact.bilirubin_mg_dl');
    const rows = ROWS.map((r) => {
      const rowProblems: ImportProblem[] = [];
      if (ecog && r.ecog > 4) rowProblems.push({ row: r.row, column: ecog.column, message: `${r.ecog}: expected 0–4` });
      const mgdl = bili ? (bili.unit === 'umol_l' ? r.bili / 17.1 : r.bili) : 0;
      if (bili && mgdl > 30) rowProblems.push({ row: r.row, column: bili.column, message: `${mgdl} mg/dL is outside 0–30` });
      problems.push(...rowProblems);
      const ok = rowProblems.length === 0 && problems.every((p) => p.row > 1);
      return { row: r.row, identifier: target('patient.identifier') ? r.identifier : '', ok, problems: rowProblems, ...(ok ? { action: r.action } : {}) };
    });
    const count = (a: string) => rows.filter((r) => r.ok && r.action === a).length;
    const mapped = new Set(used.columns.filter((c) => c.target !== 'ignore').map((c) => c.column));
    return {
      source, delimiter: ',', headers: ['mrn', 'family_name', 'ecog', 'bili'], mapping: used,
      mapping_origin: mapping ? 'given' : savedHere ? 'saved' : 'recognised',
      unmapped_columns: ['mrn', 'family_name', 'ecog', 'bili'].filter((h) => !mapped.has(h)),
      total_rows: rows.length, valid_rows: rows.filter((r) => r.ok).length, problems, rows,
      counts: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
    };
  }

  private data(name: string, input: Record<string, unknown>): unknown {
    switch (name) {
      case 'imports.csvPreview': return this.preview(input.source as string, input.mapping as CsvMapping | undefined);
      case 'imports.csvImport': {
        const p = this.preview(input.source as string, input.mapping as CsvMapping | undefined);
        const dry = input.dry_run === true;
        const imported = p.problems.length === 0 && !dry;
        return {
          source: p.source, dry_run: dry, imported, problems: p.problems, counts: p.counts,
          created_case_ids: imported ? [11, 12].slice(0, p.counts.create) : [], updated_case_ids: imported ? [3].slice(0, p.counts.update) : [],
        };
      }
      case 'imports.mappings.list': return this.saved;
      case 'imports.mappings.save': {
        const s: SavedMapping = { source: input.source as string, mapping: input.mapping as CsvMapping, updated_at: '2026-01-02T10:00:00.000Z' };
        this.saved = [...this.saved.filter((x) => x.source !== s.source), s];
        return s;
      }
      case 'imports.fhirPreview': return { ...FHIR_REPORT, source: input.source as string };
      case 'imports.fhirImport': return { ...FHIR_REPORT, source: input.source as string, imported: true, case_id: 7, patient_id: 5 };
      case 'backups.list': return structuredClone(this.backupFiles);
      case 'backups.create': {
        const at = new Date(this.backupClock += 3_600_000).toISOString();
        const b: BackupInfo = { file: `board-manual-${at.replace(/[:.]/g, '-')}.sqlite`, bytes: 2_300_000, created_at: at, kind: 'manual' };
        this.backupFiles.push(b);
        return b;
      }
      case 'backups.restore': return { restored_from: input.file as string, safety_backup: 'board-pre-restore-2026-01-02T12-00-00Z.sqlite', schema_version: 3, cases: 40, audit_rows: 900 };
      case 'exports.caseFhir': return { file_name: `case-${String(input.id)}-MRN.fhir.json`, content: '{"resourceType":"Bundle","type":"collection","entry":[]}' };
      default: throw new ApiError({ code: 'UNKNOWN_OPERATION', message: `the fake data API does not implement ${name}` });
    }
  }
}
