/**
 * Body surface area in m² (EVIDENCE.md 3.4). Height in cm, weight in kg.
 * Mosteller: √(height × weight / 3600). DuBois & DuBois: 0.007184 × weight^0.425 × height^0.725.
 * The engine's `derived.bsa_m2` uses Mosteller rounded to 2 decimals; the Y-90 resin calculator takes
 * the formula as a parameter so the chosen one can be stored with the plan.
 */
import { requirePositive } from '../errors';

export type BsaFormula = 'mosteller' | 'dubois';

export const bsaMostellerUnchecked = (height_cm: number, weight_kg: number): number => Math.sqrt((height_cm * weight_kg) / 3600);
export const bsaDuBoisUnchecked = (height_cm: number, weight_kg: number): number => 0.007184 * weight_kg ** 0.425 * height_cm ** 0.725;

export function bsaM2(input: { height_cm: number; weight_kg: number; formula: BsaFormula }): number {
  const h = requirePositive('height_cm', input.height_cm, 300);
  const w = requirePositive('weight_kg', input.weight_kg, 500);
  return input.formula === 'dubois' ? bsaDuBoisUnchecked(h, w) : bsaMostellerUnchecked(h, w);
}
export const bsaMosteller = (height_cm: number, weight_kg: number): number => bsaM2({ height_cm, weight_kg, formula: 'mosteller' });
export const bsaDuBois = (height_cm: number, weight_kg: number): number => bsaM2({ height_cm, weight_kg, formula: 'dubois' });
