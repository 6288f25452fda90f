/**
 * Y-90 activity and dose (EVIDENCE.md 3.5–3.7). Activities in GBq, doses in Gy, masses in kg, fractions in %.
 * The constant 50 Gy·kg/GBq approximates the Y-90 energy deposition (≈ 49.7 J/GBq).
 */
import { EngineInputError, requireNumber, requirePositive } from '../errors';

export const GY_KG_PER_GBQ = 50;
export const LUNG_DOSE_LIMIT_SINGLE_GY = 30;
export const LUNG_DOSE_LIMIT_CUMULATIVE_GY = 50;
export const TISSUE_DENSITY_G_PER_ML = 1.03;

/**
 * Resin lung-shunt brackets (S-Y90-LSF-RESIN): LSF < 10 % → 100 %; 10 ≤ LSF < 15 → reduce 20 %;
 * 15 ≤ LSF ≤ 20 → reduce 40 %; LSF > 20 % → do not treat.
 */
export type ResinLsfBracket = 'no_reduction' | 'reduce_20' | 'reduce_40' | 'contraindicated';
export function resinLsfBracket(lung_shunt_fraction_pct: number): ResinLsfBracket {
  const lsf = requireNumber('lung_shunt_fraction_pct', lung_shunt_fraction_pct, 0, 100);
  if (lsf < 10) return 'no_reduction';
  if (lsf < 15) return 'reduce_20';
  if (lsf <= 20) return 'reduce_40';
  return 'contraindicated';
}
const BRACKET_FACTOR: Record<ResinLsfBracket, number> = { no_reduction: 1, reduce_20: 0.8, reduce_40: 0.6, contraindicated: 0 };

export interface ResinBsaInput {
  bsa_m2: number;
  /** Tumour volume / total liver volume (tumour + non-tumour), in %. */
  tumour_involvement_pct: number;
  lung_shunt_fraction_pct: number;
  /**
   * Fraction of the liver treated, in % (default 100 = whole liver). EVIDENCE.md 3.5: "vendor practice scales by
   * the fraction of liver treated", so the whole BSA-method activity is scaled: A = [(BSA − 0.2) + involvement/100]
   * × treated/100 (IFU text not read [V2]; confirm against the current IFU).
   */
  treated_liver_pct?: number;
}
export interface ResinBsaResult {
  /** Activity before lung-shunt reduction, GBq. */
  base_activity_gbq: number;
  bracket: ResinLsfBracket;
  /** Activity to prescribe after lung-shunt reduction, GBq; null when the LSF contraindicates treatment. */
  prescribed_activity_gbq: number | null;
  reduction_pct: number;
  method: 'BSA (resin): [(BSA − 0.2) + involvement/100] × treated fraction, LSF brackets <10 / 10–15 / 15–20 / >20 %';
}

/** Resin (SIR-Spheres) BSA method with lung-shunt reduction (3.5). */
export function resinActivityBsa(input: ResinBsaInput): ResinBsaResult {
  const bsa = requirePositive('bsa_m2', input.bsa_m2, 5);
  const inv = requireNumber('tumour_involvement_pct', input.tumour_involvement_pct, 0, 100);
  const treated = requireNumber('treated_liver_pct', input.treated_liver_pct ?? 100, 0, 100);
  if (bsa <= 0.2) throw new EngineInputError('bsa_m2', 'must be > 0.2 m² for the BSA method');
  const bracket = resinLsfBracket(input.lung_shunt_fraction_pct);
  const base = ((bsa - 0.2) + inv / 100) * (treated / 100);
  const factor = BRACKET_FACTOR[bracket];
  return {
    base_activity_gbq: base,
    bracket,
    prescribed_activity_gbq: bracket === 'contraindicated' ? null : base * factor,
    reduction_pct: Math.round((1 - factor) * 100),
    method: 'BSA (resin): [(BSA − 0.2) + involvement/100] × treated fraction, LSF brackets <10 / 10–15 / 15–20 / >20 %',
  };
}

/** Target mass in kg from a volume in mL (density 1.03 g/mL). */
export function massKgFromVolumeMl(volume_ml: number): number {
  return (requirePositive('volume_ml', volume_ml) * TISSUE_DENSITY_G_PER_ML) / 1000;
}

export interface GlassInput {
  target_dose_gy: number;
  target_mass_kg: number;
  lung_shunt_fraction_pct: number;
  /** Residual activity left in the vial, % (default 0). */
  residual_pct?: number;
}

/** Glass (TheraSphere) MIRD single compartment (3.6): A (GBq) = D × M / [50 × (1 − F) × (1 − R)]. */
export function glassActivityGbq(input: GlassInput): number {
  const d = requirePositive('target_dose_gy', input.target_dose_gy, 2000);
  const m = requirePositive('target_mass_kg', input.target_mass_kg, 10);
  const f = requireNumber('lung_shunt_fraction_pct', input.lung_shunt_fraction_pct, 0, 99.999) / 100;
  const r = requireNumber('residual_pct', input.residual_pct ?? 0, 0, 99.999) / 100;
  return (d * m) / (GY_KG_PER_GBQ * (1 - f) * (1 - r));
}

