/**
 * Synthetic demo cases for the tumour board: realistic patients, referrals and case facts (CONTRACT.md words)
 * for every primary tumour, coherent per primary (colorectal line/backbone/KRAS/sidedness; NET grade with a
 * matching Ki-67; HCC BCLC stage from nodules, ECOG, portal vein and a Child-Pugh score that the labs give).
 *
 * Pure and deterministic: the same (count, seed) gives the same cases, on any machine, at any date (ages are
 * taken at DEMO_REFERENCE_DATE, not "today"). A shorter run is a prefix of a longer one with the same seed.
 * Cheap per case (no validation, no regexes), so 100,000 cases take a fraction of a second.
 */
import type { CaseInput, CaseStatus, PatientInput } from '../domain/case';
import type { CaseFactKey, CaseFacts, PrimaryTumor } from '../facts/facts';
import { CLINICIANS, FEATURED_PATIENTS, NAME_POOLS, type Specialty } from './names';

export interface DemoCase {
  patient: PatientInput;
  case: CaseInput;
}

export const DEFAULT_DEMO_SEED = 20261127;
/** Ages and birth dates are computed at this date, so output does not depend on the clock. */
export const DEMO_REFERENCE_DATE = '2026-11-01';
/** Identifiers are `MRN` + 7 digits, a permutation of the case index: unique up to this many cases. */
export const MAX_DEMO_CASES = 10_000_000;

type Facts = CaseFacts;
type Sex = PatientInput['sex'];

// ---------------------------------------------------------------------------------------------------------
// Random numbers: mulberry32 plus small helpers.

interface Weighted<T> { readonly items: readonly T[]; readonly cum: readonly number[] }

function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  const total = pairs.reduce((s, p) => s + p[1], 0);
  let acc = 0;
  return { items: pairs.map((p) => p[0]), cum: pairs.map((p) => (acc += p[1] / total)) };
}

class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed | 0; }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean { return this.next() < p; }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  uniform(lo: number, hi: number): number { return lo + this.next() * (hi - lo); }
  /** Roughly normal (Irwin–Hall of 3), clamped. */
  normal(mean: number, sd: number, lo: number, hi: number): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2;
    return Math.min(hi, Math.max(lo, mean + z * sd));
  }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)] as T; }
  w<T>(table: Weighted<T>): T {
    const r = this.next();
    const { cum, items } = table;
    for (let i = 0; i < cum.length; i++) if (r < (cum[i] as number)) return items[i] as T;
    return items[items.length - 1] as T;
  }
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------------------
// Distributions.

const PRIMARY_MIX = weighted<PrimaryTumor>([
  ['colorectal', 44], ['hcc', 22], ['neuroendocrine', 12], ['breast', 6], ['cholangiocarcinoma', 4],
  ['uveal_melanoma', 3], ['melanoma', 2], ['pancreatic_adenocarcinoma', 2], ['lung', 2], ['sarcoma', 1.5],
  ['other', 1.5],
]);
const STATUS_MIX = weighted<CaseStatus>([['draft', 22], ['ready', 24], ['listed', 30], ['discussed', 15], ['closed', 9]]);
const ECOG_MIX = weighted([[0, 45], [1, 38], [2, 12], [3, 4], [4, 1]] as const);
const ECOG_MIX_HCC = weighted([[0, 55], [1, 28], [2, 11], [3, 5], [4, 1]] as const);
const POOL_MIX = weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
const PORTAL_MIX = weighted([
  ['patent', 78], ['branch_thrombus', 10], ['tumoral_thrombus_main', 6], ['bland_occlusion_main', 3],
  ['hepatofugal_flow', 3],
] as const);
const BILIARY_MIX = weighted([
  ['normal', 90], ['stent', 3], ['bilioenteric_anastomosis', 2], ['sphincterotomy', 3], ['obstruction', 2],
] as const);
const ETIOLOGY_MIX = weighted([
  ['alcohol', 25], ['HCV', 24], ['HBV', 18], ['MASLD', 22], ['HCV and alcohol', 7], ['haemochromatosis', 2],
  ['autoimmune hepatitis', 2],
] as const);
const NET_SITE_MIX = weighted([['midgut_ileum', 45], ['pancreas', 34], ['lung', 8], ['other', 6], ['unknown', 7]] as const);
const NET_GRADE_MIX = weighted([['G1', 35], ['G2', 50], ['G3', 15]] as const);
const CRC_LINE_MIX = weighted([
  ['chemo_naive', 20], ['consolidation_after_first_line', 18], ['second_line', 32], ['salvage_after_2_lines', 30],
] as const);
const BACKBONE_MIX = weighted([['oxaliplatin', 66], ['irinotecan', 29], ['other', 5]] as const);
const RESPONSE_CONSOLIDATION = weighted([['partial_response', 60], ['stable_disease', 35], ['complete_response', 5]] as const);
const RESPONSE_BEFORE_PROGRESSION = weighted([['partial_response', 45], ['stable_disease', 35], ['progressive_disease', 20]] as const);
const NEUROPATHY_MIX = weighted([[0, 20], [1, 40], [2, 30], [3, 10]] as const);
const HCC_EHD_MIX = weighted([['none', 85], ['limited', 12], ['dominant', 3]] as const);
const CP_CLASS_MIX = weighted([['A', 70], ['B', 25], ['C', 5]] as const);
const CP_B_BILI = weighted([[1, 45], [2, 42], [3, 13]] as const);
const CP_B_ALB = weighted([[1, 25], [2, 60], [3, 15]] as const);
const CP_C_POINTS = weighted([[2, 40], [3, 60]] as const);
const CP_B_ASCITES = weighted([['none', 45], ['mild', 45], ['moderate_severe', 10]] as const);
const CP_C_ASCITES = weighted([['mild', 40], ['moderate_severe', 60]] as const);
const CP_C_ENCEPH = weighted([['none', 40], ['grade1_2', 50], ['grade3_4', 10]] as const);
const OTHER_LINES_MIX = weighted([[0, 12], [1, 33], [2, 30], [3, 15], [4, 10]] as const);

const REF_Y = Number(DEMO_REFERENCE_DATE.slice(0, 4));
const REF_M = Number(DEMO_REFERENCE_DATE.slice(5, 7));
const REF_D = Number(DEMO_REFERENCE_DATE.slice(8, 10));

const CLIN_BY_SPECIALTY = new Map<Specialty, string[]>();
for (const c of CLINICIANS) {
  const list = CLIN_BY_SPECIALTY.get(c.specialty) ?? [];
  list.push(`${c.name}, ${c.specialty}`);
  CLIN_BY_SPECIALTY.set(c.specialty, list);
}
const REFERRERS: Record<PrimaryTumor, Weighted<Specialty>> = {
  colorectal: weighted([['Medical Oncology', 70], ['Colorectal Surgery', 12], ['HPB Surgery', 10], ['Gastroenterology', 5], ['General Practice', 3]]),
  hcc: weighted([['Hepatology', 55], ['Transplant Hepatology', 15], ['HPB Surgery', 12], ['Gastroenterology', 10], ['Medical Oncology', 8]]),
  neuroendocrine: weighted([['Endocrinology', 40], ['Medical Oncology', 30], ['Nuclear Medicine', 25], ['Gastroenterology', 5]]),
  breast: weighted([['Breast Oncology', 70], ['Medical Oncology', 30]]),
  melanoma: weighted([['Medical Oncology', 100]]),
  uveal_melanoma: weighted([['Ocular Oncology', 55], ['Medical Oncology', 45]]),
  sarcoma: weighted([['Sarcoma Unit', 75], ['Medical Oncology', 25]]),
  lung: weighted([['Thoracic Oncology', 80], ['Medical Oncology', 20]]),
  pancreatic_adenocarcinoma: weighted([['Medical Oncology', 75], ['HPB Surgery', 25]]),
  cholangiocarcinoma: weighted([['Medical Oncology', 50], ['HPB Surgery', 30], ['Hepatology', 20]]),
  other: weighted([['Medical Oncology', 80], ['Interventional Radiology', 10], ['General Practice', 10]]),
};

/** Sex mix (share male) and age (mean, sd) per primary. */
const DEMOGRAPHY: Record<PrimaryTumor, { male: number; age: number; sd: number }> = {
  colorectal: { male: 0.57, age: 64, sd: 10 },
  hcc: { male: 0.78, age: 66, sd: 9 },
  neuroendocrine: { male: 0.5, age: 61, sd: 11 },
  breast: { male: 0.01, age: 57, sd: 12 },
  melanoma: { male: 0.56, age: 63, sd: 12 },
  uveal_melanoma: { male: 0.5, age: 62, sd: 11 },
  sarcoma: { male: 0.45, age: 58, sd: 13 },
  lung: { male: 0.55, age: 66, sd: 9 },
  pancreatic_adenocarcinoma: { male: 0.53, age: 67, sd: 9 },
  cholangiocarcinoma: { male: 0.52, age: 66, sd: 10 },
  other: { male: 0.5, age: 63, sd: 12 },
};

