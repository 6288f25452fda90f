/**
 * A board's rules: the specialties its quorum requires and how recent imaging and labs must be for the
 * completeness gate (defaults: medical oncology, IR, surgery, diagnostic radiology; 56 and 14 days). Saved with
 * `boards.save` (by name); the gate and the quorum of the board's meetings follow.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_IMAGING_MAX_DAYS, DEFAULT_LABS_MAX_DAYS, DEFAULT_QUORUM, SPECIALTIES, type Board, type Specialty,
} from '../../../shared/domain/meeting';
import { SPECIALTY_LABELS } from '../../../shared/vocabulary';
import { useStores } from '../../stores/context';
import { failureOf } from './labels';

export function BoardRules() {
  const stores = useStores();
  const fid = useId();
  const [boards, setBoards] = useState<Board[]>([]);
  const [name, setName] = useState('');
  const [quorum, setQuorum] = useState<Specialty[]>([...DEFAULT_QUORUM]);
  const [imaging, setImaging] = useState(DEFAULT_IMAGING_MAX_DAYS);
  const [labs, setLabs] = useState(DEFAULT_LABS_MAX_DAYS);
  const [error, setError] = useState<string | null>(null);

  const pick = (b: Board | undefined, fallbackName = ''): void => {
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
      const saved = await stores.api.invoke('boards.save', { name: name.trim(), quorum, imaging_max_days: imaging, labs_max_days: labs });
      setBoards((list) => [...list.filter((b) => b.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
      stores.ui.getState().notify(`Rules of ${saved.name} saved.`);
      setError(null);
    } catch (err) {
      setError(failureOf(err).message);
    }
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
    </section>
  );
}
