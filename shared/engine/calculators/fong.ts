/**
 * Fong clinical risk score for colorectal liver metastases (EVIDENCE.md 3.14, added 2026-12; Fong Y et al. Ann Surg
 * 1999;230(3):309-318, EV-FONG-1999). One point each: node-positive primary; disease-free interval < 12 months
 * (0 = synchronous); > 1 liver lesion; CEA > 200 ng/mL; largest lesion > 5 cm. Strict inequalities as published.
 * Null if any input is unknown; displayed for the board, no rule reads it.
 */
import type { CaseFacts } from '../../facts/facts';
import { EngineInputError, requireNumber } from '../errors';

export type FongFacts = Pick<CaseFacts, 'node_positive_primary' | 'disease_free_interval_months' | 'lesion_count' | 'cea_ng_ml' | 'largest_lesion_cm'>;

export function fongScoreOrNull(f: FongFacts): number | null {
  const { node_positive_primary: node, disease_free_interval_months: dfi, lesion_count: n, cea_ng_ml: cea, largest_lesion_cm: size } = f;
  if (node == null || dfi == null || n == null || cea == null || size == null) return null;
  return (node ? 1 : 0) + (dfi < 12 ? 1 : 0) + (n > 1 ? 1 : 0) + (cea > 200 ? 1 : 0) + (size > 5 ? 1 : 0);
}

/** The score from complete inputs; throws naming the field when one is missing or out of range. */
export function fongScore(f: Required<{ [K in keyof FongFacts]: NonNullable<FongFacts[K]> }>): number {
  if (typeof f.node_positive_primary !== 'boolean') throw new EngineInputError('node_positive_primary', 'must be true or false');
  requireNumber('disease_free_interval_months', f.disease_free_interval_months, 0, 600);
  requireNumber('lesion_count', f.lesion_count, 0, 1000);
  requireNumber('cea_ng_ml', f.cea_ng_ml, 0, 1_000_000);
  requireNumber('largest_lesion_cm', f.largest_lesion_cm, 0, 50);
  return fongScoreOrNull(f) as number;
}
