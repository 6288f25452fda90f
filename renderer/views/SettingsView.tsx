/**
 * Board settings: the clock every date is shown in (time zone, language and region) and the letterhead of outcome
 * letters (hospital, address, logo). Until saved, the machine's zone and locale. Saving is for the local
 * administrator, a coordinator or the chair; the server says so in words when someone else tries. The save names the
 * version the form was loaded from: when someone else saved first, the merge view shows theirs beside yours.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LOGO_MAX_CHARS, type BoardSettings } from '../../shared/domain/settings';
import { ApiError } from '../../shared/api';
import { LOGO_WORDS, SETTINGS_FIELD_LABELS } from '../../shared/vocabulary';
import { MergeDialog, whoChanged, type MergeField } from '../components/MergeDialog';
import { formatInstant, type Clock } from '../components/clock';
import { failureOf } from '../stores/data';
import { useStores } from '../stores/context';
import '../styles/overview.css';

type SettingsKey = keyof typeof SETTINGS_FIELD_LABELS;
const SETTINGS_FIELDS: readonly MergeField<SettingsKey>[] = (Object.keys(SETTINGS_FIELD_LABELS) as SettingsKey[]).map((key) => ({ key, label: SETTINGS_FIELD_LABELS[key] }));
const settingsValues = (s: BoardSettings): Record<SettingsKey, string> => ({
  time_zone: s.time_zone, locale: s.locale, hospital: s.hospital, address: s.address, logo: s.logo ?? '',
});
const showSetting = (key: SettingsKey, text: string): string =>
  (key === 'logo' ? (text ? LOGO_WORDS.chosen(Math.round((text.length * 3) / 4 / 1024)) : LOGO_WORDS.bundled) : text);
const settingsOf = (s: BoardSettings): BoardSettings => ({ time_zone: s.time_zone, locale: s.locale, hospital: s.hospital, address: s.address, logo: s.logo });

interface SettingsMerge { base: BoardSettings; theirs: BoardSettings; theirsVersion: number; who: string }

export function SettingsView() {
  const stores = useStores();
  const [form, setForm] = useState<BoardSettings | null>(null);
  const [saved, setSaved] = useState(false);
  /** What the form was loaded from (its version goes with the save). */
  const [loaded, setLoaded] = useState<{ settings: BoardSettings; version: number } | null>(null);
  const [merge, setMerge] = useState<SettingsMerge | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { zone: useId(), locale: useId(), hospital: useId(), address: useId(), logo: useId() };

  useEffect(() => {
    stores.api.invoke('settings.get', {}).then(({ saved: s, version, ...rest }) => {
      setForm(rest);
      setSaved(s);
      setLoaded({ settings: rest, version });
    }, (e: unknown) => setError(failureOf(e).message));
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
      const { saved: s, version, ...rest } = await stores.api.invoke('settings.save', { ...form, version: loaded?.version ?? 0 });
      setForm(rest);
      setSaved(s);
      setLoaded({ settings: rest, version });
      await stores.ui.getState().loadInfo(); // every date on screen follows the new clock at once
      stores.ui.getState().notify('Board settings saved.');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === undefined) {
        // Someone saved the settings first: theirs beside yours; the form keeps what you typed.
        const theirs = await stores.api.invoke('settings.get', {}).catch(() => null);
        if (theirs) {
          setMerge({ base: loaded?.settings ?? settingsOf(theirs), theirs: settingsOf(theirs), theirsVersion: theirs.version, who: whoChanged(err.message) });
          return;
        }
      }
      setError(failureOf(err).message);
    } finally {
      setBusy(false);
    }
  };

  const applyMerge = (m: SettingsMerge, merged: Record<SettingsKey, string>): void => {
    // The form now builds on their version; saving is the next step.
    setForm({ time_zone: merged.time_zone, locale: merged.locale, hospital: merged.hospital, address: merged.address, logo: merged.logo || null });
    setLoaded({ settings: m.theirs, version: m.theirsVersion });
    setSaved(true);
    setMerge(null);
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
      {merge ? (
        <MergeDialog record="settings" who={merge.who} fields={SETTINGS_FIELDS} display={showSetting}
          base={settingsValues(merge.base)} theirs={settingsValues(merge.theirs)} mine={settingsValues(form)}
          onApply={(merged) => applyMerge(merge, merged)} onCancel={() => setMerge(null)} />
      ) : null}
    </form>
  );
}
