/**
 * Lab units where Europe and the US differ. The stored value is always the CONTRACT unit
 * (../shared/clinical/CONTRACT.md): bilirubin mg/dL, albumin g/dL, creatinine mg/dL. Other units are only
 * an entry and display convenience; conversions are pure and round away floating-point noise so that a
 * value typed at a clinical threshold (34.2 µmol/L bilirubin = 2 mg/dL) stays exactly at that threshold.
 */

export const LAB_ANALYTES = ['bilirubin', 'albumin', 'creatinine'] as const;
export type LabAnalyte = (typeof LAB_ANALYTES)[number];

export interface LabUnit {
  /** Stable id, used in forms and preferences. */
  id: string;
  /** What a person reads. */
  label: string;
  /** Multiply a value in this unit by `toContract` to get the contract unit. */
  toContract: number;
}

interface AnalyteUnits {
  /** The fact that stores this analyte. */
  fact: 'bilirubin_mg_dl' | 'albumin_g_dl' | 'creatinine_mg_dl';
  contract: LabUnit;
  units: readonly LabUnit[];
}

const MG_DL: LabUnit = { id: 'mg_dl', label: 'mg/dL', toContract: 1 };
const G_DL: LabUnit = { id: 'g_dl', label: 'g/dL', toContract: 1 };

/** Conversion factors from CONTRACT.md: bilirubin µmol/L ÷ 17.1, albumin g/L ÷ 10, creatinine µmol/L ÷ 88.4. */
export const LAB_UNITS: Record<LabAnalyte, AnalyteUnits> = {
  bilirubin: { fact: 'bilirubin_mg_dl', contract: MG_DL, units: [MG_DL, { id: 'umol_l', label: 'µmol/L', toContract: 1 / 17.1 }] },
  albumin: { fact: 'albumin_g_dl', contract: G_DL, units: [G_DL, { id: 'g_l', label: 'g/L', toContract: 1 / 10 }] },
  creatinine: { fact: 'creatinine_mg_dl', contract: MG_DL, units: [MG_DL, { id: 'umol_l', label: 'µmol/L', toContract: 1 / 88.4 }] },
};

const DIVISORS: Record<LabAnalyte, Record<string, number>> = {
  bilirubin: { mg_dl: 1, umol_l: 17.1 },
  albumin: { g_dl: 1, g_l: 10 },
  creatinine: { mg_dl: 1, umol_l: 88.4 },
};

/** Rounds to `decimals` places without binary noise (1.4999999999999998 → 1.5). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // Shift the decimal point in the string form (exact), round, shift back: no binary multiplication noise.
  const [mantissa, exponent = '0'] = String(value).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  return Number(`${m2}e${Number(e2) - decimals}`);
}

/** The units an analyte can be entered in; the first is the contract unit. */
export function unitsFor(analyte: LabAnalyte): readonly LabUnit[] {
  return LAB_UNITS[analyte].units;
}

export function isLabUnit(analyte: LabAnalyte, unitId: string): boolean {
  return Object.hasOwn(DIVISORS[analyte], unitId);
}

function divisor(analyte: LabAnalyte, unitId: string): number {
  const d = DIVISORS[analyte][unitId];
  if (d === undefined) throw new RangeError(`unknown unit ${unitId} for ${analyte}`);
  return d;
}

/** A value entered in `unitId` → the stored contract value (rounded to 4 decimals). */
export function toContractUnit(analyte: LabAnalyte, value: number, unitId: string): number {
  return roundTo(value / divisor(analyte, unitId), 4);
}

/**
 * A stored contract value → what to show in `unitId`: in the contract unit exactly as stored, otherwise
 * rounded to 2 decimals (enough for every unit here).
 */
export function fromContractUnit(analyte: LabAnalyte, value: number, unitId: string): number {
  const d = divisor(analyte, unitId);
  return d === 1 ? value : roundTo(value * d, 2);
}

/** The same quantity in another unit (e.g. when the unit of a filled-in field is switched). */
export function convertLab(analyte: LabAnalyte, value: number, fromUnitId: string, toUnitId: string): number {
  if (fromUnitId === toUnitId) return value;
  return fromContractUnit(analyte, toContractUnit(analyte, value, fromUnitId), toUnitId);
}

export const bilirubinUmolLToMgDl = (umolL: number): number => toContractUnit('bilirubin', umolL, 'umol_l');
export const bilirubinMgDlToUmolL = (mgDl: number): number => fromContractUnit('bilirubin', mgDl, 'umol_l');
export const albuminGLToGDl = (gL: number): number => toContractUnit('albumin', gL, 'g_l');
export const albuminGDlToGL = (gDl: number): number => fromContractUnit('albumin', gDl, 'g_l');
export const creatinineUmolLToMgDl = (umolL: number): number => toContractUnit('creatinine', umolL, 'umol_l');
export const creatinineMgDlToUmolL = (mgDl: number): number => fromContractUnit('creatinine', mgDl, 'umol_l');

export function unitLabel(analyte: LabAnalyte, unitId: string): string {
  return LAB_UNITS[analyte].units.find((u) => u.id === unitId)?.label ?? unitId;
}
