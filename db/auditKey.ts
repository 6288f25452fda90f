/**
 * The audit key: the secret that makes the audit chain an HMAC chain (db/audit.ts), so that someone who edits
 * the database out of band cannot recompute a chain that verifies.
 *
 * The key itself is a random 256-bit secret per board, never derived from the passphrase: `rekey`/`encrypt`
 * change the passphrase and must not orphan the rows written before (the chain is never re-written), and a copy
 * of the board stays verifiable anywhere the key goes with it. Its custody follows the board's key:
 * - An encrypted board (a passphrase from TUMOUR_BOARD_PASSPHRASE / --passphrase-file / the prompt, or the
 *   desktop's random database key that the OS keychain holds, electron/app/keychain.ts) keeps it in
 *   `FILE.audit-key` (0600) only WRAPPED: AES-256-GCM under a key stretched from that passphrase with scrypt and
 *   a per-board random salt. Who copies the folder without the passphrase (or, on the desktop, without the
 *   keychain) gets no key and cannot recompute the chain; whoever holds the passphrase or the desktop's recovery
 *   key (which is the database key) can unwrap it anywhere. `rekey` re-wraps it (the file briefly holds a wrap for
 *   both passphrases, so a crash never leaves a key that the board's passphrase cannot open).
 * - A plaintext board (demos, tests: no passphrase) keeps the key unwrapped (the one-line notice says so).
 * - A board on PostgreSQL has no folder: its key is kept wrapped the same way in its own `meta` table
 *   (db/open-postgres.ts), or given as a key file with `--audit-key FILE`.
 * An old unwrapped key file is wrapped on the first open with a passphrase (sealAuditKeyFile): the wrapped file
 * is written and read back first, then replaces the plain one, whose bytes are overwritten with zeros.
 *
 * The key is bound to a connection object (any engine's) so the audit code never asks where it came from.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fstatSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { currentKey } from './keys';

export interface AuditKey {
  /** A short public name of the key (recorded in every keyed row): tells "another key" from "altered". */
  id: string;
  secret: Buffer;
}

export const auditKeyPathFor = (file: string): string => `${path.resolve(file)}.audit-key`;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** An unwrapped key file (plaintext boards; and every board before wrapping existed). */
const plainKeyFileSchema = z.object({ audit_key: hex(32), created_at: z.string() });

export const WRAPPED_FORMAT = 'tumour-board audit key, wrapped';

/** scrypt cost of the wrapping key (about 0.1 s and 32 MiB once per process and board). */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

const wrapSchema = z.object({
  kdf: z.literal('scrypt'),
  n: z.number().int().min(1024).max(1 << 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: hex(16),
  nonce: hex(12),
  ciphertext: hex(32),
  tag: hex(16),
});
type Wrap = z.infer<typeof wrapSchema>;

export const wrappedKeySchema = z.object({
  format: z.literal(WRAPPED_FORMAT),
  key_id: z.string().regex(/^[0-9a-f]{12}$/),
  created_at: z.string(),
  /** One wrap per passphrase that opens it: one, except for a moment during `rekey`. */
  wraps: z.array(wrapSchema).min(1).max(4),
});
export type WrappedAuditKey = z.infer<typeof wrappedKeySchema>;

export function auditKeyFrom(secret: Buffer): AuditKey {
  const id = createHash('sha256').update('tumour-board audit key id\u0000').update(secret).digest('hex').slice(0, 12);
  return { id, secret };
}

/** A key for a database that lives only in memory (`:memory:`): it dies with the connection. */
export function ephemeralAuditKey(): AuditKey {
  return auditKeyFrom(randomBytes(32));
}

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

const derived = new Map<string, Buffer>();

/** The wrapping key for `passphrase` under one wrap's salt and cost (kept in memory for this process). */
function wrappingKey(passphrase: string, w: Pick<Wrap, 'salt' | 'n' | 'r' | 'p'>): Buffer {
  const memo = createHash('sha256').update(`${w.salt}:${w.n}:${w.r}:${w.p}\u0000`).update(passphrase).digest('hex');
  const known = derived.get(memo);
  if (known) return known;
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(w.salt, 'hex'), 32, { N: w.n, r: w.r, p: w.p, maxmem: 256 * w.n * w.r });
  derived.set(memo, key);
  return key;
}