// ---------------------------------------------------------------------------------------------------------
// Per-case builder.

/** Child-Pugh score with the boundary convention of EVIDENCE.md 3.1. */
function childPugh(bili: number, alb: number, inr: number, ascites: string, enceph: string): number {
  const b = bili < 2 ? 1 : bili <= 3 ? 2 : 3;
  const a = alb > 3.5 ? 1 : alb >= 2.8 ? 2 : 3;
  const i = inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3;
  const asc = ascites === 'none' ? 1 : ascites === 'mild' ? 2 : 3;
  const he = enceph === 'none' ? 1 : enceph === 'grade1_2' ? 2 : 3;
  return b + a + i + asc + he;
}
const cpLabel = (score: number): string => `${score <= 6 ? 'A' : score <= 9 ? 'B' : 'C'}${score}`;

/**
 * Which facts a referral leaves unknown. A case draws one of a few fixed omission profiles (built once, from
 * a fixed seed: a referrer's form that lacks some fields) plus a small per-fact rate of "asked, not known".
 * Both give `null`: see `factsFor` for why unknown facts are null rather than absent keys.
 */
interface OmissionProfile {
  /** A fixed-shape record (every fact key), true where the fact is left unknown. */
  readonly omit: Readonly<Record<CaseFactKey, boolean | undefined>>;
  readonly nullRate: number;
}

const OMITTABLE: readonly CaseFactKey[] = [
  'age', 'ecog', 'frail', 'height_cm', 'weight_kg', 'expected_survival_months', 'prior_systemic_lines',
  'prior_chemo_agents', 'prior_hepatotoxic_chemo', 'best_response_first_line', 'cumulative_oxaliplatin_neuropathy_grade',
  'liver_dominant', 'extrahepatic_disease', 'extrahepatic_sites', 'extrahepatic_progression', 'resectable_or_ablatable',
  'bilobar', 'liver_replacement_pct', 'lesion_count', 'largest_nodule_cm', 'well_defined_nodules', 'selective_access',
  'bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'creatinine_mg_dl', 'sodium_mmol_l', 'granulocytes_10e9_l', 'ascites',
  'encephalopathy', 'cirrhosis', 'etiology', 'portal_vein', 'biliary', 'varices_untreated_high_risk', 'kras_status',
  'primary_sidedness', 'primary_resected', 'net_primary_site', 'net_ki67_pct', 'hormone_symptoms', 'bulk_symptoms',
  'on_ssa', 'progressing_on_ssa', 'sstr_positive', 'lu177_candidate', 'prior_prrt', 'coagulopathy_uncorrectable',
  'prior_liver_ebrt', 'prior_y90', 'lung_shunt_fraction_pct', 'planned_activity_gbq',
];

function omissionProfiles(seed: number, count: number, omitRate: number, nullRate: number): OmissionProfile[] {
  const g = new Rng(seed);
  const out: OmissionProfile[] = [];
  for (let i = 0; i < count; i++) {
    const omit: Record<CaseFactKey, boolean | undefined> = blankFacts();
    for (const k of OMITTABLE) omit[k] = g.chance(omitRate);
    out.push({ omit, nullRate });
  }
  return out;
}
/** Complete work-ups (and, for a third of them, nothing left out at all). */
const PROFILES_FULL = [...omissionProfiles(0x5eed0, 1, 0, 0.01), ...omissionProfiles(0x5eed1, 2, 0.04, 0.01)];
const PROFILES_USUAL = [...omissionProfiles(0x5eed0, 1, 0, 0.02), ...omissionProfiles(0x5eed2, 11, 0.08, 0.02)];
/** Early referrals: most facts not yet gathered. */
const PROFILES_SPARSE = omissionProfiles(0x5eed3, 4, 0.6, 0.05);

/** Every fact key, unset: one fixed object shape, so the builders' writes stay on V8's fast path. */
function blankFacts(): Record<CaseFactKey, undefined> {
  return {
    primary_tumor: undefined, line_of_therapy: undefined, prior_systemic_lines: undefined, first_line_backbone: undefined,
    best_response_first_line: undefined, cumulative_oxaliplatin_neuropathy_grade: undefined, prior_chemo_agents: undefined,
    prior_hepatotoxic_chemo: undefined, liver_dominant: undefined, extrahepatic_disease: undefined, extrahepatic_sites: undefined,
    extrahepatic_progression: undefined, resectable_or_ablatable: undefined, bilobar: undefined, liver_replacement_pct: undefined,
    lesion_count: undefined, nodules: undefined, largest_nodule_cm: undefined, well_defined_nodules: undefined,
    selective_access: undefined, ecog: undefined, age: undefined, frail: undefined, expected_survival_months: undefined,
    height_cm: undefined, weight_kg: undefined, bilirubin_mg_dl: undefined, bilirubin_reversible_cause: undefined,
    albumin_g_dl: undefined, inr: undefined, creatinine_mg_dl: undefined, sodium_mmol_l: undefined,
    granulocytes_10e9_l: undefined, coagulopathy_uncorrectable: undefined, recent_chemo_not_safe_with_y90: undefined,
    ascites: undefined, encephalopathy: undefined, cirrhosis: undefined, etiology: undefined, bclc_stage: undefined,
    portal_vein: undefined, biliary: undefined, varices_untreated_high_risk: undefined, lung_shunt_fraction_pct: undefined,
    hepatoenteric_shunt_uncorrectable: undefined, planned_device: undefined, planned_activity_gbq: undefined,
    prior_lung_dose_gy: undefined, prior_liver_ebrt: undefined, prior_y90: undefined, kras_status: undefined,
    primary_sidedness: undefined, primary_resected: undefined, net_primary_site: undefined, net_grade: undefined,
    net_ki67_pct: undefined, hormone_symptoms: undefined, bulk_symptoms: undefined, on_ssa: undefined,
    progressing_on_ssa: undefined, sstr_positive: undefined, lu177_candidate: undefined, prior_prrt: undefined,
    resectable: undefined, ablatable: undefined, potentially_resectable: undefined, future_liver_remnant_pct: undefined,
    clinically_significant_portal_hypertension: undefined, macrovascular_invasion: undefined, total_tumour_diameter_cm: undefined,
    afp_ng_ml: undefined, prior_liver_transplant: undefined, transplant_ineligible: undefined, autoimmune_disease: undefined,
    recent_gi_bleeding: undefined, largest_lesion_cm: undefined, node_positive_primary: undefined,
    disease_free_interval_months: undefined, cea_ng_ml: undefined, hai_program_available: undefined, hla_a0201_positive: undefined,
  };
}

class CaseBuilder {
  /**
   * Scratch record of every fact as the clinical situation has it (undefined = does not arise). Builders write
   * named fields (`b.f.age = …`) so V8 keeps one hidden class; `factsFor` applies the omission profile and
   * turns it into the case's facts.
   */
  f: Facts = blankFacts();
  profile: OmissionProfile;

  constructor(readonly g: Rng, profile: OmissionProfile) { this.profile = profile; }

  reset(profile: OmissionProfile): void {
    this.profile = profile;
    this.f = blankFacts();
  }

  /** A fact as the referral gives it: unknown (null) where the profile omits it or by chance. */
  v<T>(value: T | null | undefined, omitted: boolean | undefined): T | null {
    return omitted === true || this.g.next() < this.profile.nullRate ? null : value ?? null;
  }
}

interface Ctx {
  b: CaseBuilder;
  g: Rng;
  sex: Sex;
  age: number;
  ecog: number;
  diagnosis: string;
  question: string;
  /** Share of referrals in this situation that already carry the Y-90 work-up (MAA, device). */
  y90Workup: number;
  y90Device: 'resin' | 'glass' | null;
  /** Range of expected survival (months) when the referrer states one; null = derive from ECOG. */
  survival: readonly [number, number] | null;
}

function ecogFor(g: Rng, primary: PrimaryTumor, age: number): number {
  const e = g.w(primary === 'hcc' ? ECOG_MIX_HCC : ECOG_MIX);
  return age >= 80 && e < 2 && g.chance(0.2) ? e + 1 : e;
}

