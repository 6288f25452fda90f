/**
 * FHIR R4 / mCODE → patient and CONTRACT facts, per EVIDENCE.md section 5: Patient; primary and secondary
 * cancer conditions (liver metastases = SNOMED 94381002 / ICD-10 C78.7); ECOG (LOINC 89247-1); TNM (LOINC
 * 21905-5/21906-3/21907-1/21908-9 and the pathological codes); tumour markers and genomic variants; cancer
 * medications → prior agents and lines; labs by LOINC with unit conversion. The older STU1/STU2 profile URLs
 * are accepted (they are only hints: codes decide). Everything read is reported as mapped or not mapped.
 */
import type { CodeableConcept, Coding, Condition, Observation, Patient, Quantity } from '@medplum/fhirtypes';
import type { CaseFacts, PrimaryTumor } from '../../../shared/facts/facts';
import type { PatientInput } from '../../../shared/domain/case';
import { roundTo } from '../../../shared/domain/units';
import type { FhirContent, Medication } from './read';

export interface MappedItem { resource: string; target: string; value: string; note?: string }
export interface SkippedItem { resource: string; reason: string }

export interface FhirMapping {
  patient: PatientInput | null;
  patientErrors: string[];
  facts: CaseFacts;
  diagnosis: string;
  mapped: MappedItem[];
  not_mapped: SkippedItem[];
}

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const ICD10 = /icd-?10/i;

/** mCODE profile ids by their current (STU4) name, with the older names real files carry. */
const PROFILE_ALIASES: Record<string, string> = {
  'mcode-tnm-clinical-stage-group': 'mcode-tnm-stage-group',
  'mcode-tnm-pathological-stage-group': 'mcode-tnm-stage-group',
  'mcode-tnm-clinical-primary-tumor-category': 'mcode-tnm-primary-tumor-category',
  'mcode-tnm-clinical-regional-nodes-category': 'mcode-tnm-regional-nodes-category',
  'mcode-tnm-clinical-distant-metastases-category': 'mcode-tnm-distant-metastases-category',
  'mcode-tumor-marker': 'mcode-tumor-marker-test',
  'mcode-cancer-related-medication-statement': 'mcode-cancer-related-medication-administration',
  'mcode-cancer-genetic-variant': 'mcode-genomic-variant',
  'mcode-cancer-related-radiation-procedure': 'mcode-radiotherapy-course-summary',
};

export function profilesOf(resource: { meta?: { profile?: string[] } }): string[] {
  return (resource.meta?.profile ?? []).map((url) => {
    const id = url.split('/').pop() ?? url;
    return PROFILE_ALIASES[id] ?? id;
  });
}

const codings = (cc: CodeableConcept | undefined): Coding[] => cc?.coding ?? [];
const displayOf = (cc: CodeableConcept | undefined): string =>
  cc?.text ?? codings(cc).find((c) => c.display)?.display ?? codings(cc).map((c) => `${c.system ?? ''}|${c.code ?? ''}`).join(', ');

// ---- primary tumour --------------------------------------------------------------------------------------

const PRIMARY_SNOMED: Record<string, PrimaryTumor> = {
  '408643008': 'breast', '254837009': 'breast', '372064008': 'breast', '1080261000119100': 'breast',
  '363406005': 'colorectal', '93761005': 'colorectal', '363351006': 'colorectal', '93984006': 'colorectal', '109838007': 'colorectal', '94260004': 'colorectal',
  '25370001': 'hcc', '187769009': 'hcc', '109841003': 'hcc',
  '254637007': 'lung', '363358000': 'lung', '254632001': 'lung', '93880001': 'lung',
  '363418001': 'pancreatic_adenocarcinoma', '372142002': 'pancreatic_adenocarcinoma', '700423003': 'pancreatic_adenocarcinoma',
  '372244006': 'melanoma', '93655004': 'melanoma', '274087000': 'uveal_melanoma', '1095931000119109': 'uveal_melanoma',
  '312104005': 'cholangiocarcinoma', '70179006': 'cholangiocarcinoma', '255047006': 'cholangiocarcinoma',
  '255046002': 'neuroendocrine', '443492008': 'neuroendocrine', '1651000119109': 'neuroendocrine',
  '424413001': 'sarcoma', '2424003': 'sarcoma',
};

