/**
 * The desktop app and a board server: the window still calls the one bridge function; the shell answers the
 * connection calls and, connected, forwards operations to the server over HTTPS with the pinned certificate
 * (electron/host/board-link.ts). Here: the connection calls (checked with zod), the account API for the sign-in
 * screen, the client that tells the banner when the server cannot be reached, and live changes by long poll.
 */
import { z } from 'zod';
import { ApiError, type ApiClient, type BoardBridge, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import {
  connectionStatusSchema, eventsResultSchema, probeResultSchema, type ConnectionStatus, type ProbeResult,
} from '../../shared/api/connection';
import { signedInSchema, type SignedIn } from '../../shared/domain/accounts';
import type { AccountApi } from '../stores/account';
import { unwrapResult } from './client';
import type { EventSourceLike } from './live';

async function ask<T>(bridge: BoardBridge, name: string, input: unknown, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await bridge.invoke(name, input);
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'the application did not answer' });
  }
  const value = unwrapResult<unknown>(raw);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError({ code: 'INTERNAL', message: 'the application answered in an unexpected form' });
  return parsed.data;
}

/** The "Board server" setting of the desktop app. */
export interface DesktopConnection {
  status(): Promise<ConnectionStatus>;
  /** Reads the certificate the server presents (nothing trusted yet). */
  probe(url: string): Promise<ProbeResult>;
  /** Pins the confirmed fingerprint and sends every call to the server from now on. */
  connect(url: string, fingerprint: string): Promise<ConnectionStatus>;
  /** Back to this computer's database (the pinned server is remembered). */
  useLocal(): Promise<ConnectionStatus>;
  /** Forgets the server and its certificate. */
  forget(): Promise<ConnectionStatus>;
  /** Starts the app again on the chosen side (stores are built for one side). */
  restart(): void;
}

export function desktopConnection(bridge: BoardBridge, restart: () => void = () => window.location.reload()): DesktopConnection {
  return {
    status: () => ask(bridge, 'connection.status', {}, connectionStatusSchema),
    probe: (url) => ask(bridge, 'connection.probe', { url }, probeResultSchema),
    connect: (url, fingerprint) => ask(bridge, 'connection.connect', { url, fingerprint }, connectionStatusSchema),
    useLocal: () => ask(bridge, 'connection.useLocal', {}, connectionStatusSchema),
    forget: () => ask(bridge, 'connection.forget', {}, connectionStatusSchema),
    restart,
  };
}

/** Sign-in, sign-out and who is signed in, through the shell (the session cookie stays there). */
export function bridgeAccountApi(bridge: BoardBridge): AccountApi {
  return {
    signIn: (name, password) => ask(bridge, 'session.login', { name, password }, signedInSchema),
    signOut: async () => {
      await ask(bridge, 'session.logout', {}, z.unknown());
    },
    signedIn: async (): Promise<SignedIn | null> => {
      try {
        return await ask(bridge, 'session.account', {}, signedInSchema);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
        throw error;
      }
    },
  };
}

export interface RemoteHooks {
  onUnauthenticated(): void;
  onReachable(reachable: boolean): void;
}

/** Operations to the board server through the shell: UNAVAILABLE turns the banner on, any answer turns it off. */
export class RemoteBridgeClient implements ApiClient {
  constructor(private readonly bridge: BoardBridge, private readonly hooks: RemoteHooks) {}

  async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    let result: unknown;
    try {
      result = await this.bridge.invoke(name, input);
    } catch {
      throw new ApiError({ code: 'INTERNAL', message: 'the application did not answer' });
    }
    try {
      const value = unwrapResult<OpOutput<N>>(result);
      this.hooks.onReachable(true);
      return value;
    } catch (error) {
      if (error instanceof ApiError) {
        this.hooks.onReachable(error.code !== 'UNAVAILABLE');
        if (error.code === 'UNAUTHENTICATED') this.hooks.onUnauthenticated();
      }
      throw error;
    }
  }
}

/** Live changes as an EventSource-like object (live.ts), by long poll through the shell. */
export function bridgeEvents(bridge: BoardBridge, pauseMs = 1000): () => EventSourceLike {
  return () => {
    const listeners: ((ev: MessageEvent<string>) => void)[] = [];
    let closed = false;
    let after: number | null = null;
    let online: boolean | null = null;
    const source: EventSourceLike = {
      onopen: null,
      onerror: null,
      addEventListener: (_type, listener) => { listeners.push(listener); },
      close: () => { closed = true; },
    };
    const loop = async () => {
      while (!closed) {
        let answer: z.infer<typeof eventsResultSchema>;
        try {
          answer = await ask(bridge, 'connection.events', { after, wait_ms: 20_000 }, eventsResultSchema);
        } catch {
          await new Promise((r) => setTimeout(r, pauseMs));
          continue;
        }
        if (closed) return;
        if (answer.online !== online) {
          online = answer.online;
          const handler = answer.online ? source.onopen : source.onerror;
          handler?.call(source, new Event(answer.online ? 'open' : 'error'));
        }
        for (const e of answer.events) {
          const { seq: _seq, ...notice } = e;
          const message = new MessageEvent<string>('change', { data: JSON.stringify(notice), lastEventId: String(e.seq) });
          for (const l of listeners) l(message);
        }
        after = answer.last;
        if (!answer.signed_in) return;
        // Offline: the shell answers at once; ask again after a pause rather than in a tight loop.
        if (!answer.online) await new Promise((r) => setTimeout(r, pauseMs));
      }
    };
    void loop();
    return source;
  };
}