/** Labs of a non-cirrhotic liver with metastases (the HCC builder sets its own). */
function metastaticLabs(c: Ctx, burden: number): void {
  const { b, g } = c;
  const sick = burden > 50 || c.ecog >= 2;
  const biliRoll = g.next();
  let bili = biliRoll < 0.86 ? g.uniform(0.3, 1.2) : biliRoll < 0.96 ? g.uniform(1.2, 2.0) : g.uniform(2.0, 4.0);
  if (sick && g.chance(0.2)) bili = g.uniform(1.2, 3.5);
  bili = r1(bili);
  const alb = r1(sick ? g.uniform(2.5, 4.0) : g.next() < 0.9 ? g.uniform(3.4, 4.8) : g.uniform(2.8, 3.4));
  const inr = r1(g.next() < 0.9 ? g.uniform(0.9, 1.2) : g.uniform(1.2, 1.6));
  b.f.bilirubin_mg_dl = bili;
  b.f.albumin_g_dl = alb;
  b.f.inr = inr;
  b.f.creatinine_mg_dl = r2(g.next() < 0.92 ? g.uniform(0.6, 1.3) : g.uniform(1.3, 2.2));
  b.f.sodium_mmol_l = g.next() < 0.9 ? g.int(135, 145) : g.int(128, 134);
  b.f.granulocytes_10e9_l = r1(g.next() < 0.93 ? g.uniform(1.8, 7.5) : g.uniform(0.8, 1.8));
  const ascitesRoll = g.next();
  b.f.ascites = burden > 40 && ascitesRoll < 0.15 ? 'mild' : ascitesRoll < 0.02 ? 'mild' : ascitesRoll < 0.025 ? 'moderate_severe' : 'none';
  b.f.encephalopathy = 'none';
  b.f.cirrhosis = g.chance(0.6) ? g.chance(0.02) : null;
  const biliary = g.w(BILIARY_MIX);
  b.f.biliary = biliary;
  if (bili > 2) b.f.bilirubin_reversible_cause = biliary === 'obstruction' || biliary === 'stent' ? g.chance(0.7) : false;
}

/** Facts every referral starts with: the primary, the person and their fitness. */
function baseFacts(c: Ctx, primary: PrimaryTumor): void {
  const { b, g } = c;
  b.f.primary_tumor = primary;
  b.f.age = c.age;
  b.f.ecog = c.ecog;
  b.f.frail = c.age >= 75 ? g.chance(0.3) : c.ecog >= 2 ? g.chance(0.25) : g.chance(0.03);
  const male = c.sex === 'male' || (c.sex !== 'female' && g.chance(0.5));
  const height = Math.round(male ? g.normal(176, 7, 155, 200) : g.normal(163, 6.5, 145, 185));
  const bmi = g.normal(c.ecog >= 2 ? 23 : 26.5, 4, 16.5, 42);
  const measured = g.chance(0.85);
  b.f.height_cm = measured ? height : null;
  b.f.weight_kg = measured ? r1((bmi * height * height) / 10000) : null;
}

/** Facts that come with the interventional work-up; the Y-90 set only on a subset of referrals. */
function workupFacts(c: Ctx): void {
  const { b, g } = c;
  // Random gaps are written as null ("not known"), never as absent keys: see OmissionProfile.
  const [lo, hi] = c.survival ?? (c.ecog >= 3 ? [1, 6] : c.ecog === 2 ? [3, 18] : [6, 72]);
  b.f.expected_survival_months = g.chance(c.survival ? 0.5 : 0.35) ? g.int(lo, hi) : null;
  // Safety facts that an interventional radiology work-up records explicitly (mostly reassuring).
  b.f.coagulopathy_uncorrectable = g.chance(0.5) ? g.chance(0.01) : null;
  b.f.prior_liver_ebrt = g.chance(0.4) ? g.chance(0.02) : null;
  const priorY90 = g.chance(0.04);
  b.f.prior_y90 = priorY90 || g.chance(0.4) ? priorY90 : null;
  if (priorY90) b.f.prior_lung_dose_gy = r1(g.uniform(3, 35));
  if (g.chance(c.y90Workup)) {
    const roll = g.next();
    const lsf = roll < 0.8 ? g.uniform(2, 10) : roll < 0.95 ? g.uniform(10, 20) : g.uniform(20, 25);
    b.f.lung_shunt_fraction_pct = r1(lsf);
    b.f.hepatoenteric_shunt_uncorrectable = g.chance(0.03);
    const device = c.y90Device ?? (g.chance(0.5) ? 'resin' : 'glass');
    const planned = g.chance(0.9);
    b.f.planned_device = planned ? device : null;
    b.f.planned_activity_gbq = planned ? (device === 'glass' ? r1(g.uniform(1.5, 6)) : r2(g.uniform(0.8, 2.2))) : null;
    if (b.f.selective_access === undefined) b.f.selective_access = g.chance(0.92);
  }
}

function extrahepatic(c: Ctx, mix: readonly [number, number, number], sites: readonly string[]): 'none' | 'limited' | 'dominant' {
  const { b, g } = c;
  const r = g.next() * (mix[0] + mix[1] + mix[2]);
  const ehd = r < mix[0] ? 'none' : r < mix[0] + mix[1] ? 'limited' : 'dominant';
  b.f.extrahepatic_disease = ehd;
  if (ehd !== 'none') {
    const n = ehd === 'dominant' ? g.int(1, 3) : g.int(1, 2);
    const chosen: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = g.pick(sites);
      if (!chosen.includes(s)) chosen.push(s);
    }
    b.f.extrahepatic_sites = chosen;
    b.f.extrahepatic_progression = g.chance(ehd === 'dominant' ? 0.6 : 0.25);
  } else {
    b.f.extrahepatic_progression = g.chance(0.4) ? false : null;
  }
  b.f.liver_dominant = ehd === 'dominant' ? g.chance(0.1) : true;
  return ehd;
}

function metastaticBurden(c: Ctx, maxPct: number): { bilobar: boolean; pct: number; lesions: number } {
  const { b, g } = c;
  const roll = g.next();
  const lesions = roll < 0.25 ? g.int(1, 3) : roll < 0.75 ? g.int(4, 12) : g.int(13, 40);
  const bilobar = lesions > 3 ? g.chance(0.85) : g.chance(0.2);
  const pct = Math.round(Math.min(maxPct, lesions <= 3 ? g.uniform(2, 20) : g.uniform(8, maxPct) * (bilobar ? 1 : 0.6)));
  b.f.lesion_count = lesions;
  b.f.bilobar = bilobar;
  b.f.liver_replacement_pct = pct;
  return { bilobar, pct, lesions };
}

// --- colorectal -------------------------------------------------------------------------------------------

const CRC_LEFT = ['Sigmoid', 'Rectal', 'Rectosigmoid', 'Descending colon', 'Splenic flexure'];
const CRC_RIGHT = ['Caecal', 'Ascending colon', 'Hepatic flexure', 'Transverse colon'];
const KRAS_VARIANTS = ['KRAS G12D', 'KRAS G12V', 'KRAS G13D', 'KRAS G12C', 'KRAS G12A', 'KRAS Q61H'];

