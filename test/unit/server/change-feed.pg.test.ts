/**
 * The change feed on PostgreSQL: the audit log read through the data port (row id = event id, version from the
 * row's `after`, sign-ins kept private), woken by NOTIFY when another connection commits an audit row.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeFeed, readChanges, type ChangeEvent } from '../../../electron/host/events';
import { startPgListener } from '../../../electron/host/pg-listener';
import { openPostgres, type PostgresSqlDb } from '../../../db/sql/postgres';
import { postgres } from '../../postgres/database';

// The columns the feed reads, and the statement trigger the schema puts on audit_log (db/migrations/pg/001).
const SCHEMA = `
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
  entity_id TEXT NOT NULL, before TEXT, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE FUNCTION tb_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('tb_audit', ''); RETURN NULL; END $$;
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tb_audit_notify();`;

const row = (id: number, entity: string, entityId: string, after: string | null) =>
  `INSERT INTO audit_log VALUES (${id}, '2026-12-02T10:00:0${id % 10}Z', 'Priya', '${entity}.update', '${entity}', '${entityId}', NULL, ${after === null ? 'NULL' : `'${after}'`}, 'p', 'h')`;

describe.skipIf(!postgres.available)('the change feed on PostgreSQL', () => {
  let url = '';
  let db: PostgresSqlDb;
  beforeAll(() => {
    url = postgres.freshDatabase('change feed');
    postgres.psql(url, SCHEMA);
    db = openPostgres(url);
  });
  afterAll(() => {
    db.close();
    postgres.dropDatabase(url);
  });

  it('turns audit rows into events: id, op, entity, numeric id, version from after; sign-ins left out', () => {
    postgres.psql(url, [
      row(1, 'case', '12', '{"version":3,"diagnosis":"x"}'),
      row(2, 'user', '4', '{"version":1}'),
      row(3, 'meeting', 'm-7', null),
      row(4, 'case', '13', 'not json'),
    ].join('; '));
    const feed = ChangeFeed.over(() => db);
    expect(feed.lastSeq).toBe(4);
    const { events, through, more } = readChanges(db, 0);
    expect(through).toBe(4);
    expect(more).toBe(false);
    expect(events).toEqual([
      { seq: 1, op: 'case.update', entity: 'case', id: 12, version: 3, actor: 'Priya', at: '2026-12-02T10:00:01Z' },
      { seq: 3, op: 'meeting.update', entity: 'meeting', id: 'm-7', version: null, actor: 'Priya', at: '2026-12-02T10:00:03Z' },
      { seq: 4, op: 'case.update', entity: 'case', id: 13, version: null, actor: 'Priya', at: '2026-12-02T10:00:04Z' },
    ]);
  });

  it('delivers a row committed by another connection through NOTIFY, without waiting for a poll', async () => {
    const feed = ChangeFeed.over(() => db);
    const seen: ChangeEvent[] = [];
    feed.subscribe((e) => seen.push(e));
    const start = feed.lastSeq;
    const listener = startPgListener({ url, onChange: () => void feed.poll(), log: () => undefined });
    try {
      await listener.firstAttempt;
      expect(listener.listening).toBe(true);
      postgres.psql(url, `BEGIN; ${row(start + 1, 'case', '21', '{"version":2}')}; ${row(start + 2, 'case', '22', '{"version":5}')}; COMMIT;`);
      await vi.waitFor(() => expect(seen.map((e) => [e.seq, e.id, e.version])).toEqual([[start + 1, 21, 2], [start + 2, 22, 5]]));
      expect(feed.lastSeq).toBe(start + 2);
    } finally {
      await listener.close();
    }
  });
});
