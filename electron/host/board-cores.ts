/**
 * A board server on PostgreSQL serves its requests from several cores: worker threads, each with its own app context
 * and its own synchronous connection to the database (db/sql/postgres.ts). The HTTPS front (network.ts) stays on the
 * main thread and hands every session look-up, sign-in, sign-out, operation and change-feed read to the least busy core, so while
 * one core waits for PostgreSQL another works: the waits of a synchronous port overlap instead of queueing. The
 * business rules are the same code in every core (the one dispatcher); PostgreSQL keeps them consistent across
 * cores exactly as across server processes (transactions, the audit lock, optimistic versions).
 *
 * A core is started from `script`, a bundle whose top level calls runBoardCore() (dist/cli.cjs, or the bench's own
 * bundle), with the connection settings, the board's passphrase and audit-key file in its workerData (in memory
 * only, never logged). A core that dies is replaced; the requests it held fail with a 500.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openAppContext, type PostgresConnection } from '../app/context';
import { currentKey, setProcessKey } from '../../db/keys';
import { processAuditKeyFile, setProcessAuditKeyFile } from '../../db/auditKey';
import { createSession, endSession, resolveSession, verifyLogin, type ActiveSession, type SessionPolicy } from '../../db/repositories/users';
import { DomainError } from '../../shared/errors';
import { isDatabaseUnreachable } from '../../db/sql/port';
import { DATABASE_UNREACHABLE } from '../api/dispatcher';
import { API_ERROR_CODES, type ApiResult, type CallContext } from '../../shared/api';
import type { Account } from '../../shared/domain/accounts';
import { readChanges, type ChangeBatch } from './events';

/** workerData key that makes runBoardCore() serve in this thread. */
export const BOARD_CORE_FLAG = 'tumourBoardServerCore';
/** Cores per server process on PostgreSQL unless told otherwise. */
export const DEFAULT_BOARD_CORES = 4;
/** Connections each core keeps unless told (--pg-pool): it runs one statement at a time; a spare while a lost one is replaced. */
const CORE_POOL = 2;

interface CoreData {
  [BOARD_CORE_FLAG]: true;
  postgres: PostgresConnection;
  passphrase: string | null;
  auditKeyFile: string | null;
  policy: SessionPolicy;
}

const requestSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.number().int(), kind: z.literal('session'), token: z.string() }),
  z.object({ id: z.number().int(), kind: z.literal('login'), name: z.string(), password: z.string() }),
  z.object({ id: z.number().int(), kind: z.literal('logout'), token: z.string() }),
  z.object({ id: z.number().int(), kind: z.literal('call'), name: z.string(), input: z.unknown(), ctx: z.custom<CallContext>((v) => typeof v === 'object' && v !== null) }),
  z.object({ id: z.number().int(), kind: z.literal('callAs'), token: z.string(), name: z.string(), input: z.unknown() }),
  z.object({ id: z.number().int(), kind: z.literal('changes'), after: z.number().int() }),
  z.object({ id: z.number().int(), kind: z.literal('close') }),
]);
type CoreRequest = z.infer<typeof requestSchema>;
type CoreRequestBody = CoreRequest extends infer R ? (R extends CoreRequest ? Omit<R, 'id'> : never) : never;

const replySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    id: z.number().int(), ok: z.literal(false), message: z.string(),
    /** Set when the core refused with a DomainError (wrong password, locked account): its code and field. */
    code: z.enum(API_ERROR_CODES).optional(), field: z.string().optional(),
  }),
]);
type CoreReply = z.infer<typeof replySchema>;

export interface SignIn {
  account: Account;
  token: string;
}

/**
 * Who acts in a call on the board server: the signed-in account (its name in every audit row, its role checked by
 * the dispatcher); each session is its own (several screens of one account stay apart).
 */
export function networkCallContext({ account, sessionId }: ActiveSession): CallContext {
  return {
    transport: 'network', session: `network:${sessionId}`,
    actor: { label: account.name, profileId: account.profile_id, role: account.role },
  };
}

