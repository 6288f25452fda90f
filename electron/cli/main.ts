/**
 * `tumour-board`: the command-line transport. Every command validates its arguments (zod), prints a clear
 * message naming the argument on a mistake (exit 2), and exits 1 when the work itself fails.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { EngineInputError } from '../../shared/engine/errors';
import { escapeForTerminal } from '../../shared/text/clean';
import { DatabaseOpenError } from '../app/context';
import { APP_VERSION } from '../app/version';
import { UsageError, wantsHelp, type CliIO, type Command } from './command';
import { CallFailed } from './core';
import { auditCommand } from './commands/audit';
import { callCommand } from './commands/call';
import { backupCommand } from './commands/backup';
import { casesCommand } from './commands/cases';
import { checkCommand } from './commands/check';
import { dataCommands } from './commands/data';
import { demoCommand } from './commands/demo';
import { evaluateCommand } from './commands/evaluate';
import { exportLetterCommand } from './commands/export-letter';
import { exportMinutesCommand } from './commands/export-minutes';
import { exportRegistryCommand } from './commands/export-registry';
import { serveCommand } from './commands/serve';
import { encryptCommand, readPassphraseFile, rekeyCommand } from './commands/encrypt';
import { hasPlainHeader, onPlaintextOpen, PASSPHRASE_ENV, resetProcessKey, setProcessAuditKeyFile, setProcessKey } from '../app/database-file';
import { PromptCancelled, readSecret } from './prompt';
import { usersCommand } from './commands/users';
import { exportSqliteCommand, migrateToPostgresCommand } from './commands/move';
import { runBoardCore } from '../host/board-cores';

export const COMMANDS: Command[] = [demoCommand, serveCommand, casesCommand, evaluateCommand, checkCommand, backupCommand, auditCommand, ...dataCommands];
COMMANDS.push(exportMinutesCommand, exportLetterCommand);
COMMANDS.push(exportRegistryCommand, callCommand);
COMMANDS.push(encryptCommand, rekeyCommand);
COMMANDS.push(usersCommand);
COMMANDS.push(migrateToPostgresCommand, exportSqliteCommand);

/** The one line a plaintext database gets (no passphrase given): encryption at rest is off for it, and the audit key is not wrapped. */
export const plaintextNotice = (file: string) =>
  `note: ${file} is not encrypted and its audit key is kept unwrapped beside it (no passphrase: set ${PASSPHRASE_ENV} or give --passphrase-file FILE)`;

/**
 * Takes `--passphrase-file FILE` and `--audit-key FILE` (any command) out of argv; returns the rest, the
 * passphrase and the audit key file, if any.
 */
function takePassphraseFile(args: string[]): { rest: string[]; passphrase: string | null; auditKey: string | null } {
  const rest: string[] = [];
  let passphrase: string | null = null;
  let auditKey: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--audit-key' || a.startsWith('--audit-key=')) {
      const file = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!file) throw new UsageError('--audit-key needs a FILE');
      if (!existsSync(file)) throw new UsageError(`--audit-key: ${file} does not exist`);
      auditKey = file;
      continue;
    }
    if (a === '--passphrase-file' || a.startsWith('--passphrase-file=')) {
      const file = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!file) throw new UsageError('--passphrase-file needs a FILE');
      passphrase = readPassphraseFile(file);
      continue;
    }
    rest.push(a);
  }
  return { rest, passphrase, auditKey };
}

/** The value of `--db FILE` / `--db=FILE` in argv, if any. */
function dbArgument(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--db') return args[i + 1] ?? null;
    if (a.startsWith('--db=')) return a.slice('--db='.length);
  }
  return null;
}

/**
 * No passphrase given, but the database named by --db is encrypted: ask on the terminal (no echo). Without
 * a terminal nobody is asked and opening fails with the message naming TUMOUR_BOARD_PASSPHRASE / --passphrase-file.
 */
async function askPassphrase(args: readonly string[], io: CliIO): Promise<string | null> {
  const file = dbArgument(args);
  if (!file || !io.promptSecret || !existsSync(file) || statSync(file).size === 0 || hasPlainHeader(file)) return null;
  const typed = await io.promptSecret(`Passphrase for ${path.basename(file)}: `);
  return typed ? typed : null;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `tumour-board ${APP_VERSION}: tumour board case list, evidence and minutes (offline)`,
    '',
    'Usage: tumour-board <command> [options]   (tumour-board <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[], rawIo: CliIO): Promise<number> {
  // Stored text (names, notes) may hold control characters written before input was cleaned, or come from a
  // hostile import: everything printed goes through one escape so it cannot drive the terminal.
  const io: CliIO = { ...rawIo, out: (line) => rawIo.out(escapeForTerminal(line)), err: (line) => rawIo.err(escapeForTerminal(line)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`tumour-board: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(command.usage);
    return 0;
  }
  try {
    const { rest: args, passphrase, auditKey } = takePassphraseFile(rest);
    setProcessKey(passphrase ?? process.env[PASSPHRASE_ENV] ?? (await askPassphrase(args, io)));
    setProcessAuditKeyFile(auditKey);
    onPlaintextOpen((file) => io.err(plaintextNotice(file)));
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tumour-board ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof PromptCancelled) {
      io.err(`tumour-board ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof EngineInputError) {
      io.err(`tumour-board ${name}: invalid case facts: ${error.message}`);
      return 1;
    }
    if (error instanceof CallFailed) {
      io.err(`tumour-board ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof DatabaseOpenError) {
      io.err(`tumour-board ${name}: ${error.message}`);
      return 1;
    }
    io.err(`tumour-board ${name}: failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    onPlaintextOpen(null);
    resetProcessKey();
    setProcessAuditKeyFile(null);
  }
}

const stdio: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  promptSecret: (question) => readSecret(question, process.stdin, process.stderr),
};

/** Entry point of dist/cli.cjs: `node dist/cli.cjs …` or the `tumour-board` bin shim. */
export function main(argv = process.argv.slice(2)): void {
  runCli(argv, stdio).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`tumour-board: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

// In a board server's core thread (serve --network --postgres starts them from this bundle) it serves that instead.
if (!runBoardCore() && require.main === module) main();
