// The desktop app's "Board server" link against real network-mode servers: first contact shows the fingerprint,
// confirming pins it; signed in, operations go to the server (the cookie never reaches the window) and live
// changes arrive by long poll; unreachable → UNAVAILABLE, nothing queued; a changed certificate is refused naming
// both fingerprints; switching back to this computer's database is one call and leaves it untouched.
import { X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../db/repositories/users';
import type { ApiResult } from '../../../shared/api';
import { createBoardLink, type BoardLink } from '../../../electron/host/board-link';
import { startBoardServer, type BoardServer } from '../../../electron/host/board';
import { useTempDir } from '../helpers/fixtures';
import { stmt } from '../../../db/statements';

const tmp = useTempDir();
const servers: BoardServer[] = [];
const links: BoardLink[] = [];
afterEach(async () => {
  for (const l of links.splice(0)) l.close();
  for (const s of servers.splice(0)) await s.close();
});

const PASSWORD = 'a long enough password';

async function server(dir: string, port = 0): Promise<BoardServer> {
  mkdirSync(path.join(dir, 'r'), { recursive: true });
  const s = await startBoardServer({ dbPath: path.join(dir, 'board.db'), staticDir: path.join(dir, 'r'), host: '127.0.0.1', port });
  servers.push(s);
  return s;
}

const settings = (hospital: string) => ({ time_zone: 'Europe/Oslo', locale: 'en-GB', hospital, address: '', logo: null });
const value = <T>(r: ApiResult): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('the desktop app connects to a board server', () => {
  it('confirms and pins the fingerprint, signs in, calls the server, hears its changes, and switches back to the local database', async () => {
    const board = await server(tmp());
    createUser(board.context.db, { name: 'Ada', role: 'admin', password: PASSWORD }, 'setup');
    const localCalls: string[] = [];
    const file = path.join(tmp(), 'board-server.json');
    const link = createBoardLink({ file, local: (name) => { localCalls.push(String(name)); return Promise.resolve({ ok: true, value: 'local' }); } });
    links.push(link);

    // Local until a server is confirmed.
    expect(await link.call('cases.list', {})).toEqual({ ok: true, value: 'local' });
    expect(value(await link.call('connection.status', {}))).toMatchObject({ mode: 'local', url: null, online: true });

    // First contact: the fingerprint the server printed, nothing pinned yet; only what was just seen can be confirmed.
    expect(await link.call('connection.probe', { url: 'http://127.0.0.1:1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'url' } });
    const probe = value<{ url: string; fingerprint: string; pinned: string | null }>(await link.call('connection.probe', { url: board.host.url }));
    expect(probe).toEqual({ url: board.host.url, fingerprint: board.tls.fingerprint, pinned: null });
    const other = board.tls.fingerprint.replace(/^../, board.tls.fingerprint.startsWith('00') ? '11' : '00');
    expect(await link.call('connection.connect', { url: board.host.url, fingerprint: other })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'fingerprint' } });
    expect(value(await link.call('connection.connect', { url: board.host.url, fingerprint: probe.fingerprint.toLowerCase() })))
      .toMatchObject({ mode: 'server', url: board.host.url, fingerprint: board.tls.fingerprint, online: true, account: null });
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { use: string; server: { fingerprint: string; pem: string } };
    expect(stored.use).toBe('server');
    expect(stored.server.fingerprint).toBe(board.tls.fingerprint);
    expect(new X509Certificate(stored.server.pem).fingerprint256).toBe(board.tls.fingerprint);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // Connected: operations go to the server, which wants a signed-in account.
    expect(await link.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await link.call('session.login', { name: 'Ada', password: 'wrong password!!' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await link.call('session.login', { name: 'Ada', password: PASSWORD });
    expect(login).toEqual({ ok: true, value: { name: 'Ada', role: 'admin', profile_id: null } });
    expect(JSON.stringify(login)).not.toContain('tb_session');
    expect(value(await link.call('connection.status', {}))).toMatchObject({ mode: 'server', account: { name: 'Ada', role: 'admin' } });
    expect(value(await link.call('cases.list', {}))).toEqual({ total: 0, offset: 0, rows: [] });
    expect(localCalls).toEqual(['cases.list']);

    // Live: a change made on the server reaches the long poll, with its audit id as seq.
    const start = value<{ last: number; events: unknown[] }>(await link.call('connection.events', { after: null, wait_ms: 0 }));
    const waiting = link.call('connection.events', { after: start.last, wait_ms: 5000 });
    value(await link.call('settings.save', settings('St Elsewhere')));
    const heard = value<{ events: { entity: string; actor: string; seq: number }[]; last: number; online: boolean; signed_in: boolean }>(await waiting);
    expect(heard.events.map((e) => [e.entity, e.actor])).toContainEqual(['settings', 'Ada']);
    expect(heard).toMatchObject({ online: true, signed_in: true });
    expect(heard.last).toBeGreaterThan(start.last);

    // Back to this computer's database: calls go local again, the pin is kept for next time.
    expect(value(await link.call('connection.useLocal', {}))).toMatchObject({ mode: 'local', url: board.host.url, fingerprint: board.tls.fingerprint, account: null });
    expect(await link.call('meetings.list', {})).toEqual({ ok: true, value: 'local' });
    expect(localCalls).toEqual(['cases.list', 'meetings.list']);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { use: string }).use).toBe('local');
    // A new start of the app reads the setting; reconnecting to the pinned server needs no new confirmation.
    const again = createBoardLink({ file, local: () => Promise.resolve({ ok: true, value: 'local' }) });
    links.push(again);
    expect(value(await again.call('connection.connect', { url: board.host.url, fingerprint: board.tls.fingerprint }))).toMatchObject({ mode: 'server' });
    expect(await again.call('session.account', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses writes while the server is down (nothing queued) and refuses a changed certificate naming both fingerprints', async () => {
    const dir = tmp();
    const board = await server(dir);
    createUser(board.context.db, { name: 'Ada', role: 'admin', password: PASSWORD }, 'setup');
    const port = board.host.port;
    const url = board.host.url;
    const link = createBoardLink({ file: path.join(tmp(), 'board-server.json'), local: () => Promise.resolve({ ok: true, value: 'local' }) });
    links.push(link);
    const probe = value<{ fingerprint: string }>(await link.call('connection.probe', { url }));
    value(await link.call('connection.connect', { url, fingerprint: probe.fingerprint }));
    value(await link.call('session.login', { name: 'Ada', password: PASSWORD }));
    value(await link.call('settings.save', settings('Before')));

    // Down: the write is refused in words, the status says offline; nothing is retried later.
    servers.splice(servers.indexOf(board), 1);
    await board.close();
    const refused = await link.call('settings.save', settings('While down'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!refused.ok && refused.error.message).toMatch(/^the board server https:\/\/127\.0\.0\.1:\d+\/ cannot be reached \(.+\)\. Nothing was changed and nothing is waiting to be sent/);
    expect(value(await link.call('connection.status', {}))).toMatchObject({ mode: 'server', online: false });

    // Back (same database, same certificate, same port): the refused write never arrives; the session still holds.
    const back = await server(dir, port);
    await new Promise((r) => setTimeout(r, 300));
    expect(value<{ hospital: string }>(await link.call('settings.get', {})).hospital).toBe('Before');
    expect(value(await link.call('connection.status', {}))).toMatchObject({ online: true, problem: null });
    servers.splice(servers.indexOf(back), 1);
    await back.close();

    // Another certificate at the same address: refused before anything is sent, both fingerprints named.
    const impostor = await server(tmp(), port);
    const changed = await link.call('settings.save', settings('To the impostor'));
    expect(changed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!changed.ok && changed.error.message).toContain(`the board server's certificate has changed: it presents ${impostor.tls.fingerprint}, but you confirmed ${probe.fingerprint}`);
    expect(value<{ online: boolean; problem: string }>(await link.call('connection.status', {})).problem).toContain('certificate has changed');
    expect(stmt(impostor.context.db, "SELECT count(*) FROM audit_log WHERE action = 'settings.save'").pluck().get()).toBe(0);
    // Confirming the new certificate needs the old pin forgotten first (an administrator's decision, not a click-through).
    const seen = value<{ fingerprint: string; pinned: string }>(await link.call('connection.probe', { url }));
    expect(seen).toEqual({ url, fingerprint: impostor.tls.fingerprint, pinned: probe.fingerprint });
    expect(await link.call('connection.connect', { url, fingerprint: seen.fingerprint })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'fingerprint' } });
    expect(value(await link.call('connection.forget', {}))).toMatchObject({ mode: 'local', url: null, fingerprint: null });
  });
});
