/**
 * Where a command's board is kept: `--db FILE` (SQLite) or `--postgres URL` (PostgreSQL), exactly one. The
 * URL and its password are checked by commands/postgres-options.ts (never a password in the URL; PGPASSWORD,
 * TUMOUR_BOARD_PG_PASSWORD_FILE or ~/.pgpass); pool size and statement timeout from `--pg-pool` and
 * `--pg-statement-timeout-ms` or TUMOUR_BOARD_PG_POOL / TUMOUR_BOARD_PG_STATEMENT_TIMEOUT_MS.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { redactUrl } from '../../db/sql/postgres';
import type { PostgresConnection } from '../app/context';
import { intArg, UsageError } from './command';
import { PG_PASSWORD_FILE_ENV, postgresPassword, postgresUrlArg } from './commands/postgres-options';

export const PG_POOL_ENV = 'TUMOUR_BOARD_PG_POOL';
export const PG_TIMEOUT_ENV = 'TUMOUR_BOARD_PG_STATEMENT_TIMEOUT_MS';

/** The parseArgs options every command that opens a board takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  postgres: { type: 'string' },
  'pg-pool': { type: 'string' },
  'pg-statement-timeout-ms': { type: 'string' },
} as const;

/** The zod fields matching STORE_OPTIONS (spread into a command's schema). */
export const storeFields = {
  db: z.string().min(1).optional(),
  postgres: postgresUrlArg.optional(),
  'pg-pool': intArg(1, 100).optional(),
  'pg-statement-timeout-ms': intArg(100, 3_600_000).optional(),
};

export type StoreValues = { db?: string | undefined; postgres?: string | undefined; 'pg-pool'?: number | undefined; 'pg-statement-timeout-ms'?: number | undefined };

export type Store = { kind: 'file'; file: string; label: string } | { kind: 'postgres'; connection: PostgresConnection; label: string };

function envInt(name: string, min: number, max: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const parsed = intArg(min, max).safeParse(text);
  if (!parsed.success) throw new UsageError(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (${min}–${max})`);
  return parsed.data;
}

/**
 * The board a command opens. `mustExist`: a file must already be there (a PostgreSQL database always must;
 * an empty one is given its schema on opening).
 */
export function storeOf(values: StoreValues, options: { mustExist?: boolean } = {}): Store {
  if (values.db !== undefined && values.postgres !== undefined) throw new UsageError('--db and --postgres: give one of them, not both');
  if (values.postgres !== undefined) {
    const connection: PostgresConnection = {
      url: values.postgres,
      poolSize: values['pg-pool'] ?? envInt(PG_POOL_ENV, 1, 100),
      statementTimeoutMs: values['pg-statement-timeout-ms'] ?? envInt(PG_TIMEOUT_ENV, 100, 3_600_000),
      password: postgresPassword(),
    };
    return { kind: 'postgres', connection, label: redactUrl(values.postgres) };
  }
  if (values['pg-pool'] !== undefined || values['pg-statement-timeout-ms'] !== undefined) {
    throw new UsageError('--pg-pool and --pg-statement-timeout-ms go with --postgres');
  }
  if (values.db === undefined) throw new UsageError('--db: is required (the board\'s database file), or --postgres URL');
  if ((options.mustExist ?? true) && !existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
  return { kind: 'file', file: values.db, label: values.db };
}

/** The usage text of the store options, for a command's help. */
export const STORE_USAGE = `--db FILE | --postgres URL [--pg-pool N] [--pg-statement-timeout-ms N]
  (PostgreSQL password from PGPASSWORD or ${PG_PASSWORD_FILE_ENV}=FILE, never on the command line)`;
