/**
 * Sessions a board server on PostgreSQL has just looked up, kept for two seconds so a member's next few requests skip
 * a round trip to the database (on a 2-core server a third of a read's trips). What keeps it honest:
 * - it is forgotten whole whenever an account or session changes: a sign-in, sign-out, disable, enable or password
 *   reset through this server (at once, when the call returns) or through any other process (its audit row reaches
 *   the change feed through NOTIFY within milliseconds);
 * - an entry lives 2 s at most, so a session ended in the database by hand, or expiring (idle after 30 minutes,
 *   absolute after 12 hours), is honoured at most 2 s late;
 * - it holds at most 10,000 sessions (the oldest go first) and only the account as the database gave it.
 * docs/SECURITY.md states the bound.
 */
import type { ActiveSession } from '../../db/repositories/users';

export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, { session: ActiveSession; until: number }>();

  constructor(private readonly ttlMs = SESSION_CACHE_MS, private readonly now: () => number = Date.now) {}

  get(token: string): ActiveSession | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.session;
  }

  set(token: string, session: ActiveSession): void {
    this.entries.delete(token);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { session, until: this.now() + this.ttlMs });
  }

  /** Every entry goes: an account or a session changed somewhere. */
  forget(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