function primaryFromIcd10(code: string): PrimaryTumor | undefined {
  const c = code.toUpperCase();
  if (/^C7A/.test(c)) return 'neuroendocrine';
  if (/^C1[89]|^C20/.test(c)) return 'colorectal';
  if (/^C22\.0/.test(c)) return 'hcc';
  if (/^C22\.1|^C24\.0/.test(c)) return 'cholangiocarcinoma';
  if (/^C50/.test(c)) return 'breast';
  if (/^C34/.test(c)) return 'lung';
  if (/^C25/.test(c)) return 'pancreatic_adenocarcinoma';
  if (/^C69/.test(c)) return 'uveal_melanoma';
  if (/^C43/.test(c)) return 'melanoma';
  if (/^C4[59]/.test(c)) return 'sarcoma';
  return undefined;
}

const PRIMARY_WORDS: [RegExp, PrimaryTumor][] = [
  [/uveal|choroid/i, 'uveal_melanoma'], [/melanoma/i, 'melanoma'], [/neuroendocrine|carcinoid/i, 'neuroendocrine'],
  [/hepatocellular/i, 'hcc'], [/cholangio|bile duct/i, 'cholangiocarcinoma'], [/colon|rect|colorectal|sigmoid|caec|cecum/i, 'colorectal'],
  [/breast/i, 'breast'], [/lung|bronch/i, 'lung'], [/pancrea/i, 'pancreatic_adenocarcinoma'], [/sarcoma/i, 'sarcoma'],
];

/** The primary a condition's code names: by SNOMED or ICD-10 code first, by its display text only as a fallback. */
export function primaryOf(cc: CodeableConcept | undefined): { primary: PrimaryTumor; by: 'code' | 'text' } | undefined {
  for (const c of codings(cc)) {
    if (c.system === SNOMED && c.code && PRIMARY_SNOMED[c.code]) return { primary: PRIMARY_SNOMED[c.code] as PrimaryTumor, by: 'code' };
    if (c.system && ICD10.test(c.system) && c.code) {
      const p = primaryFromIcd10(c.code);
      if (p) return { primary: p, by: 'code' };
    }
  }
  const text = displayOf(cc);
  if (/malignan|carcinoma|cancer|neoplasm|tumou?r|melanoma|sarcoma/i.test(text) && !/secondary|metasta/i.test(text)) {
    const hit = PRIMARY_WORDS.find(([re]) => re.test(text));
    if (hit) return { primary: hit[1], by: 'text' };
  }
  return undefined;
}

// ---- secondary sites -------------------------------------------------------------------------------------

export const LIVER_METASTASIS_SNOMED = '94381002';
const SECONDARY_SNOMED: Record<string, string> = {
  '94381002': 'liver', '94222008': 'bone', '94181007': 'axillary lymph nodes', '94391008': 'lung', '94225005': 'brain',
  '94297009': 'peritoneum', '94365004': 'lymph nodes', '94493005': 'pleura', '94579000': 'skin', '94602001': 'spinal cord',
  '94217008': 'adrenal gland', '94246001': 'ovary', '94153002': 'abdominal lymph nodes',
};

function secondarySite(cond: Condition, profiles: string[]): string | undefined {
  for (const c of codings(cond.code)) {
    if (c.system === SNOMED && c.code && SECONDARY_SNOMED[c.code]) return SECONDARY_SNOMED[c.code];
    if (c.system && ICD10.test(c.system) && c.code && /^C78\.7/i.test(c.code)) return 'liver';
  }
  const text = displayOf(cond.code);
  const m = /secondary malignant neoplasm of (.+?)( \(disorder\))?$/i.exec(text) ?? /metasta\w* (?:to|of|in) (?:the )?(.+)$/i.exec(text);
  if (m?.[1]) return m[1].toLowerCase();
  if (profiles.includes('mcode-secondary-cancer-condition')) {
    const site = cond.bodySite?.[0];
    return site ? displayOf(site).toLowerCase() : 'unspecified site';
  }
  return undefined;
}

// ---- observations ----------------------------------------------------------------------------------------

