import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBoardServer, type BoardServer } from '../../../electron/host/board';
import { fetchCertificate, normaliseFingerprint, PinMismatchError, pinnedPost } from '../../../electron/host/pinning';
import { useTempDir } from '../helpers/fixtures';

const tmp = useTempDir();
const servers: BoardServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(name: string): Promise<BoardServer> {
  const dir = tmp();
  mkdirSync(path.join(dir, 'r'));
  const s = await startBoardServer({ dbPath: path.join(dir, `${name}.db`), staticDir: path.join(dir, 'r'), host: '127.0.0.1', port: 0 });
  servers.push(s);
  return s;
}

describe('certificate pinning (connecting to a board server)', () => {
  it('reads the fingerprint on first contact, then talks only to the pinned certificate and refuses a changed one clearly', async () => {
    const board = await server('board');
    const first = await fetchCertificate(board.host.url);
    expect(first.fingerprint).toBe(board.tls.fingerprint);
    // Pinned: the request reaches the app (401: not signed in yet), although the certificate is self-signed.
    const answer = await pinnedPost(board.host.url, '/api/cases.list', {}, first);
    expect(answer.status).toBe(401);
    // Another server (another certificate) at the same address, as after a swap: refused, naming both fingerprints.
    const impostor = await server('impostor');
    const url = impostor.host.url;
    const refused = await pinnedPost(url, '/api/session.login', { name: 'a', password: 'b' }, first).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(PinMismatchError);
    expect((refused as Error).message).toContain(`it presents ${impostor.tls.fingerprint}, but you confirmed ${board.tls.fingerprint}`);
    expect(normaliseFingerprint(board.tls.fingerprint.replaceAll(':', '').toLowerCase())).toBe(board.tls.fingerprint);
    await expect(fetchCertificate(url.replace('https:', 'http:'))).rejects.toThrow('https:// only');
  });
});
