/**
 * The relay: what Electron's main process (or any thread hosting a UI transport) keeps of the core. It forwards
 * `{ name, input }` for a session over a MessagePort and hands back the ApiResult; it performs the host requests a
 * core sends back (print a PDF, a save or open dialog, show a file); it owns no database connection and runs no
 * handler, so nothing the core does can block it.
 *
 * Two cores (see protocol.ts): calls go to the interactive core, LONG_OPERATIONS to the jobs core with the actor
 * the interactive core resolved for the session (the acting profile is chosen there). A restore waits for running
 * jobs, runs in the interactive core, then the jobs core is restarted on the restored file. A jobs core that goes
 * away unasked is started again at once (automatic backups run there). Plain Node: the shell
 * spawns the cores as utility processes (shell/core-process.ts), tests and the bench as worker threads
 * (core/worker.ts).
 */
import { z } from 'zod';
import { apiErrorSchema, type Actor, type ApiResult } from '../../shared/api';
import { DomainError } from '../../shared/errors';
import type { OpenRequest, SaveRequest } from '../app/host';
import { fromCoreSchema, LONG_OPERATIONS, RESTORE_OPERATIONS, type Channel, type CoreInit, type FromCore, type HostRequestName, type ToCore } from './protocol';

/** A running core: its end of the port, and the process or thread behind it. */
export interface CoreLink {
  channel: Channel;
  /** Ends the process or thread (after `close`, or when it does not answer). */
  terminate(): void;
  /** Called once when the process or thread has gone. */
  onExit(listener: (code: number | null) => void): void;
}

/** What the main process does for a core. */
export interface RelayHost {
  renderPdf(html: string): Promise<Uint8Array>;
  choosePath(request: SaveRequest): Promise<string | null>;
  chooseFile(request: OpenRequest): Promise<string | null>;
  revealFile(file: string): Promise<void>;
  openFile(file: string): Promise<void>;
  progress?(task: string, done: number, total: number): void;
  log(message: string): void;
}

export type CoreRole = 'interactive' | 'jobs';

export interface RelayOptions {
  spawn(role: CoreRole): CoreLink;
  /** What both cores open; `demoIfMissing`/`demoCases` apply to the interactive core, `autoBackups` to the jobs core. */
  init: Omit<CoreInit, 'role'>;
  host: RelayHost;
  /**
   * A core went away without being asked to (the relay answers its pending calls with INTERNAL). A jobs core is
   * started again at once (automatic backups resume); the interactive core is the shell's to handle.
   */
  onCoreExit?(role: CoreRole, code: number | null): void;
  /** A jobs core started again after it went away (its `ready`), or why it could not. */
  onJobsRestart?(result: { ok: true; ready: CoreReady } | { ok: false; message: string }): void;
  /** How long `close` waits for a core to close its database before ending it (ms). */
  closeTimeoutMs?: number;
}

export interface CoreReady {
  process: string;
  pid: number;
  createdDemo: boolean;
}

export interface Relay {
  /** Starts both cores; rejects with the interactive core's reason when it cannot open the database. */
  start(): Promise<{ interactive: CoreReady; jobs: CoreReady }>;
  call(name: unknown, input: unknown, session: string): Promise<ApiResult>;
  close(): Promise<void>;
}

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

const internal = (message: string): ApiResult => ({ ok: false, error: { code: 'INTERNAL', message } });

/** One core behind one port. */
class CoreConnection {
  private nextId = 1;
  private readonly calls = new Map<number, (message: FromCore) => void>();
  private readyWaiter: { resolve: (ready: CoreReady) => void; reject: (error: Error) => void } | null = null;
  private gone = false;
  private closing = false;

