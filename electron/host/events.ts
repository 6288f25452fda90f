/**
 * The change feed behind `GET /api/events`: every committed change already writes an audit row in its own
 * transaction, so the feed reads the audit log after each call (and on a short timer, for changes made by another
 * process such as the CLI) and turns new rows into notices `{ op, entity, id, version, actor, at }`. Audit rows are
 * appended in commit order (one writer at a time: SQLite's lock, PostgreSQL's audit advisory lock), so reading
 * "after the last id seen" never skips one. The audit row
 * id is the event id, so a client that reconnects with `Last-Event-ID` gets exactly what it missed. Sign-in rows
 * (entity `user`) are not broadcast: who signs in when is nobody else's business.
 * On PostgreSQL the same log is read through the data port; other server processes' commits wake the feed through
 * LISTEN/NOTIFY (./pg-listener.ts), so Last-Event-ID resumes on any server of the board.
 */
import { sqlDb, type DbLike } from '../../db/sql/port';

export interface ChangeEvent {
  /** The audit row id (SSE `id:`). */
  seq: number;
  op: string;
  entity: string;
  id: number | string;
  version: number | null;
  actor: string;
  at: string;
}

interface Row { id: number; at: string; actor: string; action: string; entity: string; entity_id: string; version: number | null }
interface PgRow extends Omit<Row, 'version'> { after: string | null }

/** The `version` field of an audit row's `after` JSON, or null (PostgreSQL 15 has no JSON validity test in SQL). */
function versionOf(after: string | null): number | null {
  if (after === null || !after.startsWith('{')) return null;
  try {
    const version = (JSON.parse(after) as { version?: unknown }).version;
    return typeof version === 'number' ? version : null;
  } catch {
    return null;
  }
}

const PRIVATE_ENTITIES = new Set(['user', 'audit']);
const BATCH = 500;

/**
 * What one read of the log gives: notices for the rows after the caller's position (oldest first, private ones
 * left out), `through` = the last row read, and `more` when the batch was full. With no rows after the position,
 * `through` is the log's head: below the position when a restore brought an older log back.
 */
export interface ChangeBatch {
  events: ChangeEvent[];
  through: number;
  more: boolean;
  /** An account or session row (private, not among the events) was read: sessions cached anywhere are stale. */
  accounts: boolean;
}

/** Reads up to `limit` audit rows after `after` as notices (one indexed range read; the head only when none). */
export function readChanges(db: DbLike, after: number, limit = BATCH): ChangeBatch {
  const port = sqlDb(db);
  const rows: Row[] = port.dialect === 'sqlite'
    ? port.all<Row>(`SELECT id, at, actor, action, entity, entity_id,
        CASE WHEN json_valid(after) THEN json_extract(after, '$.version') END AS version
      FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, [after, limit])
    : port.all<PgRow>(`SELECT id, at, actor, action, entity, entity_id, after
      FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, [after, limit]).map(({ after: json, ...r }) => ({ ...r, version: versionOf(json) }));
  const last = rows.at(-1);
  if (!last) return { events: [], through: Math.min(after, changesHead(db)), more: false, accounts: false };
  const events = rows.filter((r) => !PRIVATE_ENTITIES.has(r.entity)).map((r) => ({
    seq: r.id, op: r.action, entity: r.entity, id: /^\d+$/.test(r.entity_id) ? Number(r.entity_id) : r.entity_id,
    version: typeof r.version === 'number' ? r.version : null, actor: r.actor, at: r.at,
  }));
  return { events, through: last.id, more: rows.length === limit, accounts: rows.some((r) => r.entity === 'user') };
}

/** The newest audit row id (0 for an empty log). */
export function changesHead(db: DbLike): number {
  return sqlDb(db).pluck<number>('SELECT coalesce(max(id), 0) FROM audit_log') ?? 0;
}

/**
 * Reads the log after a position. On a board server on PostgreSQL it is a board core (asynchronous), so the HTTPS
 * thread never waits on the database; elsewhere it reads the data port directly.
 */
export type ChangeReader = (after: number) => ChangeBatch | Promise<ChangeBatch>;

export class ChangeFeed {
  private last: number;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private readonly accountListeners = new Set<() => void>();
  /** The poll under way, and whether another was asked for meanwhile (its changes may have come after its read). */
  private polling: Promise<void> | null = null;
  private again = false;

  constructor(private readonly read: ChangeReader, start: number) {
    this.last = start;
  }

  /** A feed reading the data port directly, from the log's current head. */
  static over(db: () => DbLike): ChangeFeed {
    return new ChangeFeed((after) => readChanges(db(), after), changesHead(db()));
  }

  /**
   * Reads what was committed since the last poll and tells every listener. One poll at a time: a call while one
   * runs is answered when a further round (started after it) has read everything. Cheap when nothing changed.
   */
  poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    const run = async () => {
      try {
        do {
          this.again = false;
          for (let more = true; more;) {
            const batch = await this.read(this.last);
            more = batch.more;
            this.last = batch.through;
            if (batch.accounts) for (const listener of this.accountListeners) listener();
            for (const event of batch.events) for (const listener of this.listeners) listener(event);
          }
        } while (this.again);
      } finally {
        this.polling = null;
      }
    };
    this.polling = run();
    return this.polling;
  }

  /** Notices after `after` up to `upTo` (what a reconnecting client missed), oldest first. */
  async replay(after: number, upTo: number, write: (event: ChangeEvent) => void): Promise<void> {
    for (let from = after; from < upTo;) {
      const batch = await this.read(from);
      for (const event of batch.events) if (event.seq <= upTo) write(event);
      if (!batch.more || batch.through <= from) return;
      from = batch.through;
    }
  }

  get lastSeq(): number {
    return this.last;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when an account or session changed (a sign-in, sign-out, disable, password reset), by any process. */
  onAccountsChanged(listener: () => void): () => void {
    this.accountListeners.add(listener);
    return () => this.accountListeners.delete(listener);
  }
}
