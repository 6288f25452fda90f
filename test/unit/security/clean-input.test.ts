import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import { callLocal, openAppContext, type AppContext } from '../../../electron/app/context';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/server';
import { cleanInput, escapeForTerminal, isCalendarDateTime, textProblem } from '../../../shared/text/clean';
import { maxBodyBytes, MAX_IMPORT_BYTES, utf8Length } from '../../../shared/api/limits';
import { runCli } from '../../../electron/cli/main';
import { cli } from '../helpers/cli';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { useApi } from '../meetings/setup';

const tmp = useTempDir();
const newApi = useApi();

describe('clean text (shared/text/clean.ts)', () => {
  it('names the problem: lone surrogates, NUL, C0/C1 controls; tab, newline and CRLF pass', () => {
    expect(textProblem('Ann\ud800')).toBe('is not well-formed text (it holds a lone surrogate)');
    expect(textProblem('\udc00x')).toBe('is not well-formed text (it holds a lone surrogate)');
    expect(textProblem('a\u0000b')).toBe('holds a NUL character');
    expect(textProblem('red\u001b[31m')).toBe('holds a control character (U+001B)');
    expect(textProblem('x\u0085')).toBe('holds a control character (U+0085)');
    expect(textProblem('bare\rCR')).toBe('holds a control character (U+000D)');
    expect(textProblem('tab\there\nline\r\nok 😀')).toBeNull();
  });

  it('normalises every string and key to NFC and names the path of a bad one', () => {
    const decomposed = 'O\u0308degard';
    expect(cleanInput({ a: [decomposed], [decomposed]: 1 })).toEqual({ a: ['\u00d6degard'], '\u00d6degard': 1 });
    expect(() => cleanInput({ patient: { family_name: 'x\ud800' } })).toThrow('patient.family_name: is not well-formed text');
  });

  it('accepts only calendar dates and times', () => {
    for (const bad of ['2026-19-39T29:59', '0000-00-00T00:00', '2026-02-29T10:00', '2026-03-01T24:00', '2026-03-01T10:60', '2026-3-1T10:00']) {
      expect(isCalendarDateTime(bad), bad).toBe(false);
    }
    expect(isCalendarDateTime('2028-02-29T23:59')).toBe(true);
  });

  it('escapes control and bidi characters for the terminal, keeping tab and newline', () => {
    expect(escapeForTerminal('a\u001b[2Jb\u202eevil\tc\nd\ud800')).toBe('a\\u001b[2Jb\\u202eevil\tc\nd\\ud800');
  });

  it('measures UTF-8 like Buffer does and allows an import file twice its size in JSON', () => {
    const s = 'aé€😀';
    expect(utf8Length(s)).toBe(Buffer.byteLength(s));
    expect(maxBodyBytes('imports.csvImport')).toBeGreaterThanOrEqual(2 * MAX_IMPORT_BYTES);
    expect(maxBodyBytes('cases.create')).toBe(2 * 1024 * 1024);
  });
});

describe('the dispatcher refuses unclean text and changes nothing', () => {
  it('lone surrogate in a profile name, bidi override in a patient name, impossible meeting time', async () => {
    const api = newApi();
    const auditBefore = stmt(api.db, 'SELECT count(*) FROM audit_log').pluck().get();
    expect(await api.call('profiles.create', { name: 'Dr \ud800', specialty: 'hepatology', role: 'chair' })).toEqual({
      ok: false, error: { code: 'VALIDATION', message: 'name: is not well-formed text (it holds a lone surrogate)', field: 'name' },
    });
    expect(await api.call('profiles.create', { name: 'Dr\u0000Who', specialty: 'hepatology', role: 'chair' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await api.call('cases.create', { patient: patient({ family_name: 'Smith\u202Egnid' }), case: caseInput() })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', field: 'patient.family_name' },
    });
    expect(stmt(api.db, 'SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    const created = await api.ok<{ name: string }>('profiles.create', { name: 'Bjo\u0308rk', specialty: 'hepatology', role: 'coordinator' });
    expect(created.name).toBe('Bj\u00f6rk');
    api.close();
  });
});

describe('browser host edge', () => {
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
    return open.host;
  }

  it('malformed percent-encoding in the operation name answers 404 JSON, not 500', async () => {
    const host = await start();
    for (const name of ['%', '%E0%A4%A', 'cases.%ZZ']) {
      const res = await fetch(`${host.url}api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{}' });
      expect(res.status, name).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'malformed operation name (bad percent-encoding)' } });
    }
  });

  it('a 3 MB body answers 413 JSON (the connection is not reset) and the host keeps serving', async () => {
    const host = await start();
    const big = JSON.stringify({ search: 'x'.repeat(3 * 1024 * 1024) });
    const res = await fetch(`${host.url}api/cases.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: 'the request is larger than 2 MB, the limit for this operation' } });
    const after = await fetch(`${host.url}api/cases.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(after.status).toBe(200);
  });

  it('an import of 3 MB is within its own limit', async () => {
    const host = await start();
    const csv = `identifier,family_name,note\nMRN1,Name,"${'x'.repeat(3_100_000)}"\n`;
    const res = await fetch(`${host.url}api/imports.csvPreview`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: JSON.stringify({ source: 'big.csv', content: csv }) });
    expect(res.status).not.toBe(413);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(3_000_000);
  });
});

describe('CLI printing', () => {
  it('escapes control characters in everything it prints', async () => {
    const lines: string[] = [];
    await runCli(['no-such-\u001b[31mcommand'], { out: (l) => lines.push(l), err: (l) => lines.push(l), readStdin: async () => '' });
    expect(lines.join('\n')).toContain('unknown command "no-such-\\u001b[31mcommand"');
    expect(lines.join('\n')).not.toContain('\u001b');
    expect((await cli('--version')).out).toMatch(/^\d+\.\d+\.\d+/);
  });
});
