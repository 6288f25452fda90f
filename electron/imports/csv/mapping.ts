/**
 * Column mapping: which source column feeds which patient field, case field or CONTRACT fact (with the unit
 * for labs). Without a saved or given mapping, headers are recognised: CONTRACT field names as they are, and
 * the usual names a hospital export uses (mrn, family_name, given_name, birth_date, sex, question…).
 */
import { CASE_FACT_KEYS, type CaseFactKey } from '../../../shared/facts/facts';
import { LAB_FACT_ANALYTE, type ColumnMapping, type CsvMapping, type CsvTarget } from '../../../shared/domain/imports';
import { LAB_UNITS } from '../../../shared/domain/units';

/** Lower case, accents and µ folded, every run of other characters one underscore: "Bilirubin (µmol/L)" → "bilirubin_umol_l". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[µμ]/g, 'u')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ALIASES: Record<string, CsvTarget> = {
  identifier: 'patient.identifier', mrn: 'patient.identifier', patient_id: 'patient.identifier', patient_identifier: 'patient.identifier',
  hospital_number: 'patient.identifier', medical_record_number: 'patient.identifier', pid: 'patient.identifier', patient_number: 'patient.identifier',
  family_name: 'patient.family_name', last_name: 'patient.family_name', lastname: 'patient.family_name', surname: 'patient.family_name', family: 'patient.family_name',
  given_name: 'patient.given_name', first_name: 'patient.given_name', firstname: 'patient.given_name', forename: 'patient.given_name', given: 'patient.given_name', given_names: 'patient.given_name',
  birth_date: 'patient.birth_date', birthdate: 'patient.birth_date', dob: 'patient.birth_date', date_of_birth: 'patient.birth_date',
  sex: 'patient.sex', gender: 'patient.sex',
  question: 'case.question', board_question: 'case.question', referral_question: 'case.question', question_to_board: 'case.question',
  referring_clinician: 'case.referring_clinician', referrer: 'case.referring_clinician', referring_doctor: 'case.referring_clinician', referring_physician: 'case.referring_clinician',
  diagnosis: 'case.diagnosis', dx: 'case.diagnosis',
  status: 'case.status', case_status: 'case.status',
  primary: 'fact.primary_tumor', primary_tumour: 'fact.primary_tumor', tumour_type: 'fact.primary_tumor', tumor_type: 'fact.primary_tumor',
  ecog_ps: 'fact.ecog', ecog_performance_status: 'fact.ecog', performance_status: 'fact.ecog',
  bilirubin: 'fact.bilirubin_mg_dl', total_bilirubin: 'fact.bilirubin_mg_dl', albumin: 'fact.albumin_g_dl', creatinine: 'fact.creatinine_mg_dl',
  sodium: 'fact.sodium_mmol_l', na: 'fact.sodium_mmol_l', lsf: 'fact.lung_shunt_fraction_pct', lung_shunt_fraction: 'fact.lung_shunt_fraction_pct',
  height: 'fact.height_cm', weight: 'fact.weight_kg', kras: 'fact.kras_status', bclc: 'fact.bclc_stage',
};

/** Unit words in a header, after normalisation: "bilirubin_umol_l" → bilirubin in µmol/L. */
const LAB_HEADER = /^(total_)?(bilirubin|albumin|creatinine)_(mg_dl|umol_l|g_dl|g_l)$/;

export function recogniseColumn(header: string): { target: CsvTarget; unit?: string } {
  const key = normaliseHeader(header);
  if ((CASE_FACT_KEYS as readonly string[]).includes(key)) return { target: `fact.${key as CaseFactKey}` };
  const alias = ALIASES[key];
  if (alias) return { target: alias };
  const lab = LAB_HEADER.exec(key);
  if (lab) {
    const analyte = lab[2] as 'bilirubin' | 'albumin' | 'creatinine';
    const unit = lab[3] ?? '';
    const known = LAB_UNITS[analyte];
    if (known.units.some((u) => u.id === unit)) {
      const target: CsvTarget = `fact.${known.fact}`;
      return unit === known.contract.id ? { target } : { target, unit };
    }
  }
  return { target: 'ignore' };
}

/** A mapping for these headers: every recognised column once (the first one wins), the rest ignored. */
export function recogniseMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<string>();
  const columns: ColumnMapping[] = headers.filter((h) => h !== '').map((column) => {
    const found = recogniseColumn(column);
    if (found.target === 'ignore' || used.has(found.target)) return { column, target: 'ignore' };
    used.add(found.target);
    return found.unit ? { column, target: found.target, unit: found.unit } : { column, target: found.target };
  });
  return { columns };
}

/** The analyte of a lab fact target, if it is one. */
export function labAnalyteOf(target: string): keyof typeof LAB_UNITS | undefined {
  return target.startsWith('fact.') ? LAB_FACT_ANALYTE[target.slice(5) as CaseFactKey] : undefined;
}
