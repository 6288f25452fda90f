/**
 * One PDF export (the minutes, or one case's outcome letter): runs `minutes.exportPdf` without blocking the UI,
 * counts the seconds while Chromium renders, and keeps the last result or failure. A second click while one
 * runs does nothing (the button is disabled as well).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient, OpOutput } from '../../../shared/api';

export type ExportResult = OpOutput<'minutes.exportPdf'>;

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; seconds: number }
  | { phase: 'done'; result: ExportResult }
  | { phase: 'failed'; message: string };

export function useExport(api: ApiClient, target: { meeting_id: number; case_id?: number }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef(false);
  const mounted = useRef(true);
  const { meeting_id, case_id } = target;

  useEffect(() => () => { mounted.current = false; }, []);
  useEffect(() => {
    if (state.phase !== 'running') return;
    const timer = setInterval(() => {
      setState((s) => (s.phase === 'running' ? { phase: 'running', seconds: s.seconds + 1 } : s));
    }, 1000);
    return () => clearInterval(timer);
  }, [state.phase]);

  const run = useCallback(async (): Promise<ExportResult | null> => {
    if (running.current) return null;
    running.current = true;
    setState({ phase: 'running', seconds: 0 });
    try {
      const result = await api.invoke('minutes.exportPdf', case_id === undefined ? { meeting_id } : { meeting_id, case_id });
      if (mounted.current) setState({ phase: 'done', result });
      return result;
    } catch (error) {
      if (mounted.current) setState({ phase: 'failed', message: error instanceof Error ? error.message : 'the export failed' });
      return null;
    } finally {
      running.current = false;
    }
  }, [api, meeting_id, case_id]);

  return { state, run };
}