  constructor(
    readonly role: CoreRole, private readonly link: CoreLink, private readonly options: RelayOptions,
    private readonly onGone: (code: number | null) => void = () => undefined,
  ) {
    link.channel.onMessage((raw) => this.receive(raw));
    link.onExit((code) => {
      this.gone = true;
      this.readyWaiter?.reject(new Error(`the application core stopped (exit code ${code ?? 'none'})`));
      this.readyWaiter = null;
      for (const answer of this.calls.values()) answer({ type: 'result', id: 0, result: internal('the application core stopped') });
      this.calls.clear();
      if (!this.closing) {
        options.onCoreExit?.(role, code);
        this.onGone(code);
      }
    });
  }

  get alive(): boolean {
    return !this.gone;
  }

  start(init: CoreInit): Promise<CoreReady> {
    return new Promise<CoreReady>((resolve, reject) => {
      this.readyWaiter = { resolve, reject };
      this.post({ type: 'init', init });
    });
  }

  call(name: unknown, input: unknown, session: string, actor?: Actor): Promise<ApiResult> {
    if (this.gone) return Promise.resolve(internal('the application core stopped'));
    return new Promise<ApiResult>((resolve) => {
      const id = this.nextId++;
      this.calls.set(id, (message) => {
        const parsed = message.type === 'result' ? resultSchema.safeParse(message.result) : null;
        resolve(parsed?.success ? parsed.data : internal('the application core gave no answer'));
      });
      this.post({ type: 'call', id, name, input, session, ...(actor ? { actor } : {}) });
    });
  }

  actor(session: string): Promise<Actor | null> {
    if (this.gone) return Promise.resolve(null);
    return new Promise<Actor | null>((resolve) => {
      const id = this.nextId++;
      this.calls.set(id, (message) => resolve(message.type === 'actor' ? message.actor : null));
      this.post({ type: 'actor', id, session });
    });
  }

  async close(timeoutMs: number): Promise<void> {
    this.closing = true;
    if (!this.gone) {
      await new Promise<void>((resolve) => {
        const id = this.nextId++;
        const timer = setTimeout(resolve, timeoutMs);
        this.calls.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
        this.post({ type: 'close', id });
      });
    }
    this.link.terminate();
    this.link.channel.close();
  }

  private post(message: ToCore): void {
    this.link.channel.send(message);
  }

  private receive(raw: unknown): void {
    const parsed = fromCoreSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.host.log(`the ${this.role} core sent a message the relay does not understand`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.readyWaiter?.resolve({ process: message.process, pid: message.pid, createdDemo: message.createdDemo });
        this.readyWaiter = null;
        return;
      case 'failed':
        this.readyWaiter?.reject(new Error(message.message));
        this.readyWaiter = null;
        return;
      case 'result':
      case 'actor':
      case 'closed': {
        const answer = this.calls.get(message.id);
        this.calls.delete(message.id);
        answer?.(message);
        return;
      }
      case 'log':
        this.options.host.log(message.message);
        return;
      case 'progress':
        this.options.host.progress?.(message.task, message.done, message.total);
        return;
      case 'host':
        void this.perform(message.id, message.request, message.args);
        return;
    }
  }

  /** A host request from the core: done here, in the main process, and answered over the port. */
  private async perform(id: number, request: HostRequestName, args: unknown[]): Promise<void> {
    const host = this.options.host;
    try {
      const [first] = args;
      let value: unknown;
      if (request === 'renderPdf') value = await host.renderPdf(z.string().parse(first));
      else if (request === 'choosePath') value = await host.choosePath(saveRequestSchema.parse(first));
      else if (request === 'chooseFile') value = await host.chooseFile(openRequestSchema.parse(first));
      else if (request === 'openFile') value = await host.openFile(z.string().parse(first));
      else value = await host.revealFile(z.string().parse(first));
      this.post({ type: 'host-reply', id, ok: true, value });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.post({ type: 'host-reply', id, ok: false, message, ...(error instanceof DomainError ? { code: error.code } : {}) });
    }
  }
}

const saveRequestSchema = z.object({ suggestedName: z.string().min(1), kind: z.enum(['minutes', 'letter', 'backup']) }).strict();
const openRequestSchema = z.object({ kind: z.literal('backup') }).strict();

