/**
 * Board settings (clock and letterhead), kept as one JSON value in `meta` and checked against the schema on the
 * way in and out: a value edited outside the app falls back to the machine's defaults rather than breaking
 * every date on screen. A change is audited.
 */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, stmt } from '../statements';
import { boardSettingsSchema, type BoardSettings, type BoardSettingsView } from '../../shared/domain/settings';
import { machineClock, type Clock } from '../../shared/time/clock';

const KEY = 'board_settings';

export function defaultSettings(): BoardSettings {
  return { ...machineClock(), hospital: '', address: '', logo: null };
}

/** The last stored value read per connection and what it parsed to: every case save asks for the clock. */
const parsedOf = new WeakMap<Db, { raw: string; view: BoardSettingsView | null }>();

export function getSettings(db: Db): BoardSettingsView {
  const raw = stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (raw !== undefined) {
    const known = parsedOf.get(db);
    let view: BoardSettingsView | null = null;
    if (known?.raw === raw) view = known.view;
    else {
      try {
        const parsed = boardSettingsSchema.safeParse(JSON.parse(raw));
        if (parsed.success) view = { ...parsed.data, saved: true };
      } catch { /* not JSON: defaults below */ }
      parsedOf.set(db, { raw, view });
    }
    if (view) return { ...view };
  }
  return { ...defaultSettings(), saved: false };
}

export const clockOf = (db: Db): Clock => {
  const s = getSettings(db);
  return { time_zone: s.time_zone, locale: s.locale };
};

export function saveSettings(db: Db, input: BoardSettings, actor: string, now = new Date().toISOString()): BoardSettingsView {
  return inTransaction(db, () => {
    const before = getSettings(db);
    const value = boardSettingsSchema.parse(input);
    stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(value));
    const brief = (s: BoardSettings) => ({ ...s, logo: s.logo === null ? null : `${s.logo.length} characters` });
    appendAudit(db, { actor, action: 'settings.save', entity: 'settings', entityId: 1, before: before.saved ? brief(before) : null, after: brief(value) }, now);
    return { ...value, saved: true };
  });
}
