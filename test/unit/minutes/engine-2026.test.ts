/**
 * Issue 14 in the minutes and letters: conflicts between sources survive from the engine snapshot into the
 * option rows and the printed document; the new options print with their labels; derived scores carry their
 * sources; the strengths notice stands wherever the options do.
 */
import { describe, expect, it } from 'vitest';
import { STRENGTH_NOTICE, evaluate } from '../../../shared/engine';
import { derivedRows, fromSnapshot } from '../../../shared/minutes/build';
import { ENGINE_SUPPORT_LINE, buildLetterHtml, buildMinutesHtml, type FontUrls } from '../../../shared/minutes/html';
import { letterFromMinutes } from '../../../shared/minutes/model';
import { sampleMinutes } from '../../../shared/minutes/sample';

const FONTS: FontUrls = { regular: 'data:font/ttf;base64,UkVH', bold: 'data:font/ttf;base64,Qk9MRA==', oblique: 'data:font/ttf;base64,T0JM', boldOblique: 'data:font/ttf;base64,Qk8=' };
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HCC within Milan with portal hypertension: RESECTION `consider` with C-HCC-RESECT-PH (EVIDENCE.md 6). */
const HCC_PH = {
  primary_tumor: 'hcc', nodules: 1, largest_nodule_cm: 2.6, total_tumour_diameter_cm: 2.6, ecog: 0, portal_vein: 'patent', macrovascular_invasion: false,
  extrahepatic_disease: 'none', bilirubin_mg_dl: 1.0, albumin_g_dl: 3.9, inr: 1.1, ascites: 'none', encephalopathy: 'none', cirrhosis: true,
  resectable: true, ablatable: true, clinically_significant_portal_hypertension: true, prior_liver_transplant: false, transplant_ineligible: false,
} as const;

describe('minutes carry what the engine showed', () => {
  const snapshot = evaluate(HCC_PH);
  const part = fromSnapshot(snapshot);

  it('the conflict on RESECTION survives fromSnapshot with both sides and their evidence', () => {
    const resection = part.options.find((o) => o.option === 'RESECTION');
    expect(resection).toMatchObject({ label: 'Surgical resection (curative intent)', strength: 'consider' });
    expect(resection?.conflicts).toHaveLength(1);
    expect(resection?.conflicts[0]?.summary).toContain('portal hypertension');
    expect(resection?.conflicts[0]?.sides.map((s) => s.evidence)).toEqual([['GL-BCLC-2022'], ['GL-AASLD-HCC-2023']]);
    expect(part.options.find((o) => o.option === 'ABLATION')?.conflicts).toEqual([]);
  });

  it('the signed minutes print it, with the new option labels and the strengths notice; the letter keeps the support line', () => {
    const doc = sampleMinutes(1, { signed: true });
    const c = { ...doc.cases[0]!, ...part };
    const html = buildMinutesHtml({ ...doc, cases: [c] }, { fontUrls: FONTS });
    expect(html).toContain('Sources disagree:');
    expect(html).toContain(escaped(snapshot.options.find((o) => o.option === 'RESECTION')!.conflicts[0]!.summary));
    expect(html).toContain('Surgical resection (curative intent)');
    expect(html).toContain('Refer for liver-transplant assessment');
    expect(html).toContain(escaped(STRENGTH_NOTICE));
    expect(html).not.toMatch(/>RESECTION</);
    // The letter names the plan, not the options: it carries the support line rather than the strengths table.
    const letterDoc = letterFromMinutes({ ...doc, cases: [c] }, c.case_id);
    if (!letterDoc) throw new Error('no letter for the case');
    expect(buildLetterHtml(letterDoc, { fontUrls: FONTS })).toContain(escaped(ENGINE_SUPPORT_LINE));
  });

  it('derived scores name their sources (Pugh 1973, Johnson 2015, Kamath 2001 / Kim 2008) and the new criteria', () => {
    const rows = derivedRows({ ...snapshot.derived, meld: 8, meld_na: 9, bsa_m2: 1.8 });
    const text = rows.map((r) => `${r.label}: ${r.value}`).join('\n');
    expect(text).toContain('Child-Pugh: A (5) (Pugh RNH et al. Br J Surg 1973)');
    expect(text).toContain('Johnson PJ et al. J Clin Oncol 2015');
    expect(text).toContain('MELD: 8 (Kamath PS et al. Hepatology 2001)');
    expect(text).toContain('MELD-Na: 9 (Kim WR et al. N Engl J Med 2008)');
    expect(text).toContain('BCLC stage (derived): A');
    expect(text).toContain('Milan criteria: within (Mazzaferro V et al. N Engl J Med 1996)');
    expect(text).not.toContain('EVIDENCE.md');
  });

  it('a snapshot stored before 2026-12 (no new derived keys, no conflicts key) still reads', () => {
    const old = { ...snapshot, derived: { child_pugh_score: 5, child_pugh_class: 'A', albi_score: -2.7, albi_grade: 1, meld: null, meld_na: null, bsa_m2: null } } as unknown as typeof snapshot;
    expect(derivedRows(old.derived).map((r) => r.label)).toEqual(['Child-Pugh', 'ALBI']);
    const noConflicts = { ...snapshot, options: snapshot.options.map(({ conflicts: _c, ...o }) => o) } as unknown as typeof snapshot;
    expect(fromSnapshot(noConflicts).options.every((o) => o.conflicts.length === 0)).toBe(true);
  });
});
