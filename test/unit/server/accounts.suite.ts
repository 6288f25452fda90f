/** Accounts and sessions of the board server (users repository), on either engine (accounts.test.ts: SQLite; accounts.pg.test.ts: PostgreSQL). */
import { describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import {
  createSession, createUser, DEFAULT_SESSION_POLICY, endSession, listUsers, resetUserPassword, resolveSession, setUserDisabled, verifyLogin,
} from '../../../db/repositories/users';
import { DomainError } from '../../../shared/errors';
import { useEngine, type Engine } from '../helpers/engines';

const PASSWORD = 'correct horse battery';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

export function accountsSuite(engine: Engine): void {
  const fresh = useEngine(engine).open;

  function setup() {
    const db = fresh();
    const alice = createUser(db, { name: 'Alice', role: 'coordinator', password: PASSWORD }, 'admin (test)', T0.toISOString());
    createUser(db, { name: 'Bob', role: 'chair', password: 'another long password' }, 'admin (test)', T0.toISOString());
    return { db, alice };
  }

  describe(`accounts on ${engine}`, () => {
    it('stores a salted scrypt hash, never the password, and gives a clinician a profile of the same name and role', () => {
      const { db, alice } = setup();
      const row = stmt(db, 'SELECT password_hash FROM users WHERE id = ?').get(alice.id) as { password_hash: string };
      expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      const hashes = stmt(db, 'SELECT password_hash FROM users').pluck().all() as string[];
      expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(2);
      const dump = JSON.stringify(stmt(db, 'SELECT * FROM audit_log').all());
      expect(dump).not.toContain(PASSWORD);
      expect(dump).not.toContain('scrypt$');
      expect(stmt(db, 'SELECT name, role FROM profiles WHERE id = ?').get(alice.profile_id)).toEqual({ name: 'Alice', role: 'coordinator' });
      expect(listUsers(db).map((u) => [u.name, u.role])).toEqual([['Alice', 'coordinator'], ['Bob', 'chair']]);
      expect(errorOf(() => createUser(db, { name: 'alice', role: 'member', password: PASSWORD }, 'x')).code).toBe('CONFLICT');
    });

    it('locks an account for 15 minutes after 5 wrong passwords (audited), refuses even the right one then, and never touches another account', () => {
      const { db } = setup();
      for (let i = 1; i <= 4; i++) expect(errorOf(() => verifyLogin(db, 'alice', 'wrong password!', DEFAULT_SESSION_POLICY, at(i * 1000))).message).toBe('wrong name or password');
      const locked = errorOf(() => verifyLogin(db, 'alice', 'wrong password!', DEFAULT_SESSION_POLICY, at(5000)));
      expect(locked.code).toBe('UNAUTHENTICATED');
      expect(locked.message).toContain('locked');
      expect(locked.message).toContain('until 2026-03-02 09:15 (UTC)');
      expect(errorOf(() => verifyLogin(db, 'Alice', PASSWORD, DEFAULT_SESSION_POLICY, at(10 * 60_000))).message).toContain('locked');
      // Bob is not affected by Alice's failures.
      expect(verifyLogin(db, 'Bob', 'another long password', DEFAULT_SESSION_POLICY, at(6000)).name).toBe('Bob');
      const audit = stmt(db, "SELECT actor, after FROM audit_log WHERE action = 'user.locked'").all() as { actor: string; after: string }[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ name: 'Alice', locked_until: '2026-03-02T09:15:05.000Z' });
      // After 15 minutes the right password works again and the count starts afresh.
      expect(verifyLogin(db, 'alice', PASSWORD, DEFAULT_SESSION_POLICY, at(15 * 60_000 + 5001)).name).toBe('Alice');
      expect(stmt(db, "SELECT failed_logins, locked_until FROM users WHERE name = 'Alice'").get()).toEqual({ failed_logins: 0, locked_until: null });
    });

    it('does not say whether a name exists, and refuses a disabled account', () => {
      const { db } = setup();
      expect(errorOf(() => verifyLogin(db, 'nobody', PASSWORD)).message).toBe('wrong name or password');
      setUserDisabled(db, 'Alice', true, 'admin');
      expect(errorOf(() => verifyLogin(db, 'Alice', PASSWORD)).message).toContain('disabled');
    });

    it('ends a session after 30 idle minutes or 12 hours in all, keeping several sessions per account apart', () => {
      const { db, alice } = setup();
      const a = createSession(db, alice, DEFAULT_SESSION_POLICY, T0);
      const b = createSession(db, alice, DEFAULT_SESSION_POLICY, T0);
      expect(a.token).not.toBe(b.token);
      expect(stmt(db, 'SELECT token_hash FROM sessions').pluck().all()).not.toContain(a.token);
      // Used every 20 minutes: the idle clock restarts each time.
      for (let m = 20; m <= 11 * 60; m += 20) expect(resolveSession(db, a.token, DEFAULT_SESSION_POLICY, at(m * 60_000))?.account.name).toBe('Alice');
      // b was not used for 30 minutes: idle.
      expect(resolveSession(db, b.token, DEFAULT_SESSION_POLICY, at(30 * 60_000))).toBeNull();
      expect(resolveSession(db, a.token, DEFAULT_SESSION_POLICY, at(12 * 3_600_000))).toBeNull();
      expect(stmt(db, 'SELECT end_reason FROM sessions ORDER BY id').pluck().all()).toEqual(['expired', 'idle']);
    });

    it('signs one session out on logout, and every session out on disable or password reset', () => {
      const { db, alice } = setup();
      const a = createSession(db, alice);
      const b = createSession(db, alice);
      expect(endSession(db, a.token)).toBe(true);
      expect(resolveSession(db, a.token)).toBeNull();
      expect(resolveSession(db, b.token)?.account.name).toBe('Alice');
      resetUserPassword(db, 'Alice', 'a brand new passphrase', 'admin');
      expect(resolveSession(db, b.token)).toBeNull();
      expect(errorOf(() => verifyLogin(db, 'Alice', PASSWORD)).message).toBe('wrong name or password');
      const c = createSession(db, verifyLogin(db, 'Alice', 'a brand new passphrase'));
      setUserDisabled(db, 'Alice', true, 'admin');
      expect(resolveSession(db, c.token)).toBeNull();
      expect(resolveSession(db, 'not-a-token')).toBeNull();
    });
  });
}
