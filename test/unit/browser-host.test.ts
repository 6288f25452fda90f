import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callLocal, openAppContext, type AppContext } from '../../electron/app/context';
import { startBrowserHost, type BrowserHost } from '../../electron/host/server';
import { resolveStaticPath } from '../../electron/host/static-path';
import { caseInput, patient, useTempDir } from './helpers/fixtures';
import { stmt } from '../../db/statements';

const tmp = useTempDir();
const open: { host?: BrowserHost; ctx?: AppContext } = {};
afterEach(async () => {
  await open.host?.close();
  open.ctx?.close();
});

async function start() {
  const dir = tmp();
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  open.ctx = openAppContext({ dbPath: path.join(dir, 'h.db'), transport: 'browser-host' });
  open.host = await startBrowserHost({ call: callLocal(open.ctx, 'browser-host', 'tester (browser host)'), staticDir });
  return { host: open.host, ctx: open.ctx };
}

const call = (host: BrowserHost, name: string, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${host.token}` }) =>
  fetch(`${host.url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('binds to loopback and serves the renderer with a strict CSP', async () => {
    const { host } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>t</title>');
  });

  it('answers API calls with the token, and 401 without it', async () => {
    const { host } = await start();
    const ok = await call(host, 'cases.create', { patient: patient(), case: caseInput() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { patient: { family_name: 'Ødegård' } } });
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: host.token }];
    for (const headers of attempts) {
      const denied = await call(host, 'cases.list', {}, headers);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'missing or wrong token' } });
    }
  });

  it('rejects unknown operations, wrong types and extra keys with { code, message } and changes nothing', async () => {
    const { host, ctx } = await start();
    const before = stmt(ctx.db, 'SELECT count(*) FROM audit_log').pluck().get();
    const unknown = await call(host, 'cases.delete', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: cases.delete' } });
    const extra = await call(host, 'cases.create', { patient: patient(), case: caseInput(), admin: true });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'unknown field(s): admin' } });
    const wrongType = await call(host, 'cases.get', { id: 'one' });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'id' } });
    const notJson = await fetch(`${host.url}api/cases.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(stmt(ctx.db, 'SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { host } = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    const crossOrigin = await call(host, 'cases.list', {}, { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'cross-origin request refused' } });
  });

  it('never serves files outside the renderer folder', () => {
    const root = '/srv/app/renderer';
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/app/renderer/assets/app.js');
    expect(resolveStaticPath(root, '/cases/12')).toBe('/srv/app/renderer/index.html');
    expect(resolveStaticPath(root, '/..%2f..%2fetc/passwd.txt')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/secret.db')).toBeNull();
    expect(resolveStaticPath(root, '/a%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A.js')).toBeNull();
  });
});
