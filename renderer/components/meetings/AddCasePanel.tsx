/**
 * Adding cases to the agenda: search the case list, see each case's readiness (the completeness gate) with what
 * is missing, list a ready case at once; a case that is not ready opens the override dialog (reason required).
 * "Carry forward" re-lists the patient as a new case copying the facts of this one, for review.
 */
import { useEffect, useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import { PRIMARY_TUMOR_LABELS } from '../../../shared/vocabulary';
import type { Readiness } from '../../../shared/domain/meeting';
import { useMeetings, useStores } from '../../stores/context';
import { failureOf } from './labels';
import { OverrideDialog } from './OverrideDialog';
import { ReadinessBadge, ReadinessDetails } from './Readiness';

interface Pending { row: CaseSummary; readiness: Readiness; mode: 'add' | 'carry' }

/** The button's visible words (also the start of its accessible name). */
const addLabel = (listed: boolean, gate: Readiness | undefined): string => (listed ? 'Listed' : gate && !gate.ready ? 'Add with override…' : 'Add to agenda');

const nameOf = (r: Pick<CaseSummary, 'family_name' | 'given_name' | 'identifier'>): string => `${r.family_name}, ${r.given_name} (${r.identifier})`;

export function AddCasePanel() {
  const stores = useStores();
  const agenda = useMeetings((s) => s.meeting?.agenda ?? []);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<CaseSummary[]>([]);
  const [readiness, setReadiness] = useState<Record<number, Readiness>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const term = search.trim();
    if (!term) { setRows([]); return; }
    let stale = false;
    const timer = setTimeout(() => {
      void stores.api.invoke('cases.list', { search: term, limit: 8 }).then(async (page) => {
        if (stale) return;
        setRows(page.rows);
        const gates = await Promise.all(page.rows.map((r) => stores.meetings.getState().readiness(r.id).catch(() => null)));
        if (stale) return;
        const byId: Record<number, Readiness> = {};
        for (const g of gates) if (g) byId[g.case_id] = g;
        setReadiness(byId);
      }, (err: unknown) => { if (!stale) setError(failureOf(err).message); });
    }, 150);
    return () => { stale = true; clearTimeout(timer); };
  }, [search, stores]);

  const listed = new Set(agenda.map((i) => i.case_id));

  const add = async (row: CaseSummary, mode: 'add' | 'carry', overrideReason?: string): Promise<void> => {
    const m = stores.meetings.getState();
    if (mode === 'add') await m.addCase(row.id, overrideReason ? { override_reason: overrideReason } : {});
    else await m.carryForward(row.id, overrideReason);
    stores.ui.getState().notify(mode === 'add' ? `${row.family_name} listed.` : `${row.family_name} carried forward as a new case and listed.`);
    setPending(null);
  };

  const request = async (row: CaseSummary, mode: 'add' | 'carry'): Promise<void> => {
    setError(null);
    try {
      const gate = readiness[row.id] ?? await stores.meetings.getState().readiness(row.id);
      if (!gate.ready) { setPending({ row, readiness: gate, mode }); return; }
      await add(row, mode);
    } catch (err) {
      setError(failureOf(err).message);
    }
  };

  return (
    <section className="card add-cases" aria-labelledby="add-cases-title">
      <h2 id="add-cases-title">Add cases</h2>
      <label className="field">
        <span className="field-label">Search the case list</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, identifier, diagnosis…" />
      </label>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      {rows.length ? (
        <ul className="case-results" aria-label="Matching cases">
          {rows.map((r) => {
            const gate = readiness[r.id];
            const already = listed.has(r.id);
            return (
              <li key={r.id} data-case-id={r.id} data-ready={gate ? (gate.ready ? 'yes' : 'no') : 'unknown'}>
                <div className="result-head">
                  <span><strong>{r.family_name}, {r.given_name}</strong> <span className="muted small">{r.identifier} · {r.primary_tumor ? PRIMARY_TUMOR_LABELS[r.primary_tumor] : 'primary not set'}</span></span>
                  {gate ? <ReadinessBadge readiness={gate} /> : <span className="muted small">checking…</span>}
                </div>
                {gate ? <ReadinessDetails readiness={gate} label={`Missing for ${nameOf(r)}`} /> : null}
                <div className="row">
                  <button type="button" disabled={already} onClick={() => void request(r, 'add')} aria-label={`${addLabel(already, gate)}: ${nameOf(r)}`}>
                    {addLabel(already, gate)}
                  </button>
                  <button type="button" className="link" onClick={() => void request(r, 'carry')} aria-label={`Carry forward as a new case: ${nameOf(r)}`}>
                    Carry forward as a new case
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : search.trim() ? <p className="muted small">No matching case.</p> : null}
      <OverrideDialog open={pending !== null} caseName={pending ? nameOf(pending.row) : ''} readiness={pending?.readiness ?? null}
        action={pending?.mode === 'carry' ? 'Carry forward and list' : 'List with this reason'}
        onCancel={() => setPending(null)}
        onConfirm={async (reason) => { if (pending) await add(pending.row, pending.mode, reason); }} />
    </section>
  );
}
