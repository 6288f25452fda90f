/**
 * Local user profiles (who is acting). A PIN is kept only as a salted scrypt hash; it never leaves this module.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../connection';
import { appendAudit } from '../audit';
import { inTransaction, stmt } from '../statements';
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
}

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

/** Checks the PIN of a profile: required when it has one (UNAUTHORIZED, naming `pin`, on a mismatch). */
export function checkProfilePin(db: Db, id: number, pin: string | undefined): Profile {
  const row = stmt(db, 'SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `profile ${id} does not exist`, 'id');
  if (row.pin_hash !== null) {
    if (pin === undefined) throw new DomainError('UNAUTHORIZED', `${row.name}'s profile is protected by a PIN: enter it`, 'pin');
    if (!pinMatches(pin, row.pin_hash)) throw new DomainError('UNAUTHORIZED', 'wrong PIN', 'pin');
  }
  return toProfile(row);
}

/** Creates a profile. `actor` is the acting profile, or null when a first profile is set up. */
export function createProfile(db: Db, input: ProfileInput, actor: Actor | null, now = new Date().toISOString()): Profile {
  const pinHash = input.pin !== undefined ? hashPin(input.pin) : null;
  return inTransaction(db, () => {
    const info = stmt(db, 'INSERT INTO profiles (name, specialty, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.specialty, input.role, pinHash, now);
    const profile: Profile = { id: Number(info.lastInsertRowid), name: input.name, specialty: input.specialty, role: input.role, has_pin: pinHash !== null, created_at: now };
    appendAudit(db, { actor: actor?.label ?? actorLabel(profile), action: 'profile.create', entity: 'profile', entityId: profile.id, before: null, after: profile }, now);
    return profile;
  });
}
