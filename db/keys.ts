/**
 * Which key opens the database file (encryption at rest, SQLCipher-compatible AES-256 via SQLite3 Multiple
 * Ciphers). One key per process: the CLI, the browser host and the server take a passphrase from
 * TUMOUR_BOARD_PASSPHRASE or `--passphrase-file FILE` (set here with `setProcessKey`); the Electron shell sets
 * a random 256-bit key it keeps wrapped by the OS keychain (electron/shell/db-key.ts). No key: files are plain
 * SQLite (demos, tests) and the CLI and browser host say so in one line.
 *
 * A passphrase is stretched by the cipher's own KDF (PBKDF2-HMAC-SHA512, 256,000 iterations, per-file salt).
 */
let processKey: string | null | undefined;
let plaintextNotice: ((file: string) => void) | null = null;

export const PASSPHRASE_ENV = 'TUMOUR_BOARD_PASSPHRASE';

/** Sets (or with null, explicitly clears) the key every later open in this process uses. */
export function setProcessKey(key: string | null): void {
  processKey = key;
}

/** Back to the default (TUMOUR_BOARD_PASSPHRASE, read at each open). */
export function resetProcessKey(): void {
  processKey = undefined;
}

/** The key for this process: the one set, else TUMOUR_BOARD_PASSPHRASE, else none (plaintext). */
export function currentKey(): string | null {
  if (processKey !== undefined) return processKey;
  const env = process.env[PASSPHRASE_ENV];
  return env ? env : null;
}

/** Called once per file opened without a key (the CLI and browser host print one line). */
export function onPlaintextOpen(notice: ((file: string) => void) | null): void {
  plaintextNotice = notice;
}

const noticed = new Set<string>();
export function notePlaintext(file: string): void {
  if (!plaintextNotice || noticed.has(file)) return;
  noticed.add(file);
  plaintextNotice(file);
}

/** A passphrase as a SQL string literal for PRAGMA key/rekey (single quotes doubled; NUL refused). */
export function keyLiteral(key: string): string {
  if (key.includes('\u0000')) throw new Error('a passphrase may not contain a NUL character');
  return `'${key.replaceAll("'", "''")}'`;
}
