/**
 * Moving a board between engines, whole and verbatim: `migrate-to-postgres` (a SQLite file into an EMPTY
 * PostgreSQL database) and `export-sqlite` (back into a NEW file). Every row of every table is copied with its id,
 * audit rows and hashes as they are; the protection triggers are set aside inside the one transaction (so signed
 * records and the audit log go in as they stand, which the triggers rightly refuse to the app) and are back before
 * it commits; identity sequences continue past the highest id; the search index is rebuilt from the tables. Before
 * COMMIT the target is verified: the row count of every table equals the source's, the audit chain and the record
 * seals hold, the audit head is the source's, and the full `check` passes. Anything wrong rolls everything back:
 * the target is left as it was (an empty database; no file).
 */
import type { Db } from './connection';
import { checkDatabase } from './check';
import { auditKeyFor, verifyAuditChain } from './audit';
import { bindAuditKey, missingAuditKeyReason, wrapAuditKey, writeAuditKey, type AuditKey } from './auditKey';
import { currentKey } from './keys';
import { auditHead } from './anchor';
import { expectedSearchBodies, searchTerms } from './repositories/cases';
import { verifySeals } from './seals';
import { applyPostgresMigrations, AUDIT_KEY_META } from './open-postgres';
import type { PostgresSqlDb } from './sql/postgres';
import { sqliteSqlDb } from './sql/sqlite';
import type { SqlDb, SqlValue } from './sql/port';

export class MoveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoveError';
  }
}

export interface TableCount {
  table: string;
  rows: number;
}

export interface MoveReport {
  tables: TableCount[];
  /** The audit key the rows are verified under (the board keeps it: it travels with the board). */
  auditKey: AuditKey | null;
  /** Where the moved board keeps that key: wrapped in the PostgreSQL database, or not (a key file must be given). */
  auditKeyKept?: 'database' | 'file';
  auditRows: number;
  auditHead: { id: number; hash: string } | null;
  cases: number;
}

/** Tables that are not copied row by row: the engines' own bookkeeping and the search index (rebuilt). */
const NOT_COPIED = new Set(['case_search', 'schema_migrations']);
const isSqliteInternal = (name: string): boolean => name.startsWith('sqlite_') || name.startsWith('case_search_');

