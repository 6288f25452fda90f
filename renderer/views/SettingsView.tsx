/**
 * Board settings: the clock every date is shown in (time zone, language and region) and the letterhead of outcome
 * letters (hospital, address, logo). Until saved, the machine's zone and locale. Saving is for the local
 * administrator, a coordinator or the chair; the server says so in words when someone else tries.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LOGO_MAX_CHARS, type BoardSettings } from '../../shared/domain/settings';
import { formatInstant, type Clock } from '../components/clock';
import { failureOf } from '../stores/data';
import { useStores } from '../stores/context';
import '../styles/overview.css';

export function SettingsView() {
  const stores = useStores();
  const [form, setForm] = useState<BoardSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { zone: useId(), locale: useId(), hospital: useId(), address: useId(), logo: useId() };

  useEffect(() => {
    stores.api.invoke('settings.get', {}).then(({ saved: s, ...rest }) => { setForm(rest); setSaved(s); }, (e: unknown) => setError(failureOf(e).message));
  }, [stores]);

  if (!form) return error ? <p className="banner error" role="alert">{error}</p> : <p className="muted" role="status">Loading the settings…</p>;
  const set = (patch: Partial<BoardSettings>): void => setForm({ ...form, ...patch });
  const preview: Clock = { time_zone: form.time_zone, locale: form.locale };
  const sample = ((): string => { try { return formatInstant(new Date().toISOString(), preview); } catch { return ''; } })();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { saved: s, ...rest } = await stores.api.invoke('settings.save', form);
      setForm(rest);
      setSaved(s);
      await stores.ui.getState().loadInfo(); // every date on screen follows the new clock at once
      stores.ui.getState().notify('Board settings saved.');
    } catch (err) {
      setError(failureOf(err).message);
    } finally {
      setBusy(false);
    }
  };

  const chooseLogo = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new Error('unreadable'));
      reader.readAsDataURL(file);
    }).catch(() => '');
    if (!/^data:image\/(png|jpeg|svg\+xml);base64,/.test(url)) { setError(`The file ${file.name} is not a PNG, JPEG or SVG image.`); return; }
    if (url.length > LOGO_MAX_CHARS) { setError(`The logo ${file.name} is too large: choose an image under about 290 kB.`); return; }
    setError(null);
    set({ logo: url });
  };

  return (
    <form className="settings-view card" onSubmit={(e) => void submit(e)} aria-labelledby="settings-title">
      <h1 id="settings-title">Board settings</h1>
      {!saved ? <p className="muted">Not saved yet: the computer&apos;s own time zone and language are in use.</p> : null}
      <fieldset>
        <legend>Dates and times</legend>
        <label className="field" htmlFor={ids.zone}><span className="field-label">Time zone</span></label>
        <input id={ids.zone} value={form.time_zone} onChange={(e) => set({ time_zone: e.target.value })} aria-describedby={`${ids.zone}-hint`} />
        <p id={`${ids.zone}-hint`} className="small muted">For example Europe/Oslo. Every date on screen, in the minutes and in letters is shown in this zone.</p>
        <label className="field" htmlFor={ids.locale}><span className="field-label">Language and region</span></label>
        <input id={ids.locale} value={form.locale} onChange={(e) => set({ locale: e.target.value })} aria-describedby={`${ids.locale}-hint`} />
        <p id={`${ids.locale}-hint`} className="small muted">For example en-GB or nb-NO.{sample ? <> Now reads: <strong data-testid="clock-sample">{sample}</strong></> : null}</p>
      </fieldset>
      <fieldset>
        <legend>Letterhead of outcome letters</legend>
        <label className="field" htmlFor={ids.hospital}><span className="field-label">Hospital</span></label>
        <input id={ids.hospital} value={form.hospital} onChange={(e) => set({ hospital: e.target.value })} />
        <label className="field" htmlFor={ids.address}><span className="field-label">Address</span></label>
        <textarea id={ids.address} rows={3} value={form.address} onChange={(e) => set({ address: e.target.value })} />
        <label className="field" htmlFor={ids.logo}><span className="field-label">Logo (PNG, JPEG or SVG)</span></label>
        <input id={ids.logo} type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={(e) => void chooseLogo(e.target.files?.[0])} />
        <p className="small">
          {form.logo ? <><img src={form.logo} alt="Chosen logo" className="settings-logo" /> <button type="button" className="link" onClick={() => set({ logo: null })}>Use the bundled logo</button></> : 'The bundled logo is used.'}
        </p>
      </fieldset>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>Save settings</button></div>
    </form>
  );
}