/** IFU short form without lung shunt or residual: A = D × M / 50. */
export function glassActivityIfuShortGbq(input: { target_dose_gy: number; target_mass_kg: number }): number {
  const d = requirePositive('target_dose_gy', input.target_dose_gy, 2000);
  const m = requirePositive('target_mass_kg', input.target_mass_kg, 10);
  return (d * m) / GY_KG_PER_GBQ;
}

/** Dose delivered to the target: D (Gy) = 50 × A × (1 − F) × (1 − R) / M. */
export function glassTargetDoseGy(input: { activity_gbq: number; target_mass_kg: number; lung_shunt_fraction_pct: number; residual_pct?: number }): number {
  const a = requireNumber('activity_gbq', input.activity_gbq, 0);
  const m = requirePositive('target_mass_kg', input.target_mass_kg, 10);
  const f = requireNumber('lung_shunt_fraction_pct', input.lung_shunt_fraction_pct, 0, 100) / 100;
  const r = requireNumber('residual_pct', input.residual_pct ?? 0, 0, 100) / 100;
  return (GY_KG_PER_GBQ * a * (1 - f) * (1 - r)) / m;
}

/** Unchecked lung dose for the engine: 50 × A × LSF/100 / 1 kg. */
export const lungDoseGyUnchecked = (activity_gbq: number, lung_shunt_fraction_pct: number, lung_mass_kg = 1): number =>
  (GY_KG_PER_GBQ * activity_gbq * (lung_shunt_fraction_pct / 100)) / lung_mass_kg;

/** Lung dose D_lung (Gy) = 50 × A (GBq) × F / M_lung (IFU convention M_lung = 1 kg). */
export function lungDoseGy(input: { activity_gbq: number; lung_shunt_fraction_pct: number; lung_mass_kg?: number }): number {
  const a = requireNumber('activity_gbq', input.activity_gbq, 0);
  const f = requireNumber('lung_shunt_fraction_pct', input.lung_shunt_fraction_pct, 0, 100);
  const m = requirePositive('lung_mass_kg', input.lung_mass_kg ?? 1, 10);
  return lungDoseGyUnchecked(a, f, m);
}

export interface LungDoseCheck {
  lung_dose_gy: number;
  cumulative_lung_dose_gy: number;
  /** > 30 Gy in this session. */
  exceeds_single_limit: boolean;
  /** > 50 Gy with earlier lung dose added. */
  exceeds_cumulative_limit: boolean;
  /** Largest activity that keeps this session ≤ 30 Gy and the total ≤ 50 Gy; null when LSF is 0. */
  max_activity_gbq: number | null;
}

/** Glass lung-dose check against ≤ 30 Gy per administration and ≤ 50 Gy cumulative (S-Y90-LUNGDOSE-GLASS). */
export function glassLungDoseCheck(input: { activity_gbq: number; lung_shunt_fraction_pct: number; prior_lung_dose_gy?: number }): LungDoseCheck {
  const dose = lungDoseGy(input);
  const prior = requireNumber('prior_lung_dose_gy', input.prior_lung_dose_gy ?? 0, 0);
  const perGbq = lungDoseGyUnchecked(1, input.lung_shunt_fraction_pct);
  const budget = Math.min(LUNG_DOSE_LIMIT_SINGLE_GY, Math.max(0, LUNG_DOSE_LIMIT_CUMULATIVE_GY - prior));
  return {
    lung_dose_gy: dose,
    cumulative_lung_dose_gy: dose + prior,
    exceeds_single_limit: dose > LUNG_DOSE_LIMIT_SINGLE_GY,
    exceeds_cumulative_limit: dose + prior > LUNG_DOSE_LIMIT_CUMULATIVE_GY,
    max_activity_gbq: perGbq > 0 ? budget / perGbq : null,
  };
}

export interface PartitionInput {
  activity_gbq: number;
  lung_shunt_fraction_pct: number;
  /** Tumour-to-normal-liver uptake ratio (99mTc-MAA SPECT/CT). */
  tumour_to_normal_ratio: number;
  tumour_mass_kg: number;
  normal_liver_mass_kg: number;
  lung_mass_kg?: number;
}
export interface PartitionResult { tumour_dose_gy: number; normal_liver_dose_gy: number; lung_dose_gy: number }

/** Partition model (3.7): D_T = 50 A (1 − F) TNR / (TNR M_T + M_NL); D_NL = D_T / TNR; lung as above. */
export function partitionModel(input: PartitionInput): PartitionResult {
  const a = requireNumber('activity_gbq', input.activity_gbq, 0);
  const f = requireNumber('lung_shunt_fraction_pct', input.lung_shunt_fraction_pct, 0, 100) / 100;
  const tnr = requirePositive('tumour_to_normal_ratio', input.tumour_to_normal_ratio);
  const mt = requireNumber('tumour_mass_kg', input.tumour_mass_kg, 0, 20);
  const mnl = requireNumber('normal_liver_mass_kg', input.normal_liver_mass_kg, 0, 20);
  if (mt + mnl === 0) throw new EngineInputError('normal_liver_mass_kg', 'tumour and normal-liver mass cannot both be 0');
  const dt = (GY_KG_PER_GBQ * a * (1 - f) * tnr) / (tnr * mt + mnl);
  return { tumour_dose_gy: dt, normal_liver_dose_gy: dt / tnr, lung_dose_gy: lungDoseGy({ activity_gbq: a, lung_shunt_fraction_pct: f * 100, lung_mass_kg: input.lung_mass_kg ?? 1 }) };
}
