/** Evaluates the facts with the shared engine (pure and synchronous) once per change of the facts. */
import { useMemo } from 'react';
import type { CaseFacts } from '../../../shared/facts/facts';
import { EngineInputError, evaluate, type EngineOutput } from '../../../shared/engine';

export type Evaluation =
  | { ok: true; output: EngineOutput }
  | { ok: false; field: string | null; message: string };

export function evaluateFacts(facts: CaseFacts): Evaluation {
  try {
    return { ok: true, output: evaluate(facts) };
  } catch (error) {
    if (error instanceof EngineInputError) return { ok: false, field: error.field, message: error.message.replace(/^[\w.]+:\s*/, '') };
    return { ok: false, field: null, message: error instanceof Error ? error.message : 'the engine could not evaluate these facts' };
  }
}

export function useEvaluation(facts: CaseFacts): Evaluation {
  return useMemo(() => evaluateFacts(facts), [facts]);
}