const aadFor = (keyId: string): Buffer => Buffer.from(`${WRAPPED_FORMAT}\u0000${keyId}`);

function wrapOnce(key: AuditKey, passphrase: string): Wrap {
  const params = { salt: randomBytes(16).toString('hex'), n: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(passphrase, params), nonce);
  cipher.setAAD(aadFor(key.id));
  const ciphertext = Buffer.concat([cipher.update(key.secret), cipher.final()]);
  return { kdf: 'scrypt', ...params, nonce: nonce.toString('hex'), ciphertext: ciphertext.toString('hex'), tag: cipher.getAuthTag().toString('hex') };
}

/** `key` wrapped under each passphrase (a board's wrapped key file, or its PostgreSQL `meta` row). */
export function wrapAuditKey(key: AuditKey, passphrases: readonly string[]): WrappedAuditKey {
  if (passphrases.length === 0) throw new Error('wrapping the audit key needs a passphrase');
  return { format: WRAPPED_FORMAT, key_id: key.id, created_at: new Date().toISOString(), wraps: passphrases.map((p) => wrapOnce(key, p)) };
}

/** The key inside `wrapped` if `passphrase` opens one of its wraps (and it is the key its id names); else null. */
export function unwrapAuditKey(wrapped: WrappedAuditKey, passphrase: string): AuditKey | null {
  for (const w of wrapped.wraps) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', wrappingKey(passphrase, w), Buffer.from(w.nonce, 'hex'));
      decipher.setAAD(aadFor(wrapped.key_id));
      decipher.setAuthTag(Buffer.from(w.tag, 'hex'));
      const secret = Buffer.concat([decipher.update(Buffer.from(w.ciphertext, 'hex')), decipher.final()]);
      const key = auditKeyFrom(secret);
      if (key.id === wrapped.key_id) return key;
    } catch {
      // Not this passphrase's wrap: try the next one.
    }
  }
  return null;
}

export type KeyFileContent = { kind: 'plain'; key: AuditKey } | { kind: 'wrapped'; wrapped: WrappedAuditKey };

/** Parses a key file's text (either form); a damaged one is an error naming it, never ignored. */
export function parseAuditKeyText(text: string, name: string): KeyFileContent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const wrapped = wrappedKeySchema.safeParse(json);
  if (wrapped.success) return { kind: 'wrapped', wrapped: wrapped.data };
  const plain = plainKeyFileSchema.safeParse(json);
  if (plain.success) return { kind: 'plain', key: auditKeyFrom(Buffer.from(plain.data.audit_key, 'hex')) };
  throw new AuditKeyError(`the audit key ${name} is damaged: restore it from where you keep the board's keys`);
}

/** How errors name a key file: the one beside a board, or one given with `--audit-key`. */
const whereOf = (p: string, beside: boolean): string => `${beside ? 'beside the database' : 'file'} (${path.basename(p)})`;

function readKeyFileContent(p: string, name = whereOf(p, true)): KeyFileContent | null {
  if (!existsSync(p)) return null;
  try {
    return parseAuditKeyText(readFileSync(p, 'utf8'), name);
  } catch (error) {
    // Another process may be replacing an unwrapped file with its wrapped form this instant: read once more.
    if (!(error instanceof AuditKeyError) || !existsSync(p)) throw error;
    return parseAuditKeyText(readFileSync(p, 'utf8'), name);
  }
}