function colorectal(c: Ctx): void {
  const { b, g } = c;
  const line = g.w(CRC_LINE_MIX);
  const left = g.chance(0.7);
  const site = g.pick(left ? CRC_LEFT : CRC_RIGHT);
  const krasRoll = g.next();
  const kras = krasRoll < 0.45 ? 'mutant' : krasRoll < 0.9 ? 'wild_type' : 'unknown';
  const synchronous = g.chance(0.6);
  const resected = synchronous ? g.chance(line === 'chemo_naive' ? 0.25 : 0.55) : true;
  const backbone = line === 'chemo_naive' ? null : g.w(BACKBONE_MIX);
  const lines = line === 'chemo_naive' ? 0 : line === 'salvage_after_2_lines' ? g.int(2, 4) : 1;
  const firstReg = backbone === 'oxaliplatin' ? g.pick(['FOLFOX', 'CAPOX', 'FOLFOX']) : backbone === 'irinotecan' ? 'FOLFIRI' : 'capecitabine';
  const biologic = kras === 'wild_type' && left ? g.pick(['panitumumab', 'cetuximab', 'bevacizumab']) : 'bevacizumab';
  const withBiologic = g.chance(0.75);
  const regimen = withBiologic && backbone !== 'other' ? `${firstReg}-${biologic}` : firstReg;

  b.f.line_of_therapy = line;
  b.f.prior_systemic_lines = lines;
  b.f.primary_sidedness = left ? 'left' : 'right';
  b.f.kras_status = kras;
  b.f.primary_resected = resected;
  if (backbone) {
    b.f.first_line_backbone = backbone;
    const response = line === 'consolidation_after_first_line'
      ? g.w(RESPONSE_CONSOLIDATION)
      : g.w(RESPONSE_BEFORE_PROGRESSION);
    b.f.best_response_first_line = response;
    const agents = backbone === 'oxaliplatin' ? ['5-fluorouracil', 'oxaliplatin'] : backbone === 'irinotecan' ? ['5-fluorouracil', 'irinotecan'] : ['capecitabine'];
    if (firstReg === 'CAPOX') agents[0] = 'capecitabine';
    if (withBiologic && backbone !== 'other') agents.push(biologic);
    if (lines >= 2) {
      agents.push(backbone === 'irinotecan' ? 'oxaliplatin' : 'irinotecan');
      if (lines >= 3) agents.push(g.pick(['trifluridine/tipiracil', 'regorafenib', 'fruquintinib']));
      if (lines >= 4) agents.push(g.pick(['regorafenib', 'encorafenib', 'sotorasib']));
    }
    b.f.prior_chemo_agents = agents;
    const hadOx = agents.includes('oxaliplatin');
    if (hadOx) b.f.cumulative_oxaliplatin_neuropathy_grade = g.w(NEUROPATHY_MIX);
    b.f.prior_hepatotoxic_chemo = hadOx || agents.includes('irinotecan') ? g.chance(0.8) : false;
    b.f.recent_chemo_not_safe_with_y90 = g.chance(0.5) ? g.chance(0.12) : null;
  }
  const ehd = extrahepatic(c, [55, 35, 10], ['lung', 'peritoneum', 'retroperitoneal lymph nodes', 'bone', 'lung', 'ovary']);
  const burden = metastaticBurden(c, 75);
  const resectable = line === 'chemo_naive' ? g.chance(0.3) : burden.lesions <= 3 ? g.chance(0.3) : g.chance(0.05);
  b.f.resectable_or_ablatable = resectable;
  metastaticLabs(c, burden.pct);

  const molecular = kras === 'mutant' ? g.pick(KRAS_VARIANTS) : kras === 'wild_type' ? g.pick(['RAS/BRAF wild-type', 'RAS wild-type', 'KRAS wild-type']) : 'RAS status pending';
  const resectionName = site === 'Rectal' ? g.pick(['anterior resection', 'APR']) : left ? 'sigmoid resection' : 'right hemicolectomy';
  const primaryText = resected ? `, s/p ${resectionName} ${REF_Y - g.int(0, 3)}` : '';
  const dominantSite = g.pick(['lung', 'peritoneal', 'bone']);
  const sitesText = ehd === 'none' ? '' : ehd === 'limited' ? `, ${g.pick(['small-volume lung nodules', 'two lung nodules', 'peritoneal deposit', 'para-aortic nodes'])}`
    : `, ${dominantSite === 'lung' ? 'widespread lung metastases' : dominantSite === 'bone' ? 'multiple bone metastases' : 'peritoneal carcinomatosis'}`;
  c.diagnosis = `${site} adenocarcinoma (${molecular})${primaryText}, ${synchronous ? 'synchronous' : 'metachronous'} ${burden.bilobar ? 'bilobar' : 'unilobar'} liver metastases${sitesText}`;

  const alt = backbone === 'irinotecan' ? 'FOLFOX' : 'FOLFIRI';
  let q: string;
  if (resectable) {
    q = g.pick([
      `Resectable? ${burden.lesions} lesions, ${burden.bilobar ? 'both lobes' : 'right lobe'}. Surgery or ablation upfront, or perioperative chemotherapy first?`,
      'Please review for hepatectomy/ablation after good response. Future liver remnant adequate?',
      'Candidate for two-stage hepatectomy or combined resection and microwave ablation?',
    ]);
  } else if (ehd === 'dominant') {
    q = `${dominantSite === 'lung' ? 'Lung-dominant' : dominantSite === 'bone' ? 'Bone-dominant' : 'Peritoneal'} progression. Is any liver-directed treatment still useful, or continue systemic therapy?`;
  } else if (c.ecog >= 3) {
    q = `ECOG ${c.ecog}, deteriorating. Any liver-directed option left, or best supportive care?`;
  } else {
    switch (line) {
      case 'chemo_naive':
        q = g.pick([
          'Unresectable at presentation: start FOLFOXIRI-bevacizumab and re-stage for conversion?',
          'Is there a role for SIRT alongside first-line chemotherapy?',
          'Liver-only disease, not resectable. First-line chemotherapy and re-discuss after 4 cycles?',
        ]);
        break;
      case 'consolidation_after_first_line':
        q = g.pick([
          `${g.pick(['Partial response', 'Stable disease'])} after 12 cycles of ${regimen}; liver-dominant disease. Consolidation Y-90 or switch to maintenance?`,
          `Neuropathy after ${regimen} induction. Treatment break, maintenance capecitabine-bevacizumab or consolidation SIRT?`,
        ]);
        break;
      case 'second_line':
        q = g.pick([
          `Candidate for Y-90 after progression on ${regimen}?`,
          `Progression on first-line ${regimen}: add SIRT to second-line ${alt} (EPOCH approach)?`,
          `Liver progression on ${firstReg}. Second-line ${alt} alone or with radioembolisation?`,
        ]);
        break;
      default:
        q = g.pick([
          'Liver-only progression after FOLFOX and FOLFIRI. Salvage radioembolisation vs trifluridine/tipiracil-bevacizumab?',
          `Chemorefractory, liver-dominant disease after ${lines}. Salvage SIRT?`,
          'Refractory to oxaliplatin and irinotecan. Y-90 or trial referral?',
        ]);
    }
  }
  c.question = q;
  c.y90Workup = line === 'chemo_naive' ? 0.03 : line === 'salvage_after_2_lines' ? 0.45 : 0.25;
  c.y90Device = g.chance(0.75) ? 'resin' : 'glass';
}

// --- neuroendocrine ---------------------------------------------------------------------------------------

function neuroendocrine(c: Ctx): void {
  const { b, g } = c;
  const site = g.w(NET_SITE_MIX);
  const grade = g.w(NET_GRADE_MIX);
  const ki67 = grade === 'G1' ? r1(g.uniform(0.5, 2.9)) : grade === 'G2' ? Math.round(g.uniform(3, 20)) : Math.round(g.uniform(21, 55));
  const sstr = grade === 'G3' ? g.chance(0.5) : g.chance(0.92);
  const priorPrrt = sstr && grade !== 'G3' && g.chance(0.15);
  const onSsa = sstr && g.chance(priorPrrt ? 0.8 : 0.7);
  const progressing = onSsa && g.chance(0.4);
  const hormone = site === 'midgut_ileum' ? g.chance(0.45) : site === 'pancreas' ? g.chance(0.15) : g.chance(0.1);
  const bulk = g.chance(0.2);
  const chemo = grade === 'G3' || (site === 'pancreas' && g.chance(0.35));
  const lines = chemo ? g.int(1, 3) : 0;
  const ssa = g.pick(['octreotide LAR 30 mg', 'lanreotide 120 mg']);

  b.f.line_of_therapy = priorPrrt ? 'post_prrt' : chemo ? (lines >= 2 ? 'salvage_after_2_lines' : 'second_line') : 'not_applicable';
  b.f.prior_systemic_lines = lines + (onSsa ? 1 : 0) + (priorPrrt ? 1 : 0);
  b.f.net_primary_site = site;
  b.f.net_grade = grade;
  b.f.net_ki67_pct = ki67;
  b.f.sstr_positive = sstr;
  b.f.on_ssa = onSsa;
  if (onSsa) b.f.progressing_on_ssa = progressing;
  b.f.hormone_symptoms = hormone;
  b.f.bulk_symptoms = bulk;
  b.f.prior_prrt = priorPrrt;
  b.f.lu177_candidate = sstr && grade !== 'G3' ? (priorPrrt ? g.chance(0.2) : g.chance(0.85)) : false;
  if (site !== 'unknown') b.f.primary_resected = site === 'midgut_ileum' ? g.chance(0.7) : g.chance(0.35);
  const agents: string[] = [];
  if (onSsa) agents.push(ssa.startsWith('oct') ? 'octreotide' : 'lanreotide');
  if (priorPrrt) agents.push('177Lu-dotatate');
  if (chemo) agents.push(...(grade === 'G3' ? ['cisplatin', 'etoposide', 'temozolomide'] : ['capecitabine', 'temozolomide', 'everolimus']).slice(0, lines + 1));
  if (agents.length) b.f.prior_chemo_agents = agents;
  b.f.prior_hepatotoxic_chemo = chemo ? g.chance(0.5) : false;
  c.survival = grade === 'G3' ? [6, 24] : [24, 120];
  extrahepatic(c, [60, 32, 8], ['bone', 'mesenteric lymph nodes', 'peritoneum', 'lung']);
  const burden = metastaticBurden(c, 85);
  b.f.resectable_or_ablatable = burden.lesions <= 3 ? g.chance(0.3) : g.chance(0.03);
  metastaticLabs(c, burden.pct);

  const siteText = site === 'midgut_ileum' ? 'small-intestinal (ileal) NET'
    : site === 'pancreas' ? 'pancreatic NET'
    : site === 'lung' ? (grade === 'G1' ? 'bronchial typical carcinoid' : 'bronchial atypical carcinoid')
    : site === 'other' ? `${g.pick(['rectal', 'gastric', 'duodenal'])} NET` : 'NET of unknown primary';
  const syndrome = hormone ? `, ${site === 'pancreas' ? g.pick(['insulinoma syndrome', 'VIPoma syndrome', 'glucagonoma syndrome']) : 'carcinoid syndrome'}` : '';
  c.diagnosis = `${grade === 'G3' ? 'Well-differentiated' : g.pick(['Well-differentiated', 'WD'])} ${siteText} ${grade} (Ki-67 ${ki67}%), ${burden.bilobar ? 'bilobar' : 'unilobar'} liver metastases${syndrome}${sstr ? ', SSTR-positive' : ''}`;

  let q: string;
  if (grade === 'G3') q = `NET G3 (Ki-67 ${ki67}%): systemic therapy only, or a role for liver-directed treatment for ${bulk ? 'bulk' : 'symptom'} control?`;
  else if (priorPrrt) q = `Liver-dominant progression ${g.int(9, 30)} months after 4 cycles of Lu-177 dotatate. Options for liver-directed therapy?`;
  else if (progressing && sstr && site === 'midgut_ileum') q = `Progression on ${ssa}, SSTR-positive on Ga-68 DOTATATE PET. PRRT first or embolisation?`;
  else if (hormone) q = `Persistent ${site === 'pancreas' ? 'hormonal symptoms' : 'flushing and diarrhoea'} on ${ssa}. Bland TAE, cTACE or Y-90 for symptom control?`;
  else if (bulk) q = 'Right upper quadrant pain from bulky liver metastases. Debulking embolisation?';
  else q = g.pick([
    'Liver-directed therapy now, keeping future PRRT open?',
    'Slowly progressive liver disease. Embolisation (which type?) or PRRT?',
    'Which liver-directed option? Patient keen to avoid systemic chemotherapy.',
  ]);
  c.question = q;
  c.y90Workup = 0.2;
  c.y90Device = g.chance(0.6) ? 'resin' : 'glass';
}

