/**
 * An in-memory ApiClient for component tests: the same operations and error shapes as the real host,
 * with hooks to delay answers and to make the next call of an operation fail.
 */
import { ApiError, operations, type ApiClient, type ApiErrorBody, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import type { CaseRecord, CaseStatus, CaseSummary, Patient } from '../../shared/domain/case';
import type { CaseFacts, PrimaryTumor } from '../../shared/facts/facts';
import { foldText } from '../../shared/text/fold';

export interface Call { name: OperationName; input: unknown }

const NAMES: Array<[string, string]> = [
  ['Ødegård', 'Zoë'], ['Núñez', 'José'], ['Wróbel', 'Łukasz'], ['Smith', 'Anna'], ['Müller', 'Jürgen'],
  ['García', 'Lucía'], ['Jensen', 'Mette'], ['Rossi', 'Giulia'], ['Dubois', 'Élodie'], ['Novak', 'Petr'],
];
const PRIMARIES: PrimaryTumor[] = ['colorectal', 'neuroendocrine', 'hcc', 'breast', 'melanoma'];
const STATUSES: CaseStatus[] = ['draft', 'ready', 'listed', 'discussed', 'closed'];

export class FakeApi implements ApiClient {
  calls: Call[] = [];
  patients: Patient[] = [];
  cases: CaseRecord[] = [];
  private failures = new Map<OperationName, ApiErrorBody[]>();
  private delays = new Map<OperationName, Array<(input: unknown) => number>>();
  private clock = Date.parse('2026-01-01T09:00:00Z');

  constructor(count = 0) {
    for (let i = 0; i < count; i++) {
      const [family, given] = NAMES[i % NAMES.length] as [string, string];
      const primary = PRIMARIES[i % PRIMARIES.length] as PrimaryTumor;
      this.addCase(
        { identifier: `MRN${String(1000 + i)}`, family_name: family, given_name: given, birth_date: '1950-03-01', sex: 'female' },
        { status: STATUSES[i % STATUSES.length] as CaseStatus, diagnosis: `${primary} liver metastases ${i}`, facts: { primary_tumor: primary } },
      );
    }
  }

  addCase(patient: Omit<Patient, 'id'>, data: Partial<Pick<CaseRecord, 'status' | 'diagnosis' | 'question' | 'referring_clinician'>> & { facts?: CaseFacts }): CaseRecord {
    let p = this.patients.find((x) => x.identifier === patient.identifier);
    if (!p) { p = { ...patient, id: this.patients.length + 1 }; this.patients.push(p); }
    const now = new Date(this.clock += 60_000).toISOString();
    const record: CaseRecord = {
      id: this.cases.length + 1, patient: p, version: 1, created_at: now, updated_at: now,
      referring_clinician: data.referring_clinician ?? '', question: data.question ?? '', diagnosis: data.diagnosis ?? '',
      status: data.status ?? 'draft', facts: data.facts ?? {},
    };
    this.cases.push(record);
    return record;
  }

  /** The next call of `name` fails with this error (queue several for several calls). */
  failNext(name: OperationName, error: ApiErrorBody): void {
    this.failures.set(name, [...(this.failures.get(name) ?? []), error]);
  }

  /** Answers of `name` are delayed by what `ms(input)` says. */
  delay(name: OperationName, ms: (input: unknown) => number): void {
    this.delays.set(name, [ms]);
  }

  callsOf<N extends OperationName>(name: N): OpInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as OpInput<N>);
  }

  async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    this.calls.push({ name, input: structuredClone(input) });
    const wait = this.delays.get(name)?.[0]?.(input) ?? 0;
    await new Promise((r) => setTimeout(r, wait));
    const failure = this.failures.get(name)?.shift();
    if (failure) throw new ApiError(failure);
    // Validate exactly as the dispatcher would, so a form bug cannot pass unnoticed.
    const parsed = operations[name].input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.');
      throw new ApiError({ code: 'VALIDATION', message: `${field}: ${issue?.message ?? 'invalid'}`, ...(field ? { field } : {}) });
    }
    return this.handle(name, parsed.data) as OpOutput<N>;
  }

  private handle(name: OperationName, input: unknown): unknown {
    switch (name) {
      case 'app.info': return { version: '0.1.0-test', transport: 'browser-host', demo: true, case_count: this.cases.length };
      case 'cases.list': return this.list(input as OpOutput<'cases.list'> & Parameters<FakeApi['list']>[0]);
      case 'cases.get': {
        const found = this.cases.find((c) => c.id === (input as { id: number }).id);
        if (!found) throw new ApiError({ code: 'NOT_FOUND', message: 'no such case' });
        return structuredClone(found);
      }
      case 'cases.create': {
        const i = input as { patient_id?: number; patient?: Omit<Patient, 'id'>; case: Omit<CaseRecord, 'id' | 'patient' | 'version' | 'created_at' | 'updated_at'> };
        const patient = i.patient_id !== undefined ? this.patients.find((p) => p.id === i.patient_id) : i.patient;
        if (!patient) throw new ApiError({ code: 'NOT_FOUND', message: 'no such patient' });
        if (i.patient && this.patients.some((p) => p.identifier === i.patient?.identifier)) {
          throw new ApiError({ code: 'CONFLICT', message: `a patient with identifier ${i.patient.identifier} already exists: choose that patient`, field: 'patient.identifier' });
        }
        return structuredClone(this.addCase(patient, i.case));
      }
      case 'cases.update': {
        const i = input as { id: number; version: number; patient: Omit<Patient, 'id'>; case: Omit<CaseRecord, 'id' | 'patient' | 'version' | 'created_at' | 'updated_at'> };
        const found = this.cases.find((c) => c.id === i.id);
        if (!found) throw new ApiError({ code: 'NOT_FOUND', message: 'no such case' });
        if (found.version !== i.version) throw new ApiError({ code: 'CONFLICT', message: `case ${i.id} was changed (now version ${found.version})` });
        Object.assign(found.patient, i.patient);
        Object.assign(found, i.case, { version: found.version + 1, updated_at: new Date(this.clock += 60_000).toISOString() });
        return structuredClone(found);
      }
      case 'patients.findByIdentifier': {
        const id = (input as { identifier: string }).identifier;
        return this.patients.find((p) => p.identifier === id) ?? null;
      }
      default:
        throw new ApiError({ code: 'UNKNOWN_OPERATION', message: `the fake API does not implement ${name}` });
    }
  }

  private list(q: { search?: string; statuses?: CaseStatus[]; primaries?: PrimaryTumor[]; sort: string; direction: 'asc' | 'desc'; offset: number; limit: number }) {
    const tokens = foldText(q.search ?? '').split(/\s+/).filter(Boolean);
    let rows = this.cases.filter((c) => {
      if (q.statuses?.length && !q.statuses.includes(c.status)) return false;
      if (q.primaries?.length && (!c.facts.primary_tumor || !q.primaries.includes(c.facts.primary_tumor))) return false;
      const hay = foldText(`${c.patient.family_name} ${c.patient.given_name} ${c.patient.identifier} ${c.diagnosis} ${c.question}`);
      return tokens.every((t) => hay.includes(t));
    });
    const key = (c: CaseRecord): string => ({
      name: `${c.patient.family_name} ${c.patient.given_name}`, identifier: c.patient.identifier,
      primary_tumor: c.facts.primary_tumor ?? '', status: c.status, created_at: c.created_at,
    } as Record<string, string>)[q.sort] ?? c.updated_at;
    rows = [...rows].sort((a, b) => key(a).localeCompare(key(b)) * (q.direction === 'asc' ? 1 : -1) || a.id - b.id);
    const page: CaseSummary[] = rows.slice(q.offset, q.offset + q.limit).map((c) => ({
      id: c.id, patient_id: c.patient.id, identifier: c.patient.identifier, family_name: c.patient.family_name,
      given_name: c.patient.given_name, birth_date: c.patient.birth_date, primary_tumor: c.facts.primary_tumor ?? null,
      diagnosis: c.diagnosis, question: c.question, status: c.status, updated_at: c.updated_at,
    }));
    return { total: rows.length, offset: q.offset, rows: page };
  }
}
