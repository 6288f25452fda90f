/**
 * The change feed behind `GET /api/events`: every committed change already writes an audit row in its own
 * transaction, so the feed reads the audit log after each call (and on a short timer, for changes made by another
 * process such as the CLI) and turns new rows into notices `{ op, entity, id, version, actor, at }`. The audit row
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

export class ChangeFeed {
  private last: number;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(private readonly db: () => DbLike) {
    this.last = this.maxId();
  }

  private maxId(): number {
    return sqlDb(this.db()).pluck<number>('SELECT coalesce(max(id), 0) FROM audit_log') ?? 0;
  }

  /** Notices for audit rows in (after, upTo], oldest first, without private ones; `through` is the last row read. */
  since(after: number, upTo: number, limit = BATCH): { events: ChangeEvent[]; through: number } {
    const db = sqlDb(this.db());
    const rows: Row[] = db.dialect === 'sqlite'
      ? db.all<Row>(`SELECT id, at, actor, action, entity, entity_id,
          CASE WHEN json_valid(after) THEN json_extract(after, '$.version') END AS version
        FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`, [after, upTo, limit])
      : db.all<PgRow>(`SELECT id, at, actor, action, entity, entity_id, after
        FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`, [after, upTo, limit]).map(({ after: json, ...r }) => ({ ...r, version: versionOf(json) }));
    const events = rows.filter((r) => !PRIVATE_ENTITIES.has(r.entity)).map((r) => ({
      seq: r.id, op: r.action, entity: r.entity, id: /^\d+$/.test(r.entity_id) ? Number(r.entity_id) : r.entity_id,
      version: typeof r.version === 'number' ? r.version : null, actor: r.actor, at: r.at,
    }));
    return { events, through: rows.at(-1)?.id ?? upTo };
  }

  /** Reads what was committed since the last poll and tells every listener. Cheap when nothing changed. */
  poll(): void {
    const max = this.maxId();
    if (max < this.last) this.last = max; // a restore brought an older log back: carry on from there
    while (max > this.last) {
      const { events, through } = this.since(this.last, max);
      this.last = through;
      for (const event of events) for (const listener of this.listeners) listener(event);
    }
  }

  get lastSeq(): number {
    return this.last;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