/** Whether `file`'s key file is absent, unwrapped or wrapped. */
export function auditKeyFileKind(file: string): 'none' | 'plain' | 'wrapped' {
  return readKeyFileContent(auditKeyPathFor(file))?.kind ?? 'none';
}

/** The key in a parsed key file, unwrapped with `passphrase`; `where` names it in errors. */
export function keyFromContent(content: KeyFileContent, passphrase: string | null, where: string): AuditKey {
  if (content.kind === 'plain') return content.key;
  if (passphrase === null) {
    throw new AuditKeyError(`the audit key ${where} is wrapped by the board's passphrase: give the passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file FILE; on the desktop, the recovery key)`);
  }
  const key = unwrapAuditKey(content.wrapped, passphrase);
  if (!key) throw new AuditKeyError(`the passphrase given does not unwrap the audit key ${where} (another board's key, or wrapped under another passphrase)`);
  return key;
}

/** The key kept beside `file`, or null when there is none; unwrapped with `passphrase` (default: this process's key). */
export function readAuditKey(file: string, passphrase: string | null = currentKey()): AuditKey | null {
  const p = auditKeyPathFor(file);
  const content = readKeyFileContent(p);
  return content ? keyFromContent(content, passphrase, whereOf(p, true)) : null;
}

/** A key file read where it is (`--audit-key FILE`: checking a copy that sits away from its board). */
export function readAuditKeyFile(p: string, passphrase: string | null = currentKey()): AuditKey | null {
  const content = readKeyFileContent(p, whereOf(p, false));
  return content ? keyFromContent(content, passphrase, whereOf(p, false)) : null;
}

/** The wraps a board with this key (null: plaintext) keeps: one, or none. */
export const passphrasesOf = (passphrase: string | null): string[] => (passphrase === null ? [] : [passphrase]);

const keyFileText = (key: AuditKey, passphrases: readonly string[]): string =>
  passphrases.length > 0
    ? `${JSON.stringify(wrapAuditKey(key, passphrases))}\n`
    : `${JSON.stringify({ audit_key: key.secret.toString('hex'), created_at: new Date().toISOString() })}\n`;

