/**
 * The renderer's ApiClient. In Electron it calls the preload bridge (`window.board.invoke`); in a browser
 * it POSTs to the browser host (`/api/<name>`) with the per-run token. Both return an ApiResult; failures
 * become an ApiError so callers catch one type. The renderer never imports db/ or electron/.
 */
import {
  ApiError, apiErrorSchema, type ApiClient, type ApiResult, type BoardBridge, type OperationName, type OpInput, type OpOutput,
} from '../../shared/api';

declare global {
  interface Window {
    board?: BoardBridge;
  }
}

const TOKEN_KEY = 'tumour-board.token';

/** Turns any transport answer into a value or a thrown ApiError. */
export function unwrapResult<T>(result: unknown): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as ApiResult<T>;
    if (r.ok === true) return r.value;
    const parsed = apiErrorSchema.safeParse(r.error);
    if (parsed.success) throw new ApiError(parsed.data);
  }
  throw new ApiError({ code: 'INTERNAL', message: 'the application answered in an unexpected form' });
}

export class BridgeApiClient implements ApiClient {
  constructor(private readonly bridge: BoardBridge) {}

  async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    let result: ApiResult;
    try {
      result = await this.bridge.invoke(name, input);
    } catch {
      throw new ApiError({ code: 'INTERNAL', message: 'the application did not answer' });
    }
    return unwrapResult<OpOutput<N>>(result);
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  status: number;
  json(): Promise<unknown>;
}>;

/** What a board-server page wants to hear about: a session that ended (401) and whether the server answers at all. */
export interface HttpClientHooks {
  onUnauthenticated?(): void;
  onReachable?(reachable: boolean): void;
}

export class HttpApiClient implements ApiClient {
  constructor(
    private readonly token: string | null,
    private readonly baseUrl = './api/',
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
    private readonly hooks: HttpClientHooks = {},
  ) {}

  async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let body: unknown;
    let status = 0;
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
      status = response.status;
      body = await response.json();
    } catch {
      if (status === 0) {
        this.hooks.onReachable?.(false);
        // Nothing is queued: the caller shows that this change was not made.
        throw new ApiError({ code: 'INTERNAL', message: 'the Tumour Board host cannot be reached; is it still running? Nothing was changed.' });
      }
      throw new ApiError({ code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: `the host answered ${status} without a readable result` });
    }
    this.hooks.onReachable?.(true);
    if (status === 401) this.hooks.onUnauthenticated?.();
    return unwrapResult<OpOutput<N>>(body);
  }
}

/**
 * Reads `#token=…` from the address once, keeps it in sessionStorage (so a reload still works) and removes
 * it from the visible URL, so it does not end up in screenshots, history or a projector.
 */
export function takeTokenFromLocation(loc: Location = window.location, storage: Storage = window.sessionStorage,
  history: History = window.history): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try { storage.setItem(TOKEN_KEY, token); } catch { /* storage disabled: keep it in memory only */ }
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return token;
  }
  try { return storage.getItem(TOKEN_KEY); } catch { return null; }
}

/** The client for this window: the Electron bridge when present, else the browser host. */
export function createApiClient(): ApiClient {
  if (window.board && typeof window.board.invoke === 'function') return new BridgeApiClient(window.board);
  return new HttpApiClient(takeTokenFromLocation());
}
