/**
 * Local single-seat mode: who acts at this machine (desktop app, loopback browser host, CLI). The acting profile
 * is kept per session (one per window, host run or CLI run) until `session.clear`. A transport asks `actor()` once
 * per call: the chosen profile (its name, id and role), else the seat itself as the local administrator, named
 * after the operating-system user (see shared/api/access.ts for why).
 */
import type { DbLike as Db } from '../../db/sql/port';
import { getProfile } from '../../db/repositories/profiles';
import type { Actor } from '../../shared/api';
import { actorLabel, type Profile } from '../../shared/domain/meeting';

/**
 * The local seat's name in the audit log (desktop app, browser host, CLI): the operating-system user.
 * `os.userInfo()` throws on some systems (no passwd entry in a container); then the environment is asked.
 */
export function osUserName(userInfo: () => { username: string }, env: Readonly<Record<string, string | undefined>>): string {
  let name: string;
  try {
    name = userInfo().username.trim();
  } catch {
    name = '';
  }
  if (name === '') name = (env.USER ?? env.USERNAME ?? env.LOGNAME ?? '').trim();
  return name === '' ? 'unknown-user' : name.slice(0, 100);
}

export const profileActor = (p: Profile): Actor => ({ label: actorLabel(p), profileId: p.id, role: p.role });

export class LocalSeats {
  private readonly acting = new Map<string, number>();
  /** `db` is read on every call: a restore swaps the connection. */
  constructor(private readonly db: () => Db) {}

  select(session: string, profileId: number): void {
    this.acting.set(session, profileId);
  }

  clear(session: string): boolean {
    return this.acting.delete(session);
  }

  current(session: string): Profile | null {
    const id = this.acting.get(session);
    return id === undefined ? null : (getProfile(this.db(), id) ?? null);
  }

  /** Who acts in `session`: the chosen profile, or the seat (`seatLabel`) as the local administrator. */
  actor(session: string, seatLabel: string): Actor {
    const profile = this.current(session);
    return profile ? profileActor(profile) : { label: seatLabel, profileId: null, role: 'admin' };
  }
}
