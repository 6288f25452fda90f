/**
 * A case as an mCODE (STU4) FHIR R4 Bundle for the EHR: Patient (mcode-cancer-patient), the primary cancer
 * condition, liver metastases (SNOMED 94381002) when the diagnosis records them, extrahepatic sites, ECOG,
 * labs by LOINC in the CONTRACT units, prior agents as MedicationStatements, and the board's plans as planned
 * mCODE procedures or medication requests (plan-resource.ts). Typed with @medplum/fhirtypes;
 * the importer reads it back (round-trip test).
 */
import type { Bundle, BundleEntry, CodeableConcept, Condition, MedicationStatement, Observation, Patient, Resource } from '@medplum/fhirtypes';
import type { CaseRecord } from '../../shared/domain/case';
import type { PrimaryTumor } from '../../shared/facts/facts';
import type { Plan } from '../../shared/domain/meeting';
import { intentLabel } from '../../shared/vocabulary';
import { planResource } from './plan-resource';

const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

const PRIMARY_CODE: Record<PrimaryTumor, { code: string; display: string } | null> = {
  colorectal: { code: '363406005', display: 'Malignant tumor of colon' },
  neuroendocrine: { code: '255046002', display: 'Neuroendocrine tumor' },
  hcc: { code: '25370001', display: 'Hepatocellular carcinoma' },
  breast: { code: '254837009', display: 'Malignant neoplasm of breast' },
  melanoma: { code: '372244006', display: 'Malignant melanoma' },
  uveal_melanoma: { code: '274087000', display: 'Malignant melanoma of choroid' },
  sarcoma: { code: '424413001', display: 'Sarcoma' },
  lung: { code: '363358000', display: 'Malignant tumor of lung' },
  pancreatic_adenocarcinoma: { code: '363418001', display: 'Malignant tumor of pancreas' },
  cholangiocarcinoma: { code: '312104005', display: 'Cholangiocarcinoma of intrahepatic bile duct' },
  other: null,
};

const LABS: { fact: 'bilirubin_mg_dl' | 'albumin_g_dl' | 'inr' | 'creatinine_mg_dl' | 'sodium_mmol_l'; loinc: string; display: string; unit: string; code: string }[] = [
  { fact: 'bilirubin_mg_dl', loinc: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma', unit: 'mg/dL', code: 'mg/dL' },
  { fact: 'albumin_g_dl', loinc: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma', unit: 'g/dL', code: 'g/dL' },
  { fact: 'inr', loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', unit: 'INR', code: '{INR}' },
  { fact: 'creatinine_mg_dl', loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', unit: 'mg/dL', code: 'mg/dL' },
  { fact: 'sodium_mmol_l', loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', code: 'mmol/L' },
];

const concept = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });

/** A plan the board decided for the case: exported as a planned procedure or medication request. */
export interface BoardPlan { decision_id: number; plan: Plan; intent: string; decided_on: string }

export function caseToFhirBundle(record: CaseRecord, now = new Date(), plans: readonly BoardPlan[] = []): Bundle {
  const pid = `patient-${record.patient.id}`;
  const subject = { reference: `Patient/${pid}` };
  const effective = record.updated_at.slice(0, 10);
  const resources: Resource[] = [];
  const patient: Patient = {
    resourceType: 'Patient',
    id: pid,
    meta: { profile: [`${MCODE}/mcode-cancer-patient`] },
    identifier: [{ type: concept('http://terminology.hl7.org/CodeSystem/v2-0203', 'MR'), value: record.patient.identifier }],
    name: [{ use: 'official', family: record.patient.family_name, ...(record.patient.given_name ? { given: record.patient.given_name.split(/\s+/) } : {}) }],
    gender: record.patient.sex,
    ...(record.patient.birth_date ? { birthDate: record.patient.birth_date } : {}),
  };
  resources.push(patient);
  const f = record.facts;
  const primary = f.primary_tumor ? PRIMARY_CODE[f.primary_tumor] : null;
  if (f.primary_tumor) {
    const condition: Condition = {
      resourceType: 'Condition',
      id: `case-${record.id}-primary`,
      meta: { profile: [`${MCODE}/mcode-primary-cancer-condition`] },
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
      category: [concept('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item')],
      code: primary ? { ...concept(SNOMED, primary.code, primary.display), text: record.diagnosis || primary.display } : { text: record.diagnosis || 'Other primary cancer' },
      subject,
    };
    resources.push(condition);
  }
  const secondary = (id: string, code: CodeableConcept): Condition => ({
    resourceType: 'Condition',
    id,
    meta: { profile: [`${MCODE}/mcode-secondary-cancer-condition`] },
    ...(f.primary_tumor ? { extension: [{ url: `${MCODE}/mcode-related-primary-cancer-condition`, valueReference: { reference: `Condition/case-${record.id}-primary` } }] } : {}),
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    code,
    subject,
  });
  if (/liver metasta|metastases:[^;]*\bliver\b|hepatic metasta/i.test(record.diagnosis)) {
    resources.push(secondary(`case-${record.id}-liver-metastases`, concept(SNOMED, '94381002', 'Secondary malignant neoplasm of liver (disorder)')));
  }
  (f.extrahepatic_sites ?? []).forEach((site, i) => {
    resources.push(secondary(`case-${record.id}-site-${i + 1}`, { coding: [{ system: SNOMED, code: '128462008', display: 'Secondary malignant neoplastic disease' }], text: `Secondary malignant neoplasm of ${site}` }));
  });
  if (typeof f.ecog === 'number') {
    const ecog: Observation = {
      resourceType: 'Observation', id: `case-${record.id}-ecog`, meta: { profile: [`${MCODE}/mcode-ecog-performance-status`] }, status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'survey')],
      code: concept(LOINC, '89247-1', 'ECOG Performance Status score'), subject, effectiveDateTime: effective, valueInteger: f.ecog,
    };
    resources.push(ecog);
  }
  for (const lab of LABS) {
    const value = f[lab.fact];
    if (typeof value !== 'number') continue;
    const obs: Observation = {
      resourceType: 'Observation', id: `case-${record.id}-${lab.loinc}`, status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'laboratory')],
      code: concept(LOINC, lab.loinc, lab.display), subject, effectiveDateTime: effective,
      valueQuantity: { value, unit: lab.unit, system: UCUM, code: lab.code },
    };
    resources.push(obs);
  }
  (f.prior_chemo_agents ?? []).forEach((agent, i) => {
    const med: MedicationStatement = {
      resourceType: 'MedicationStatement', id: `case-${record.id}-agent-${i + 1}`,
      meta: { profile: [`${MCODE}/mcode-cancer-related-medication-administration`] }, status: 'completed',
      medicationCodeableConcept: { text: agent }, subject,
    };
    resources.push(med);
  });
  for (const p of plans) {
    const planned = planResource({
      id: `case-${record.id}-decision-${p.decision_id}`, plan: p.plan, subject, state: 'planned',
      reasonText: `Intent: ${intentLabel(p.intent)}`, notes: [`Decided by the tumour board on ${p.decided_on}`],
    });
    resources.push(planned);
  }
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.resourceType}-${resource.id ?? ''}`, resource }));
  return {
    resourceType: 'Bundle',
    id: `tumour-board-case-${record.id}`,
    meta: { profile: [`${MCODE}/mcode-patient-bundle`] },
    type: 'collection',
    timestamp: now.toISOString(),
    entry,
  };
}
