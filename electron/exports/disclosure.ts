/**
 * Statistical disclosure control for the registry export: generalisation, then k-anonymity by local (cell)
 * suppression and, as a last resort, record suppression. Pure functions over the export's records.
 *
 * Model (the standard one, as in ARX or sdcMicro): the quasi-identifiers are what someone outside could know
 * about a patient: age (as a 5-year band), sex, primary tumour, the centre (one per export, so constant) and the
 * baseline facts as exported (labs rounded, counts capped, derived classes). A suppressed cell is published as
 * empty, i.e. generalised to "any value". After protection every combination of quasi-identifier values that
 * appears in the file is shared by at least k different patients (not records: one patient's several
 * treatments count once).
 *
 * Algorithm: first global recoding (full-domain generalisation, as ARX does): the demographic quasi-identifiers
 * are coarsened for every record alike along one hierarchy, AGE_LEVELS (5-year bands, 10-year, 20-year, any age,
 * then also any sex), and the level that loses least information is chosen, by Sweeney's precision measure: a
 * record withheld (its (age band, sex, primary) group smaller than k) loses all of it, a published record the
 * share of the hierarchy climbed; ties go to the finer level. A large export keeps 5-year bands; a small board's
 * export publishes coarser ones instead of withholding nearly everything. Then records whose (age band, sex,
 * primary) group still holds fewer than k patients are withheld whole. Then,
 * round by round, every record still in a group smaller than k loses the next baseline fact in SUPPRESSION_ORDER
 * (least needed for analysis first; all such records lose the same fact, so they fall together into larger
 * groups); records still below k once every baseline fact is blank are withheld. Groups of k or more are never
 * touched, so the result is k-anonymous by construction (and the test checks it from the file).
 */

export type Cell = string | number | boolean | null;

/** The demographic quasi-identifiers: a group of these smaller than k is withheld whole. */
export const KEY_QUASI_IDENTIFIERS = ['age_band', 'sex', 'primary_tumor'] as const;

/** Baseline quasi-identifiers, in the order their cells are suppressed (first = given up first). */
export const SUPPRESSION_ORDER = [
  'sodium_mmol_l', 'creatinine_mg_dl', 'planned_activity_gbq', 'projected_lung_dose_gy', 'lung_shunt_fraction_pct', 'liver_replacement_pct',
  'lesion_count', 'prior_systemic_lines', 'line_of_therapy', 'kras_status', 'net_grade', 'prior_y90', 'planned_device', 'extrahepatic_disease',
  'bilobar', 'portal_vein', 'encephalopathy', 'ascites', 'inr', 'albumin_g_dl', 'bilirubin_mg_dl', 'cirrhosis', 'albi_grade',
  'child_pugh_class', 'bclc_stage', 'ecog',
] as const;

export type SuppressibleField = (typeof SUPPRESSION_ORDER)[number];
export const QUASI_IDENTIFIERS: readonly string[] = [...KEY_QUASI_IDENTIFIERS, ...SUPPRESSION_ORDER];

