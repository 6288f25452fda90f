/** One error class for every bad input the engine or a calculator receives; `field` names the culprit. */
export class EngineInputError extends Error {
  readonly field: string;
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'EngineInputError';
    this.field = field;
  }
}

/** A finite number within [min, max]; anything else throws naming the field. */
export function requireNumber(field: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new EngineInputError(field, 'must be a finite number');
  if (value < min) throw new EngineInputError(field, `must be ≥ ${min} (got ${value})`);
  if (value > max) throw new EngineInputError(field, `must be ≤ ${max} (got ${value})`);
  return value;
}

/** A finite number strictly greater than zero. */
export function requirePositive(field: string, value: unknown, max = Infinity): number {
  const v = requireNumber(field, value, 0, max);
  if (v === 0) throw new EngineInputError(field, 'must be > 0');
  return v;
}

/** Round half away from zero to `dp` decimals (so −2.685 → −2.69, as a reader expects). */
export function roundTo(value: number, dp: number): number {
  const f = 10 ** dp;
  // The 1e-9 nudge absorbs binary representation error (e.g. 1.005 stored as 1.00499999…).
  return (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
}
