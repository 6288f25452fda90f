/**
 * Issue 13: a meeting keeps to its date (no start before the scheduled day; the coordinator may reschedule),
 * sign only after conclude; dates that cannot be true are refused, naming the field as the form labels it;
 * the board's clock (settings) is what "today" means.
 */
import { describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import { formatDay, machineClock, todayIn } from '../../../shared/time/clock';
import { caseInput, patient } from '../helpers/fixtures';
import { meetingWithChair, useApi } from './setup';

const open = useApi();

const shift = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('a meeting keeps its date', () => {
  it('refuses meetings.start before the scheduled day, saying the date; rescheduled to today it starts', async () => {
    const api = open();
    const { meeting } = await meetingWithChair(api);
    const today = todayIn(machineClock().time_zone);
    const future = shift(today, 7);
    const moved = await api.ok<{ id: number; version: number }>('meetings.update', { id: meeting.id, version: meeting.version, meeting: { board: 'Liver MDT', scheduled_at: `${future}T16:00` } });
    const refused = await api.call('meetings.start', { id: moved.id, version: moved.version });
    expect(refused).toEqual({ ok: false, error: {
      code: 'CONFLICT', field: 'scheduled_at',
      message: `this meeting is scheduled for ${formatDay(future, machineClock())}: it can be started on that day, not before (today is ${formatDay(today, machineClock())}). To hold it today, the coordinator changes its date first.`,
    } });
    expect((await api.ok<{ status: string }>('meetings.get', { id: meeting.id })).status).toBe('planned');
    const today2 = await api.ok<{ id: number; version: number }>('meetings.update', { id: moved.id, version: moved.version, meeting: { board: 'Liver MDT', scheduled_at: `${today}T08:00` } });
    expect(await api.ok<{ status: string }>('meetings.start', { id: today2.id, version: today2.version })).toMatchObject({ status: 'in_progress' });
    api.close();
  });

  it('refuses to sign a meeting that has not been concluded', async () => {
    const api = open();
    const { chair, meeting } = await meetingWithChair(api);
    await api.ok('profiles.select', { id: chair.id, pin: '123456' });
    const started = await api.ok<{ id: number; version: number }>('meetings.start', { id: meeting.id, version: meeting.version });
    expect(await api.call('meetings.sign', { id: started.id, version: started.version, pin: '123456' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'status' } });
    api.close();
  });

  it('refuses a meeting in year 0000 or on a day the calendar does not have', async () => {
    const api = open();
    await meetingWithChair(api);
    for (const when of ['0000-03-15T16:00', '2026-02-30T16:00']) {
      const r = await api.call('meetings.create', { board: 'Liver MDT', scheduled_at: when });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'scheduled_at' } });
    }
    api.close();
  });
});

describe('dates that cannot be true', () => {
  const clock = machineClock();
  const today = todayIn(clock.time_zone);
  const tomorrow = shift(today, 1);

  it('refuses labs or imaging in the future or before birth, and a birth before 1900, naming the field', async () => {
    const api = open();
    const cases: [Record<string, unknown>, Record<string, unknown>, string, string][] = [
      [{}, { last_labs_date: tomorrow }, 'case.last_labs_date', `Date of latest labs ${formatDay(tomorrow, clock)} is in the future (today is ${formatDay(today, clock)}).`],
      [{}, { last_imaging_date: tomorrow }, 'case.last_imaging_date', `Date of latest imaging ${formatDay(tomorrow, clock)} is in the future`],
      [{ birth_date: '1961-04-12' }, { last_imaging_date: '1960-01-01' }, 'case.last_imaging_date', `Date of latest imaging ${formatDay('1960-01-01', clock)} is before the date of birth ${formatDay('1961-04-12', clock)}.`],
      [{ birth_date: '1890-05-01' }, {}, 'patient.birth_date', `Date of birth ${formatDay('1890-05-01', clock)} is before 1900: check the year.`],
    ];
    for (const [p, c, field, message] of cases) {
      const r = await api.call('cases.create', { patient: patient(p), case: { ...caseInput(), ...c } });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'VALIDATION', field });
        expect(r.error.message).toContain(message);
      }
    }
    expect(stmt(api.db, 'SELECT count(*) FROM cases').pluck().get()).toBe(0);
    api.close();
  });

  it('derives the age from the birth date and refuses an entered age that contradicts it, naming both', async () => {
    const api = open();
    const birth = shift(today, -365 * 70 - 20);
    const derived = Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
    const refused = await api.call('cases.create', { patient: patient({ birth_date: birth }), case: caseInput({ facts: { primary_tumor: 'colorectal', age: 45 } }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'case.facts.age', message: `Age 45 contradicts the date of birth ${formatDay(birth, clock)} (${derived} years today): correct one of them.` } });
    const created = await api.ok<{ facts: { age?: number } }>('cases.create', { patient: patient({ birth_date: birth }), case: caseInput({ facts: { primary_tumor: 'colorectal' } }) });
    expect(created.facts.age).toBe(derived);
    api.close();
  });
});

describe('board settings', () => {
  it('default to the machine clock; the chair or coordinator saves a zone, locale and letterhead; a bad zone is refused', async () => {
    const api = open();
    expect(await api.ok('settings.get', {})).toMatchObject({ ...machineClock(), hospital: '', logo: null, saved: false });
    const { chair } = await meetingWithChair(api);
    const settings = { time_zone: 'Europe/Oslo', locale: 'nb-NO', hospital: 'Oslo universitetssykehus', address: 'Sognsvannsveien 20\n0372 Oslo', logo: null };
    expect(await api.ok('settings.get', {})).toMatchObject({ version: 0 });
    expect(await api.ok('settings.save', settings)).toEqual({ ...settings, saved: true, version: 1 });
    expect(await api.ok('app.info', {})).toMatchObject({ time_zone: 'Europe/Oslo', locale: 'nb-NO' });
    expect(await api.call('settings.save', { ...settings, time_zone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'time_zone' } });
    await api.ok('profiles.create', { name: 'Member', specialty: 'surgery', role: 'member' }).then((m) => api.ok('profiles.select', { id: (m as { id: number }).id }));
    expect(await api.call('settings.save', settings)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The chair may save too (the coordinator saved above; the member was refused).
    await api.ok('profiles.select', { id: chair.id, pin: '123456' });
    expect(await api.ok('settings.save', { ...settings, locale: 'en-GB', version: 1 })).toEqual({ ...settings, locale: 'en-GB', saved: true, version: 2 });
    // Two people, one record: a save based on an older version (or written before the first save) is refused, naming who.
    const stale = await api.call('settings.save', { ...settings, hospital: 'Rikshospitalet', version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(stale.ok ? '' : stale.error.message)
      .toMatch(/^the board settings were changed by Dr\. Chair at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(now version 2\) \(you edited version 1\); your edits are kept: compare and merge$/);
    expect(await api.call('settings.save', settings)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('while you were writing yours') } });
    expect(await api.ok('settings.get', {})).toMatchObject({ hospital: 'Oslo universitetssykehus', locale: 'en-GB', version: 2 });
    api.close();
  });
});
