/** The one clock: Intl formatting in the board's zone and locale; today in that zone; wall-clock meeting times. */
import { describe, expect, it } from 'vitest';
import { ageOn, formatDay, formatInstant, formatWall, isLocale, isTimeZone, relativeDays, todayIn, wallToInstant } from '../../../shared/time/clock';

const oslo = { time_zone: 'Europe/Oslo', locale: 'en-GB' };

describe('clock', () => {
  it('formats a meeting\'s wall-clock time with its zone, across daylight saving', () => {
    expect(formatWall('2026-12-09T16:00', oslo)).toBe('9 Dec 2026, 16:00 CET');
    expect(formatWall('2026-06-09T16:00', oslo)).toBe('9 Jun 2026, 16:00 CEST');
    expect(new Date(wallToInstant('2026-12-09T16:00', 'Europe/Oslo') ?? 0).toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(formatWall('2026-12-09T16:00', { time_zone: 'America/New_York', locale: 'en-US' })).toBe('Dec 9, 2026, 16:00 EST');
  });

  it('formats calendar dates without shifting them, and instants in the zone', () => {
    expect(formatDay('2026-01-01', { time_zone: 'Pacific/Honolulu', locale: 'en-GB' })).toBe('1 Jan 2026');
    expect(formatInstant('2026-12-31T23:30:00Z', oslo)).toBe('1 Jan 2027, 00:30 CET');
  });

  it('has one today: the board zone\'s date at an instant', () => {
    expect(todayIn('Europe/Oslo', '2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(todayIn('America/New_York', '2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });

  it('checks zones and locales, derives ages and says how old a date is', () => {
    expect(isTimeZone('Europe/Oslo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocale('nb-NO')).toBe(true);
    expect(isLocale('not a locale')).toBe(false);
    expect(ageOn('1961-04-12', '2026-04-11')).toBe(64);
    expect(ageOn('1961-04-12', '2026-04-12')).toBe(65);
    expect(relativeDays('2026-11-30', '2026-12-02')).toBe('2 days ago');
    expect(relativeDays('2026-12-02', '2026-12-02')).toBe('today');
  });
});
