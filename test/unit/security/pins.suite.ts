/** PINs that resist guessing, on either engine (pins.test.ts: SQLite; pins.pg.test.ts: PostgreSQL). */
import { describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import { checkProfilePin, createProfile, PIN_LOCK_MS } from '../../../db/repositories/profiles';
import { useApi } from '../meetings/setup';
import type { Engine } from '../helpers/engines';

export function pinsSuite(engine: Engine): void {
  const open = useApi(engine);

  describe(`PINs that resist guessing on ${engine}`, () => {
    it('10 wrong PINs: the fifth locks the profile for 15 minutes (audited, says until when); the right PIN is refused while locked', async () => {
      const api = open();
      const chair = await api.ok<{ id: number }>('profiles.create', { name: 'Dr. Chair', specialty: 'surgery', role: 'chair', pin: '246813' });
      const messages: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await api.call('profiles.select', { id: chair.id, pin: `00000${i}` });
        if (r.ok) throw new Error('a wrong PIN was accepted');
        expect(r.error).toMatchObject({ code: 'UNAUTHENTICATED', field: 'pin' });
        messages.push(r.error.message);
      }
      expect(messages.slice(0, 4)).toEqual([4, 3, 2, 1].map((n) => `wrong PIN (${n} ${n === 1 ? 'try' : 'tries'} left before the profile is locked for 15 minutes)`));
      expect(messages[4]).toMatch(/^wrong PIN; Dr\. Chair's profile is now locked after 5 wrong PINs until \d{2}:\d{2} UTC on \d{4}-\d{2}-\d{2}$/);
      for (const m of messages.slice(5)) expect(m).toMatch(/^Dr\. Chair's profile is locked after 5 wrong PINs until \d{2}:\d{2} UTC on /);
      expect(await api.call('profiles.select', { id: chair.id, pin: '246813' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('is locked') } });
      const lock = stmt(api.db, "SELECT actor, after FROM audit_log WHERE action = 'profile.lock'").all() as { actor: string; after: string }[];
      expect(lock).toHaveLength(1);
      const until = (JSON.parse(lock[0]?.after ?? '{}') as { locked_until: string }).locked_until;
      const lockedFor = new Date(until).getTime() - Date.now();
      expect(lockedFor).toBeGreaterThan(PIN_LOCK_MS - 60_000);
      expect(lockedFor).toBeLessThanOrEqual(PIN_LOCK_MS);
      expect(messages[4]).toContain(`until ${until.slice(11, 16)} UTC on ${until.slice(0, 10)}`);
      // After 15 minutes the right PIN works again and clears the count.
      const later = new Date(new Date(until).getTime() + 1000);
      expect(checkProfilePin(api.db, chair.id, '246813', later).id).toBe(chair.id);
      expect(stmt(api.db, 'SELECT pin_failures, pin_locked_until FROM profiles WHERE id = ?').get(chair.id)).toEqual({ pin_failures: 0, pin_locked_until: null });
      api.close();
    });

    it('signing counts wrong PINs too', async () => {
      const api = open();
      const chair = await api.ok<{ id: number }>('profiles.create', { name: 'Dr. Chair', specialty: 'surgery', role: 'chair', pin: '246813' });
      for (let i = 0; i < 5; i++) expect(() => checkProfilePin(api.db, chair.id, '111111')).toThrow(/wrong PIN/);
      expect(() => checkProfilePin(api.db, chair.id, '246813')).toThrow(/is locked after 5 wrong PINs/);
      api.close();
    });

    it("a chair's PIN has at least 6 digits", async () => {
      const api = open();
      expect(await api.call('profiles.create', { name: 'C', specialty: 'surgery', role: 'chair', pin: '12345' })).toEqual({
        ok: false, error: { code: 'VALIDATION', message: "pin: a chair's PIN must be at least 6 digits", field: 'pin' },
      });
      expect((await api.call('profiles.create', { name: 'M', specialty: 'surgery', role: 'member', pin: '1234' })).ok).toBe(true);
      api.close();
    });

    it('only a chair creates a chair, the first profile excepted', async () => {
      const api = open();
      const first = await api.ok<{ id: number }>('profiles.create', { name: 'First', specialty: 'surgery', role: 'chair', pin: '246813' });
      const coord = await api.ok<{ id: number }>('profiles.create', { name: 'Coord', specialty: 'coordinator', role: 'coordinator' });
      const refused = { ok: false, error: { code: 'VALIDATION', message: 'only a chair can create a chair profile: act as a chair first', field: 'role' } };
      expect(await api.call('profiles.create', { name: 'Usurper', specialty: 'surgery', role: 'chair' })).toEqual(refused);
      await api.ok('profiles.select', { id: coord.id });
      expect(await api.call('profiles.create', { name: 'Usurper', specialty: 'surgery', role: 'chair' })).toEqual(refused);
      expect(stmt(api.db, "SELECT count(*) FROM profiles WHERE role = 'chair'").pluck().get()).toBe(1);
      await api.ok('profiles.select', { id: first.id, pin: '246813' });
      expect((await api.call('profiles.create', { name: 'Second chair', specialty: 'surgery', role: 'chair' })).ok).toBe(true);
      // The repository enforces it too (not only the handler).
      expect(() => createProfile(api.db, { name: 'Direct', specialty: 'surgery', role: 'chair' }, null)).toThrow('only a chair can create a chair profile');
      api.close();
    });
  });
}