const ECOG_LA: Record<string, number> = { 'LA9622-7': 0, 'LA9623-5': 1, 'LA9624-3': 2, 'LA9625-0': 3, 'LA9626-8': 4, 'LA9627-6': 5 };
const TNM: Record<string, string> = {
  '21905-5': 'T', '21906-3': 'N', '21907-1': 'M', '21908-9': 'stage',
  '21899-0': 'pT', '21900-6': 'pN', '21901-4': 'pM', '21902-2': 'pathological stage',
};

interface Lab {
  fact: 'bilirubin_mg_dl' | 'albumin_g_dl' | 'inr' | 'creatinine_mg_dl' | 'sodium_mmol_l' | 'granulocytes_10e9_l' | 'height_cm' | 'weight_kg';
  name: string;
  /** UCUM code (lower-cased) → factor to the CONTRACT unit. */
  units: Record<string, number>;
  decimals: number;
}
const LABS: Record<string, Lab> = {};
const lab = (codes: string[], l: Lab) => { for (const c of codes) LABS[c] = l; };
lab(['1975-2', '42719-5', '14631-6'], { fact: 'bilirubin_mg_dl', name: 'bilirubin', units: { 'mg/dl': 1, 'umol/l': 1 / 17.1, 'µmol/l': 1 / 17.1 }, decimals: 4 });
lab(['1751-7', '61151-7', '2862-1'], { fact: 'albumin_g_dl', name: 'albumin', units: { 'g/dl': 1, 'g/l': 1 / 10 }, decimals: 4 });
lab(['6301-6', '34714-6', '46418-0'], { fact: 'inr', name: 'INR', units: { '{inr}': 1, '{ratio}': 1, '1': 1, '': 1, 'inr': 1 }, decimals: 2 });
lab(['2160-0', '38483-4', '14682-9'], { fact: 'creatinine_mg_dl', name: 'creatinine', units: { 'mg/dl': 1, 'umol/l': 1 / 88.4, 'µmol/l': 1 / 88.4 }, decimals: 4 });
lab(['2951-2', '2947-0'], { fact: 'sodium_mmol_l', name: 'sodium', units: { 'mmol/l': 1, 'meq/l': 1 }, decimals: 1 });
lab(['751-8', '26499-4', '753-4'], { fact: 'granulocytes_10e9_l', name: 'neutrophils', units: { '10*3/ul': 1, '10*9/l': 1, '10^9/l': 1, 'k/ul': 1, '/nl': 1 }, decimals: 2 });
lab(['8302-2', '8306-3'], { fact: 'height_cm', name: 'body height', units: { cm: 1, m: 100, '[in_i]': 2.54, in: 2.54 }, decimals: 1 });
lab(['29463-7', '3141-9'], { fact: 'weight_kg', name: 'body weight', units: { kg: 1, g: 0.001, '[lb_av]': 0.45359237, lb: 0.45359237 }, decimals: 1 });

const TUMOUR_MARKERS: Record<string, string> = {
  '2039-6': 'CEA', '1834-1': 'AFP', '9811-1': 'chromogranin A', '1695-6': '5-HIAA (urine)', '40556-3': 'ER', '40557-1': 'PR',
  '18474-7': 'HER2', '62862-8': 'MSI', '85319-2': 'HER2', '85337-4': 'ER', '85339-0': 'PR', '2857-1': 'PSA', '24108-3': 'CA 19-9', '10334-1': 'CA 125',
};

const effectiveOf = (o: Observation | Medication): string => {
  const r = o as { effectiveDateTime?: string; effectivePeriod?: { start?: string }; issued?: string; authoredOn?: string };
  return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.authoredOn ?? r.issued ?? '';
};

function quantityValue(q: Quantity | undefined, l: Lab): { value?: number; why?: string } {
  if (q?.value === undefined) return { why: 'no numeric value' };
  const unit = (q.code ?? q.unit ?? '').trim().toLowerCase();
  const factor = l.units[unit];
  if (factor === undefined) return { why: `unit "${q.code ?? q.unit ?? ''}" is not one this import converts (${Object.keys(l.units).filter(Boolean).join(', ')})` };
  return { value: roundTo(q.value * factor, l.decimals) };
}

// ---- medications ------------------------------------------------------------------------------------------

