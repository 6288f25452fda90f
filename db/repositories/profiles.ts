/**
 * Local user profiles (who is acting). A PIN is kept only as a salted scrypt hash; it never leaves this module.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { withSeals } from '../seals';
import { inTransaction, insertId, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import { actorLabel, type Profile, type ProfileInput } from '../../shared/domain/meeting';

/** Who does a change: the label written to audit rows and records, and the profile when there is one. */
export interface Actor {
  label: string;
  profileId: number | null;
}

export const actorOf = (p: Profile): Actor => ({ label: actorLabel(p), profileId: p.id });

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export function hashPin(pin: string, salt = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

interface ProfileRow {
  id: number;
  name: string;
  specialty: Profile['specialty'];
  role: Profile['role'];
  pin_hash: string | null;
  created_at: string;
  pin_failures: number;
  pin_locked_until: string | null;
}

/** Wrong PINs in a row that lock a profile, and for how long. */
export const PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 15 * 60 * 1000;

/** "14:05 UTC on 2026-12-02": when a lock ends, in words a person at the keyboard can act on. */
const untilText = (iso: string) => `${iso.slice(11, 16)} UTC on ${iso.slice(0, 10)}`;

const toProfile = (r: ProfileRow): Profile => ({
  id: r.id, name: r.name, specialty: r.specialty, role: r.role, has_pin: r.pin_hash !== null, created_at: r.created_at,
});

export function listProfiles(db: Db): Profile[] {
  return (stmt(db, 'SELECT * FROM profiles ORDER BY name, id').all() as ProfileRow[]).map(toProfile);
}

export function getProfile(db: Db, id: number): Profile | undefined {
  const row = stmt(db, 'SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  return row ? toProfile(row) : undefined;
}

export function requireProfile(db: Db, id: number, field = 'id'): Profile {
  const found = getProfile(db, id);
  if (!found) throw new DomainError('NOT_FOUND', `profile ${id} does not exist`, field);
  return found;
}

/**
 * Checks the PIN of a profile: required when it has one (UNAUTHENTICATED, naming `pin`, on a mismatch).
 * PIN_ATTEMPTS wrong PINs in a row lock the profile for PIN_LOCK_MS (audited as profile.lock); while locked
 * even the right PIN is refused and the message says until when. The count survives a restart (it is stored).
 */
export function checkProfilePin(db: Db, id: number, pin: string | undefined, now = new Date()): Profile {
  const row = stmt(db, 'SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `profile ${id} does not exist`, 'id');
  if (row.pin_hash === null) return toProfile(row);
  if (row.pin_locked_until !== null && row.pin_locked_until > now.toISOString()) {
    throw new DomainError('UNAUTHENTICATED', `${row.name}'s profile is locked after ${PIN_ATTEMPTS} wrong PINs until ${untilText(row.pin_locked_until)}`, 'pin');
  }
  if (pin === undefined) throw new DomainError('UNAUTHENTICATED', `${row.name}'s profile is protected by a PIN: enter it`, 'pin');
  if (pinMatches(pin, row.pin_hash)) {
    if (row.pin_failures !== 0 || row.pin_locked_until !== null) stmt(db, 'UPDATE profiles SET pin_failures = 0, pin_locked_until = NULL WHERE id = ?').run(id);
    return toProfile(row);
  }
  const failures = row.pin_failures + 1;
  if (failures < PIN_ATTEMPTS) {
    stmt(db, 'UPDATE profiles SET pin_failures = ? WHERE id = ?').run(failures, id);
    const left = PIN_ATTEMPTS - failures;
    throw new DomainError('UNAUTHENTICATED', `wrong PIN (${left} ${left === 1 ? 'try' : 'tries'} left before the profile is locked for 15 minutes)`, 'pin');
  }
  const until = new Date(now.getTime() + PIN_LOCK_MS).toISOString();
  inTransaction(db, () => {
    stmt(db, 'UPDATE profiles SET pin_failures = 0, pin_locked_until = ? WHERE id = ?').run(until, id);
    appendAudit(db, {
      actor: actorLabel(toProfile(row)), action: 'profile.lock', entity: 'profile', entityId: id,
      before: null, after: { reason: `${PIN_ATTEMPTS} wrong PINs in a row`, locked_until: until },
    }, now.toISOString());
  });
  throw new DomainError('UNAUTHENTICATED', `wrong PIN; ${row.name}'s profile is now locked after ${PIN_ATTEMPTS} wrong PINs until ${untilText(until)}`, 'pin');
}

/**
 * Creates a profile. `actor` is the acting profile, or null when nobody is acting. A chair can only be created
 * by a chair, except the very first profile of a board (someone has to be first).
 */
export function createProfile(db: Db, input: ProfileInput, actor: Actor | null, now = new Date().toISOString(), actingRole: Profile['role'] | null = null): Profile {
  const pinHash = input.pin !== undefined ? hashPin(input.pin) : null;
  return inTransaction(db, () => {
    if (input.role === 'chair') {
      const anyone = stmt(db, 'SELECT count(*) FROM profiles').pluck().get() as number;
      if (anyone > 0 && actingRole !== 'chair') {
        throw new DomainError('VALIDATION', 'only a chair can create a chair profile: act as a chair first', 'role');
      }
    }
    const profileId = insertId(db, 'INSERT INTO profiles (name, specialty, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)', input.name, input.specialty, input.role, pinHash, now);
    const profile: Profile = { id: profileId, name: input.name, specialty: input.specialty, role: input.role, has_pin: pinHash !== null, created_at: now };
    appendAudit(db, { actor: actor?.label ?? actorLabel(profile), action: 'profile.create', entity: 'profile', entityId: profile.id, before: null, after: withSeals(db, profile, [['profiles', profile.id]]) }, now);
    return profile;
  });
}
