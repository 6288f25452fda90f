/**
 * The audit key: the secret that makes the audit chain an HMAC chain (db/audit.ts), so that someone who edits
 * the database out of band cannot recompute a chain that verifies.
 *
 * Custody: a random 256-bit key per database, kept OUTSIDE the database file, beside it in `FILE.audit-key`
 * (0600, like the anchor and the desktop's wrapped database key). It is deliberately not derived from the
 * passphrase: `rekey`/`encrypt` change the passphrase and must not orphan the rows written before (the chain is
 * never re-written); whoever is given the passphrase to open the file with a shell is not thereby able to forge
 * the log; plaintext boards (demos, tests) and the PostgreSQL engine, which have no passphrase, get a keyed
 * chain too. Honest limit: whoever can read the folder can read this file (the same limit as the anchor); it
 * defeats edits of the database file alone: a backup or copy edited and restored, a file passed around.
 * Moving a board to another machine means moving this file with it (README).
 *
 * The key is bound to a connection object (any engine's) so the audit code never asks where it came from.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface AuditKey {
  /** A short public name of the key (recorded in every keyed row): tells "another key" from "altered". */
  id: string;
  secret: Buffer;
}

export const auditKeyPathFor = (file: string): string => `${path.resolve(file)}.audit-key`;

const keyFileSchema = z.object({ audit_key: z.string().regex(/^[0-9a-f]{64}$/), created_at: z.string() });

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

/** The key kept beside `file`, or null when there is none. A damaged key file is an error, never ignored. */
export function readAuditKey(file: string): AuditKey | null {
  return readAuditKeyFile(auditKeyPathFor(file));
}

/** A key file read where it is (`--audit-key FILE`: checking a copy that sits away from its board). */
export function readAuditKeyFile(p: string): AuditKey | null {
  if (!existsSync(p)) return null;
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(p, 'utf8')));
  } catch {
    throw new AuditKeyError(`the audit key beside the database (${path.basename(p)}) is damaged: restore it from where you keep the board's keys`);
  }
  return auditKeyFrom(Buffer.from(parsed.audit_key, 'hex'));
}

/**
 * Writes a new random key beside `file` (0600), or returns the one another process created first: the key is
 * written under a private name and hard-linked into place, which fails if the name exists (two processes
 * opening a new board at once end up with the same key; a crash leaves no half-written key file).
 */
export function createAuditKey(file: string): AuditKey {
  const p = auditKeyPathFor(file);
  const secret = randomBytes(32);
  const partial = `${p}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, `${JSON.stringify({ audit_key: secret.toString('hex'), created_at: new Date().toISOString() })}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  try {
    linkSync(partial, p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readAuditKey(file);
    if (!existing) throw error;
    return existing;
  } finally {
    rmSync(partial, { force: true });
  }
  return auditKeyFrom(secret);
}

/**
 * Writes `key` as the key of the board in `file` (0600, replacing any key file there): a board moved to a new file
 * (export-sqlite) keeps the key its rows were written under.
 */
export function writeAuditKey(file: string, key: AuditKey): void {
  const p = auditKeyPathFor(file);
  const partial = `${p}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, `${JSON.stringify({ audit_key: key.secret.toString('hex'), created_at: new Date().toISOString() })}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, p);
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

/** Binds the audit key (or, with null, explicitly none) to a connection of any engine. */
export function bindAuditKey(connection: object, key: AuditKey | null): void {
  bound.set(connection, key);
}

/** The key bound to a connection; `fallback` (e.g. the key file beside the connection's file) when none was bound. */
export function auditKeyOf(connection: object, fallback: () => AuditKey | null = () => null): AuditKey | null {
  if (bound.has(connection)) return bound.get(connection) ?? null;
  const key = fallback();
  bound.set(connection, key);
  return key;
}
