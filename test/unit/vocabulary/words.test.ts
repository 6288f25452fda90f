/**
 * Issue 13: errors name the field as the form labels it, and the engine's sentences read in words (no rule ids,
 * flag or option codes, strength words), with the codes still available on demand.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/engine';
import { generateDemoCases } from '../../../shared/demo/generate';
import { codesIn, engineTextInWords, fieldPathLabel, readableError, readableProblem } from '../../../shared/vocabulary';

describe('readableError', () => {
  it('names a lesion field as the assessment form labels it', () => {
    expect(readableError('current[0].diameter_mm: must be ≥ 0 (got -1)', 'current[0].diameter_mm'))
      .toBe('Lesion 1 current diameter (mm) must be at least 0 (got -1)');
    expect(readableError('baseline.1.viable_diameter_mm: must be ≤ 1000 (got 2000)', 'baseline.1.viable_diameter_mm'))
      .toBe('Lesion 2 baseline diameter (mm) must be at most 1000 (got 2000)');
  });

  it("rewrites the schema library's default texts and prefixes the fact's label", () => {
    expect(readableError('case.facts.ecog: Too big: expected number to be <=4', 'case.facts.ecog')).toBe('ECOG performance status must be at most 4');
    expect(readableError('facts.age: Too small: expected number to be >=18', 'facts.age')).toBe('Age must be at least 18');
    expect(readableError('meeting.attendees.2.name: Too small: expected string to have >=1 characters', 'meeting.attendees.2.name'))
      .toBe('Name (row 3 of Attendees) is required');
    expect(readableError('plan: Invalid option: expected one of "a"|"b"', 'plan')).toBe('Plan is not one of the choices');
    expect(readableError('actions: Too big: expected array to have <=20 items', 'actions')).toBe('Actions may list at most 20 entries');
  });

  it('keeps our own sentences and never invents a field', () => {
    expect(readableError('Only the chair signs the minutes.')).toBe('Only the chair signs the minutes.');
    expect(readableError('bad.json is not JSON: Unexpected token')).toBe('bad.json is not JSON: Unexpected token');
    expect(readableProblem('Invalid input: expected int, received number')).toBe('must be a whole number');
    expect(fieldPathLabel('case.last_imaging_date')).toBe('Date of latest imaging');
  });
});

describe('engineTextInWords', () => {
  it('turns a to-do reason into words, keeping the codes for a details toggle', () => {
    const why = 'could make transarterial options not_recommended: S-PS (ECOG ≥ 3 or expected survival < 3 months); also R-CRC-04, R-CRC-05, POOR_PERFORMANCE_STATUS';
    expect(engineTextInWords(why)).toBe('could make transarterial options not recommended: ECOG ≥ 3 or expected survival < 3 months; it may also raise “Poor performance status”');
    expect(codesIn(why)).toEqual(['S-PS', 'R-CRC-04', 'R-CRC-05', 'POOR_PERFORMANCE_STATUS']);
  });

  it('drops a rationale\'s leading rule id and a trailing one in brackets', () => {
    expect(engineTextInWords('S-TACE-BURDEN: massive replacement of both lobes — liver failure risk')).toBe('massive replacement of both lobes — liver failure risk');
    expect(engineTextInWords('Caution: bile-duct obstruction, applies to the TACE part (S-TACE-BILIARY)')).toBe('Caution: bile-duct obstruction, applies to the TACE part');
  });

  it('leaves no rule id, CODE_CASE or snake_case word in any sentence the engine says about 300 demo cases', () => {
    const leftovers = new Set<string>();
    for (const c of generateDemoCases(300)) {
      const out = evaluate(c.case.facts);
      const texts = [...out.options.flatMap((o) => [o.rationale, ...o.conflicts.flatMap((k) => [k.summary, ...k.sides.map((s) => s.position)])]), ...out.missing.map((m) => m.why)];
      for (const t of texts) {
        for (const m of engineTextInWords(t).matchAll(/\b[SR]-[A-Z]{2,}[A-Z0-9-]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[a-z]+_[a-z_]+\b/g)) leftovers.add(m[0]);
      }
    }
    expect([...leftovers]).toEqual([]);
  });
});