// --- hepatocellular carcinoma -----------------------------------------------------------------------------

const SEGMENTS = ['II', 'III', 'IVa', 'IVb', 'V', 'VI', 'VII', 'VIII'];

function hcc(c: Ctx): void {
  const { b, g } = c;
  const cirrhosis = g.chance(0.86);
  const etiology = g.w(ETIOLOGY_MIX);
  const cls = cirrhosis ? g.w(CP_CLASS_MIX) : 'A';
  // Child-Pugh items drawn by class; the score is then computed from the values, so labs and stage agree.
  const biliPts = cls === 'A' ? (g.chance(0.93) ? 1 : 2) : cls === 'B' ? g.w(CP_B_BILI) : g.w(CP_C_POINTS);
  const albPts = cls === 'A' ? (g.chance(0.82) ? 1 : 2) : cls === 'B' ? g.w(CP_B_ALB) : g.w(CP_C_POINTS);
  const inrPts = cls === 'A' ? (g.chance(0.96) ? 1 : 2) : cls === 'B' ? (g.chance(0.6) ? 1 : 2) : (g.chance(0.3) ? 1 : 2);
  const ascites = cls === 'A' ? (g.chance(0.95) ? 'none' : 'mild') : cls === 'B' ? g.w(CP_B_ASCITES) : g.w(CP_C_ASCITES);
  const enceph = cls === 'A' ? 'none' : cls === 'B' ? (g.chance(0.8) ? 'none' : 'grade1_2') : g.w(CP_C_ENCEPH);
  const bili = r1(biliPts === 1 ? g.uniform(0.3, 1.94) : biliPts === 2 ? g.uniform(2.0, 3.04) : g.uniform(3.1, 4.0));
  const alb = r1(albPts === 1 ? g.uniform(3.6, 4.8) : albPts === 2 ? g.uniform(2.8, 3.54) : g.uniform(2.5, 2.74));
  const inr = r1(inrPts === 1 ? g.uniform(0.9, 1.64) : g.uniform(1.7, 1.8));
  const cp = childPugh(bili, alb, inr, ascites, enceph);

  const sizeRoll = g.next();
  const nodules = sizeRoll < 0.45 ? 1 : sizeRoll < 0.7 ? g.int(2, 3) : sizeRoll < 0.95 ? g.int(4, 10) : g.int(11, 30);
  const largest = r1(nodules === 1 ? (g.chance(0.6) ? g.uniform(1.2, 5) : g.uniform(5, 12)) : nodules <= 3 ? g.uniform(1.5, 6) : g.uniform(2, 13));
  const portal = g.w(PORTAL_MIX);
  const ehd = g.w(HCC_EHD_MIX);
  const bilobar = nodules >= 4 ? g.chance(0.7) : nodules > 1 ? g.chance(0.3) : false;
  const pct = Math.round(Math.min(90, nodules === 1 ? largest * largest * 0.4 + 1 : nodules * largest * g.uniform(0.8, 1.6)));
  const wellDefined = nodules > 10 ? g.chance(0.3) : g.chance(0.9);
  const vascularInvasion = portal === 'branch_thrombus' || portal === 'tumoral_thrombus_main';

  // BCLC 2022: D = end-stage liver function or ECOG 3-4; C = vascular invasion, extrahepatic spread or
  // ECOG 1-2; 0 = single <= 2 cm; A = single, or up to 3 nodules <= 3 cm; otherwise B.
  const bclc = cp >= 10 || c.ecog >= 3 ? 'D'
    : vascularInvasion || ehd !== 'none' || c.ecog >= 1 ? 'C'
    : nodules === 1 && largest <= 2 && cp <= 6 ? '0'
    : nodules === 1 || (nodules <= 3 && largest <= 3) ? 'A' : 'B';
  const systemicLines = bclc === 'C' ? (g.chance(0.4) ? g.int(1, 2) : 0) : bclc === 'B' ? (g.chance(0.1) ? 1 : 0) : 0;
  const resectable = (bclc === '0' || bclc === 'A') && g.chance(0.45);

  b.f.bclc_stage = bclc;
  b.f.line_of_therapy = systemicLines === 0 ? 'not_applicable' : systemicLines === 1 ? 'second_line' : 'salvage_after_2_lines';
  b.f.prior_systemic_lines = systemicLines;
  if (systemicLines > 0) b.f.prior_chemo_agents = ['atezolizumab', 'bevacizumab', 'lenvatinib', 'sorafenib'].slice(0, systemicLines + 1);
  b.f.cirrhosis = cirrhosis;
  b.f.etiology = cirrhosis ? etiology : g.pick(['HBV', 'MASLD', 'none identified']);
  b.f.nodules = nodules;
  b.f.largest_nodule_cm = largest;
  b.f.well_defined_nodules = wellDefined;
  b.f.bilobar = bilobar;
  b.f.liver_replacement_pct = pct;
  b.f.portal_vein = portal;
  b.f.extrahepatic_disease = ehd;
  if (ehd !== 'none') {
    b.f.extrahepatic_sites = [g.pick(['lung', 'bone', 'adrenal', 'portal lymph nodes'])];
    b.f.extrahepatic_progression = g.chance(0.4);
  }
  b.f.liver_dominant = ehd !== 'dominant';
  b.f.resectable_or_ablatable = resectable;
  b.f.selective_access = g.chance(0.9);
  b.f.bilirubin_mg_dl = bili;
  b.f.albumin_g_dl = alb;
  b.f.inr = inr;
  b.f.ascites = ascites;
  b.f.encephalopathy = enceph;
  b.f.creatinine_mg_dl = r2(ascites !== 'none' && g.chance(0.3) ? g.uniform(1.2, 2.2) : g.next() < 0.92 ? g.uniform(0.6, 1.3) : g.uniform(1.3, 2.2));
  b.f.sodium_mmol_l = ascites !== 'none' ? g.int(128, 138) : g.int(134, 145);
  b.f.granulocytes_10e9_l = r1(cirrhosis && g.chance(0.2) ? g.uniform(1.0, 2.0) : g.uniform(1.8, 6.5));
  b.f.varices_untreated_high_risk = cirrhosis ? g.chance(cls === 'A' ? 0.05 : 0.15) : false;
  const biliary = g.chance(0.96) ? 'normal' : g.pick(['sphincterotomy', 'stent', 'obstruction'] as const);
  b.f.biliary = biliary;
  if (bili > 2) b.f.bilirubin_reversible_cause = biliary === 'obstruction' ? g.chance(0.5) : false;
  b.f.recent_chemo_not_safe_with_y90 = g.chance(0.5) ? false : null;

  const liver = cirrhosis
    ? `${etiology === 'alcohol' ? 'alcohol-related' : etiology === 'HCV and alcohol' ? 'HCV- and alcohol-related' : etiology} cirrhosis`
    : 'non-cirrhotic liver';
  const tumour = nodules === 1 ? `Solitary ${largest} cm HCC (segment ${g.pick(SEGMENTS)})` : nodules > 10 ? `Multifocal HCC (>10 nodules, largest ${largest} cm)` : `Multinodular HCC (${nodules} nodules, largest ${largest} cm)`;
  const pvText = portal === 'branch_thrombus' ? ', right portal branch tumour thrombus' : portal === 'tumoral_thrombus_main' ? ', main portal vein tumour thrombus' : portal === 'bland_occlusion_main' ? ', bland main portal vein thrombosis' : '';
  c.diagnosis = `${tumour} on ${liver}${pvText}, BCLC ${bclc}, Child-Pugh ${cpLabel(cp)}`;

  let q: string;
  switch (bclc) {
    case '0':
    case 'A':
      q = resectable
        ? g.pick([`Ablation or resection for a ${largest} cm lesion?`, 'Listed for transplant: bridging with TACE or microwave ablation?'])
        : g.pick([
          `Single ${largest} cm HCC not suitable for ablation (subdiaphragmatic). TACE or radiation segmentectomy with Y-90?`,
          'Not a surgical candidate (portal hypertension). Segmental Y-90 or cTACE?',
        ]);
      break;
    case 'B':
      q = g.pick([
        `TACE or TARE? BCLC B, Child-Pugh ${cpLabel(cp)}.`,
        'Multinodular HCC beyond up-to-7. Downstaging with TACE for transplant?',
        'Progression after two sessions of DEB-TACE. Switch to Y-90 or systemic therapy?',
      ]);
      break;
    case 'C':
      q = vascularInvasion
        ? 'Portal vein tumour thrombus: atezolizumab-bevacizumab alone, or combined with Y-90?'
        : ehd !== 'none' ? 'Extrahepatic spread: systemic therapy only, or liver-directed treatment for the dominant liver disease?'
        : `ECOG ${c.ecog}, otherwise intermediate-stage disease. TACE still reasonable, or systemic therapy?`;
      break;
    default:
      q = `Decompensated (Child-Pugh ${cpLabel(cp)}), ECOG ${c.ecog}: any role for locoregional therapy, or palliative care/transplant assessment?`;
  }
  c.question = q;
  c.y90Workup = bclc === 'D' ? 0.02 : 0.3;
  c.y90Device = g.chance(0.7) ? 'glass' : 'resin';
}

