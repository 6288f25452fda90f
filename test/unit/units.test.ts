import { describe, expect, it } from 'vitest';
import {
  convertLab, albuminGDlToGL, albuminGLToGDl, bilirubinMgDlToUmolL, bilirubinUmolLToMgDl, creatinineMgDlToUmolL,
  creatinineUmolLToMgDl, fromContractUnit, isLabUnit, LAB_UNITS, roundTo, toContractUnit, unitLabel, unitsFor,
} from '../../shared/domain/units';

describe('lab unit conversions (CONTRACT.md factors)', () => {
  it('bilirubin: µmol/L ÷ 17.1 → mg/dL', () => {
    expect(bilirubinUmolLToMgDl(17.1)).toBe(1);
    expect(bilirubinUmolLToMgDl(34.2)).toBe(2); // exactly the Y-90 threshold, no 2.0000000000000004
    expect(bilirubinUmolLToMgDl(20)).toBe(1.1696);
    expect(bilirubinMgDlToUmolL(2)).toBe(34.2);
    expect(bilirubinMgDlToUmolL(1.1696)).toBe(20);
  });

  it('albumin: g/L ÷ 10 → g/dL', () => {
    expect(albuminGLToGDl(35)).toBe(3.5);
    expect(albuminGLToGDl(28)).toBe(2.8);
    expect(albuminGDlToGL(3.5)).toBe(35);
    expect(albuminGDlToGL(2.9)).toBe(29);
  });

  it('creatinine: µmol/L ÷ 88.4 → mg/dL', () => {
    expect(creatinineUmolLToMgDl(88.4)).toBe(1);
    expect(creatinineUmolLToMgDl(132.6)).toBe(1.5);
    expect(creatinineUmolLToMgDl(176.8)).toBe(2); // the TACE_RENAL threshold
    expect(creatinineMgDlToUmolL(1.5)).toBe(132.6);
    expect(creatinineUmolLToMgDl(100)).toBe(1.1312);
  });

  it('the contract unit converts to itself', () => {
    expect(toContractUnit('bilirubin', 1.23, 'mg_dl')).toBe(1.23);
    expect(toContractUnit('albumin', 4.1, 'g_dl')).toBe(4.1);
    expect(fromContractUnit('creatinine', 0.9, 'mg_dl')).toBe(0.9);
    // A stored contract value is shown exactly, never rounded (re-saving must not change it).
    expect(fromContractUnit('bilirubin', 1.16959, 'mg_dl')).toBe(1.16959);
  });

  it('converts a quantity between units, both ways', () => {
    expect(convertLab('bilirubin', 1.1, 'mg_dl', 'umol_l')).toBe(18.81);
    expect(convertLab('bilirubin', 18.81, 'umol_l', 'mg_dl')).toBe(1.1);
    expect(convertLab('albumin', 38, 'g_l', 'g_dl')).toBe(3.8);
    expect(convertLab('creatinine', 1.45, 'mg_dl', 'umol_l')).toBe(128.18);
    expect(convertLab('creatinine', 0.8, 'mg_dl', 'mg_dl')).toBe(0.8);
  });

  it('round-trips typed SI values through storage for display', () => {
    for (const v of [5, 12, 34, 51.3, 300]) expect(bilirubinMgDlToUmolL(bilirubinUmolLToMgDl(v))).toBe(v);
    for (const v of [45, 60, 97, 250]) expect(creatinineMgDlToUmolL(creatinineUmolLToMgDl(v))).toBe(v);
  });

  it('rejects an unknown unit rather than guessing', () => {
    expect(() => toContractUnit('bilirubin', 1, 'g_l')).toThrow(RangeError);
    expect(isLabUnit('bilirubin', 'umol_l')).toBe(true);
    expect(isLabUnit('albumin', 'umol_l')).toBe(false);
  });

  it('lists the contract unit first, with readable labels', () => {
    expect(unitsFor('bilirubin').map((u) => u.label)).toEqual(['mg/dL', 'µmol/L']);
    expect(unitsFor('albumin').map((u) => u.label)).toEqual(['g/dL', 'g/L']);
    expect(LAB_UNITS.creatinine.fact).toBe('creatinine_mg_dl');
    expect(unitLabel('albumin', 'g_l')).toBe('g/L');
  });

  it('roundTo removes binary noise', () => {
    expect(roundTo(132.6 / 88.4, 4)).toBe(1.5);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(1e-7, 4)).toBe(0);
    expect(roundTo(-2.345, 2)).toBe(-2.34); // Math.round rounds half up
    expect(roundTo(123456789.123456, 4)).toBe(123456789.1235);
  });
});