/** Serves board-server requests in this thread when it is a board core; false otherwise (nothing started). */
export function runBoardCore(): boolean {
  const data = workerData as Partial<CoreData> | null;
  if (isMainThread || !parentPort || typeof data !== 'object' || data === null || data[BOARD_CORE_FLAG] !== true) return false;
  const port = parentPort;
  const setup = data as CoreData;
  setProcessKey(setup.passphrase);
  setProcessAuditKeyFile(setup.auditKeyFile);
  const context = openAppContext({ postgres: { ...setup.postgres, poolSize: setup.postgres.poolSize ?? CORE_POOL }, transport: 'network' });
  const reply = (message: CoreReply) => port.postMessage(message);
  const answer = async (r: CoreRequest): Promise<unknown> => {
    switch (r.kind) {
      case 'session':
        return resolveSession(context.db, r.token, setup.policy);
      case 'login': {
        const account = verifyLogin(context.db, r.name, r.password, setup.policy);
        const session = createSession(context.db, account, setup.policy);
        return { account, token: session.token } satisfies SignIn;
      }
      case 'logout':
        return endSession(context.db, r.token);
      case 'call':
        return context.dispatch(r.name, r.input, r.ctx);
      case 'callAs': {
        const session = resolveSession(context.db, r.token, setup.policy);
        return session ? { session, result: await context.dispatch(r.name, r.input, networkCallContext(session)) } : null;
      }
      case 'changes':
        return readChanges(context.db, r.after);
      case 'close':
        context.close();
        return true;
    }
  };
  port.on('message', (raw: unknown) => {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return;
    const r = parsed.data;
    answer(r).then(
      (value) => {
        reply({ id: r.id, ok: true, value });
        if (r.kind === 'close') port.close();
      },
      (error: unknown) => reply(error instanceof DomainError
        ? { id: r.id, ok: false, message: error.message, code: error.code, ...(error.field ? { field: error.field } : {}) }
        : isDatabaseUnreachable(error)
          ? { id: r.id, ok: false, message: DATABASE_UNREACHABLE, code: 'UNAVAILABLE' }
          : { id: r.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies CoreReply);
  return true;
}

interface Core {
  worker: Worker;
  /** Answered its first message: it opened the database. Only such a core is replaced when it stops. */
  up: boolean;
  exited: boolean;
  failure: string | null;
  busy: number;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  ready: Promise<void>;
}

export interface BoardCoresOptions {
  /** A bundle whose top level calls runBoardCore() in a worker thread. */
  script: string;
  count: number;
  postgres: PostgresConnection;
  policy: SessionPolicy;
  log?: (line: string) => void;
}

/** The main thread's side: N cores, each request to the least busy one. */
export class BoardCores {
  private readonly cores: Core[] = [];
  private nextId = 1;
  private closing = false;
  private readonly data: CoreData;

  constructor(private readonly options: BoardCoresOptions) {
    this.data = {
      [BOARD_CORE_FLAG]: true, postgres: options.postgres, passphrase: currentKey(), auditKeyFile: processAuditKeyFile(), policy: options.policy,
    };
    for (let i = 0; i < Math.max(1, options.count); i++) this.cores.push(this.spawn());
  }

  /** Resolves once every core has opened its connection (rejects with the first core's failure). */
  async started(): Promise<void> {
    try {
      await Promise.all(this.cores.map((c) => c.ready));
    } catch (error) {
      throw new Error(`the board server's cores did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private spawn(): Core {
    const worker = new Worker(this.options.script, { workerData: this.data });
    const core: Core = { worker, up: false, exited: false, failure: null, busy: 0, pending: new Map(), ready: Promise.resolve() };
    core.ready = new Promise<void>((resolve, reject) => {
      core.pending.set(0, {
        resolve: () => {
          core.up = true;
          resolve();
        },
        reject,
      });
    });
    // Nobody may be waiting yet: a core that fails to start is reported by started().
    core.ready.catch(() => undefined);
    worker.on('message', (raw: unknown) => {
      const parsed = replySchema.safeParse(raw);
      if (!parsed.success) return;
      const reply = parsed.data;
      const waiting = core.pending.get(reply.id);
      if (!waiting) return;
      core.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(reply.code ? new DomainError(reply.code, reply.message, reply.field) : new Error(reply.message));
    });
    worker.on('error', (error) => {
      core.failure = error.message;
      this.options.log?.(`board core failed: ${error.message}`);
    });
    worker.once('exit', () => {
      core.exited = true;
      for (const waiting of core.pending.values()) waiting.reject(new Error(core.failure ?? 'the board core serving this request stopped'));
      core.pending.clear();
      const at = this.cores.indexOf(core);
      if (at < 0 || this.closing || !core.up) return;
      this.options.log?.('a board core stopped; starting another');
      this.cores[at] = this.spawn();
    });
    return core;
  }

  private ask(request: CoreRequestBody): Promise<unknown> {
    if (this.closing) return Promise.reject(new Error('the board server is shutting down'));
    let core = this.cores[0];
    for (const c of this.cores) if (core === undefined || c.busy < core.busy) core = c;
    if (!core) return Promise.reject(new Error('no board core is running'));
    const chosen = core;
    const id = this.nextId++;
    chosen.busy++;
    return new Promise<unknown>((resolve, reject) => {
      chosen.pending.set(id, { resolve, reject });
      chosen.worker.postMessage({ ...request, id });
    }).finally(() => {
      chosen.busy--;
    });
  }

  session(token: string): Promise<ActiveSession | null> {
    return this.ask({ kind: 'session', token }) as Promise<ActiveSession | null>;
  }

  login(name: string, password: string): Promise<SignIn> {
    return this.ask({ kind: 'login', name, password }) as Promise<SignIn>;
  }

  logout(token: string): Promise<boolean> {
    return this.ask({ kind: 'logout', token }) as Promise<boolean>;
  }

  /** The change feed's read of the audit log (./events.ts), so the HTTPS thread never waits on PostgreSQL. */
  changes(after: number): Promise<ChangeBatch> {
    return this.ask({ kind: 'changes', after }) as Promise<ChangeBatch>;
  }

  /** The session look-up and the call in one trip (./network.ts), with the session for its cache; null: no live session, nothing called. */
  callAs(token: string, name: string, input: unknown): Promise<{ session: ActiveSession; result: ApiResult } | null> {
    return this.ask({ kind: 'callAs', token, name, input }) as Promise<{ session: ActiveSession; result: ApiResult } | null>;
  }

  dispatch(name: unknown, input: unknown, ctx: CallContext): Promise<ApiResult> {
    if (typeof name !== 'string') return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation' } });
    return this.ask({ kind: 'call', name, input, ctx }) as Promise<ApiResult>;
  }

  /** Closes every core's connection (after the front has finished its requests), then ends the threads. */
  async close(): Promise<void> {
    const cores = this.cores.filter((core) => !core.exited);
    const closed = cores.map((core) => {
      const id = this.nextId++;
      return new Promise<unknown>((resolve) => {
        core.pending.set(id, { resolve, reject: resolve });
        core.worker.postMessage({ kind: 'close', id });
      });
    });
    this.closing = true;
    await Promise.all(closed);
    await Promise.all(cores.map((core) => core.worker.terminate()));
  }
}