/** The board's tables on SQLite, parents before children (foreign keys), then by name. */
export function tablesInOrder(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[])
    .filter((n) => !isSqliteInternal(n) && !NOT_COPIED.has(n));
  const parents = new Map<string, Set<string>>();
  for (const n of names) {
    const refs = db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(n) as string[];
    parents.set(n, new Set(refs.filter((r) => r !== n && names.includes(r))));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    if (next === undefined) throw new MoveError(`the tables' foreign keys form a cycle: ${names.filter((n) => !placed.has(n)).join(', ')}`);
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

/** Stored (not generated) columns of a SQLite table, in order. */
function sqliteColumns(db: Db, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid').pluck().all(table) as string[];
}

/** Stored (not generated) columns of a PostgreSQL table, in order. */
function postgresColumns(db: SqlDb, table: string): string[] {
  return db.pluckAll<string>(`SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table]);
}

/** The columns both sides store, refusing when the schemas differ (a move never drops or invents a column). */
function sharedColumns(table: string, source: string[], target: string[]): string[] {
  const missing = source.filter((c) => !target.includes(c));
  const extra = target.filter((c) => !source.includes(c));
  if (missing.length || extra.length) {
    throw new MoveError(`table ${table} differs between the engines (${[...missing.map((c) => `${c} only in the source`), ...extra.map((c) => `${c} only in the target`)].join(', ')}); nothing was copied`);
  }
  return source;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Inserts rows in batches of multi-row INSERTs (bounded by the parameter limit of either engine). */
function insertRows(db: SqlDb, table: string, columns: string[], rows: Iterable<SqlValue[]>): number {
  const perRow = `(${columns.map(() => '?').join(', ')})`;
  const batch = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  let pending: SqlValue[] = [];
  let count = 0;
  let inBatch = 0;
  const flush = () => {
    if (inBatch === 0) return;
    db.run(head + Array.from({ length: inBatch }, () => perRow).join(', '), pending);
    pending = [];
    inBatch = 0;
  };
  for (const row of rows) {
    pending.push(...row);
    inBatch++;
    count++;
    if (inBatch === batch) flush();
  }
  flush();
  return count;
}

function countOf(db: SqlDb, table: string): number {
  return Number(db.pluck<number>(`SELECT count(*) FROM ${quote(table)}`) ?? 0);
}

/** Verifies the target inside the transaction; throws (rolling everything back) on the first difference. */
function verifyArrival(target: SqlDb, expected: TableCount[], sourceHead: { id: number; hash: string } | null, where: string, auditKey: AuditKey | null): MoveReport {
  for (const { table, rows } of expected) {
    const arrived = countOf(target, table);
    if (arrived !== rows) throw new MoveError(`${where}: table ${table} has ${arrived} rows after copying, the source ${rows}; nothing was kept`);
  }
  const chain = verifyAuditChain(target);
  if (!chain.ok) throw new MoveError(`${where}: the audit chain does not hold after copying (${chain.reason}); nothing was kept`);
  const seals = verifySeals(target);
  if (!seals.ok) throw new MoveError(`${where}: record seals do not hold after copying (${seals.problems[0] ?? 'unknown'}); nothing was kept`);
  const head = auditHead(target);
  if ((head?.id ?? null) !== (sourceHead?.id ?? null) || (head?.hash ?? null) !== (sourceHead?.hash ?? null)) {
    throw new MoveError(`${where}: the newest audit row differs from the source's after copying; nothing was kept`);
  }
  const check = checkDatabase(target);
  if (!check.ok) throw new MoveError(`${where}: check fails after copying (${check.problems.join('; ')}); nothing was kept`);
  return { tables: expected, auditKey, auditRows: chain.rows, auditHead: head, cases: check.cases };
}

/** Refuses a PostgreSQL database that holds any table, view or sequence of its own (extensions' functions aside). */
export function assertEmptyPostgres(db: SqlDb): void {
  const held = db.pluckAll<string>(`SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
    ORDER BY 1 LIMIT 6`);
  if (held.length > 0) {
    throw new MoveError(`${db.name} is not empty (it holds ${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}); `
      + 'migrate-to-postgres copies a board only into an empty database: create a new one (see README, PostgreSQL). Nothing was written');
  }
}

/**
 * Copies the open SQLite board `source` into the empty PostgreSQL database `target`, all or nothing, and verifies
 * it there before committing. The source must pass `check` first (a broken board is not carried over).
 */
export function copySqliteToPostgres(source: Db, target: PostgresSqlDb, passphrase: string | null = currentKey()): MoveReport {
  const before = checkDatabase(source);
  if (!before.ok) throw new MoveError(`${source.name} does not pass check (${before.problems.join('; ')}); fix it before moving it. Nothing was written`);
  assertEmptyPostgres(target);
  const tables = tablesInOrder(source);
  const sourceHead = auditHead(source);
  // The rows keep the key they were written under: the target is verified (and will be served) with the same key.
  const key = auditKeyFor(source);
  bindAuditKey(target, key);
  const report = target.transaction(() => {
    applyPostgresMigrations(target);
    const targetTables = new Set(target.pluckAll<string>("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"));
    const missing = tables.filter((t) => !targetTables.has(t));
    if (missing.length) throw new MoveError(`the PostgreSQL schema has no table ${missing.join(', ')}; nothing was written`);
    // The protections refuse what the app must never do (insert into a signed meeting, touch the audit log); a
    // verbatim copy does exactly that, so they are set aside for this transaction only (nobody else sees it:
    // ALTER TABLE holds its lock to the end) and are back before COMMIT, where the check below sees them.
    for (const t of targetTables) if (t !== 'schema_migrations') target.exec(`ALTER TABLE ${quote(t)} DISABLE TRIGGER USER`);
    const counts: TableCount[] = [];
    for (const table of tables) {
      const columns = sharedColumns(table, sqliteColumns(source, table), postgresColumns(target, table));
      const rows = source.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY rowid`).raw(true).iterate() as IterableIterator<SqlValue[]>;
      counts.push({ table, rows: insertRows(target, table, columns, rows) });
    }
    // The search index from the tables (its folded text is engine-neutral; terms are PostgreSQL's tsvector).
    const bodies = [...expectedSearchBodies(target)];
    for (let i = 0; i < bodies.length; i += 500) {
      const slice = bodies.slice(i, i + 500);
      target.run(`INSERT INTO case_search (rowid, body, terms) VALUES ${slice.map(() => "(?, ?, to_tsvector('simple', ?))").join(', ')}`,
        slice.flatMap(([id, body]) => [id, body, searchTerms(body)]));
    }
    for (const t of targetTables) if (t !== 'schema_migrations') target.exec(`ALTER TABLE ${quote(t)} ENABLE TRIGGER USER`);
    // New rows continue after the copied ids.
    const identities = target.all<{ table_name: string; column_name: string }>(`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`);
    for (const { table_name: t, column_name: c } of identities) {
      target.pluck(`SELECT setval(pg_get_serial_sequence(?, ?), max(${quote(c)})) FROM ${quote(t)} HAVING max(${quote(c)}) IS NOT NULL`, [t, c]);
    }
    const report = verifyArrival(target, counts, sourceHead, target.name, key);
    // The key goes with its rows, in the same transaction: wrapped under the board's passphrase in `meta`
    // (db/open-postgres.ts). Without a passphrase (a plaintext board) it stays in the key file only.
    if (key && passphrase !== null) {
      target.run('INSERT INTO meta (key, value) VALUES (?, ?)', [AUDIT_KEY_META, JSON.stringify(wrapAuditKey(key, [passphrase]))]);
      return { ...report, auditKeyKept: 'database' as const };
    }
    return { ...report, auditKeyKept: 'file' as const };
  });
  analyzeAfterLoad(target, report.tables.map((t) => t.table));
  return report;
}

/**
 * After a bulk load PostgreSQL knows nothing of the new rows until autovacuum comes by (up to a minute or more):
 * without statistics it plans seq scans where an index would do, and the search index's new entries wait in its
 * pending list, which every search then reads through. So the moved tables are vacuumed and analysed at once after
 * COMMIT. VACUUM cannot run in a transaction, and a failed statement would spoil a caller's: inside one (never the
 * case for the command) it is left to autovacuum, as it is when it fails (the board is committed either way).
 */
function analyzeAfterLoad(target: PostgresSqlDb, tables: readonly string[]): void {
  if (target.inTransaction) return;
  const list = [...tables, 'case_search'].map(quote).join(', ');
  try {
    target.exec(`VACUUM (ANALYZE) ${list}`);
  } catch {
    // Left to autovacuum.
  }
}

/**
 * Copies the PostgreSQL board `source` into `target`, a SQLite file just created with the current schema (empty),
 * all or nothing; the file's triggers are dropped and re-created inside the transaction (SQLite cannot disable
 * them). `file` is the new file's path (its audit key is written beside it). The caller removes the file, its key and
 * anchor when this throws.
 */
export function copyPostgresToSqlite(source: SqlDb, target: Db, file: string): MoveReport {
  const before = checkDatabase(source);
  if (!before.ok) throw new MoveError(`${source.name} does not pass check (${before.problems.join('; ')}); fix it before exporting it. Nothing was written`);
  // The new file takes the board's audit key (its rows are written under it), not the fresh one made at creation;
  // wrapped under the passphrase when there is one (the new file is then encrypted with it).
  const missing = missingAuditKeyReason(source);
  if (missing !== null) throw new MoveError(missing.replace('nothing was written', 'nothing was exported'));
  const key = auditKeyFor(source);
  if (key) {
    writeAuditKey(file, key);
    bindAuditKey(target, key);
  }
  const port = sqliteSqlDb(target);
  const tables = tablesInOrder(target);
  const sourceHead = auditHead(source);
  return target.transaction(() => {
    for (const table of tables) {
      if (countOf(port, table) > 0) throw new MoveError(`${target.name} is not empty (table ${table} has rows); nothing was written`);
    }
    const triggers = target.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[];
    for (const t of triggers) target.exec(`DROP TRIGGER ${quote(t.name)}`);
    const counts: TableCount[] = [];
    for (const table of tables) {
      const columns = sharedColumns(table, postgresColumns(source, table), sqliteColumns(target, table));
      const key = columns.includes('id') ? 'id' : (columns[0] ?? 'id');
      // The PostgreSQL board's wrapped audit key stays out of the file's meta: the file keeps it beside itself.
      const where = table === 'meta' ? ` WHERE ${quote('key')} <> '${AUDIT_KEY_META}'` : '';
      const rows = source.all<Record<string, SqlValue>>(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}${where} ORDER BY ${quote(key)}`);
      counts.push({ table, rows: insertRows(port, table, columns, rows.map((r) => columns.map((c) => r[c] ?? null))) });
    }
    const insert = target.prepare('INSERT INTO case_search (rowid, body) VALUES (?, ?)');
    for (const [id, body] of expectedSearchBodies(target)) insert.run(id, body);
    for (const t of triggers) target.exec(t.sql);
    return verifyArrival(port, counts, sourceHead, target.name, key);
  })();
}
