import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiResult, type BoardBridge } from '../../shared/api';
import { BridgeApiClient, createApiClient, HttpApiClient, takeTokenFromLocation, type FetchLike } from '../../renderer/api/client';

const info = { version: '1.0.0', transport: 'browser-host', demo: true, case_count: 3 } as const;

describe('API client', () => {
  afterEach(() => {
    delete window.board;
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('POSTs to /api/<name> with the bearer token and returns the value', async () => {
    const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push({ url, headers: init.headers, body: init.body });
      return { status: 200, json: async () => ({ ok: true, value: info }) };
    };
    const client = new HttpApiClient('tok123', './api/', fetchImpl);
    await expect(client.invoke('app.info', {})).resolves.toEqual(info);
    expect(seen).toEqual([{ url: './api/app.info', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok123' }, body: '{}' }]);
  });

  it('turns an error result into an ApiError with code and field', async () => {
    const fetchImpl: FetchLike = async () => ({
      status: 400, json: async () => ({ ok: false, error: { code: 'VALIDATION', message: 'case.facts.ecog: too big', field: 'case.facts.ecog' } }),
    });
    const error = await new HttpApiClient('t', './api/', fetchImpl).invoke('cases.get', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'case.facts.ecog', message: 'case.facts.ecog: too big' });
  });

  it('reports an unreachable host and an unreadable answer as ApiErrors', async () => {
    const down: FetchLike = async () => { throw new TypeError('Failed to fetch'); };
    await expect(new HttpApiClient('t', './api/', down).invoke('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL', message: /cannot be reached/ });
    const garbage: FetchLike = async () => ({ status: 401, json: async () => { throw new SyntaxError('bad json'); } });
    await expect(new HttpApiClient('t', './api/', garbage).invoke('app.info', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const odd: FetchLike = async () => ({ status: 200, json: async () => ({ something: 'else' }) });
    await expect(new HttpApiClient('t', './api/', odd).invoke('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('uses the Electron bridge when present', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge: BoardBridge = {
      invoke: async (name, input): Promise<ApiResult> => {
        calls.push([name, input]);
        return name === 'app.info' ? { ok: true, value: info } : { ok: false, error: { code: 'NOT_FOUND', message: 'no such case' } };
      },
    };
    window.board = bridge;
    const client = createApiClient();
    expect(client).toBeInstanceOf(BridgeApiClient);
    await expect(client.invoke('app.info', {})).resolves.toEqual(info);
    await expect(client.invoke('cases.get', { id: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(calls).toEqual([['app.info', {}], ['cases.get', { id: 9 }]]);
  });

  it('takes the token from the address, keeps it for reloads and removes it from the visible URL', () => {
    window.history.replaceState(null, '', '/index.html?x=1#token=abc%2D123');
    expect(takeTokenFromLocation()).toBe('abc-123');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('abc');
    expect(window.location.search).toBe('?x=1');
    expect(window.sessionStorage.getItem('tumour-board.token')).toBe('abc-123');
    // A reload (no fragment any more) still has it.
    expect(takeTokenFromLocation()).toBe('abc-123');
  });
});