/** Writes `text` to a private new file beside `p` (0600, flushed); returns its name. */
function writePartial(p: string, text: string): string {
  const partial = `${p}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, text, { mode: 0o600 });
  chmodSync(partial, 0o600);
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return partial;
}

/** Reads a just-written key file back: it must give exactly `key` under each passphrase (or unwrapped, none). */
function verifyWritten(partial: string, key: AuditKey, passphrases: readonly string[]): void {
  const content = parseAuditKeyText(readFileSync(partial, 'utf8'), 'just written');
  const back = passphrases.length === 0 ? [content.kind === 'plain' ? content.key : null] : passphrases.map((p) => (content.kind === 'wrapped' ? unwrapAuditKey(content.wrapped, p) : null));
  for (const k of back) {
    if (!k || k.id !== key.id || !k.secret.equals(key.secret)) {
      rmSync(partial, { force: true });
      throw new AuditKeyError('the audit key file just written does not read back as the key; nothing was changed');
    }
  }
}

/** Overwrites a file's bytes with zeros through an open descriptor, flushes and closes it. */
function scrubFd(fd: number): void {
  try {
    const size = fstatSync(fd).size;
    if (size > 0) writeSync(fd, Buffer.alloc(size), 0, size, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the key file at `p` with `text` atomically (rename); when the replaced file held the key unwrapped, its
 * bytes are overwritten with zeros before it is let go (best effort: a copy-on-write file system or an SSD may
 * still keep old blocks).
 */
function replaceKeyFile(p: string, partial: string): void {
  const wasPlain = existsSync(p) && readKeyFileContent(p)?.kind === 'plain';
  const old = wasPlain ? openSync(p, 'r+') : null;
  try {
    renameSync(partial, p);
  } catch (error) {
    if (old !== null) closeSync(old);
    rmSync(partial, { force: true });
    throw error;
  }
  const dir = openSync(path.dirname(p), 'r');
  try { fsyncSync(dir); } catch { /* some file systems cannot fsync a folder */ } finally { closeSync(dir); }
  if (old !== null) scrubFd(old);
}

/**
 * Writes a new random key beside `file` (wrapped under `passphrase`, unwrapped without one), or returns the one
 * another process created first: the key is written under a private name and hard-linked into place, which fails
 * if the name exists (two processes opening a new board at once end up with the same key; a crash leaves no
 * half-written key file).
 */
export function createAuditKey(file: string, passphrase: string | null = currentKey()): AuditKey {
  const p = auditKeyPathFor(file);
  const key = ephemeralAuditKey();
  const passphrases = passphrasesOf(passphrase);
  const partial = writePartial(p, keyFileText(key, passphrases));
  try {
    linkSync(partial, p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readAuditKeyFile(p, passphrase);
    if (!existing) throw error;
    return existing;
  } finally {
    rmSync(partial, { force: true });
  }
  return key;
}

/**
 * Writes `key` as the key of the board in `file` (0600, replacing any key file there), wrapped under each of
 * `passphrases` (none: unwrapped, a plaintext board); read back before it replaces anything. Used when a board
 * moves to a new file (export-sqlite), is wrapped for the first time, or re-wrapped by `rekey`.
 */
export function writeAuditKey(file: string, key: AuditKey, passphrases: readonly string[] = passphrasesOf(currentKey())): void {
  const p = auditKeyPathFor(file);
  const partial = writePartial(p, keyFileText(key, passphrases));
  verifyWritten(partial, key, passphrases);
  replaceKeyFile(p, partial);
}

/**
 * Wraps an unwrapped key file beside `file` under `passphrase` (the first open of a board with a key source, and
 * `encrypt`): all or nothing, the wrapped file read back before it replaces the plain one, whose bytes are then
 * overwritten. Returns the key, or null when there is no key file; a file already wrapped is only read.
 */
export function sealAuditKeyFile(file: string, passphrase: string): AuditKey | null {
  const p = auditKeyPathFor(file);
  const content = readKeyFileContent(p);
  if (!content) return null;
  if (content.kind === 'wrapped') return keyFromContent(content, passphrase, whereOf(p, true));
  writeAuditKey(file, content.key, [passphrase]);
  return content.key;
}

let processKeyFile: string | null = null;

/**
 * The audit key file this process uses for every database it opens instead of the one beside it (the CLI's
 * `--audit-key FILE`, to check a backup or copy kept elsewhere); null = the file beside each database.
 */
export function setProcessAuditKeyFile(file: string | null): void {
  processKeyFile = file;
}

export function processAuditKeyFile(): string | null {
  return processKeyFile;
}

const bound = new WeakMap<object, AuditKey | null>();
const missing = new WeakMap<object, string>();

/** Binds the audit key (or, with null, explicitly none) to a connection of any engine. */
export function bindAuditKey(connection: object, key: AuditKey | null): void {
  bound.set(connection, key);
  missing.delete(connection);
}

/** The key bound to a connection; `fallback` (e.g. the key file beside the connection's file) when none was bound. */
export function auditKeyOf(connection: object, fallback: () => AuditKey | null = () => null): AuditKey | null {
  if (bound.has(connection)) return bound.get(connection) ?? null;
  const key = fallback();
  bound.set(connection, key);
  return key;
}


/**
 * Marks a connection whose board must be keyed but whose key is not available here (a PostgreSQL board opened
 * without its passphrase or key file): it still reads, and every audit append is refused with `reason`.
 */
export function bindMissingAuditKey(connection: object, reason: string): void {
  bound.set(connection, null);
  missing.set(connection, reason);
}

/** Why a connection may not append audit rows (its board's key is missing), or null. */
export function missingAuditKeyReason(connection: object): string | null {
  return missing.get(connection) ?? null;
}
