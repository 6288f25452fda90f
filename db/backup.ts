/**
 * Consistent copies of the live database (safe while the app is writing: SQLite snapshots the read).
 * A copy is written under a temporary `.partial-` name, checked (SQLite's quick_check, schema version, audit
 * head readable), flushed to disk, and only then renamed to its final name: a crash mid-copy leaves a
 * `.partial-` file that is never listed, counted or restored, and is removed at the next start. Each backup
 * gets a manifest beside it (size, SHA-256, audit head) so a copy can be verified without opening it.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openRaw, type Db } from './connection';

export interface BackupManifest {
  file: string;
  kind: string;
  created_at: string;
  bytes: number;
  sha256: string;
  schema_version: number;
  /** The last audit row in the copy: a later edit that drops or rewrites audit rows no longer matches. */
  audit_head: { id: number; hash: string } | null;
}

/** SHA-256 of a file, read in chunks. */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function fsyncPath(p: string, flags = 'r'): void {
  const fd = openSync(p, flags);
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a checked copy of `db` to `out` (never overwriting), via a `.partial-` name and an atomic rename.
 * Returns its size and manifest (not yet written: see writeManifest).
 */
export function writeVerifiedBackup(db: Db, out: string, meta: { kind: string; created_at: string }): { bytes: number; manifest: BackupManifest } {
  if (existsSync(out)) throw new Error(`${path.basename(out)} already exists; choose a new file name`);
  const partial = path.join(path.dirname(out), `.partial-${path.basename(out)}`);
  rmSync(partial, { force: true });
  try {
    // VACUUM INTO gives a compact, fully checkpointed single file (no -wal to carry along).
    db.prepare('VACUUM INTO ?').run(partial);
    chmodSync(partial, 0o600);
    const copy = openRaw(partial, { readonly: true, fileMustExist: true });
    let schemaVersion: number;
    let head: BackupManifest['audit_head'];
    try {
      const quick = copy.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new Error(`the copy failed SQLite's quick_check (${String(quick)})`);
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      const source = db.pragma('user_version', { simple: true }) as number;
      if (schemaVersion !== source) throw new Error(`the copy has schema ${schemaVersion}, the database ${source}`);
      head = (copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? null;
    } finally {
      copy.close();
    }
    fsyncPath(partial, 'r+');
    const bytes = statSync(partial).size;
    const sha256 = sha256File(partial);
    renameSync(partial, out);
    fsyncPath(path.dirname(out));
    return { bytes, manifest: { file: path.basename(out), kind: meta.kind, created_at: meta.created_at, bytes, sha256, schema_version: schemaVersion, audit_head: head } };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Writes `<backup>.manifest.json` beside the backup (itself through a temporary name). */
export function writeManifest(backupPath: string, manifest: BackupManifest): void {
  const target = `${backupPath}.manifest.json`;
  const partial = path.join(path.dirname(target), `.partial-${path.basename(target)}`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, target);
}

/** `tumour-board backup --out FILE`: a checked copy and its manifest. */
export function backupTo(db: Db, out: string): BackupManifest {
  const { manifest } = writeVerifiedBackup(db, out, { kind: 'manual', created_at: new Date().toISOString() });
  writeManifest(out, manifest);
  return manifest;
}
