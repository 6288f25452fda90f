/**
 * A board's rules: the specialties its quorum requires and how recent imaging and labs must be for the
 * completeness gate (defaults: medical oncology, IR, surgery, diagnostic radiology; 56 and 14 days). Saved with
 * `boards.save` (by name, with the version the form was loaded from); the gate and the quorum of the board's meetings
 * follow. When someone else saved the rules first the server refuses (CONFLICT naming who and when) and the merge
 * view shows their rules beside yours.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_IMAGING_MAX_DAYS, DEFAULT_LABS_MAX_DAYS, DEFAULT_QUORUM, SPECIALTIES, type Board, type Specialty,
} from '../../../shared/domain/meeting';
import { BOARD_FIELD_LABELS, SPECIALTY_LABELS } from '../../../shared/vocabulary';
import { ApiError } from '../../../shared/api';
import { useStores } from '../../stores/context';
import { MergeDialog, whoChanged, type MergeField } from '../MergeDialog';
import { failureOf } from './labels';

type BoardKey = keyof typeof BOARD_FIELD_LABELS;
const BOARD_FIELDS: readonly MergeField<BoardKey>[] = (Object.keys(BOARD_FIELD_LABELS) as BoardKey[]).map((key) => ({ key, label: BOARD_FIELD_LABELS[key] }));
type Rules = Pick<Board, 'quorum' | 'imaging_max_days' | 'labs_max_days'>;
/** A board's rules as text to compare (the quorum in the order of the specialty list). */
const rulesValues = (r: Rules): Record<BoardKey, string> => ({
  quorum: SPECIALTIES.filter((x) => r.quorum.includes(x)).join(','), imaging_max_days: String(r.imaging_max_days), labs_max_days: String(r.labs_max_days),
});
const showRule = (key: BoardKey, text: string): string =>
  (key === 'quorum' ? text.split(',').filter(Boolean).map((x) => SPECIALTY_LABELS[x as Specialty] ?? x).join(', ') : text);

interface BoardMerge { base: Board; theirs: Board; mine: Record<BoardKey, string>; who: string }

export function BoardRules() {
  const stores = useStores();
  const fid = useId();
  const [boards, setBoards] = useState<Board[]>([]);
  const [name, setName] = useState('');
  const [quorum, setQuorum] = useState<Specialty[]>([...DEFAULT_QUORUM]);
  const [imaging, setImaging] = useState(DEFAULT_IMAGING_MAX_DAYS);
  const [labs, setLabs] = useState(DEFAULT_LABS_MAX_DAYS);
  const [error, setError] = useState<string | null>(null);
  /** The stored board the form was loaded from (its version goes with the save); null for a new board. */
  const [loaded, setLoaded] = useState<Board | null>(null);
  const [merge, setMerge] = useState<BoardMerge | null>(null);

  const pick = (b: Board | undefined, fallbackName = ''): void => {
    setLoaded(b ?? null);
    setName(b?.name ?? fallbackName);
    setQuorum(b ? [...b.quorum] : [...DEFAULT_QUORUM]);
    setImaging(b?.imaging_max_days ?? DEFAULT_IMAGING_MAX_DAYS);
    setLabs(b?.labs_max_days ?? DEFAULT_LABS_MAX_DAYS);
    setError(null);
  };

  useEffect(() => {
    void stores.api.invoke('boards.list', {}).then((list) => { setBoards(list); pick(list[0]); }, (err: unknown) => setError(failureOf(err).message));
  }, [stores]);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!name.trim()) { setError('Name the board.'); return; }
    try {
      const version = loaded && loaded.name === name.trim() ? { version: loaded.version } : {};
      const saved = await stores.api.invoke('boards.save', { name: name.trim(), quorum, imaging_max_days: imaging, labs_max_days: labs, ...version });
      setBoards((list) => [...list.filter((b) => b.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
      setLoaded(saved);
      stores.ui.getState().notify(`Rules of ${saved.name} saved.`);
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === undefined) {
        // Someone saved these rules first: theirs beside yours; the form keeps what you set.
        const list = await stores.api.invoke('boards.list', {}).catch(() => null);
        const theirs = list?.find((b) => b.name === name.trim());
        if (list && theirs) {
          setBoards(list);
          const base = loaded && loaded.name === theirs.name ? loaded : { ...theirs, quorum: [...DEFAULT_QUORUM], imaging_max_days: DEFAULT_IMAGING_MAX_DAYS, labs_max_days: DEFAULT_LABS_MAX_DAYS };
          setMerge({ base, theirs, mine: rulesValues({ quorum, imaging_max_days: imaging, labs_max_days: labs }), who: whoChanged(err.message) });
          return;
        }
      }
      setError(failureOf(err).message);
    }
  };

  const applyMerge = (m: BoardMerge, merged: Record<BoardKey, string>): void => {
    // The form now builds on their version; saving is the next step.
    setLoaded(m.theirs);
    setName(m.theirs.name);
    setQuorum(merged.quorum.split(',').filter(Boolean) as Specialty[]);
    setImaging(Number(merged.imaging_max_days));
    setLabs(Number(merged.labs_max_days));
    setMerge(null);
  };

  return (
    <section className="card board-rules" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>Board rules</h2>
      <form className="stack" onSubmit={(e) => void save(e)} aria-label="Board rules">
        <div className="row">
          <label className="field-label" htmlFor={`${fid}-board`}>Board</label>
          <select id={`${fid}-board`} value={boards.some((b) => b.name === name) ? name : ''} onChange={(e) => pick(boards.find((b) => b.name === e.target.value))}>
            <option value="">— new board —</option>
            {boards.map((b) => <option key={b.id} value={b.name}>{b.name}</option>)}
          </select>
          {boards.some((b) => b.name === name) ? null : (
            <input aria-label="New board name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Board name" />
          )}
        </div>
        <fieldset className="quorum-pick">
          <legend className="field-label">Quorum: specialties that must attend</legend>
          {SPECIALTIES.map((s) => (
            <label key={s} className="inline-field check">
              <input type="checkbox" checked={quorum.includes(s)}
                onChange={(e) => setQuorum((q) => (e.target.checked ? [...q, s] : q.filter((x) => x !== s)))} />
              <span>{SPECIALTY_LABELS[s]}</span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          <label className="inline-field"><span className="field-label">Imaging at most</span>
            <input type="number" min={1} max={365} value={imaging} onChange={(e) => setImaging(Number(e.target.value))} /> <span className="small">days before the meeting</span></label>
          <label className="inline-field"><span className="field-label">Labs at most</span>
            <input type="number" min={1} max={365} value={labs} onChange={(e) => setLabs(Number(e.target.value))} /> <span className="small">days</span></label>
        </div>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <div className="actions"><button type="submit">Save rules</button></div>
      </form>
      {merge ? (
        <MergeDialog record="board" who={merge.who} fields={BOARD_FIELDS} display={showRule}
          base={rulesValues(merge.base)} theirs={rulesValues(merge.theirs)} mine={merge.mine}
          onApply={(merged) => applyMerge(merge, merged)} onCancel={() => setMerge(null)} />
      ) : null}
    </section>
  );
}
