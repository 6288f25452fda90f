import { describe, expect, it } from 'vitest';
import { caseFactsShape, CASE_FACT_KEYS } from '../../shared/facts/facts';
import { FACT_FIELDS, FACT_GROUPS } from '../../renderer/form/fields';
import { buildInput, emptyValues, parseNumber, pathToField, validFacts } from '../../renderer/form/model';
import { CONTRACT_UNIT_PREFS } from '../../renderer/stores/ui';

describe('case form field map', () => {
  it('puts every clinical fact of facts.ts in exactly one group', () => {
    const grouped = FACT_GROUPS.flatMap((g) => g.keys);
    expect([...grouped].sort()).toEqual([...CASE_FACT_KEYS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(FACT_GROUPS.map((g) => g.title)).toEqual([
      'Tumour', 'Disease extent', 'HCC staging', 'Surgical work-up', 'Biomarkers', 'Treatment history', 'Performance status',
      'Liver function & labs', 'Y-90 work-up', 'NET features',
    ]);
  });

  it('offers exactly the contract values for every choice field', () => {
    for (const key of CASE_FACT_KEYS) {
      const f = FACT_FIELDS[key];
      if (f.kind !== 'enum') continue;
      const schema = caseFactsShape[key];
      for (const o of f.options) expect(schema.safeParse(o.value).success, `${key}=${o.value}`).toBe(true);
      expect(schema.safeParse('not-a-value').success).toBe(false);
    }
  });
});

describe('form model', () => {
  it('parses numbers as typed in Europe and the US, and refuses text', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 34.2 ')).toBe(34.2);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });

  it('names the field of an API error path, or its nearest parent', () => {
    expect(pathToField('case.facts.ecog')).toBe('case.facts.ecog');
    expect(pathToField('case.facts.prior_chemo_agents.2')).toBe('case.facts.prior_chemo_agents');
    expect(pathToField('patient.family_name')).toBe('patient.family_name');
    expect(pathToField('patient')).toBeUndefined();
    expect(pathToField(undefined)).toBeUndefined();
  });

  it('builds a valid API input from typed text', () => {
    const v = emptyValues();
    v['patient.identifier'] = 'MRN-1';
    v['patient.family_name'] = 'Núñez';
    v['patient.birth_date'] = '1960-02-29';
    v['case.facts.primary_tumor'] = 'colorectal';
    v['case.facts.extrahepatic_sites'] = 'lung, peritoneum;bone';
    v['case.facts.liver_replacement_pct'] = '35';
    v['case.facts.resectable_or_ablatable'] = 'no';
    const built = buildInput(v, CONTRACT_UNIT_PREFS);
    expect(built.errors).toEqual({});
    expect(built.patient).toEqual({ identifier: 'MRN-1', family_name: 'Núñez', given_name: '', birth_date: '1960-02-29', sex: 'unknown' });
    expect(built.case?.facts).toEqual({ primary_tumor: 'colorectal', extrahepatic_sites: ['lung', 'peritoneum', 'bone'], liver_replacement_pct: 35, resectable_or_ablatable: false });
  });

  it('reports a non-number, a fraction where a whole number is needed, and a future birth date', () => {
    const v = emptyValues();
    v['patient.identifier'] = 'MRN-1';
    v['patient.family_name'] = 'X';
    v['patient.birth_date'] = '2999-01-01';
    v['case.facts.inr'] = 'high';
    v['case.facts.lesion_count'] = '2.5';
    const { errors } = buildInput(v, CONTRACT_UNIT_PREFS);
    expect(errors).toEqual({
      'patient.birth_date': 'Date of birth cannot be in the future',
      'case.facts.inr': 'INR must be a number',
      'case.facts.lesion_count': 'Number of liver lesions must be a whole number',
    });
    expect(validFacts(v, CONTRACT_UNIT_PREFS)).toEqual({});
  });
});
