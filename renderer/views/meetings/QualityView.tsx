/** The quality report per board and period: volume, time to discussion, rationale, quorum, concordance, implementation, overrides. */
import { useEffect, useId, useState } from 'react';
import type { QualityReport } from '../../../shared/domain/meeting';
import { failureOf, today } from '../../components/meetings/labels';
import { useStores } from '../../stores/context';
import { useClock } from '../../components/clock';

const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)} %`);
const yearAgo = (day: string): string => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

export function QualityView() {
  const clock = useClock();
  const fid = useId();
  const stores = useStores();
  const [board, setBoard] = useState('');
  const [boards, setBoards] = useState<string[]>([]);
  const [from, setFrom] = useState(() => yearAgo(today(clock)));
  const [to, setTo] = useState(() => today(clock));
  const [report, setReport] = useState<QualityReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => { void stores.api.invoke('boards.list', {}).then((b) => setBoards(b.map((x) => x.name)), () => undefined); }, [stores]);
  useEffect(() => {
    if (!from || !to) return;
    let stale = false;
    stores.api.invoke('quality.report', { from, to, ...(board ? { board } : {}) }).then(
      (r) => { if (!stale) { setReport(r); setError(null); } },
      (err: unknown) => { if (!stale) setError(failureOf(err).message); },
    );
    return () => { stale = true; };
  }, [stores, board, from, to]);

  const rows: Array<[string, string, string?]> = report ? [
    ['Meetings', String(report.meetings), `${report.meetings_signed} signed`],
    ['Quorum met', `${report.meetings_quorum_met} of ${report.meetings}`],
    ['Cases discussed', String(report.cases_discussed)],
    ['Referral to discussion', report.referral_to_discussion_days.median === null ? '—' : `median ${report.referral_to_discussion_days.median} days`,
      report.referral_to_discussion_days.mean === null ? undefined : `mean ${report.referral_to_discussion_days.mean.toFixed(1)} days, n = ${report.referral_to_discussion_days.n}`],
    ['Decisions recorded with rationale', `${report.decisions_with_rationale} of ${report.decisions}`],
    ['Concordance with the engine', pct(report.concordance_rate), `${report.concordant} concordant, ${report.discordant} discordant, ${report.not_assessed} not assessed`],
    ['Implementation', pct(report.implementation_rate), `${report.implemented} implemented, ${report.changed} changed, ${report.pending} pending`],
    ['Overrides (listed although not ready)', String(report.override_count)],
    ['Standard of care (no discussion)', String(report.standard_of_care_count)],
    ['Amendments', String(report.amendments)],
  ] : [];

  return (
    <div className="quality-view stack">
      <div className="view-bar"><h1>Quality</h1></div>
      <div className="filters-row">
        <div className="inline-field"><label className="field-label" htmlFor={`${fid}-board`}>Board</label>
          <select id={`${fid}-board`} value={board} onChange={(e) => setBoard(e.target.value)}>
            <option value="">All boards</option>
            {boards.map((b) => <option key={b} value={b}>{b}</option>)}
          </select></div>
        <label className="inline-field"><span className="field-label">From</span><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="inline-field"><span className="field-label">To</span><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      {report ? (
        <table className="quality-table">
          <caption>{report.board ?? 'All boards'}, {report.from} to {report.to}</caption>
          <tbody>
            {rows.map(([label, value, detail]) => (
              <tr key={label} data-metric={label}><th scope="row">{label}</th><td className="num">{value}</td><td className="muted small">{detail ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      ) : error ? null : <p className="muted">Loading…</p>}
    </div>
  );
}
