/** Loads an agenda case's facts (once per meeting) and evaluates them with the shared engine. */
import { useEffect, useMemo } from 'react';
import type { CaseFacts } from '../../../shared/facts/facts';
import { useMeetings, useStores } from '../../stores/context';
import { evaluateFacts, type Evaluation } from '../evidence/useEvaluation';

export type CaseEvaluation = (Evaluation & { facts: CaseFacts }) | { ok: false; loading: true; field: null; message: string; facts: null };

export function useCaseEngine(caseId: number | null): CaseEvaluation {
  const stores = useStores();
  const record = useMeetings((s) => (caseId === null ? undefined : s.cases[caseId]));
  useEffect(() => {
    if (caseId !== null && !record) void stores.meetings.getState().loadCase(caseId).catch(() => undefined);
  }, [caseId, record, stores]);
  return useMemo<CaseEvaluation>(() => {
    if (!record) return { ok: false, loading: true, field: null, message: 'loading the case', facts: null };
    return { ...evaluateFacts(record.facts), facts: record.facts };
  }, [record]);
}
