import type { SqlDb } from '../../../db/sql/port';
import { createDispatcher } from '../../../electron/api/dispatcher';
import { buildHandlers, localCallContext } from '../../../electron/app/context';
import { LocalSeats } from '../../../electron/app/seats';
import type { ApiResult } from '../../../shared/api';
import type { CaseFacts } from '../../../shared/facts/facts';
import { caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

/** Complete colorectal facts: the gate's required fields are all present. */
export const READY_FACTS: CaseFacts = {
  primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, liver_dominant: true, extrahepatic_disease: 'none',
  line_of_therapy: 'salvage_after_2_lines', resectable_or_ablatable: false, inr: 1.0, ascites: 'none', encephalopathy: 'none',
};

/** The API over a fresh store of `engine` per call, as a local transport dispatches it. */
export function useApi(engine: Engine = 'sqlite') {
  const stores = useEngine(engine);
  return () => {
    const store = stores.place();
    const db = stores.reopen(store);
    // As a local transport does: the seat ('test', local administrator) until a profile is chosen.
    const seats = new LocalSeats(() => db);
    const dispatch = createDispatcher(buildHandlers(db, { transport: 'cli', seats }), { log: () => undefined });
    const seat = { localActor: (session: string, label: string) => seats.actor(session, label) };
    // `session`: another seat at the same database (cases are entered at the desk, whoever is acting in the room).
    const call = async <T = unknown>(name: string, input: unknown, session = 'room'): Promise<ApiResult<T>> =>
      (await dispatch(name, input, { ...localCallContext(seat, 'cli', 'test'), session, actor: seats.actor(session, 'test') })) as ApiResult<T>;
    const ok = async <T = Record<string, unknown>>(name: string, input: unknown, session?: string): Promise<T> => {
      const r = await call<T>(name, input, session);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    let n = 0;
    const newCase = async (facts: CaseFacts = READY_FACTS, dates: { last_imaging_date?: string | null; last_labs_date?: string | null } = { last_imaging_date: '2026-03-01', last_labs_date: '2026-03-10' }) => {
      n++;
      return ok<{ id: number; version: number }>('cases.create', { patient: patient({ identifier: `MRN${n}`, family_name: `Patient${n}` }), case: { ...caseInput({ facts }), ...dates } }, 'desk');
    };
    return { db, store, stores, call, ok, newCase, close: () => db.close() };
  };
}

export type Api = ReturnType<ReturnType<typeof useApi>>;

/** A chair and a coordinator, the coordinator selected; a meeting on 2026-03-15 with quorum present. */
export async function meetingWithChair(api: Api) {
  const chair = await api.ok<{ id: number }>('profiles.create', { name: 'Dr. Chair', specialty: 'surgery', role: 'chair', pin: '123456' });
  const coordinator = await api.ok<{ id: number }>('profiles.create', { name: 'Coord', specialty: 'coordinator', role: 'coordinator' });
  await api.ok('profiles.select', { id: coordinator.id });
  const meeting = await api.ok<{ id: number; version: number; status: string }>('meetings.create', {
    board: 'Liver MDT', scheduled_at: '2026-03-15T16:00', chair_profile_id: chair.id,
    attendees: [
      { name: 'A', specialty: 'medical_oncology', attendance: 'attended' },
      { name: 'B', specialty: 'interventional_radiology', attendance: 'attended' },
      { name: 'C', specialty: 'surgery', attendance: 'attended' },
      { name: 'D', specialty: 'diagnostic_radiology', attendance: 'attended' },
    ],
  });
  return { chair, coordinator, meeting };
}

export type { SqlDb };
