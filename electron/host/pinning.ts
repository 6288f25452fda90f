/**
 * Certificate pinning for a client of a board server (the desktop app's "Board server" connection; tools).
 * First contact: `fetchCertificate` reads the server's certificate without trusting it, so the user can compare
 * its SHA-256 fingerprint with the one the server printed; once confirmed, the certificate is pinned and every
 * request trusts exactly that certificate (`pinnedAgent`). A server presenting any other certificate is refused
 * with a message naming both fingerprints (`PinMismatchError`), never silently accepted.
 */
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';

export interface Pin {
  /** SHA-256 fingerprint, colon-separated upper-case hex (as the server prints it). */
  fingerprint: string;
  /** The certificate itself (PEM), trusted as the only authority for this server. */
  pem: string;
}

export class PinMismatchError extends Error {
  constructor(readonly expected: string, readonly presented: string | null) {
    super(presented
      ? `the board server's certificate has changed: it presents ${presented}, but you confirmed ${expected}. Nothing was sent. `
        + 'If your administrator replaced the certificate, confirm the new fingerprint with them and connect again; otherwise do not continue.'
      : `the board server did not present the certificate you confirmed (${expected}). Nothing was sent.`);
    this.name = 'PinMismatchError';
  }
}

export const normaliseFingerprint = (text: string): string => {
  const hex = text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 64) throw new Error('a SHA-256 fingerprint has 64 hexadecimal digits');
  return hex.match(/../g)?.join(':') ?? hex;
};

const toPem = (raw: Buffer): string => `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;

/** Reads the certificate a server presents, without trusting it (first contact, or to explain a mismatch). */
export function fetchCertificate(serverUrl: string, timeoutMs = 5000): Promise<Pin> {
  const url = new URL(serverUrl);
  if (url.protocol !== 'https:') return Promise.reject(new Error('a board server is reached over https:// only'));
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({ host, port: Number(url.port || 443), rejectUnauthorized: false, ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }) }, () => {
      const cert: PeerCertificate = socket.getPeerCertificate(true);
      socket.end();
      if (!cert.raw) return reject(new Error('the server presented no certificate'));
      const pem = toPem(cert.raw);
      resolve({ pem, fingerprint: new X509Certificate(pem).fingerprint256 });
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the board server did not answer in time')));
    socket.on('error', reject);
  });
}

/** An HTTPS agent that trusts exactly the pinned certificate (whatever name it carries) and nothing else. */
export function pinnedAgent(pin: Pin): Agent {
  const expected = normaliseFingerprint(pin.fingerprint);
  return new Agent({
    keepAlive: true, ca: pin.pem, minVersion: 'TLSv1.2',
    // The pin replaces name checks: a self-signed server certificate rarely names every address users type.
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === expected ? undefined : new PinMismatchError(expected, cert.fingerprint256)),
  });
}

const CERT_ERRORS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_SIGNATURE_FAILURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/**
 * The pin problem behind a failed request, or null when it failed for another reason (unreachable, timeout): a
 * certificate that does not chain to the pinned one is named by the fingerprint it presents.
 */
export async function pinProblem(serverUrl: string, pin: Pin, error: unknown): Promise<PinMismatchError | null> {
  if (error instanceof PinMismatchError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !CERT_ERRORS.has(code)) return null;
  try {
    const presented = await fetchCertificate(serverUrl);
    return new PinMismatchError(normaliseFingerprint(pin.fingerprint), presented.fingerprint);
  } catch {
    return new PinMismatchError(normaliseFingerprint(pin.fingerprint), null);
  }
}

/**
 * One JSON POST to the pinned server. A certificate other than the pinned one throws PinMismatchError naming the
 * fingerprint it presented; the request body is never sent to it.
 */
export function pinnedPost(serverUrl: string, path: string, body: unknown, pin: Pin, agent = pinnedAgent(pin), headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; setCookie: string[] }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, serverUrl), {
      method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: unknown = null;
        try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, json, setCookie: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof PinMismatchError) return reject(error);
      if (error.code && CERT_ERRORS.has(error.code)) {
        // Say which certificate it was, so the user can compare it with the administrator's.
        fetchCertificate(serverUrl).then(
          (presented) => reject(new PinMismatchError(normaliseFingerprint(pin.fingerprint), presented.fingerprint)),
          () => reject(new PinMismatchError(normaliseFingerprint(pin.fingerprint), null)),
        );
        return;
      }
      reject(error);
    });
    req.end(payload);
  });
}
