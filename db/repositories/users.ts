/**
 * Accounts of a board server and their sign-in sessions. Passwords are kept as salted scrypt hashes (the same
 * scheme as profile PINs, one random salt per account); session cookies only as their SHA-256. Neither a
 * password nor a cookie value ever leaves this module, is logged, or is written to the audit log.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, insertId, stmt } from '../statements';
import { createProfile, hashPin, pinMatches } from './profiles';
import { DomainError } from '../../shared/errors';
import type { Account, AccountRole } from '../../shared/domain/accounts';
import type { Specialty } from '../../shared/domain/meeting';

export interface SessionPolicy {
  /** A session unused for this long ends (default 30 minutes). */
  idleMs: number;
  /** A session ends this long after sign-in, used or not (default 12 hours). */
  absoluteMs: number;
  /** Wrong passwords in a row before the account is locked (5). */
  maxFailures: number;
  /** How long a locked account stays locked (15 minutes). */
  lockMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, maxFailures: 5, lockMs: 15 * 60_000,
};

/** last_seen_at is written at most this often: a read-heavy meeting must not turn every request into a write. */
const TOUCH_EVERY_MS = 15_000;

interface UserRow {
  id: number;
  name: string;
  role: AccountRole;
  password_hash: string;
  profile_id: number | null;
  disabled: 0 | 1;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

const toAccount = (r: UserRow): Account => ({
  id: r.id, name: r.name, role: r.role, profile_id: r.profile_id, disabled: r.disabled === 1, locked_until: r.locked_until, created_at: r.created_at,
});

/** What the audit log keeps of an account: never the hash. */
const audited = (a: Account) => ({ id: a.id, name: a.name, role: a.role, profile_id: a.profile_id, disabled: a.disabled });

const findRow = (db: Db, name: string): UserRow | undefined =>
  stmt(db, 'SELECT * FROM users WHERE lower(name) = lower(?)').get(name.trim()) as UserRow | undefined;

function requireRow(db: Db, name: string): UserRow {
  const row = findRow(db, name);
  if (!row) throw new DomainError('NOT_FOUND', `there is no account named "${name}"`, 'name');
  return row;
}

export function listUsers(db: Db): Account[] {
  return (stmt(db, 'SELECT * FROM users ORDER BY lower(name), id').all() as UserRow[]).map(toAccount);
}

export function getUserById(db: Db, id: number): Account | undefined {
  const row = stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toAccount(row) : undefined;
}

export interface NewUser {
  name: string;
  role: AccountRole;
  password: string;
  /** The specialty of the meeting profile made for a clinician's account (default: coordinator for a coordinator, else other). */
  specialty?: Specialty;
}

/**
 * Adds an account. A clinician's account (every role but admin) gets its own meeting profile with the same
 * name and role, so meetings can name it as chair or attendee; an administrator acts on accounts and restores only.
 */
export function createUser(db: Db, input: NewUser, actor: string, now = new Date().toISOString()): Account {
  const name = input.name.trim();
  const hash = hashPin(input.password);
  return inTransaction(db, () => {
    if (findRow(db, name)) throw new DomainError('CONFLICT', `an account named "${name}" already exists`, 'name');
    let profileId: number | null = null;
    if (input.role !== 'admin') {
      // Through the profiles repository, so the profile is sealed and audited like any other. The administrator
      // adding accounts may add a chair (the rule "only a chair creates a chair" is for the local seat).
      const specialty = input.specialty ?? (input.role === 'coordinator' ? 'coordinator' : 'other');
      profileId = createProfile(db, { name, specialty, role: input.role }, { label: actor, profileId: null }, now, 'chair').id;
    }
    const userId = insertId(db, `INSERT INTO users (name, role, password_hash, profile_id, disabled, failed_logins, locked_until, created_at, updated_at)
      VALUES (?, ?, ?, ?, 0, 0, NULL, ?, ?)`, name, input.role, hash, profileId, now, now);
    const account: Account = { id: userId, name, role: input.role, profile_id: profileId, disabled: false, locked_until: null, created_at: now };
    appendAudit(db, { actor, action: 'user.add', entity: 'user', entityId: account.id, before: null, after: audited(account) }, now);
    return account;
  });
}

function endSessionsOf(db: Db, userId: number, reason: 'disabled' | 'password_reset', now: string): number {
  return stmt(db, 'UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL').run(now, reason, userId).changes;
}

/** Disables (signs out everywhere) or enables an account. */
export function setUserDisabled(db: Db, name: string, disabled: boolean, actor: string, now = new Date().toISOString()): Account {
  return inTransaction(db, () => {
    const row = requireRow(db, name);
    const before = toAccount(row);
    stmt(db, 'UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, now, row.id);
    if (disabled) endSessionsOf(db, row.id, 'disabled', now);
    const after = { ...before, disabled };
    appendAudit(db, { actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: row.id, before: audited(before), after: audited(after) }, now);
    return after;
  });
}

/** Sets a new password, lifts a lock and ends the account's sessions (whoever held them must sign in again). */
export function resetUserPassword(db: Db, name: string, password: string, actor: string, now = new Date().toISOString()): Account {
  const hash = hashPin(password);
  return inTransaction(db, () => {
    const row = requireRow(db, name);
    stmt(db, 'UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hash, now, row.id);
    endSessionsOf(db, row.id, 'password_reset', now);
    const account = { ...toAccount(row), locked_until: null };
    appendAudit(db, { actor, action: 'user.resetPassword', entity: 'user', entityId: row.id, before: null, after: audited(account) }, now);
    return account;
  });
}

/** A hash to compare against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoy: string | null = null;
const decoyHash = (): string => (decoy ??= hashPin(randomBytes(16).toString('hex')));

const lockedMessage = (until: string) => `this account is locked after repeated wrong passwords until ${until} (UTC); try again then or ask the administrator to reset the password`;

/**
 * Checks a name and password. Five wrong passwords in a row lock the account for 15 minutes (audited); while it
 * is locked even the right password is refused, with the time it unlocks. Failures of one account never touch
 * another. Throws UNAUTHENTICATED with a message a person can act on; never says whether the name exists.
 */
export function verifyLogin(db: Db, name: string, password: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): Account {
  const row = findRow(db, name);
  if (!row) {
    pinMatches(password, decoyHash());
    throw new DomainError('UNAUTHENTICATED', 'wrong name or password');
  }
  const iso = now.toISOString();
  if (row.locked_until !== null && row.locked_until > iso) {
    throw new DomainError('UNAUTHENTICATED', lockedMessage(row.locked_until.slice(0, 16).replace('T', ' ')));
  }
  if (!pinMatches(password, row.password_hash)) {
    const failures = (row.locked_until !== null ? 0 : row.failed_logins) + 1;
    const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
    inTransaction(db, () => {
      stmt(db, 'UPDATE users SET failed_logins = ?, locked_until = ?, updated_at = ? WHERE id = ?').run(lock ? 0 : failures, lock, iso, row.id);
      if (lock) appendAudit(db, { actor: row.name, action: 'user.locked', entity: 'user', entityId: row.id, before: null, after: { name: row.name, failed_logins: failures, locked_until: lock } }, iso);
    });
    if (lock) throw new DomainError('UNAUTHENTICATED', lockedMessage(lock.slice(0, 16).replace('T', ' ')));
    throw new DomainError('UNAUTHENTICATED', 'wrong name or password');
  }
  if (row.disabled === 1) throw new DomainError('UNAUTHENTICATED', 'this account is disabled; ask the administrator');
  if (row.failed_logins !== 0 || row.locked_until !== null) {
    stmt(db, 'UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(iso, row.id);
  }
  return toAccount({ ...row, failed_logins: 0, locked_until: null });
}

/** Checks the password of the signed-in account again (step-up before signing); the same lockout rules count. */
export function confirmPassword(db: Db, name: string, password: string | undefined, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): Account {
  if (password === undefined || password === '') throw new DomainError('UNAUTHENTICATED', 'enter your password again to sign', 'password');
  try {
    return verifyLogin(db, name, password, policy, now);
  } catch (error) {
    if (error instanceof DomainError && error.message === 'wrong name or password') throw new DomainError('UNAUTHENTICATED', 'wrong password', 'password');
    throw error;
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface NewSession {
  /** The cookie value: shown once to the transport, stored only as its hash. */
  token: string;
  expiresAt: string;
}

export function createSession(db: Db, account: Account, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): NewSession {
  const token = randomBytes(32).toString('base64url');
  const iso = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs).toISOString();
  inTransaction(db, () => {
    stmt(db, 'INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(account.id, sha256(token), iso, iso, expiresAt);
    appendAudit(db, { actor: account.name, action: 'session.login', entity: 'user', entityId: account.id, before: null, after: { name: account.name } }, iso);
  });
  return { token, expiresAt };
}

export interface ActiveSession {
  sessionId: number;
  account: Account;
}

/** A session with its account's columns (null when the account is gone). */
interface SessionRow {
  id: number;
  user_id: number;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  name: string | null;
  role: AccountRole | null;
  profile_id: number | null;
  disabled: 0 | 1 | null;
  locked_until: string | null;
  created_at: string | null;
}

/** Every request asks for its session: the session and its account in one statement (one round trip on PostgreSQL). */
const SESSION_SQL = `SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.ended_at,
  u.name, u.role, u.profile_id, u.disabled, u.locked_until, u.created_at
  FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`;

/**
 * The account behind a cookie value, or null when there is none or it has ended (signed out, idle for
 * longer than the idle limit, past its absolute limit, account disabled). Refreshes the idle clock.
 */
export function resolveSession(db: Db, token: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): ActiveSession | null {
  if (token.length === 0 || token.length > 100) return null;
  const row = stmt(db, SESSION_SQL).get(sha256(token)) as SessionRow | undefined;
  if (!row || row.ended_at !== null) return null;
  const iso = now.toISOString();
  const end = (reason: string) => {
    stmt(db, 'UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(iso, reason, row.id);
    return null;
  };
  if (iso >= row.expires_at) return end('expired');
  if (now.getTime() - Date.parse(row.last_seen_at) >= policy.idleMs) return end('idle');
  if (row.name === null || row.role === null || row.created_at === null || row.disabled !== 0) return end('disabled');
  const account: Account = {
    id: row.user_id, name: row.name, role: row.role, profile_id: row.profile_id, disabled: false, locked_until: row.locked_until, created_at: row.created_at,
  };
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) stmt(db, 'UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(iso, row.id);
  return { sessionId: row.id, account };
}

/** Signs one session out (the other sessions of the same account stay). */
export function endSession(db: Db, token: string, now = new Date()): boolean {
  const iso = now.toISOString();
  return inTransaction(db, () => {
    const row = stmt(db, 'SELECT s.id, u.id AS user_id, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.ended_at IS NULL')
      .get(sha256(token)) as { id: number; user_id: number; name: string } | undefined;
    if (!row) return false;
    stmt(db, "UPDATE sessions SET ended_at = ?, end_reason = 'logout' WHERE id = ?").run(iso, row.id);
    appendAudit(db, { actor: row.name, action: 'session.logout', entity: 'user', entityId: row.user_id, before: null, after: { name: row.name } }, iso);
    return true;
  });
}
