/**
 * `tumour-board migrate-to-postgres` and `tumour-board export-sqlite`: a board moved whole between its SQLite file and
 * a PostgreSQL database (db/move.ts): all or nothing, ids, audit rows and hashes verbatim, verified on arrival. The
 * PostgreSQL password comes from the URL's environment (PGPASSWORD) or a file (TUMOUR_BOARD_PG_PASSWORD_FILE),
 * never from the command line.
 */
import { existsSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../db/open';
import { shortHash } from '../../../db/audit';
import { writeAnchor, anchorPathFor } from '../../../db/anchor';
import { auditKeyPathFor } from '../../../db/auditKey';
import { copyPostgresToSqlite, copySqliteToPostgres, MoveError, type MoveReport } from '../../../db/move';
import { openPostgres, redactUrl } from '../../../db/sql/postgres';
import { openPostgresDatabase } from '../../../db/open-postgres';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { postgresPassword, postgresUrlArg } from './postgres-options';

function printReport(io: CliIO, report: MoveReport, where: string): void {
  const width = Math.max(...report.tables.map((t) => t.table.length));
  for (const t of report.tables) io.out(`  ${t.table.padEnd(width)}  ${String(t.rows).padStart(8)}`);
  const head = report.auditHead ? `newest row ${report.auditHead.id}, ${shortHash(report.auditHead.hash)}…` : 'empty';
  io.out(`verified in ${where}: every table's row count equals the source's; audit chain ok (${report.auditRows} rows, ${head}); record seals ok; check ok (${report.cases} cases)`);
}

export const migrateToPostgresCommand: Command = {
  name: 'migrate-to-postgres',
  summary: 'copy a board\'s SQLite file whole into an empty PostgreSQL database (all or nothing, verified)',
  usage: `tumour-board migrate-to-postgres --db FILE --postgres URL

Copies every table of the board in FILE into the PostgreSQL database at URL (postgres://USER@HOST:PORT/DB?sslmode=…),
which must be EMPTY (a non-empty database is refused and nothing is written): ids, audit rows and their hashes as
they are, in one transaction; then, before committing, checks that each table holds as many rows as in FILE, that
the audit chain and the record seals hold and that "check" passes there. Prints the row count of every table.
FILE must pass "check" first and is not changed. The password comes from PGPASSWORD or the file named by
TUMOUR_BOARD_PG_PASSWORD_FILE (or ~/.pgpass), never from the command line. With a passphrase (TUMOUR_BOARD_PASSPHRASE or
--passphrase-file) the board's audit key is kept in the database wrapped under it; without one (a plaintext board) give
the key file to every server with --audit-key FILE.
Afterwards: tumour-board serve --network --postgres URL …`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, postgres: { type: 'string' } },
      z.object({ db: z.string({ message: 'is required' }).min(1), postgres: postgresUrlArg }),
    );
    if (!existsSync(values.db)) throw new UsageError(`--db: ${values.db} does not exist`);
    const { db: source } = openDatabase(values.db);
    try {
      const target = openPostgres(values.postgres, { password: postgresPassword() });
      try {
        io.out(`copying ${values.db} into ${redactUrl(values.postgres)} …`);
        const report = copySqliteToPostgres(source, target);
        printReport(io, report, redactUrl(values.postgres));
        if (report.auditKey && report.auditKeyKept === 'database') {
          io.out(`the audit chain is keyed (key ${report.auditKey.id}): the key is kept in the database, wrapped under the board's passphrase; give every server and command on this database the same passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file FILE)`);
        } else if (report.auditKey) {
          io.out(`the audit chain is keyed (key ${report.auditKey.id}): give every server and command on this database the key file ${auditKeyPathFor(values.db)} (--audit-key FILE), or run "check --postgres URL --audit-key FILE" once with a passphrase to keep it in the database wrapped under it`);
        }
        io.out(`done: the board now lives in PostgreSQL; serve it with tumour-board serve --network --postgres URL --listen HOST:PORT (keep ${values.db} as the last SQLite copy)`);
        return 0;
      } finally {
        target.close();
      }
    } catch (error) {
      if (error instanceof MoveError) {
        io.err(`tumour-board migrate-to-postgres: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      source.close();
    }
  },
};

export const exportSqliteCommand: Command = {
  name: 'export-sqlite',
  summary: 'copy a board from PostgreSQL into a new SQLite file (all or nothing, verified)',
  usage: `tumour-board export-sqlite --postgres URL --out FILE

Copies the board in the PostgreSQL database at URL into a NEW SQLite file (an existing FILE is refused): every table,
ids, audit rows and hashes as they are, in one transaction, verified like migrate-to-postgres before it commits;
the result passes "check". The new file keeps the board's audit key beside it (OUT.audit-key), wrapped under the passphrase
when one is given; the key comes from the database (with the passphrase) or from --audit-key FILE.
Encrypted when a passphrase is given (TUMOUR_BOARD_PASSPHRASE or --passphrase-file).`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { out: { type: 'string' }, postgres: { type: 'string' } },
      z.object({ out: z.string({ message: 'is required' }).min(1), postgres: postgresUrlArg }),
    );
    const leftovers = [values.out, `${values.out}-wal`, `${values.out}-shm`, `${values.out}-journal`, anchorPathFor(values.out), auditKeyPathFor(values.out)];
    if (leftovers.some((f) => existsSync(f))) throw new UsageError(`--out: ${values.out} already exists (or its -wal, -shm or anchor file does); give a new file`);
    // The board's audit key (kept in the database under the passphrase, or --audit-key FILE): its rows are verified
    // under it and the new file keeps it.
    const { db: source } = openPostgresDatabase(values.postgres, { password: postgresPassword() });
    let done = false;
    try {
      const { db: target } = openDatabase(values.out);
      try {
        const report = copyPostgresToSqlite(source, target, values.out);
        writeAnchor(target, values.out);
        printReport(io, report, values.out);
        done = true;
        io.out(`done: ${values.out} holds the board (check --db ${values.out} passes)`);
        return 0;
      } finally {
        target.close();
      }
    } catch (error) {
      if (error instanceof MoveError) {
        io.err(`tumour-board export-sqlite: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      source.close();
      if (!done) for (const f of leftovers) rmSync(f, { force: true });
    }
  },
};
