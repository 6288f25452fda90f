// Pure security rules of the Electron shell: URL checks, sender validation, the app:// file server
// (path traversal, headers), the audit actor. None of these modules imports 'electron'.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL, CONTENT_SECURITY_POLICY, checkSender, isAllowedRequestUrl, isAppUrl, type SenderFacts,
} from '../../electron/shell/policy';
import { osUserName } from '../../electron/app/seats';
import { contentTypeFor, resolveAppPath, serveAppRequest } from '../../electron/shell/static-files';

describe('isAppUrl (protocol and host, never URL.origin)', () => {
  it('Node reports origin "null" for custom schemes, which is why origin is not compared', () => {
    expect(new URL('app://tumour-board/index.html').origin).toBe('null');
    expect(new URL('app://evil/index.html').origin).toBe('null');
  });

  it.each([
    ['app://tumour-board/index.html', true],
    ['app://tumour-board/', true],
    ['app://tumour-board/assets/index-abc.js?x=1#y', true],
    ['app://evil/index.html', false],
    ['app://tumour-board.evil.example/index.html', false],
    ['app://tumour-board:1234/index.html', false],
    ['app://user:pw@tumour-board/index.html', false],
    ['https://tumour-board/index.html', false],
    ['file:///index.html', false],
    ['APP-X://tumour-board/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('isAllowedRequestUrl (offline: only app://, data: and our own blob:)', () => {
  it.each([
    ['app://tumour-board/assets/app.css', true],
    ['blob:app://tumour-board/4f1c2a9e-0b7d-4e55-9a51-2f3c8d6e7a10', true],
    ['blob:https://evil.example/4f1c2a9e-0b7d-4e55-9a51-2f3c8d6e7a10', false],
    ['blob:app://elsewhere/4f1c2a9e', false],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['https://cdn.example.com/lib.js', false],
    ['http://127.0.0.1:8080/api/cases.list', false],
    ['ws://localhost:9229', false],
    ['file:///etc/passwd', false],
    ['app://elsewhere/x.js', false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedRequestUrl(url)).toBe(expected);
  });

  it('lets DevTools load only when DevTools are allowed', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { allowDevTools: true })).toBe(true);
    expect(isAllowedRequestUrl('https://example.com', { allowDevTools: true })).toBe(false);
  });
});

describe('checkSender', () => {
  const good: SenderFacts = {
    senderContentsId: 3,
    expectedContentsId: 3,
    frame: { processId: 5, routingId: 1, url: APP_ENTRY_URL, isTopLevel: true, detached: false },
    mainFrame: { processId: 5, routingId: 1 },
  };
  const frame = good.frame as NonNullable<SenderFacts['frame']>;

  it('accepts our main frame on our page', () => {
    expect(checkSender(good)).toEqual({ ok: true });
  });

  it.each<[string, SenderFacts, string]>([
    ['no window', { ...good, expectedContentsId: null, mainFrame: null }, 'no application window'],
    ['other WebContents', { ...good, senderContentsId: 4 }, 'sender is not the application window'],
    ['frame gone', { ...good, frame: null }, 'sender frame is gone'],
    ['detached frame', { ...good, frame: { ...frame, detached: true } }, 'sender frame is gone'],
    ['subframe', { ...good, frame: { ...frame, isTopLevel: false, routingId: 2 } }, 'sender is a subframe'],
    ['other frame', { ...good, frame: { ...frame, routingId: 9 } }, 'sender is not the main frame of the application window'],
    ['remote URL', { ...good, frame: { ...frame, url: 'https://evil.example/' } }, 'sender frame is not showing the application'],
    ['about:blank', { ...good, frame: { ...frame, url: 'about:blank' } }, 'sender frame is not showing the application'],
  ])('refuses %s', (_label, facts, reason) => {
    expect(checkSender(facts)).toEqual({ ok: false, reason });
  });
});

describe('resolveAppPath (no file outside dist/renderer)', () => {
  const root = path.resolve('/opt/tumour-board/dist/renderer');

  it('maps the root and files to paths inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://tumour-board/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://tumour-board')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://tumour-board/assets/index-Bx1.js?v=2#top')).toEqual({
      ok: true, filePath: path.join(root, 'assets', 'index-Bx1.js'),
    });
    expect(resolveAppPath(root, 'app://tumour-board/fonts/DejaVu%20Sans.ttf')).toEqual({
      ok: true, filePath: path.join(root, 'fonts', 'DejaVu Sans.ttf'),
    });
  });

  it.each([
    'app://tumour-board/../../etc/passwd',
    'app://tumour-board/assets/../../../etc/passwd',
    'app://tumour-board/%2e%2e/%2e%2e/etc/passwd',
    'app://tumour-board/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://tumour-board/..%2f..%2fetc/passwd',
    'app://tumour-board/..%5c..%5cwindows%5cwin.ini',
    'app://tumour-board/..\\..\\windows\\win.ini',
    'app://tumour-board/./index.html',
    'app://tumour-board/index.html%00.png',
  ])('refuses %s with 403', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403, reason: 'path traversal refused' });
  });

  it.each([
    'app://evil/index.html',
    'app://tumour-board.evil/index.html',
    'app://tumour-board@evil/index.html',
    'https://tumour-board/index.html',
    'file:///etc/passwd',
  ])('refuses a foreign URL %s with 403', (url) => {
    expect(resolveAppPath(root, url)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses malformed percent-encoding with 400', () => {
    expect(resolveAppPath(root, 'app://tumour-board/%E0%A4%A.js')).toEqual({ ok: false, status: 400, reason: 'malformed URL encoding' });
  });
});

