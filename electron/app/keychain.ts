/**
 * The desktop app always encrypts its database (Signal Desktop's model): a random 256-bit key, kept on disk
 * only wrapped by the OS keychain (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret
 * Service/kwallet on Linux), in `db-key.wrapped` beside the database (0600). The key is written as eight groups
 * of eight hex digits; that same text is the **recovery key**, shown once when it is created: with it the CLI
 * opens the file anywhere (`TUMOUR_BOARD_PASSPHRASE=<recovery key> tumour-board check --db …`).
 * No electron import here: the shell passes its safeStorage in (tests pass a fake).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasPlainHeader } from '../../db/connection';
import { rekeyFile } from '../../db/encrypt';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(wrapped: Buffer): string;
}

export const WRAPPED_KEY_FILE = 'db-key.wrapped';

export class KeychainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeychainError';
  }
}

/** 32 random bytes as `xxxxxxxx-…` (8 × 8 hex digits): easy to write down, and the passphrase itself. */
export function newDatabaseKey(): string {
  return (randomBytes(32).toString('hex').match(/.{8}/g) ?? []).join('-');
}

export interface UnlockedKey {
  key: string;
  /** Set only when the key was created now: show it once, then it is gone. */
  recoveryKey: string | null;
  /** True when an existing plaintext database was encrypted now. */
  encryptedExisting: boolean;
}

/**
 * Returns the database key, creating and wrapping one on first run (and encrypting an existing plaintext
 * database with it). Refuses, changing nothing, when the keychain is unavailable or the key is lost.
 */
export function unlockDatabaseKey(dbPath: string, safe: SafeStorageLike): UnlockedKey {
  const wrappedPath = path.join(path.dirname(path.resolve(dbPath)), WRAPPED_KEY_FILE);
  if (!safe.isEncryptionAvailable()) {
    throw new KeychainError('the operating system keychain is not available, so the database key cannot be kept safely; nothing was opened or changed');
  }
  if (existsSync(wrappedPath)) {
    let key: string;
    try {
      key = safe.decryptString(readFileSync(wrappedPath));
    } catch {
      throw new KeychainError(`the keychain cannot unwrap the database key (${WRAPPED_KEY_FILE}); open the database with its recovery key from the command line`);
    }
    return { key, recoveryKey: null, encryptedExisting: false };
  }
  const exists = existsSync(dbPath);
  if (exists && !hasPlainHeader(dbPath)) {
    throw new KeychainError(`the database is encrypted but its key (${WRAPPED_KEY_FILE}) is missing: open it with its recovery key (TUMOUR_BOARD_PASSPHRASE) from the command line; nothing was changed`);
  }
  const key = newDatabaseKey();
  // The wrapped key is written (atomically) before the database depends on it.
  const partial = `${wrappedPath}.partial`;
  writeFileSync(partial, safe.encryptString(key), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, wrappedPath);
  if (exists) rekeyFile(dbPath, null, key);
  return { key, recoveryKey: key, encryptedExisting: exists };
}
