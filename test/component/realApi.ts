/**
 * The real application core for component tests: the app context (electron/app/context.ts) on a temporary SQLite
 * file, its one dispatcher, and an ApiClient for the renderer that calls it the way a window does — through the
 * preload bridge's shape (`invoke(name, input) → ApiResult`, renderer/api/client.ts BridgeApiClient), with input
 * and answer serialised as JSON on the way, as the browser host sends them. The window acts as the local seat
 * until a profile is chosen, exactly as in the desktop app.
 *
 * Tests seed what they need through the contract's own operations (`core.call`), never by writing rows. What a
 * real core cannot be made to do on demand — a window that loses the core, an error it would not give, a slow
 * answer — is injected at this boundary (`failNext`, `delay`, `unreachable`): the only fakes left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { callLocal, openAppContext, type AppContext } from '../../electron/app/context';
import type { HostCapabilities } from '../../electron/app/host';
import { BridgeApiClient } from '../../renderer/api/client';
import {
  ApiError, type ApiClient, type ApiErrorBody, type ApiResult, type OperationName, type OpInput, type OpOutput, type Transport,
} from '../../shared/api';
import type { CaseInput, CaseRecord, PatientInput } from '../../shared/domain/case';
import type { Profile } from '../../shared/domain/meeting';

export interface Call { name: OperationName; input: unknown }

/** The label the local seat acts under (audit rows, "recorded by") until a profile is chosen. */
export const SEAT = 'component test seat';

/** What crosses a transport: JSON text, not objects (a Date or undefined that would not survive shows up here). */
const overTheWire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)) as T);

export class RealApi implements ApiClient {
  calls: Call[] = [];
  private failures = new Map<OperationName, ApiErrorBody[]>();
  private delays = new Map<OperationName, (input: unknown) => number>();
  private down = false;
  private gates = new Map<OperationName, Promise<void>>();
  private readonly client: BridgeApiClient;

  constructor(private readonly core: RealCore) {
    this.client = new BridgeApiClient({
      invoke: async (name: string, input: unknown): Promise<ApiResult> => {
        if (this.down) throw new Error('the core is gone');
        return overTheWire(await this.core.dispatch(name, overTheWire(input)));
      },
    });
  }

  /** Failure injection: the next call of `name` answers this error instead of reaching the core. */
  failNext(name: OperationName, error: ApiErrorBody): void {
    this.failures.set(name, [...(this.failures.get(name) ?? []), error]);
  }

  /** Failure injection: answers of `name` arrive `ms(input)` milliseconds late. */
  delay(name: OperationName, ms: (input: unknown) => number): void {
    this.delays.set(name, ms);
  }

  /** Failure injection: calls of `name` wait until the returned function is called (a long job in progress). */
  hold(name: OperationName): () => void {
    let release: () => void = () => undefined;
    this.gates.set(name, new Promise<void>((resolve) => { release = resolve; }));
    return () => {
      this.gates.delete(name);
      release();
    };
  }

  /** Failure injection: the window loses the core (every call fails as the bridge reports it). */
  unreachable(down = true): void {
    this.down = down;
  }

  callsOf<N extends OperationName>(name: N): OpInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as OpInput<N>);
  }

  async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    this.calls.push({ name, input: structuredClone(input) });
    const wait = this.delays.get(name)?.(input) ?? 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const gate = this.gates.get(name);
    if (gate) await gate;
    const failure = this.failures.get(name)?.shift();
    if (failure) throw new ApiError(failure);
    return this.client.invoke(name, input);
  }
}

/** Names with diacritics (search folds them), cycled by the seeded cases. */
export const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Ødegård', 'Zoë'], ['Núñez', 'José'], ['Wróbel', 'Łukasz'], ['Smith', 'Anna'], ['Müller', 'Jürgen'],
  ['García', 'Lucía'], ['Jensen', 'Mette'], ['Rossi', 'Giulia'], ['Dubois', 'Élodie'], ['Novak', 'Petr'],
];
export const PRIMARIES = ['colorectal', 'neuroendocrine', 'hcc', 'breast', 'melanoma'] as const;
export const STATUSES = ['draft', 'ready', 'listed', 'discussed', 'closed'] as const;

export interface CoreOptions {
  /** Open as a new demo database with this many synthetic cases (the demo marker shows). */
  demoCases?: number;
  /**
   * What the host offers the core (electron/app/host.ts): the PDF engine, file choice, showing a file. The default
   * is the headless host (files under the temporary folder); a test gives its own to hold or fail a host request.
   */
  host?: Partial<HostCapabilities>;
}

export class RealCore {
  readonly dir: string;
  readonly dbPath: string;
  readonly context: AppContext;
  readonly api: RealApi;
  private readonly transport: Transport = 'electron';