/** 5-year band ("60-64"); 90 and over is one band ("90+"), as HIPAA Safe Harbor does. */
export function ageBand(age: number | null): string | null {
  if (age === null) return null;
  if (age >= 90) return '90+';
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

/** The levels of the demographic generalisation hierarchy, finest first (what the manifest says of each). */
export const AGE_LEVELS = [
  { width: 5, sex: true, rule: 'age: 5-year bands, 90 and over as "90+"' },
  { width: 10, sex: true, rule: 'age: 10-year bands, 90 and over as "90+" (recoded for every record: 5-year bands would have lost more, too many records withheld)' },
  { width: 20, sex: true, rule: 'age: 20-year bands, 80 and over as "80+" (recoded for every record: finer bands would have lost more, too many records withheld)' },
  { width: null, sex: true, rule: 'age: not published (generalised to any age for every record: any band would have lost more, too many records withheld)' },
  { width: null, sex: false, rule: 'age and sex: not published (generalised away for every record: keeping either would have lost more, too many records withheld)' },
] as const;

/** A 5-year band ("60-64", "90+") recoded to `width`-year bands; null width = any age (empty). */
export function recodeAgeBand(band: Cell, width: number | null): Cell {
  if (band === null || typeof band !== 'string' || width === null) return width === null ? null : band;
  if (width === 5) return band;
  const low = Number(band.replace('+', '').split('-')[0]);
  const top = width >= 20 ? 80 : 90;
  if (!Number.isFinite(low)) return band;
  if (low >= top) return `${top}+`;
  const from = Math.floor(low / width) * width;
  return `${from}-${from + width - 1}`;
}

const roundTo = (value: Cell, step: number): Cell => {
  if (typeof value !== 'number') return value;
  const r = Math.round(value / step) * step;
  return Number(r.toFixed(2));
};
const capAt = (value: Cell, cap: number): Cell => (typeof value === 'number' && value >= cap ? `${cap}+` : value);

/** How each baseline value is coarsened before k is applied (the manifest lists the same). */
export const COARSENING: Readonly<Record<string, { rule: string; apply: (v: Cell) => Cell }>> = {
  bilirubin_mg_dl: { rule: 'rounded to 0.5 mg/dL', apply: (v) => roundTo(v, 0.5) },
  albumin_g_dl: { rule: 'rounded to 0.5 g/dL', apply: (v) => roundTo(v, 0.5) },
  inr: { rule: 'rounded to 0.5', apply: (v) => roundTo(v, 0.5) },
  creatinine_mg_dl: { rule: 'rounded to 0.5 mg/dL', apply: (v) => roundTo(v, 0.5) },
  sodium_mmol_l: { rule: 'rounded to 5 mmol/L', apply: (v) => roundTo(v, 5) },
  planned_activity_gbq: { rule: 'rounded to 0.5 GBq', apply: (v) => roundTo(v, 0.5) },
  lung_shunt_fraction_pct: { rule: 'rounded to 5 %', apply: (v) => roundTo(v, 5) },
  projected_lung_dose_gy: { rule: 'rounded to 5 Gy', apply: (v) => roundTo(v, 5) },
  liver_replacement_pct: { rule: 'rounded to 10 %', apply: (v) => roundTo(v, 10) },
  lesion_count: { rule: '5 and more as "5+"', apply: (v) => capAt(v, 5) },
  line_of_therapy: { rule: '3 and more as "3+"', apply: (v) => capAt(v, 3) },
  prior_systemic_lines: { rule: '3 and more as "3+"', apply: (v) => capAt(v, 3) },
};

/** Days from day 0 rounded to whole weeks (a coarse date: no exact interval can be matched to a known date). */
export const toWeeks = (days: number | null): number | null => (days === null ? null : Math.round(days / 7) * 7);

export interface ProtectableRecord {
  patient: string;
  cells: Record<string, Cell>;
}

export interface DisclosureReport {
  k: number;
  /** The demographic generalisation applied to every record (an entry of AGE_LEVELS). */
  generalisation: string;
  /** Records withheld whole (their demographic group, or all their facts blank, was still below k). */
  suppressedRecords: number;
  /** Cells published empty per field that held a value (in the records published; the age/sex recoding apart). */
  suppressedCells: Partial<Record<SuppressibleField, number>>;
  /** The smallest group (distinct patients) over all quasi-identifiers in the published records; null when none. */
  smallestGroup: number | null;
}

const groupKey = (cells: Record<string, Cell>, fields: readonly string[]): string => JSON.stringify(fields.map((f) => cells[f] ?? null));

/** Distinct patients per group of `fields`. */
export function groupSizes<R extends ProtectableRecord>(records: readonly R[], fields: readonly string[]): Map<string, number> {
  const patients = new Map<string, Set<string>>();
  for (const r of records) {
    const key = groupKey(r.cells, fields);
    let set = patients.get(key);
    if (!set) patients.set(key, (set = new Set()));
    set.add(r.patient);
  }
  return new Map([...patients].map(([key, set]) => [key, set.size]));
}

/**
 * Makes `records` k-anonymous over QUASI_IDENTIFIERS (cells are changed in place on copies); returns the
 * records to publish (in their original order) and what was suppressed.
 */
export function kAnonymise<R extends ProtectableRecord>(input: readonly R[], k: number): { records: R[]; report: DisclosureReport } {
  // Global recoding: the level of the demographic hierarchy that loses least (withheld records vs coarser bands).
  const withheldAt = (level: (typeof AGE_LEVELS)[number]): number => {
    const recoded = input.map((r) => ({ patient: r.patient, cells: demographics(r.cells, level) }));
    const sizes = groupSizes(recoded, KEY_QUASI_IDENTIFIERS);
    return recoded.filter((r) => (sizes.get(groupKey(r.cells, KEY_QUASI_IDENTIFIERS)) ?? 0) < k).length;
  };
  const top = AGE_LEVELS.length - 1;
  const loss = AGE_LEVELS.map((level, i) => {
    const withheld = withheldAt(level);
    return withheld + (input.length - withheld) * (i / top);
  });
  const chosen = AGE_LEVELS[loss.indexOf(Math.min(...loss))] ?? AGE_LEVELS[0];
  const records = input.map((r) => ({ ...r, cells: { ...r.cells, ...demographics(r.cells, chosen) } }));
  const withheld = new Set<R>();
  const keySizes = groupSizes(records, KEY_QUASI_IDENTIFIERS);
  for (const r of records) if ((keySizes.get(groupKey(r.cells, KEY_QUASI_IDENTIFIERS)) ?? 0) < k) withheld.add(r);
  let live = records.filter((r) => !withheld.has(r));
  for (const field of SUPPRESSION_ORDER) {
    const sizes = groupSizes(live, QUASI_IDENTIFIERS);
    const small = live.filter((r) => (sizes.get(groupKey(r.cells, QUASI_IDENTIFIERS)) ?? 0) < k);
    if (small.length === 0) break;
    for (const r of small) r.cells[field] = null;
  }
  const finalSizes = groupSizes(live, QUASI_IDENTIFIERS);
  for (const r of live) if ((finalSizes.get(groupKey(r.cells, QUASI_IDENTIFIERS)) ?? 0) < k) withheld.add(r);
  live = records.filter((r) => !withheld.has(r));
  // Cells published empty that held a value (counted on the published records only).
  const suppressedCells: Partial<Record<SuppressibleField, number>> = {};
  records.forEach((r, i) => {
    if (withheld.has(r)) return;
    for (const field of SUPPRESSION_ORDER) {
      const before = input[i]?.cells[field];
      if (before !== null && before !== undefined && r.cells[field] === null) suppressedCells[field] = (suppressedCells[field] ?? 0) + 1;
    }
  });
  const sizes = [...groupSizes(live, QUASI_IDENTIFIERS).values()];
  return {
    records: live,
    report: { k, generalisation: chosen.rule, suppressedRecords: withheld.size, suppressedCells, smallestGroup: sizes.length ? Math.min(...sizes) : null },
  };
}

/** The demographic cells of a record at one level of the hierarchy (age band recoded, sex kept or emptied). */
function demographics(cells: Record<string, Cell>, level: (typeof AGE_LEVELS)[number]): Record<string, Cell> {
  return { ...cells, age_band: recodeAgeBand(cells.age_band ?? null, level.width), sex: level.sex ? (cells.sex ?? null) : null };
}