export function createRelay(options: RelayOptions): Relay {
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const isLong = (name: unknown) => typeof name === 'string' && LONG_OPERATIONS.includes(name);
  const isRestore = (name: unknown) => typeof name === 'string' && RESTORE_OPERATIONS.includes(name);
  let interactive: CoreConnection | null = null;
  let jobs: Promise<CoreConnection> | null = null;
  const running = new Set<Promise<unknown>>();

  let jobsReady: CoreReady | null = null;
  let closed = false;
  /** When the jobs core went away unasked, recently: a core that keeps failing is restarted ever more slowly. */
  let exits: number[] = [];
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  const startJobs = async (): Promise<CoreConnection> => {
    const connection = new CoreConnection('jobs', options.spawn('jobs'), options, () => restartJobs());
    jobsReady = await connection.start({ ...options.init, role: 'jobs', demoIfMissing: false });
    return connection;
  };
  /**
   * The jobs core went away unasked: start a new one now, not on the next job, so automatic backups go on. After
   * three exits within a minute the next start waits 1 s, 2 s, 4 s … (at most a minute): no restart storm.
   */
  const restartJobs = () => {
    if (closed || restartTimer) return;
    const now = Date.now();
    exits = [...exits.filter((at) => now - at < 60_000), now];
    const wait = exits.length <= 3 ? 0 : Math.min(60_000, 1000 * 2 ** (exits.length - 4));
    const gone = jobs;
    const restart = () => {
      restartTimer = null;
      // Closed meanwhile, or a job already started a new core (jobsCore): nothing to do.
      if (closed || jobs !== gone) return;
      const next = startJobs();
      jobs = next;
      next.then(
        (connection) => {
          if (jobsReady) options.onJobsRestart?.({ ok: true, ready: jobsReady });
          return connection;
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          options.host.log(`the jobs core did not restart: ${message}`);
          options.onJobsRestart?.({ ok: false, message });
        },
      );
    };
    if (wait === 0) restart();
    else restartTimer = setTimeout(restart, wait);
  };
  /** The jobs core, started again if it went away. */
  const jobsCore = async (): Promise<CoreConnection> => {
    const current = jobs ? await jobs.catch(() => null) : null;
    if (current?.alive) return current;
    jobs = startJobs();
    return jobs;
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    running.add(promise);
    void promise.finally(() => running.delete(promise));
    return promise;
  };

  return {
    async start() {
      interactive = new CoreConnection('interactive', options.spawn('interactive'), options);
      const ready = await interactive.start({ ...options.init, role: 'interactive', autoBackups: false });
      // The jobs core opens the file the interactive core created (a demo database on first run).
      jobs = startJobs();
      await jobs;
      if (!jobsReady) throw new Error('the jobs core did not start');
      return { interactive: ready, jobs: jobsReady };
    },
    async call(name, input, session) {
      const core = interactive;
      if (!core) return internal('the application core is not started');
      if (isLong(name)) {
        return track((async () => {
          const actor = await core.actor(session);
          if (!actor) return internal('the application core stopped');
          try {
            return await (await jobsCore()).call(name, input, session, actor);
          } catch {
            return internal('the jobs core could not start');
          }
        })());
      }
      if (isRestore(name)) {
        await Promise.allSettled([...running]);
        const result = await core.call(name, input, session);
        if (result.ok) {
          const old = jobs ? await jobs.catch(() => null) : null;
          await old?.close(closeTimeoutMs);
          jobs = startJobs();
          await jobs.catch((error: unknown) => options.host.log(`the jobs core did not restart after the restore: ${error instanceof Error ? error.message : String(error)}`));
        }
        return result;
      }
      return core.call(name, input, session);
    },
    async close() {
      closed = true;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      await Promise.allSettled([...running]);
      const jobsConnection = jobs ? await jobs.catch(() => null) : null;
      await Promise.all([interactive?.close(closeTimeoutMs), jobsConnection?.close(closeTimeoutMs)]);
      interactive = null;
      jobs = null;
    },
  };
}
