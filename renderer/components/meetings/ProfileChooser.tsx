/**
 * "Who is acting?": choose a local profile (with its PIN when it has one) or create one. Opens by itself when
 * the app opens with no acting profile; "Not now" leaves the case list usable (meeting changes then ask again).
 */
import { useId, useState, type FormEvent } from 'react';
import { CHAIR_PIN_DIGITS, ROLES, SPECIALTIES, type Role, type Specialty } from '../../../shared/domain/meeting';
import { useSession, useStores } from '../../stores/context';
import { failureOf } from './labels';
import { ROLE_LABELS, SPECIALTY_LABELS } from '../../../shared/vocabulary';
import { Modal } from './Modal';

export function ProfileChooser() {
  const stores = useStores();
  const open = useSession((s) => s.choosing);
  return (
    <Modal open={open} title="Who is acting?" className="profile-chooser" onClose={() => stores.session.getState().closeChooser()}>
      <ChooserBody />
    </Modal>
  );
}

function ChooserBody() {
  const stores = useStores();
  const profiles = useSession((s) => s.profiles);
  const current = useSession((s) => s.current);
  const [selected, setSelected] = useState<number | null>(current?.id ?? profiles[0]?.id ?? null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(profiles.length === 0);
  const chosen = profiles.find((p) => p.id === selected) ?? null;
  const ids = useId();

  const act = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!chosen) { setError('Choose a profile.'); return; }
    if (chosen.has_pin && !pin) { setError(`Enter ${chosen.name}’s PIN.`); return; }
    try {
      const p = await stores.session.getState().select(chosen.id, chosen.has_pin ? pin : undefined);
      stores.ui.getState().notify(`Acting as ${p.name}.`);
    } catch (err) {
      setError(failureOf(err).message);
      setPin('');
    }
  };

  if (creating) return <NewProfileForm onCancel={profiles.length ? () => setCreating(false) : null} />;

  return (
    <form onSubmit={(e) => void act(e)} className="stack">
      <p className="muted small">Every meeting change and decision names the profile acting. Profiles are local to this computer.</p>
      <fieldset className="profile-list">
        <legend className="visually-hidden">Profiles</legend>
        {profiles.map((p) => (
          <label key={p.id} className={`profile-option${p.id === selected ? ' on' : ''}`}>
            <input type="radio" name={`${ids}-profile`} value={p.id} checked={p.id === selected}
              onChange={() => { setSelected(p.id); setPin(''); setError(null); }} />
            <span><strong>{p.name}</strong> <span className="muted">· {ROLE_LABELS[p.role]} · {SPECIALTY_LABELS[p.specialty]}</span>
              {p.has_pin ? <span className="muted small"> · PIN</span> : null}</span>
          </label>
        ))}
      </fieldset>
      {chosen?.has_pin ? (
        <label className="field">
          <span className="field-label">PIN for {chosen.name}</span>
          <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" className="link" onClick={() => setCreating(true)}>New profile…</button>
        <span className="spacer" />
        <button type="button" onClick={() => stores.session.getState().closeChooser()}>Not now</button>
        <button type="submit" className="primary">Act as {chosen?.name ?? '…'}</button>
      </div>
    </form>
  );
}

function NewProfileForm({ onCancel }: { onCancel: (() => void) | null }) {
  const fid = useId();
  const stores = useStores();
  const [name, setName] = useState('');
  const [specialty, setSpecialty] = useState<Specialty>('coordinator');
  const [role, setRole] = useState<Role>('coordinator');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!name.trim()) { setError({ message: 'A name is required.', field: 'name' }); return; }
    if (pin && !/^\d{4,12}$/.test(pin)) { setError({ message: 'A PIN is 4 to 12 digits.', field: 'pin' }); return; }
    if (pin && role === 'chair' && pin.length < CHAIR_PIN_DIGITS) { setError({ message: `A chair's PIN is at least ${CHAIR_PIN_DIGITS} digits.`, field: 'pin' }); return; }
    try {
      const p = await stores.session.getState().create({ name: name.trim(), specialty, role, ...(pin ? { pin } : {}) });
      stores.ui.getState().notify(`Profile created; acting as ${p.name}.`);
    } catch (err) {
      setError(failureOf(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-label="New profile">
      <p className="muted small">{onCancel ? 'A new local profile.' : 'No profile yet on this computer: create yours.'}</p>
      <label className="field">
        <span className="field-label">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error?.field === 'name'} />
      </label>
      <div className="field">
        <label className="field-label" htmlFor={`${fid}-specialty`}>Specialty</label>
        <select id={`${fid}-specialty`} value={specialty} onChange={(e) => setSpecialty(e.target.value as Specialty)}>
          {SPECIALTIES.map((s) => <option key={s} value={s}>{SPECIALTY_LABELS[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${fid}-role`}>Role</label>
        <select id={`${fid}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </div>
      <label className="field">
        <span className="field-label">PIN (optional, 4–12 digits; a chair's at least {CHAIR_PIN_DIGITS})</span>
        <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)}
          aria-invalid={error?.field === 'pin'} />
      </label>
      {error ? <p className="field-error" role="alert">{error.message}</p> : null}
      <div className="actions">
        {onCancel ? <button type="button" onClick={onCancel}>Back</button> : <button type="button" onClick={() => stores.session.getState().closeChooser()}>Not now</button>}
        <span className="spacer" />
        <button type="submit" className="primary">Create and act</button>
      </div>
    </form>
  );
}

/** The header's "acting as" with a way to switch (or to choose when nobody is acting). */
export function ActingProfile() {
  const stores = useStores();
  const status = useSession((s) => s.status);
  const current = useSession((s) => s.current);
  return (
    <span className="acting" data-session-status={status}>
      {current ? (
        <>
          <span className="acting-name" title={`${current.name}, ${ROLE_LABELS[current.role]}, ${SPECIALTY_LABELS[current.specialty]}`}>
            <span className="muted small">Acting as </span><strong>{current.name}</strong> <span className="muted small">({ROLE_LABELS[current.role]})</span>
          </span>
          <button type="button" className="small-button" onClick={() => stores.session.getState().openChooser()}>Switch</button>
        </>
      ) : status === 'ready' ? (
        <button type="button" className="small-button" onClick={() => stores.session.getState().openChooser()}>Choose who is acting</button>
      ) : null}
    </span>
  );
}
