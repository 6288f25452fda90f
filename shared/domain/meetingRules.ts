/**
 * The meeting's rules as pure functions (no Node, no DOM), shared by the repositories and the UI:
 * the completeness gate, concordance of a plan with the engine, the quorum.
 */
import { evaluate } from '../engine/evaluate';
import type { EngineOutput } from '../engine/schema';
import type { Strength } from '../engine/vocabulary';
import type { CaseFacts, PrimaryTumor } from '../facts/facts';
import {
  isEnginePlan, type Attendee, type Concordance, type Plan, type Quorum, type Readiness, type Specialty,
} from './meeting';

/** Facts every case needs before it is listed. */
const COMMON_REQUIRED = ['primary_tumor', 'ecog', 'bilirubin_mg_dl', 'albumin_g_dl'] as const;

/**
 * Per primary: the facts the engine's rules for that primary turn on first (its disease rules and the liver
 * safety gates), without which the board cannot see a meaningful option list. The engine's own `missing`
 * list is longer (Y-90 work-up etc.); those further facts are shown as informative, not blocking.
 */
export const REQUIRED_FACTS: Record<PrimaryTumor, readonly string[]> = {
  colorectal: ['line_of_therapy', 'liver_dominant', 'extrahepatic_disease', 'resectable_or_ablatable'],
  hcc: ['inr', 'ascites', 'encephalopathy', 'bclc_stage', 'portal_vein', 'resectable_or_ablatable'],
  neuroendocrine: ['net_grade', 'sstr_positive', 'liver_dominant', 'extrahepatic_disease'],
  breast: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  melanoma: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  uveal_melanoma: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  sarcoma: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  lung: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  pancreatic_adenocarcinoma: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
  cholangiocarcinoma: ['prior_systemic_lines', 'extrahepatic_disease', 'resectable_or_ablatable'],
  other: ['prior_systemic_lines', 'liver_dominant', 'extrahepatic_disease'],
};

export function requiredFactsFor(primary: PrimaryTumor | null | undefined): string[] {
  return [...COMMON_REQUIRED, ...(primary ? REQUIRED_FACTS[primary] : [])];
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

export interface ReadinessInput {
  case_id: number;
  facts: CaseFacts;
  last_imaging_date: string | null | undefined;
  last_labs_date: string | null | undefined;
  /** The meeting's date, YYYY-MM-DD. */
  meeting_date: string;
  imaging_max_days: number;
  labs_max_days: number;
}

function recency(date: string | null | undefined, meetingDate: string, maxDays: number) {
  if (!date) return { date: null, age_days: null, max_days: maxDays, ok: false };
  const age = daysBetween(date, meetingDate);
  return { date, age_days: age, max_days: maxDays, ok: age <= maxDays };
}

/** The completeness gate: which required facts are missing, and whether imaging and labs are recent enough. */
export function assessReadiness(input: ReadinessInput, engine: EngineOutput = evaluate(input.facts)): Readiness {
  const facts = input.facts as Record<string, unknown>;
  const why = new Map(engine.missing.map((m) => [m.field, m.why]));
  const required = requiredFactsFor(input.facts.primary_tumor);
  const missing = required
    .filter((field) => facts[field] === undefined || facts[field] === null)
    .map((field) => ({ field, why: why.get(field) ?? (field === 'primary_tumor' ? 'the engine needs the primary tumour to choose its rules' : 'required for this primary before listing') }));
  const requiredSet = new Set(required);
  const engineMissing = engine.missing.map((m) => m.field).filter((f) => !requiredSet.has(f));
  const imaging = recency(input.last_imaging_date, input.meeting_date, input.imaging_max_days);
  const labs = recency(input.last_labs_date, input.meeting_date, input.labs_max_days);
  const reasons: string[] = [];
  if (missing.length) reasons.push(`missing facts: ${missing.map((m) => m.field).join(', ')}`);
  for (const [label, r] of [['imaging', imaging], ['labs', labs]] as const) {
    if (r.date === null) reasons.push(`no ${label} date recorded`);
    else if (!r.ok) reasons.push(`${label} of ${r.date} is ${r.age_days} days before the meeting (limit ${r.max_days})`);
  }
  return { case_id: input.case_id, ready: reasons.length === 0, missing_facts: missing, engine_missing: engineMissing, imaging, labs, reasons };
}

/** The engine's strength for a plan, and whether the plan agrees with the engine. */
export function concordanceOf(plan: Plan, engine: EngineOutput): { plan_strength: Strength | null; concordance: Concordance } {
  if (!isEnginePlan(plan)) return { plan_strength: null, concordance: 'not_assessed' };
  const option = engine.options.find((o) => o.option === plan);
  if (!option) return { plan_strength: null, concordance: 'not_assessed' };
  const concordance = option.strength === 'recommended' || option.strength === 'consider' ? 'concordant' : 'discordant';
  return { plan_strength: option.strength, concordance };
}

export function quorumOf(required: readonly Specialty[], attendees: readonly Pick<Attendee, 'specialty' | 'attendance'>[]): Quorum {
  const present = [...new Set(attendees.filter((a) => a.attendance === 'attended').map((a) => a.specialty))];
  const missing = required.filter((s) => !present.includes(s));
  return { required: [...required], present, missing, met: missing.length === 0 };
}