  constructor(options: CoreOptions = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'tb-component-'));
    this.dbPath = path.join(this.dir, 'board.sqlite');
    this.context = openAppContext({
      dbPath: this.dbPath, transport: this.transport,
      ...(options.demoCases !== undefined ? { demoIfMissing: true, demoCases: options.demoCases } : {}),
      ...(options.host ? { host: options.host } : {}),
    });
    this.api = new RealApi(this);
  }

  /**
   * `count` cases in one CSV import (the contract's own bulk path): case i (id i + 1) is patient MRN{1000+i} named
   * NAMES[i % 10], status STATUSES[i % 5], primary PRIMARIES[i % 5], diagnosis "<primary> liver metastases i".
   */
  async seedCases(count: number): Promise<void> {
    const lines = ['mrn,family_name,given_name,birth_date,sex,status,diagnosis,primary_tumor'];
    for (let i = 0; i < count; i++) {
      const [family, given] = NAMES[i % NAMES.length] ?? ['', ''];
      const primary = PRIMARIES[i % PRIMARIES.length] ?? 'colorectal';
      lines.push(`MRN${1000 + i},${family},${given},1950-03-01,female,${STATUSES[i % STATUSES.length] ?? 'draft'},${primary} liver metastases ${i},${primary}`);
    }
    const targets = ['patient.identifier', 'patient.family_name', 'patient.given_name', 'patient.birth_date', 'patient.sex', 'case.status', 'case.diagnosis', 'fact.primary_tumor'];
    const header = lines[0]?.split(',') ?? [];
    const result = await this.call('imports.csvImport', {
      source: 'component seed', content: `${lines.join('\n')}\n`, dry_run: false,
      mapping: { columns: header.map((column, n) => ({ column, target: targets[n] ?? 'ignore' })) },
    });
    if (!result.imported || result.created_case_ids.length !== count) throw new Error(`seeding made ${result.created_case_ids.length} of ${count} cases: ${JSON.stringify(result.problems.slice(0, 3))}`);
  }

  /** One call as the window makes it (same session, same acting profile). */
  dispatch(name: string, input: unknown): Promise<ApiResult> {
    return callLocal(this.context, this.transport, SEAT)(name, input);
  }

  /** Seeding through the contract: the operation's value, or the test fails with the core's own error. */
  async call<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    const r = await this.dispatch(name, overTheWire(input));
    if (!r.ok) throw new Error(`seeding ${name} failed: ${r.error.code}: ${r.error.message}`);
    return overTheWire(r.value) as OpOutput<N>;
  }

  /** One case through `cases.create`: for the patient with this identifier when there is one, else a new patient. */
  async addCase(patient: PatientInput, data: Partial<CaseInput> = {}): Promise<CaseRecord> {
    const known = await this.call('patients.findByIdentifier', { identifier: patient.identifier });
    const input: CaseInput = { referring_clinician: '', question: '', diagnosis: '', status: 'draft', facts: {}, ...data };
    return this.call('cases.create', known ? { patient_id: known.id, case: input } : { patient, case: input });
  }

  /** Every case as stored, in id order (what the core kept, read back through the contract). */
  async cases(): Promise<CaseRecord[]> {
    const page = await this.call('cases.list', { sort: 'created_at', direction: 'asc', offset: 0, limit: 500 });
    return Promise.all(page.rows.map((row) => this.call('cases.get', { id: row.id })));
  }

  close(): void {
    this.context.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A fresh core per call, closed and deleted after each test. */
export function useRealCore(): (options?: CoreOptions) => RealCore {
  const open: RealCore[] = [];
  afterEach(() => {
    for (const core of open.splice(0)) core.close();
  });
  return (options) => {
    const core = new RealCore(options);
    open.push(core);
    return core;
  };
}

/** Colorectal, second line: the engine recommends SYSTEMIC_STANDARD and rates Y90_WITH_SECOND_LINE_CHEMO not recommended. */
export const READY_CRC = {
  primary_tumor: 'colorectal', line_of_therapy: 'second_line', prior_systemic_lines: 1, ecog: 0, liver_dominant: true,
  extrahepatic_disease: 'none', bilirubin_mg_dl: 0.8, albumin_g_dl: 4, resectable_or_ablatable: false,
} as const;

/** The chair's PIN in the meeting fixture (a chair's PIN has at least 6 digits). */
export const CHAIR_PIN = '246810';

/**
 * A board's people and cases, through the contract: a chair with a PIN (profile 1) and a coordinator (profile 2,
 * acting in the window);
 * cases 1–3 ready (MRN1 Ødegård, MRN2 Núñez, MRN3 Wróbel: READY_CRC with imaging and labs dated before the
 * fixture's meetings of 3 March 2026), case 4 (MRN4 Smith) only its primary, no dates: not ready.
 */
export async function meetingFixture(core: RealCore): Promise<{ core: RealCore; api: RealApi; coordinator: Profile; chair: Profile }> {
  // The first profile may be a chair; after that only a chair creates one.
  const chair = await core.call('profiles.create', { name: 'Helena Chair', role: 'chair', specialty: 'surgery', pin: CHAIR_PIN });
  const coordinator = await core.call('profiles.create', { name: 'Priya Coordinator', role: 'coordinator', specialty: 'coordinator' });
  const pats = [['Ødegård', 'Zoë', 'MRN1'], ['Núñez', 'José', 'MRN2'], ['Wróbel', 'Łukasz', 'MRN3'], ['Smith', 'Anna', 'MRN4']] as const;
  for (const [n, [family, given, identifier]] of pats.entries()) {
    const ready = n < 3;
    await core.addCase({ identifier, family_name: family, given_name: given, birth_date: '1950-03-01', sex: 'female' }, {
      status: 'ready', diagnosis: `CRC liver metastases ${n + 1}`, question: 'Y-90 with second-line chemotherapy?',
      facts: ready ? { ...READY_CRC } : { primary_tumor: 'colorectal' },
      last_imaging_date: ready ? '2026-02-20' : null, last_labs_date: ready ? '2026-02-28' : null,
    });
  }
  await core.call('profiles.select', { id: coordinator.id });
  return { core, api: core.api, coordinator, chair };
}

/** The fixture's board in session: a meeting of 3 March 2026 with case 1 (Ødegård) on its agenda, started. */
export async function runningMeetingFixture(core: RealCore) {
  const fx = await meetingFixture(core);
  const m = await fx.core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  const item = await fx.core.call('meetings.addCase', { meeting_id: m.id, case_id: 1 });
  const meeting = await fx.core.call('meetings.start', { id: m.id, version: m.version });
  return { ...fx, meeting, item };
}
