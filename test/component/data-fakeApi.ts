/**
 * The FakeApi plus the data in/out contract (shared/api/imports.ts) in memory: a CSV preview that follows the
 * mapping it is sent (so a mapping edit shows in the next request and its answer), import with dry run and
 * all-or-nothing problems, saved mappings, a FHIR report, backups and a restore the test can make fail.
 * Inputs are validated with the contract's schemas, as the dispatcher does.
 */
import { ApiError, operations, type ApiErrorBody, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import type { BackupInfo, CsvMapping, CsvPreview, FhirReport, ImportProblem, SavedMapping } from '../../shared/domain/imports';
import type { Assessment, DecisionOutcomes, OutcomeEvent, RegistryExport, TimelineEntry, Toxicity } from '../../shared/domain/outcomes';
import { recist11 } from '../../shared/engine/calculators/response';
import { FakeApi } from './fakeApi';

const DATA_OPS = new Set<string>(Object.keys(operations).filter((n) => /^(imports|backups|exports|outcomes)\./.test(n)));

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
  /** Decisions of case 3 (the outcomes tests' case); empty = an undecided case. */
  outcomes: DecisionOutcomes[] = [{ decision_id: 21, case_id: 3, method: 'recist11', treatment_date: '2026-01-10', assessments: [], toxicities: [], events: [] }];
  timelineEntries: TimelineEntry[] = [
    { date: '2025-12-01', kind: 'referral', title: 'Referred by Dr. Rossi', detail: '', decision_id: null, ref: null },
    { date: '2025-12-15', kind: 'decision', title: 'SIRT (Y-90)', detail: 'Liver MDT', decision_id: 21, ref: { table: 'decisions', id: 21 } },
  ];
  registry: RegistryExport = {
    csv: 'record,age_band,primary_tumor\nR1,65-69,colorectal\n', fhir: '{"resourceType":"Bundle"}',
    manifest: {
      generated_at: '2026-01-05T10:00:00.000Z', records: 12, patients: 11, selection: 'cases with an implemented treatment',
      date_handling: 'days from the treatment date', pseudonyms: 'random per export',
      removed: [{ field: 'family_name', why: 'direct identifier' }, { field: 'birth_date', why: 'replaced by age in years' }],
      not_recorded: ['overall survival'], fields: ['record', 'age_band', 'primary_tumor'],
      disclosure: {
        k: 5, quasi_identifiers: ['age_band', 'sex', 'primary_tumor'], generalisation: ['age: 5-year bands'], records_considered: 15,
        records_suppressed: 3, cells_suppressed: { sodium_mmol_l: 4, creatinine_mg_dl: 2 }, smallest_group: 5,
        residual_risk: 'Matching on the quasi-identifiers points to no fewer than 5 patients.',
      },
    },
  };
  private outcomeIds = 100;
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

  private decision(id: number): DecisionOutcomes {
    const d = this.outcomes.find((x) => x.decision_id === id);
    if (!d) throw new ApiError({ code: 'NOT_FOUND', message: `decision ${id} does not exist` });
    return d;
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
      case 'exports.registry': return this.registry;
      case 'outcomes.list': return structuredClone(this.outcomes.filter((d) => d.case_id === input.case_id));
      case 'outcomes.timeline': return { case_id: input.case_id as number, entries: structuredClone(this.timelineEntries) };
      case 'outcomes.recordAssessment': {
        const d = this.decision(input.decision_id as number);
        const i = input as unknown as Assessment['inputs'] & { date: string; modality: string; note: string };
        const result = recist11({ baseline: i.baseline, current: i.current, new_lesions: i.new_lesions, non_target_progression: i.non_target_progression });
        const a: Assessment = {
          id: ++this.outcomeIds, decision_id: d.decision_id, case_id: d.case_id, date: i.date, method: 'recist11', modality: i.modality,
          inputs: { baseline: i.baseline, current: i.current, new_lesions: i.new_lesions, non_target_progression: i.non_target_progression, nadir_sum_mm: result.nadir_sum_mm },
          result, response: result.response, days_after_treatment: 30, note: i.note, recorded_by: 'test', recorded_at: '2026-01-05T10:00:00.000Z',
          retracted_at: null, retracted_by: null, retraction_reason: null,
        };
        d.assessments.push(a);
        this.timelineEntries.push({ date: a.date, kind: 'assessment', title: `Response ${a.response} (RECIST 1.1)`, detail: '', decision_id: d.decision_id, ref: { table: 'response_assessments', id: a.id } });
        return a;
      }
      case 'outcomes.recordToxicity': {
        const d = this.decision(input.decision_id as number);
        const t = { ...(input as unknown as Toxicity), id: ++this.outcomeIds, case_id: d.case_id, days_after_treatment: 12, recorded_by: 'test', recorded_at: '2026-01-05T10:00:00.000Z', retracted_at: null, retracted_by: null, retraction_reason: null };
        d.toxicities.push(t);
        this.timelineEntries.push({ date: t.date, kind: 'toxicity', title: `${t.term} grade ${t.grade}`, detail: `CTCAE v${t.ctcae_version}`, decision_id: d.decision_id, ref: { table: 'toxicities', id: t.id } });
        return t;
      }
      case 'outcomes.retract': {
        const table = { assessment: 'response_assessments', toxicity: 'toxicities', event: 'outcome_events' }[input.kind as 'assessment' | 'toxicity' | 'event'];
        const before = this.timelineEntries.length;
        this.timelineEntries = this.timelineEntries.filter((e) => !(e.ref?.table === table && e.ref.id === input.id));
        if (this.timelineEntries.length === before) throw new ApiError({ code: 'NOT_FOUND', message: `${String(input.kind)} ${String(input.id)} does not exist` });
        return this.outcomes[0];
      }
      case 'outcomes.recordEvent': {
        const d = this.decision(input.decision_id as number);
        const ev: OutcomeEvent = { ...(input as unknown as OutcomeEvent), id: ++this.outcomeIds, case_id: d.case_id, days_after_treatment: 90, recorded_by: 'test', recorded_at: '2026-01-05T10:00:00.000Z', retracted_at: null, retracted_by: null, retraction_reason: null };
        d.events.push(ev);
        this.timelineEntries.push({ date: ev.date, kind: ev.kind, title: ev.kind === 'death' ? 'Death' : 'Progression', detail: '', decision_id: d.decision_id, ref: null });
        return ev;
      }
      default: throw new ApiError({ code: 'UNKNOWN_OPERATION', message: `the fake data API does not implement ${name}` });
    }
  }
}
