/**
 * Synthetic minutes documents (no real data) for tests and the bench: demo cases evaluated by the real engine,
 * each with a decision (one in five with dissent), actions, a follow-up date, and an amendment now and then.
 * Deterministic: the same (count, seed, signed) gives the same document.
 */
import { generateDemoCases } from '../demo/generate';
import { evaluate } from '../engine';
import { assembleMinutes, fromSnapshot, summaryFromFacts } from './build';
import type { MinutesAttendee, MinutesCase, MinutesDocument } from './model';

const INTENTS = ['Palliative', 'Curative', 'Consolidation', 'Symptom control', 'Bridging to transplant'] as const;

export const SAMPLE_ATTENDEES: readonly MinutesAttendee[] = [
  { name: 'Dr. Ana Ferreira', specialty: 'Medical oncology', role: 'chair', attendance: 'attended' },
  { name: "Dr. Chiara D'Angelo", specialty: 'Interventional radiology', role: null, attendance: 'attended' },
  { name: 'Mr. Alistair Hughes', specialty: 'Surgery', role: null, attendance: 'attended' },
  { name: 'Dr. Jennifer Walker', specialty: 'Diagnostic radiology', role: null, attendance: 'attended' },
  { name: 'Dr. Lucía Fernández', specialty: 'Hepatology/gastroenterology', role: null, attendance: 'attended' },
  { name: 'Dr. Hélène Bérenger', specialty: 'Nuclear medicine', role: null, attendance: 'apologies' },
  { name: 'Dr. Katarzyna Nowak', specialty: 'Pathology', role: null, attendance: 'attended' },
  { name: 'Sr. Niamh Kelly', specialty: 'Nursing', role: null, attendance: 'attended' },
  { name: 'Ms. Maren Olsen', specialty: 'Coordinator', role: 'coordinator', attendance: 'attended' },
];

/** Samples print in a fixed zone and locale, so they are the same on every machine. */
export const SAMPLE_CLOCK = { time_zone: 'Europe/Oslo', locale: 'en-GB' } as const;

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function sampleCases(count: number, seed = 7, meetingDate = '2027-03-12'): MinutesCase[] {
  return generateDemoCases(count, seed).map((demo, i): MinutesCase => {
    const snapshot = evaluate(demo.case.facts);
    const part = fromSnapshot(snapshot);
    const chosen = part.options.find((o) => o.strength === 'recommended') ?? part.options[0];
    const dissent = i % 5 === 2
      ? [{ name: 'Mr. Alistair Hughes', specialty: 'Surgery', view: 'Would first re-stage for a resection after downsizing.' }]
      : [];
    return {
      case_id: i + 1,
      item: i + 1,
      patient: {
        family_name: demo.patient.family_name, given_name: demo.patient.given_name, mrn: demo.patient.identifier,
        birth_date: demo.patient.birth_date, sex: demo.patient.sex,
      },
      referring_clinician: demo.case.referring_clinician,
      presenter: i % 3 === 0 ? "Dr. Chiara D'Angelo" : 'Dr. Ana Ferreira',
      diagnosis: demo.case.diagnosis,
      question: demo.case.question,
      clinical_summary: summaryFromFacts(demo.case.facts),
      ...part,
      decision: {
        plan: chosen ? chosen.label : 'Further work-up',
        plan_option: chosen ? chosen.option : null,
        intent: INTENTS[i % INTENTS.length] ?? 'Palliative',
        rationale: `Board agreed on ${chosen ? chosen.label : 'further work-up'} given the case facts and the listed evidence.`,
        consensus: dissent.length ? 'Majority' : 'Unanimous',
        dissent,
        concordant: chosen ? chosen.strength === 'recommended' || chosen.strength === 'consider' : null,
        override_reason: null,
        patient_preference_discussed: i % 4 !== 3,
        recorded_by: 'Ms. Maren Olsen',
        recorded_at: `${meetingDate}T16:${String(10 + (i % 50)).padStart(2, '0')}:00Z`,
      },
      no_decision_note: null,
      actions: [
        { description: 'Book the treatment and inform the patient', owner: "Dr. Chiara D'Angelo", due_date: addDays(meetingDate, 7 + (i % 7)) },
        { description: 'Restaging CT after treatment', owner: 'Dr. Jennifer Walker', due_date: addDays(meetingDate, 60) },
      ],
      follow_up_date: addDays(meetingDate, 90),
      amendments: i % 9 === 4
        ? [{ what: `Follow-up date: ${addDays(meetingDate, 84)} → ${addDays(meetingDate, 90)}`, reason: 'Clinic capacity', by: 'Dr. Ana Ferreira', at: `${addDays(meetingDate, 2)}T09:15:00Z` }]
        : [],
    };
  });
}

export function sampleMinutes(count: number, options: { seed?: number; signed?: boolean } = {}): MinutesDocument {
  const date = '2027-03-12';
  return assembleMinutes({
    clock: SAMPLE_CLOCK,
    meeting: {
      id: 1, board_name: 'Liver Tumour Board', date, start_time: '16:00', end_time: '18:00',
      location: 'Seminar room 2, Level 4', video_link: 'https://video.example.invalid/liver-mdt', chair: 'Dr. Ana Ferreira',
      coordinator: 'Ms. Maren Olsen', status: options.signed ? 'signed' : 'concluded',
    },
    attendees: [...SAMPLE_ATTENDEES],
    cases: sampleCases(count, options.seed ?? 7, date),
    sign_off: options.signed ? { name: 'Dr. Ana Ferreira', signed_at: `${date}T18:20:00Z` } : null,
    generated_at: `${date}T18:25:00Z`,
  });
}