// --- other primaries ---------------------------------------------------------------------------------------

interface OtherVariant {
  dx: string;
  /** Systemic agents in the order this tumour is usually treated. */
  agents: readonly string[];
  resected?: boolean;
}
interface OtherSpec {
  variants: readonly OtherVariant[];
  ehd: readonly [number, number, number];
  sites: readonly string[];
  /** Questions for pretreated patients; `{last}` = last agent, `{lines}` = prior lines ("2 lines"). */
  questions: readonly string[];
}

const OTHER: Record<Exclude<PrimaryTumor, 'colorectal' | 'neuroendocrine' | 'hcc'>, OtherSpec> = {
  breast: {
    variants: [
      { dx: 'ER+/HER2− invasive ductal breast carcinoma', agents: ['letrozole', 'palbociclib', 'fulvestrant', 'capecitabine', 'paclitaxel', 'eribulin'] },
      { dx: 'ER+/HER2− invasive lobular breast carcinoma', agents: ['anastrozole', 'ribociclib', 'fulvestrant', 'capecitabine', 'trastuzumab deruxtecan'] },
      { dx: 'HER2-positive breast carcinoma', agents: ['paclitaxel', 'trastuzumab', 'pertuzumab', 'trastuzumab deruxtecan', 'tucatinib'] },
      { dx: 'Triple-negative breast carcinoma', agents: ['paclitaxel', 'pembrolizumab', 'sacituzumab govitecan', 'capecitabine'] },
    ],
    ehd: [35, 50, 15], sites: ['bone', 'mediastinal lymph nodes', 'lung', 'pleura'],
    questions: ['Liver-dominant progression on {last}. Radioembolisation for liver control?', 'Liver progressing after {lines}. Any liver-directed option?', 'Oligoprogression in the liver: SBRT, ablation or Y-90?'],
  },
  melanoma: {
    variants: [
      { dx: 'Cutaneous melanoma (BRAF V600E)', agents: ['nivolumab', 'ipilimumab', 'dabrafenib', 'trametinib'] },
      { dx: 'Cutaneous melanoma (BRAF wild-type)', agents: ['nivolumab', 'relatlimab', 'ipilimumab'] },
      { dx: 'Acral melanoma', agents: ['nivolumab', 'ipilimumab'] },
      { dx: 'Mucosal (anorectal) melanoma', agents: ['pembrolizumab', 'ipilimumab', 'nivolumab'] },
    ],
    ehd: [30, 50, 20], sites: ['lung', 'subcutaneous', 'brain', 'lymph nodes'],
    questions: ['Liver progression on {last}, other sites responding. Liver-directed therapy?', 'Mixed response to immunotherapy with liver progression. Y-90 or TACE?'],
  },
  uveal_melanoma: {
    variants: [
      { dx: 'Choroidal melanoma, enucleated, HLA-A*02:01-positive', agents: ['tebentafusp', 'ipilimumab', 'nivolumab'], resected: true },
      { dx: 'Uveal melanoma after ruthenium brachytherapy, HLA-A*02:01-negative', agents: ['ipilimumab', 'nivolumab'], resected: true },
      { dx: 'Ciliary body melanoma (monosomy 3), enucleated', agents: ['tebentafusp', 'nivolumab', 'ipilimumab'], resected: true },
    ],
    ehd: [75, 20, 5], sites: ['bone', 'lung', 'subcutaneous'],
    questions: ['Liver metastases progressing after {last}. Y-90, TACE or percutaneous hepatic perfusion?', 'Liver-dominant disease after {lines}. Liver-directed therapy or trial?'],
  },
  sarcoma: {
    variants: [
      { dx: 'Uterine leiomyosarcoma, s/p hysterectomy', agents: ['doxorubicin', 'trabectedin', 'gemcitabine', 'docetaxel'], resected: true },
      { dx: 'Retroperitoneal leiomyosarcoma', agents: ['doxorubicin', 'dacarbazine', 'trabectedin'] },
      { dx: 'Gastric GIST (KIT exon 11)', agents: ['imatinib', 'sunitinib', 'regorafenib', 'ripretinib'] },
      { dx: 'Malignant solitary fibrous tumour', agents: ['pazopanib', 'doxorubicin', 'temozolomide'] },
    ],
    ehd: [45, 40, 15], sites: ['lung', 'peritoneum', 'bone'],
    questions: ['Liver-dominant progression on {last}. Any role for TARE?', 'Resection not feasible. Embolisation or ablation of the dominant liver lesions?'],
  },
  lung: {
    variants: [
      { dx: 'NSCLC adenocarcinoma (EGFR exon 19 deletion)', agents: ['osimertinib', 'carboplatin', 'pemetrexed', 'amivantamab'] },
      { dx: 'NSCLC adenocarcinoma (ALK-rearranged)', agents: ['alectinib', 'lorlatinib', 'carboplatin', 'pemetrexed'] },
      { dx: 'NSCLC adenocarcinoma, PD-L1 80%', agents: ['pembrolizumab', 'carboplatin', 'pemetrexed', 'docetaxel'] },
      { dx: 'Squamous cell lung carcinoma', agents: ['carboplatin', 'paclitaxel', 'pembrolizumab', 'docetaxel'] },
    ],
    ehd: [15, 60, 25], sites: ['lung', 'bone', 'adrenal', 'brain', 'mediastinal lymph nodes'],
    questions: ['Oligoprogression in the liver on {last}. SBRT vs Y-90?', 'Liver-dominant progression, thoracic disease controlled. Liver-directed therapy to stay on current systemic treatment?'],
  },
  pancreatic_adenocarcinoma: {
    variants: [
      { dx: 'Pancreatic head adenocarcinoma, s/p Whipple', agents: ['gemcitabine', 'capecitabine', 'oxaliplatin', 'irinotecan', '5-fluorouracil'], resected: true },
      { dx: 'Pancreatic body adenocarcinoma', agents: ['oxaliplatin', 'irinotecan', '5-fluorouracil', 'gemcitabine', 'nab-paclitaxel'] },
      { dx: 'Pancreatic tail adenocarcinoma, s/p distal pancreatectomy', agents: ['gemcitabine', 'capecitabine', 'nab-paclitaxel'], resected: true },
    ],
    ehd: [50, 35, 15], sites: ['peritoneum', 'lung', 'lymph nodes'],
    questions: ['Liver-dominant progression on {last}. Is Y-90 an option outside a trial?', 'Stable primary, progressing liver metastases. Liver-directed treatment or clinical trial?'],
  },
  cholangiocarcinoma: {
    variants: [
      { dx: 'Intrahepatic cholangiocarcinoma, multifocal', agents: ['gemcitabine', 'cisplatin', 'durvalumab', 'oxaliplatin'] },
      { dx: 'Intrahepatic cholangiocarcinoma (IDH1-mutant)', agents: ['gemcitabine', 'cisplatin', 'durvalumab', 'ivosidenib'] },
      { dx: 'Intrahepatic cholangiocarcinoma (FGFR2 fusion)', agents: ['gemcitabine', 'cisplatin', 'pembrolizumab', 'pemigatinib'] },
      { dx: 'Mass-forming intrahepatic cholangiocarcinoma', agents: ['gemcitabine', 'cisplatin', 'durvalumab'] },
    ],
    ehd: [55, 35, 10], sites: ['hilar lymph nodes', 'peritoneum', 'lung'],
    questions: ['Unresectable intrahepatic cholangiocarcinoma, progressing on {last}. Y-90?', 'Resection not possible (vascular involvement). Radioembolisation alongside systemic therapy?', 'Downstaging to resection with Y-90?'],
  },
  other: {
    variants: [
      { dx: 'Oesophageal adenocarcinoma', agents: ['5-fluorouracil', 'oxaliplatin', 'docetaxel', 'nivolumab'] },
      { dx: 'Gastric adenocarcinoma', agents: ['5-fluorouracil', 'oxaliplatin', 'nivolumab', 'paclitaxel', 'ramucirumab'] },
      { dx: 'Clear cell renal cell carcinoma, s/p nephrectomy', agents: ['pembrolizumab', 'axitinib', 'cabozantinib'], resected: true },
      { dx: 'High-grade serous ovarian carcinoma', agents: ['carboplatin', 'paclitaxel', 'olaparib', 'bevacizumab'] },
      { dx: 'Adenocarcinoma of unknown primary (CK7+/CK20−)', agents: ['carboplatin', 'paclitaxel'], resected: false },
      { dx: 'Adrenocortical carcinoma', agents: ['mitotane', 'etoposide', 'doxorubicin', 'cisplatin'] },
      { dx: 'Endometrial carcinoma, s/p hysterectomy', agents: ['carboplatin', 'paclitaxel', 'pembrolizumab', 'lenvatinib'], resected: true },
    ],
    ehd: [35, 45, 20], sites: ['lung', 'bone', 'peritoneum', 'lymph nodes'],
    questions: ['Liver-dominant progression after {lines} of systemic therapy. Is radioembolisation or chemoembolisation reasonable?', 'Progressing on {last}. Any liver-directed option, or trial referral?'],
  },
};
const FEMALE_ONLY_DX = ['ovarian', 'Endometrial', 'Uterine'];

