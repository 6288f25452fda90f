/**
 * Board settings (clock and letterhead), kept as one JSON value in `meta` and checked against the schema on the
 * way in and out: a value edited outside the app falls back to the machine's defaults rather than breaking
 * every date on screen. A change is audited.
 */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, stmt } from '../statements';
import { boardSettingsSchema, type BoardSettings, type BoardSettingsSave, type BoardSettingsView } from '../../shared/domain/settings';
import { lastAuditOf, staleMessage } from './changes';
import { DomainError } from '../../shared/errors';
import { machineClock, type Clock } from '../../shared/time/clock';

const KEY = 'board_settings';
/** How many times the settings were saved (its own row: the settings value itself stays exactly the schema). */
const VERSION_KEY = 'board_settings_version';

export function defaultSettings(): BoardSettings {
  return { ...machineClock(), hospital: '', address: '', logo: null };
}

/** The last stored value read per connection and what it parsed to: every case save asks for the clock. */
const parsedOf = new WeakMap<Db, { raw: string; view: Omit<BoardSettingsView, 'version'> | null }>();

/** Saves so far (0: never); a board that saved before versions existed counts as version 1. */
function settingsVersion(db: Db, saved: boolean): number {
  const raw = stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(VERSION_KEY) as string | undefined;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : saved ? 1 : 0;
}

export function getSettings(db: Db): BoardSettingsView {
  const view = readSettings(db);
  return { ...view, version: settingsVersion(db, view.saved) };
}

function readSettings(db: Db): Omit<BoardSettingsView, 'version'> {
  const raw = stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (raw !== undefined) {
    const known = parsedOf.get(db);
    let view: Omit<BoardSettingsView, 'version'> | null = null;
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
  const s = readSettings(db);
  return { time_zone: s.time_zone, locale: s.locale };
};

/**
 * Replaces the settings. `version`: the one the form was loaded from (absent or 0: nothing saved yet); another one
 * is refused with CONFLICT naming who saved last and when.
 */
export function saveSettings(db: Db, input: BoardSettingsSave, actor: string, now = new Date().toISOString()): BoardSettingsView {
  return inTransaction(db, () => {
    const before = getSettings(db);
    const given = input.version ?? 0;
    if (given !== before.version) {
      // 0: the form was written before anything was saved.
      throw new DomainError('CONFLICT', staleMessage('the board settings', lastAuditOf(db, 'settings', 1), before.version, given === 0 ? undefined : given, true));
    }
    const { version: _expected, ...rest } = input;
    const value = boardSettingsSchema.parse(rest);
    const version = before.version + 1;
    const upsert = stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    upsert.run(KEY, JSON.stringify(value));
    upsert.run(VERSION_KEY, String(version));
    const brief = (s: BoardSettings) => ({ time_zone: s.time_zone, locale: s.locale, hospital: s.hospital, address: s.address, logo: s.logo === null ? null : `${s.logo.length} characters` });
    appendAudit(db, { actor, action: 'settings.save', entity: 'settings', entityId: 1, before: before.saved ? { ...brief(before), version: before.version } : null, after: { ...brief(value), version } }, now);
    return { ...value, saved: true, version };
  });
}
