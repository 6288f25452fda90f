/**
 * The one clock and the one date format of the product. Every date and time a person reads (screens, minutes,
 * letters) is formatted here, through `Intl`, in the board's time zone and locale (board settings; default: the
 * machine's). Stored values stay ISO: calendar dates `YYYY-MM-DD`, meeting times as the board's wall clock
 * `YYYY-MM-DDTHH:MM`, instants ISO 8601 UTC. Pure: no Node, no DOM.
 */

export interface Clock {
  /** IANA time zone, e.g. `Europe/Oslo`. */
  time_zone: string;
  /** BCP 47 locale, e.g. `en-GB`. */
  locale: string;
}

let machine: Clock | null = null;

/**
 * The machine's zone and locale (the default when the board has not set its own). Read once per process: building
 * a formatter to ask costs about a millisecond, and every case save checks its dates against "today".
 */
export function machineClock(): Clock {
  if (!machine) {
    const o = new Intl.DateTimeFormat().resolvedOptions();
    machine = { time_zone: o.timeZone || 'UTC', locale: o.locale || 'en-GB' };
  }
  return { ...machine };
}

/** True for a zone `Intl` knows (so a setting can be checked before it is stored). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** True for a locale `Intl` supports. */
export function isLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

// Formatters are costly to build; a screen formats hundreds of dates.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(clock: Clock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${clock.locale}|${clock.time_zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.time_zone });
    cache.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The zone's offset from UTC, in minutes, at an instant. */
function offsetMinutes(zone: string, at: number): number {
  const parts = formatter({ time_zone: zone, locale: 'en-US' }, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant (ms) of a wall-clock time in a zone. */
export function wallToInstant(wall: string, zone: string): number | null {
  const m = WALL_RE.exec(wall);
  if (!m) return null;
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  let at = naive - offsetMinutes(zone, naive) * 60_000;
  at = naive - offsetMinutes(zone, at) * 60_000; // once more, across a DST change
  return at;
}

/** `2026-12-09` → "9 Dec 2026" (en-GB) / "Dec 9, 2026" (en-US). A calendar date has no zone. */
export function formatDay(isoDate: string, clock: Clock): string {
  const m = DATE_RE.exec(isoDate.slice(0, 10));
  if (!m) return isoDate;
  return formatter({ ...clock, time_zone: 'UTC' }, DAY).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
}

/** A calendar date with its weekday: "Wed 9 Dec 2026". */
export function formatDayLong(isoDate: string, clock: Clock): string {
  const m = DATE_RE.exec(isoDate.slice(0, 10));
  if (!m) return isoDate;
  return formatter({ ...clock, time_zone: 'UTC' }, { ...DAY, weekday: 'short' }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
}

/** An instant: "9 Dec 2026, 16:00 CET" in the board's zone. */
export function formatInstant(iso: string, clock: Clock): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return formatter(clock, { ...DAY, ...TIME, timeZoneName: 'short' }).format(new Date(at));
}

/** The board's wall-clock time of a meeting (`YYYY-MM-DDTHH:MM`): "9 Dec 2026, 16:00 CET". */
export function formatWall(wall: string, clock: Clock): string {
  const at = wallToInstant(wall, clock.time_zone);
  if (at === null) return DATE_RE.test(wall) ? formatDay(wall, clock) : wall;
  return formatter(clock, { ...DAY, ...TIME, timeZoneName: 'short' }).format(new Date(at));
}

/** The time of day only, "16:00". */
export function formatTime(iso: string, clock: Clock): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : formatter(clock, TIME).format(new Date(at));
}

/** Today's date (`YYYY-MM-DD`) in the board's zone: THE today of the product. */
export function todayIn(zone: string, now: Date | string | number = Date.now()): string {
  const at = typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : now.getTime();
  const parts = formatter({ time_zone: zone, locale: 'en-US' }, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const v = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')}`;
}

/** Whole days from one calendar date to another (both `YYYY-MM-DD`). */
export function daysFrom(from: string, to: string): number {
  const d = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return Math.round((d(to) - d(from)) / 86_400_000);
}

/** Completed years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  let years = +day.slice(0, 4) - +birthDate.slice(0, 4);
  if (day.slice(5, 10) < birthDate.slice(5, 10)) years -= 1;
  return years;
}

/** "3 days ago", "today", "in 5 days": the age of a date next to it. */
export function relativeDays(isoDate: string, today: string): string {
  const n = daysFrom(isoDate.slice(0, 10), today);
  if (n === 0) return 'today';
  if (n > 0) return n === 1 ? '1 day ago' : `${n} days ago`;
  return n === -1 ? 'in 1 day' : `in ${-n} days`;
}