const HEPATOTOXIC = new Set(['oxaliplatin', 'irinotecan']);
function agentOf(m: Medication): string | undefined {
  const cc = m.medicationCodeableConcept;
  const text = cc ? displayOf(cc) : (m.medicationReference?.display ?? '');
  const word = text.trim().split(/[\s,]+/)[0]?.toLowerCase().replace(/[^a-z0-9-]/g, '');
  return word || undefined;
}

// ---- the mapping ------------------------------------------------------------------------------------------

function patientOf(p: Patient, label: string, errors: string[]): PatientInput | null {
  const identifiers = p.identifier ?? [];
  const mr = identifiers.find((i) => codings(i.type).some((c) => c.code === 'MR') && i.value) ?? identifiers.find((i) => i.value);
  const identifier = mr?.value?.trim() ?? '';
  if (!identifier) errors.push(`${label}: identifier is missing; a patient needs one so that a re-import finds them`);
  else if (identifier.length > 40 || !/^[\p{L}\p{N}\-_/.]+$/u.test(identifier)) errors.push(`${label}: identifier "${identifier.slice(0, 60)}" is not one this app stores (letters, digits and - _ / . only, at most 40)`);
  const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
  const family = (name?.family ?? name?.text ?? '').trim();
  if (!family) errors.push(`${label}: name.family is missing`);
  const birth = p.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) ? p.birthDate : null;
  return errors.length ? null : {
    identifier, family_name: family.slice(0, 100), given_name: (name?.given ?? []).join(' ').slice(0, 100), birth_date: birth, sex: p.gender ?? 'unknown',
  };
}