function otherPrimary(c: Ctx, primary: keyof typeof OTHER): void {
  const { b, g } = c;
  const spec = OTHER[primary];
  let variant = g.pick(spec.variants);
  if (c.sex !== 'female') for (let k = 0; k < 4 && FEMALE_ONLY_DX.some((w) => variant.dx.includes(w)); k++) variant = g.pick(spec.variants);
  if (c.sex !== 'female' && FEMALE_ONLY_DX.some((w) => variant.dx.includes(w))) variant = spec.variants[0] as OtherVariant;
  const lines = g.w(OTHER_LINES_MIX);
  b.f.line_of_therapy = lines === 0 ? 'chemo_naive' : lines === 1 ? 'second_line' : 'salvage_after_2_lines';
  b.f.prior_systemic_lines = lines;
  const agents = lines === 0 ? [] : variant.agents.slice(0, Math.min(variant.agents.length, lines + g.int(0, 1)));
  if (agents.length) b.f.prior_chemo_agents = agents;
  b.f.prior_hepatotoxic_chemo = agents.some((a) => a === 'oxaliplatin' || a === 'irinotecan' || a === 'gemcitabine' || a === 'doxorubicin') ? g.chance(0.4) : false;
  if (primary !== 'cholangiocarcinoma') b.f.primary_resected = variant.resected ?? g.chance(0.4);
  const ehd = extrahepatic(c, spec.ehd, spec.sites);
  const burden = metastaticBurden(c, 80);
  b.f.resectable_or_ablatable = burden.lesions <= 2 ? g.chance(0.25) : false;
  metastaticLabs(c, burden.pct);
  if (primary === 'pancreatic_adenocarcinoma' && variant.dx.includes('Whipple')) b.f.biliary = 'bilioenteric_anastomosis';
  if (primary === 'cholangiocarcinoma') {
    if (g.chance(0.12)) b.f.biliary = 'stent'; // replaces metastaticLabs' value; key set unchanged
    b.f.cirrhosis = g.chance(0.1);
  }

  const where = primary === 'cholangiocarcinoma'
    ? (burden.bilobar ? ', bilobar' : ', unilobar')
    : `, ${burden.bilobar ? 'bilobar' : 'unilobar'} liver metastases${ehd === 'none' ? ' (liver-only)' : ''}`;
  c.diagnosis = `${variant.dx}${where}`;
  const last = agents[agents.length - 1];
  c.question = last === undefined
    ? g.pick([
      'Treatment-naive liver-dominant disease. Systemic therapy first, or upfront liver-directed treatment?',
      'Newly diagnosed liver metastases. Biopsy review and management plan, please.',
    ])
    : g.pick(spec.questions).replace('{last}', last).replace('{lines}', lines === 1 ? '1 line' : `${lines} lines`);
  c.y90Workup = 0.15;
  c.y90Device = null;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The case's facts from the builder's scratch record. Built as object literals, one per kind of primary:
 * adding ~40 keys one by one to `{}` costs V8 a hidden-class transition and a backing-store copy per key,
 * several times slower than a literal (that made 100k cases take seconds). So every fact relevant to the
 * primary is present, `null` when not known (the engine treats null and absent alike: CONTRACT), facts that
 * do not apply to the primary are absent, and a few facts that exist only in some situations (sites of
 * extrahepatic disease, the Y-90 work-up, oxaliplatin neuropathy, ...) are appended only when set.
 */
function factsFor(b: CaseBuilder): Facts {
  const s = b.f;
  const o = b.profile.omit;
  let f: Facts;
  const p = s.primary_tumor;
  if (p === 'hcc') {
    f = {
      primary_tumor: p, bclc_stage: s.bclc_stage ?? null, line_of_therapy: s.line_of_therapy ?? null,
      prior_systemic_lines: b.v(s.prior_systemic_lines, o.prior_systemic_lines), prior_chemo_agents: b.v(s.prior_chemo_agents, o.prior_chemo_agents),
      cirrhosis: b.v(s.cirrhosis, o.cirrhosis), etiology: b.v(s.etiology, o.etiology), nodules: b.v(s.nodules, o.nodules),
      largest_nodule_cm: b.v(s.largest_nodule_cm, o.largest_nodule_cm), well_defined_nodules: b.v(s.well_defined_nodules, o.well_defined_nodules),
      bilobar: b.v(s.bilobar, o.bilobar), liver_replacement_pct: b.v(s.liver_replacement_pct, o.liver_replacement_pct),
      portal_vein: b.v(s.portal_vein, o.portal_vein), extrahepatic_disease: b.v(s.extrahepatic_disease, o.extrahepatic_disease),
      liver_dominant: b.v(s.liver_dominant, o.liver_dominant), resectable_or_ablatable: b.v(s.resectable_or_ablatable, o.resectable_or_ablatable),
      selective_access: b.v(s.selective_access, o.selective_access), ecog: b.v(s.ecog, o.ecog), age: b.v(s.age, o.age), frail: b.v(s.frail, o.frail),
      expected_survival_months: b.v(s.expected_survival_months, o.expected_survival_months), height_cm: b.v(s.height_cm, o.height_cm),
      weight_kg: b.v(s.weight_kg, o.weight_kg), bilirubin_mg_dl: b.v(s.bilirubin_mg_dl, o.bilirubin_mg_dl), albumin_g_dl: b.v(s.albumin_g_dl, o.albumin_g_dl),
      inr: b.v(s.inr, o.inr), ascites: b.v(s.ascites, o.ascites), encephalopathy: b.v(s.encephalopathy, o.encephalopathy),
      creatinine_mg_dl: b.v(s.creatinine_mg_dl, o.creatinine_mg_dl), sodium_mmol_l: b.v(s.sodium_mmol_l, o.sodium_mmol_l),
      granulocytes_10e9_l: b.v(s.granulocytes_10e9_l, o.granulocytes_10e9_l), biliary: b.v(s.biliary, o.biliary),
      varices_untreated_high_risk: b.v(s.varices_untreated_high_risk, o.varices_untreated_high_risk),
      coagulopathy_uncorrectable: b.v(s.coagulopathy_uncorrectable, o.coagulopathy_uncorrectable),
      recent_chemo_not_safe_with_y90: b.v(s.recent_chemo_not_safe_with_y90, o.recent_chemo_not_safe_with_y90),
      prior_liver_ebrt: b.v(s.prior_liver_ebrt, o.prior_liver_ebrt), prior_y90: b.v(s.prior_y90, o.prior_y90),
    };
  } else {
    f = {
      primary_tumor: p, line_of_therapy: s.line_of_therapy ?? null, prior_systemic_lines: b.v(s.prior_systemic_lines, o.prior_systemic_lines),
      prior_chemo_agents: b.v(s.prior_chemo_agents, o.prior_chemo_agents), prior_hepatotoxic_chemo: b.v(s.prior_hepatotoxic_chemo, o.prior_hepatotoxic_chemo),
      primary_resected: b.v(s.primary_resected, o.primary_resected), liver_dominant: b.v(s.liver_dominant, o.liver_dominant),
      extrahepatic_disease: b.v(s.extrahepatic_disease, o.extrahepatic_disease), extrahepatic_progression: b.v(s.extrahepatic_progression, o.extrahepatic_progression),
      resectable_or_ablatable: b.v(s.resectable_or_ablatable, o.resectable_or_ablatable), bilobar: b.v(s.bilobar, o.bilobar),
      liver_replacement_pct: b.v(s.liver_replacement_pct, o.liver_replacement_pct), lesion_count: b.v(s.lesion_count, o.lesion_count), ecog: b.v(s.ecog, o.ecog),
      age: b.v(s.age, o.age), frail: b.v(s.frail, o.frail), expected_survival_months: b.v(s.expected_survival_months, o.expected_survival_months),
      height_cm: b.v(s.height_cm, o.height_cm), weight_kg: b.v(s.weight_kg, o.weight_kg), bilirubin_mg_dl: b.v(s.bilirubin_mg_dl, o.bilirubin_mg_dl),
      albumin_g_dl: b.v(s.albumin_g_dl, o.albumin_g_dl), inr: b.v(s.inr, o.inr), creatinine_mg_dl: b.v(s.creatinine_mg_dl, o.creatinine_mg_dl),
      sodium_mmol_l: b.v(s.sodium_mmol_l, o.sodium_mmol_l), granulocytes_10e9_l: b.v(s.granulocytes_10e9_l, o.granulocytes_10e9_l),
      ascites: b.v(s.ascites, o.ascites), encephalopathy: b.v(s.encephalopathy, o.encephalopathy), cirrhosis: b.v(s.cirrhosis, o.cirrhosis),
      biliary: b.v(s.biliary, o.biliary), coagulopathy_uncorrectable: b.v(s.coagulopathy_uncorrectable, o.coagulopathy_uncorrectable),
      recent_chemo_not_safe_with_y90: b.v(s.recent_chemo_not_safe_with_y90, o.recent_chemo_not_safe_with_y90),
      prior_liver_ebrt: b.v(s.prior_liver_ebrt, o.prior_liver_ebrt), prior_y90: b.v(s.prior_y90, o.prior_y90),
    };
    if (p === 'colorectal') {
      f.first_line_backbone = b.v(s.first_line_backbone, o.first_line_backbone);
      f.best_response_first_line = b.v(s.best_response_first_line, o.best_response_first_line);
      f.kras_status = b.v(s.kras_status, o.kras_status);
      f.primary_sidedness = b.v(s.primary_sidedness, o.primary_sidedness);
    } else if (p === 'neuroendocrine') {
      f.net_primary_site = b.v(s.net_primary_site, o.net_primary_site);
      f.net_grade = b.v(s.net_grade, o.net_grade);
      f.net_ki67_pct = b.v(s.net_ki67_pct, o.net_ki67_pct);
      f.sstr_positive = b.v(s.sstr_positive, o.sstr_positive);
      f.on_ssa = b.v(s.on_ssa, o.on_ssa);
      f.hormone_symptoms = b.v(s.hormone_symptoms, o.hormone_symptoms);
      f.bulk_symptoms = b.v(s.bulk_symptoms, o.bulk_symptoms);
      f.lu177_candidate = b.v(s.lu177_candidate, o.lu177_candidate);
      f.prior_prrt = b.v(s.prior_prrt, o.prior_prrt);
    }
  }
  // Facts that exist only in some situations.
  if (s.cumulative_oxaliplatin_neuropathy_grade !== undefined) f.cumulative_oxaliplatin_neuropathy_grade = b.v(s.cumulative_oxaliplatin_neuropathy_grade, o.cumulative_oxaliplatin_neuropathy_grade);
  if (s.progressing_on_ssa !== undefined) f.progressing_on_ssa = b.v(s.progressing_on_ssa, o.progressing_on_ssa);
  if (s.extrahepatic_sites !== undefined) f.extrahepatic_sites = b.v(s.extrahepatic_sites, o.extrahepatic_sites);
  if (s.bilirubin_reversible_cause !== undefined) f.bilirubin_reversible_cause = b.v(s.bilirubin_reversible_cause, o.bilirubin_reversible_cause);
  if (s.lung_shunt_fraction_pct !== undefined) {
    f.lung_shunt_fraction_pct = b.v(s.lung_shunt_fraction_pct, o.lung_shunt_fraction_pct);
    f.hepatoenteric_shunt_uncorrectable = b.v(s.hepatoenteric_shunt_uncorrectable, o.hepatoenteric_shunt_uncorrectable);
    f.planned_device = b.v(s.planned_device, o.planned_device);
    f.planned_activity_gbq = b.v(s.planned_activity_gbq, o.planned_activity_gbq);
  }
  if (s.prior_lung_dose_gy !== undefined) f.prior_lung_dose_gy = b.v(s.prior_lung_dose_gy, o.prior_lung_dose_gy);
  return f;
}

function identifierFor(index: number, offset: number): string {
  // 7_654_321 is coprime to 10^7, so index -> (index * a + offset) mod 10^7 is a permutation.
  const n = (index * 7_654_321 + offset) % MAX_DEMO_CASES;
  return `MRN${String(n).padStart(7, '0')}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); H. Hinnant's days_from_civil. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const TWO = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16',
  '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31'];

/** ISO date of a day number; H. Hinnant's civil_from_days (integer arithmetic, no Date objects). */
function isoFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${TWO[m] as string}-${TWO[d] as string}`;
}

/** Reference day number of each birthday anniversary, by age (the reference date is not 29 February). */
const ANNIVERSARY_DAYS: readonly number[] = Array.from({ length: 121 }, (_, age) => daysFromCivil(REF_Y - age, REF_M, REF_D));

function birthDate(g: Rng, age: number): string {
  // Born 0–364 days before the age-th anniversary of the reference date: exactly `age` years old then.
  return isoFromDays((ANNIVERSARY_DAYS[age] as number) - g.int(0, 364));
}

function personName(g: Rng, sex: Sex): { given: string; family: string } {
  const pool = g.w(POOL_MIX);
  const female = sex === 'female' || (sex !== 'male' && g.chance(0.5));
  const given = g.pick(female ? pool.female : pool.male);
  const gendered = female ? pool.familyFemale : pool.familyMale;
  const n = pool.family.length + (gendered?.length ?? 0);
  const k = Math.floor(g.next() * n);
  const family = k < pool.family.length ? pool.family[k] : gendered?.[k - pool.family.length];
  return { given, family: family ?? 'Smith' };
}

/**
 * `count` synthetic cases (one patient each). The first cases are the featured patients (Zoë Ødegård,
 * José Núñez, Łukasz Wróbel, …), one per primary tumour; the rest follow realistic proportions.
 */
export function generateDemoCases(count: number, seed: number = DEFAULT_DEMO_SEED): DemoCase[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_CASES) {
    throw new RangeError(`count must be an integer from 0 to ${MAX_DEMO_CASES}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const g = new Rng(seed);
  const idOffset = Math.floor(g.next() * MAX_DEMO_CASES);
  const out: DemoCase[] = new Array<DemoCase>(count);
  const b = new CaseBuilder(g, PROFILES_USUAL[0] as OmissionProfile);

  for (let i = 0; i < count; i++) {
    const featured = FEATURED_PATIENTS[i];
    const primary = featured ? featured.primary : g.w(PRIMARY_MIX);
    const demo = DEMOGRAPHY[primary];
    const sexRoll = g.next();
    const sex: Sex = featured ? featured.sex : sexRoll < 0.004 ? 'other' : sexRoll < 0.008 ? 'unknown' : g.chance(demo.male) ? 'male' : 'female';
    const name = featured ? { given: featured.given, family: featured.family } : personName(g, sex);
    const age = Math.round(g.normal(demo.age, demo.sd, 30, 89));
    const status = g.w(STATUS_MIX);

    const profiles = status === 'draft' && g.chance(0.25) ? PROFILES_SPARSE
      : status === 'discussed' || status === 'closed' ? PROFILES_FULL : PROFILES_USUAL;
    b.reset(g.pick(profiles));
    const c: Ctx = { b, g, sex, age, ecog: ecogFor(g, primary, age), diagnosis: '', question: '', y90Workup: 0, y90Device: null, survival: null };

    baseFacts(c, primary);
    switch (primary) {
      case 'colorectal': colorectal(c); break;
      case 'neuroendocrine': neuroendocrine(c); break;
      case 'hcc': hcc(c); break;
      default: otherPrimary(c, primary);
    }
    workupFacts(c);

    const specialty = g.w(REFERRERS[primary]);
    const clinicians = CLIN_BY_SPECIALTY.get(specialty) ?? [];
    out[i] = {
      patient: { identifier: identifierFor(i, idOffset), family_name: name.family, given_name: name.given, birth_date: birthDate(g, age), sex },
      case: {
        referring_clinician: clinicians.length ? g.pick(clinicians) : '',
        question: c.question,
        diagnosis: c.diagnosis,
        status,
        facts: factsFor(b),
      },
    };
  }
  return out;
}
