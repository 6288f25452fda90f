/**
 * The board server's TLS certificate: the one given (--tls-cert/--tls-key), or a self-signed one made on first
 * run and kept beside the database (key readable by its owner only), so the fingerprint users pin stays the same
 * across restarts. The SHA-256 fingerprint is what a user compares and the desktop app pins.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the DER certificate: 64 hex digits in colon-separated pairs (as browsers show it). */
  fingerprint: string;
  certPath: string;
  keyPath: string;
  /** True when this run made the certificate. */
  created: boolean;
}

export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;

/** Where a database's self-signed certificate lives: `<db>.tls-cert.pem` and `<db>.tls-key.pem`. */
export function defaultTlsPaths(dbPath: string): { certPath: string; keyPath: string } {
  const base = path.resolve(dbPath);
  return { certPath: `${base}.tls-cert.pem`, keyPath: `${base}.tls-key.pem` };
}

/** Names the certificate is valid for: localhost, loopback, and the host the server listens on or is reached by. */
function altNames(names: readonly string[]): { type: 2 | 7; value?: string; ip?: string }[] {
  const all = new Set(['localhost', '127.0.0.1', '::1', ...names.filter((n) => n !== '' && n !== '0.0.0.0' && n !== '::')]);
  return [...all].map((n) => (/^[\d.]+$/.test(n) || n.includes(':') ? { type: 7 as const, ip: n } : { type: 2 as const, value: n }));
}

export async function loadOrCreateTls(options: { dbPath: string; certPath?: string; keyPath?: string; names?: readonly string[]; now?: Date }): Promise<TlsMaterial> {
  if ((options.certPath === undefined) !== (options.keyPath === undefined)) {
    throw new Error('give both --tls-cert and --tls-key, or neither (a self-signed certificate is made then)');
  }
  if (options.certPath && options.keyPath) {
    const cert = readFileSync(options.certPath, 'utf8');
    const key = readFileSync(options.keyPath, 'utf8');
    return { cert, key, fingerprint: fingerprintOf(cert), certPath: options.certPath, keyPath: options.keyPath, created: false };
  }
  const { certPath, keyPath } = defaultTlsPaths(options.dbPath);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), certPath, keyPath, created: false };
  }
  const now = options.now ?? new Date();
  const pems = await generate([{ name: 'commonName', value: 'Tumour Board server' }, { name: 'organizationName', value: 'Tumour Board' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + 5 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: altNames(options.names ?? []) },
    ],
  });
  // The key first, created with owner-only permissions (and set again in case the file existed).
  writeFileSync(keyPath, pems.private, { mode: 0o600, flag: 'w' });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, pems.cert, { mode: 0o644 });
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert), certPath, keyPath, created: true };
}