export function mapFhir(content: FhirContent, boardDate = new Date()): FhirMapping {
  const mapped: MappedItem[] = [];
  const notMapped: SkippedItem[] = [];
  const facts: Record<string, unknown> = {};
  const patientErrors: string[] = [];
  let patient: PatientInput | null = null;
  const first = content.patients[0];
  if (content.patients.length === 0) patientErrors.push('no Patient resource in the file');
  else if (content.patients.length > 1) patientErrors.push(`${content.patients.length} Patient resources in one file (${content.patients.map((p) => p.label).join(', ')}); import one patient per file`);
  else if (first) {
    patient = patientOf(first.resource, first.label, patientErrors);
    if (patient) {
      mapped.push({ resource: first.label, target: 'patient', value: `${patient.family_name}, ${patient.given_name} (${patient.identifier})` });
      if (patient.birth_date) {
        const b = new Date(`${patient.birth_date}T00:00:00Z`);
        let age = boardDate.getUTCFullYear() - b.getUTCFullYear();
        if (boardDate.getUTCMonth() < b.getUTCMonth() || (boardDate.getUTCMonth() === b.getUTCMonth() && boardDate.getUTCDate() < b.getUTCDate())) age--;
        facts.age = age;
        mapped.push({ resource: first.label, target: 'age', value: String(age), note: 'from birthDate at the import date' });
      }
    }
  }

  // Conditions: primaries and secondary sites.
  const primaries: { label: string; primary: PrimaryTumor; text: string }[] = [];
  const sites: { label: string; site: string }[] = [];
  for (const { label, resource: c } of content.conditions) {
    const profiles = profilesOf(c);
    const status = codings(c.clinicalStatus)[0]?.code;
    if (status && ['inactive', 'resolved', 'remission'].includes(status)) {
      notMapped.push({ resource: label, reason: `clinicalStatus ${status}: not a current condition (${displayOf(c.code)})` });
      continue;
    }
    const site = secondarySite(c, profiles);
    if (site) {
      sites.push({ label, site });
      continue;
    }
    const primary = primaryOf(c.code);
    if (primary && (profiles.includes('mcode-primary-cancer-condition') || primary.by === 'code' || profiles.length === 0)) {
      primaries.push({ label, primary: primary.primary, text: displayOf(c.code) });
      continue;
    }
    notMapped.push({ resource: label, reason: `condition not used for case facts: ${displayOf(c.code)}` });
  }
  const distinctPrimaries = [...new Set(primaries.map((p) => p.primary))];
  if (distinctPrimaries.length === 1 && primaries[0]) {
    facts.primary_tumor = distinctPrimaries[0];
    for (const p of primaries) mapped.push({ resource: p.label, target: 'primary_tumor', value: p.primary, note: p.text });
  } else if (distinctPrimaries.length > 1) {
    for (const p of primaries) notMapped.push({ resource: p.label, reason: `one of ${distinctPrimaries.length} different primary cancers (${distinctPrimaries.join(', ')}): choose primary_tumor in the case form` });
  }
  const liver = sites.filter((s) => s.site === 'liver');
  for (const s of liver) mapped.push({ resource: s.label, target: 'liver metastases', value: 'present', note: `SNOMED ${LIVER_METASTASIS_SNOMED} (diagnosis text)` });
  const extra = sites.filter((s) => s.site !== 'liver');
  if (extra.length) {
    facts.extrahepatic_sites = [...new Set(extra.map((s) => s.site))];
    for (const s of extra) mapped.push({ resource: s.label, target: 'extrahepatic_sites', value: s.site });
  }

  // Observations.
  const stage: Record<string, string> = {};
  const markers: string[] = [];
  const latest = new Map<string, { at: string; value: number; label: string; note: string }>();
  for (const { label, resource: o } of content.observations) {
    const profiles = profilesOf(o);
    if (['cancelled', 'entered-in-error'].includes(o.status)) {
      notMapped.push({ resource: label, reason: `status ${o.status}` });
      continue;
    }
    const loinc = codings(o.code).find((c) => c.system === LOINC)?.code ?? '';
    const at = effectiveOf(o);
    if (loinc === '89247-1' || profiles.includes('mcode-ecog-performance-status')) {
      const la = codings(o.valueCodeableConcept).find((c) => c.code && c.code in ECOG_LA)?.code;
      const value = o.valueInteger ?? (la ? ECOG_LA[la] : undefined);
      if (value === undefined) notMapped.push({ resource: label, reason: 'ECOG without valueInteger or an LA answer code' });
      else if (value > 4) notMapped.push({ resource: label, reason: `ECOG ${value} (dead) is outside 0–4` });
      else {
        const prev = latest.get('ecog');
        if (!prev || at >= prev.at) latest.set('ecog', { at, value, label, note: at ? `effective ${at}` : '' });
      }
      continue;
    }
    const tnm = TNM[loinc];
    if (tnm) {
      const v = codings(o.valueCodeableConcept)[0];
      const text = (tnm.includes('stage') ? v?.display ?? v?.code : v?.code ?? v?.display) ?? o.valueCodeableConcept?.text;
      if (text) {
        stage[tnm] = text;
        mapped.push({ resource: label, target: `diagnosis (TNM ${tnm})`, value: text, note: 'TNM has no CONTRACT fact; kept in the diagnosis text' });
      } else notMapped.push({ resource: label, reason: `TNM ${tnm} without a value` });
      continue;
    }
    const labDef = LABS[loinc];
    if (labDef) {
      const q = quantityValue(o.valueQuantity, labDef);
      if (q.value === undefined) notMapped.push({ resource: label, reason: `${labDef.name}: ${q.why ?? 'no value'}` });
      else {
        const prev = latest.get(labDef.fact);
        if (!prev || at >= prev.at) latest.set(labDef.fact, { at, value: q.value, label, note: `${labDef.name} ${o.valueQuantity?.value ?? ''} ${o.valueQuantity?.unit ?? o.valueQuantity?.code ?? ''}${at ? `, ${at}` : ''}` });
      }
      continue;
    }
    const marker = TUMOUR_MARKERS[loinc];
    if (marker || profiles.includes('mcode-tumor-marker-test')) {
      const v = o.valueCodeableConcept ? displayOf(o.valueCodeableConcept).replace(/ \(qualifier value\)$/, '').toLowerCase() : o.valueQuantity ? `${o.valueQuantity.value ?? ''} ${o.valueQuantity.unit ?? ''}`.trim() : (o.valueString ?? '');
      const name = marker ?? displayOf(o.code);
      markers.push(`${name} ${v}`.trim());
      mapped.push({ resource: label, target: 'diagnosis (tumour marker)', value: `${name} ${v}`.trim(), note: 'no CONTRACT fact; kept in the diagnosis text' });
      continue;
    }
    if (profiles.includes('mcode-genomic-variant') || loinc === '69548-6') {
      const gene = (o.component ?? []).map((c) => codings(c.valueCodeableConcept).find((x) => x.system?.includes('genenames'))).find(Boolean);
      const geneName = gene?.display ?? gene?.code ?? 'unknown gene';
      if (/\bKRAS\b|HGNC:6407/i.test(`${gene?.display ?? ''} ${gene?.code ?? ''}`)) {
        const present = codings(o.valueCodeableConcept).some((c) => c.code === 'LA9633-4');
        const absent = codings(o.valueCodeableConcept).some((c) => c.code === 'LA9634-2');
        if (present || absent) {
          facts.kras_status = present ? 'mutant' : 'wild_type';
          mapped.push({ resource: label, target: 'kras_status', value: String(facts.kras_status) });
          continue;
        }
      }
      notMapped.push({ resource: label, reason: `genomic variant (${geneName}): no CONTRACT fact` });
      continue;
    }
    if (loinc === '21889-1' || profiles.includes('mcode-tumor-size')) {
      notMapped.push({ resource: label, reason: 'tumour size: no CONTRACT fact (largest_nodule_cm is entered for HCC nodules by the board)' });
      continue;
    }
    notMapped.push({ resource: label, reason: `observation not used for case facts: ${displayOf(o.code)}${loinc ? ` (LOINC ${loinc})` : ''}` });
  }
  for (const [fact, v] of latest) {
    facts[fact] = v.value;
    mapped.push({ resource: v.label, target: fact, value: String(v.value), ...(v.note ? { note: v.note } : {}) });
  }

  // Medications → agents and regimens (line of therapy is not an mCODE element: regimens by start date).
  const regimens = new Map<string, Set<string>>();
  const agents: string[] = [];
  for (const { label, resource: m } of content.medications) {
    if (['entered-in-error', 'not-taken', 'cancelled', 'not-done', 'draft'].includes(m.status)) {
      notMapped.push({ resource: label, reason: `status ${m.status}` });
      continue;
    }
    const agent = agentOf(m);
    if (!agent) {
      notMapped.push({ resource: label, reason: 'no medication code or name' });
      continue;
    }
    if (!agents.includes(agent)) agents.push(agent);
    const start = effectiveOf(m).slice(0, 10) || 'undated';
    const set = regimens.get(start) ?? new Set<string>();
    set.add(agent);
    regimens.set(start, set);
    mapped.push({ resource: label, target: 'prior_chemo_agents', value: agent, note: `${m.resourceType} ${m.status}, ${start}` });
  }
  if (agents.length) {
    facts.prior_chemo_agents = agents;
    const dated = [...regimens.keys()].filter((k) => k !== 'undated').sort();
    if (dated.length) {
      facts.prior_systemic_lines = dated.length;
      mapped.push({ resource: 'medications', target: 'prior_systemic_lines', value: String(dated.length), note: `one line per regimen start date (${dated.map((d) => `${d}: ${[...(regimens.get(d) ?? [])].join(' + ')}`).join('; ')}); check` });
    }
    if (agents.some((a) => HEPATOTOXIC.has(a))) {
      facts.prior_hepatotoxic_chemo = true;
      mapped.push({ resource: 'medications', target: 'prior_hepatotoxic_chemo', value: 'true', note: agents.filter((a) => HEPATOTOXIC.has(a)).join(', ') });
    }
  }

  for (const r of content.others) notMapped.push({ resource: r.label, reason: `${r.resourceType} is not used for case facts` });

  const parts: string[] = [];
  if (primaries.length) parts.push([...new Set(primaries.map((p) => p.text.replace(/ \(disorder\)$/, '')))].join(' + '));
  const tnmText = ['T', 'N', 'M'].filter((k) => stage[k]).map((k) => stage[k]).join(' ');
  const pTnm = ['pT', 'pN', 'pM'].filter((k) => stage[k]).map((k) => stage[k]).join(' ');
  const stageText = [tnmText, pTnm, stage.stage ? `stage ${stage.stage}` : '', stage['pathological stage'] ? `pathological stage ${stage['pathological stage']}` : ''].filter(Boolean).join(', ');
  if (stageText) parts.push(stageText);
  if (sites.length) parts.push(`metastases: ${[...new Set(sites.map((s) => s.site))].join(', ')}`);
  if (markers.length) parts.push(markers.join(', '));
  const diagnosis = parts.join('; ').slice(0, 300);
  return { patient, patientErrors, facts: facts as CaseFacts, diagnosis, mapped, not_mapped: notMapped };
}
