/** The board server's short session cache: two seconds at most, forgotten whole, bounded. */
import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../../electron/host/session-cache';
import type { ActiveSession } from '../../../db/repositories/users';

const session = (id: number): ActiveSession => ({
  sessionId: id, account: { id, name: `user${id}`, role: 'member', profile_id: null, disabled: false, locked_until: null, created_at: '2026-12-03T08:00:00Z' },
});

describe('the session cache', () => {
  it('gives a session back until its two seconds are up, then not', () => {
    let now = 1_000;
    const cache = new SessionCache(2_000, () => now);
    cache.set('a', session(1));
    now += 1_999;
    expect(cache.get('a')?.sessionId).toBe(1);
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every session at once', () => {
    const cache = new SessionCache(2_000, () => 0);
    cache.set('a', session(1));
    cache.set('b', session(2));
    cache.forget();
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });

  it('holds at most 10,000 sessions, dropping the oldest', () => {
    const cache = new SessionCache(2_000, () => 0);
    for (let i = 0; i < 10_001; i++) cache.set(`t${i}`, session(i));
    expect(cache.size).toBe(10_000);
    expect(cache.get('t0')).toBeUndefined();
    expect(cache.get('t10000')?.sessionId).toBe(10_000);
  });
});