describe('serveAppRequest', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'tb-renderer-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tumour Board</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    // A secret next to the renderer folder that traversal must not reach.
    writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  it('the CSP is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('serves index.html with the CSP as a response header', async () => {
    const response = await serveAppRequest(root, 'app://tumour-board/');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(response.body).toString('utf8')).toBe('<!doctype html><title>Tumour Board</title>');
  });

  it('serves assets with their content type', async () => {
    const js = await serveAppRequest(root, 'app://tumour-board/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(js.body).toString('utf8')).toBe('console.log(1)');
    expect(contentTypeFor('x/a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x/a.unknown')).toBe('application/octet-stream');
  });

  it('404s a missing asset and falls back to index.html for a route', async () => {
    const missing = await serveAppRequest(root, 'app://tumour-board/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const route = await serveAppRequest(root, 'app://tumour-board/cases/42');
    expect(route.status).toBe(200);
    expect(route.headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('refuses traversal to a sibling file, with the CSP still set', async () => {
    const url = `app://tumour-board/../${path.basename(root)}-secret.txt`;
    const response = await serveAppRequest(root, url);
    expect(response.status).toBe(403);
    expect(response.body).toBe('path traversal refused');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never reads a file for a refused request and refuses methods other than GET/HEAD', async () => {
    const reads: string[] = [];
    const readFile = (p: string): Promise<Uint8Array> => {
      reads.push(p);
      return Promise.resolve(new Uint8Array());
    };
    expect((await serveAppRequest(root, 'app://tumour-board/../../etc/passwd', 'GET', readFile)).status).toBe(403);
    expect((await serveAppRequest(root, 'app://tumour-board/index.html', 'POST', readFile)).status).toBe(405);
    expect(reads).toEqual([]);
    const head = await serveAppRequest(root, 'app://tumour-board/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('osUserName', () => {
  it('uses the operating-system user name', () => {
    expect(osUserName(() => ({ username: 'jnunez' }), {})).toBe('jnunez');
  });
  it('falls back to the environment, then to a placeholder', () => {
    const throws = (): { username: string } => {
      throw new Error('no passwd entry');
    };
    expect(osUserName(throws, { USER: 'lwrobel' })).toBe('lwrobel');
    expect(osUserName(throws, { USERNAME: 'zodegard' })).toBe('zodegard');
    expect(osUserName(throws, {})).toBe('unknown-user');
  });
});
