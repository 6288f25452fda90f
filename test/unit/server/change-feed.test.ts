/**
 * The change feed's own rules, over a log it reads asynchronously (as a board core answers on PostgreSQL): batches
 * read until the log is exhausted, one poll at a time with nothing missed when another is asked for meanwhile, a
 * replay bounded to where the feed stood, and a restored (older) log taken up from its head.
 */
import { describe, expect, it } from 'vitest';
import { ChangeFeed, type ChangeBatch, type ChangeEvent } from '../../../electron/host/events';

/** A log of `n` case edits, read `limit` rows at a time, each read answered when the test lets it go. */
function log(limit = 3) {
  const rows: ChangeEvent[] = [];
  const add = (count: number) => {
    for (let i = 0; i < count; i++) {
      const seq = rows.length + 1;
      rows.push({ seq, op: 'case.update', entity: 'case', id: seq, version: 2, actor: 'Priya', at: `2026-12-03T09:00:${String(seq % 60).padStart(2, '0')}Z` });
    }
  };
  const reads: number[] = [];
  /** Log positions holding an account or session row (private: not among the events). */
  const accountRows: number[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const read = async (after: number): Promise<ChangeBatch> => {
    reads.push(after);
    await gate;
    const next = rows.filter((r) => r.seq > after).slice(0, limit);
    const last = next.at(-1);
    return last
      ? { events: next, through: last.seq, more: next.length === limit, accounts: accountRows.some((seq) => seq > after && seq <= last.seq) }
      : { events: [], through: Math.min(after, rows.length), more: false, accounts: false };
  };
  return {
    rows, add, read, reads, accountRows,
    hold: () => { gate = new Promise((resolve) => { open = resolve; }); },
    release: () => open(),
    truncate: (to: number) => rows.splice(to),
  };
}

describe('the change feed', () => {
  it('reads batch after batch until the log is exhausted and tells every listener in order', async () => {
    const l = log(3);
    const feed = new ChangeFeed(l.read, 0);
    const a: number[] = [];
    const b: number[] = [];
    feed.subscribe((e) => a.push(e.seq));
    feed.subscribe((e) => b.push(e.seq));
    l.add(7);
    await feed.poll();
    expect(a).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(b).toEqual(a);
    expect(feed.lastSeq).toBe(7);
    expect(l.reads).toEqual([0, 3, 6]);
  });

  it('runs one poll at a time; a poll asked for during one reads again afterwards, so a change committed meanwhile is not missed', async () => {
    const l = log(10);
    const feed = new ChangeFeed(l.read, 0);
    const seen: number[] = [];
    feed.subscribe((e) => seen.push(e.seq));
    l.add(2);
    l.hold();
    const first = feed.poll();
    await Promise.resolve();
    // Committed after the first poll's read began: its read may not include it.
    l.add(1);
    const second = feed.poll();
    expect(second).toBe(first);
    l.release();
    await second;
    expect(seen).toEqual([1, 2, 3]);
    expect(l.reads.length).toBeGreaterThanOrEqual(2);
    expect(l.reads.every((after, i) => i === 0 || after >= (l.reads[i - 1] ?? 0))).toBe(true);
  });

  it('replays exactly the range a reconnecting client missed, up to where the feed stood', async () => {
    const l = log(2);
    l.add(6);
    const feed = new ChangeFeed(l.read, 4);
    const replayed: number[] = [];
    await feed.replay(1, 4, (e) => replayed.push(e.seq));
    expect(replayed).toEqual([2, 3, 4]);
    const none: number[] = [];
    await feed.replay(4, 4, (e) => none.push(e.seq));
    expect(none).toEqual([]);
  });

  it('takes up an older log (a restore) from its head, then reports what is added to it', async () => {
    const l = log(5);
    l.add(8);
    const feed = new ChangeFeed(l.read, 8);
    l.truncate(5);
    await feed.poll();
    expect(feed.lastSeq).toBe(5);
    const seen: number[] = [];
    feed.subscribe((e) => seen.push(e.seq));
    l.add(1);
    await feed.poll();
    expect(seen).toEqual([6]);
  });

  it('a failed read rejects the poll and leaves the position where it was, for the next poll to retry', async () => {
    const l = log(5);
    l.add(2);
    let fail = true;
    const feed = new ChangeFeed(async (after) => {
      if (fail) throw new Error('connection lost');
      return l.read(after);
    }, 0);
    await expect(feed.poll()).rejects.toThrow('connection lost');
    expect(feed.lastSeq).toBe(0);
    fail = false;
    const seen: number[] = [];
    feed.subscribe((e) => seen.push(e.seq));
    await feed.poll();
    expect(seen).toEqual([1, 2]);
  });

  it('tells its account listeners when an account or session row passed, and only then', async () => {
    const l = log(10);
    const feed = new ChangeFeed(l.read, 0);
    let told = 0;
    feed.onAccountsChanged(() => told++);
    l.add(3);
    await feed.poll();
    expect(told).toBe(0);
    l.add(2);
    l.accountRows.push(5);
    await feed.poll();
    expect(told).toBe(1);
    await feed.poll();
    expect(told).toBe(1);
  });
});
