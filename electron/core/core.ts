/**
 * The core side of the MessagePort: opens the app context (electron/app/context.ts) when the relay says `init`,
 * answers `call` through the one dispatcher, and asks the relay for what only the main process can do (print a
 * PDF, a save or open dialog, show a file) with `host` requests. Plain Node: it runs in an Electron utility
 * process (core/entry.ts) or a worker thread (core/worker.ts) alike, and never imports 'electron'.
 */
import type { ApiResult, CallContext } from '../../shared/api';
import { setProcessKey } from '../app/database-file';
import { openAppContext, startAutoBackups, type AppContext } from '../app/context';
import type { HostCapabilities } from '../app/host';
import { DomainError } from '../../shared/errors';
import { coreInitSchema, toCoreSchema, type Channel, type CoreInit, type FromCore, type HostRequestName } from './protocol';

export interface CoreFacts {
  /** Where this core runs: 'utility' (Electron utility process) or 'worker' (worker thread). */
  process: string;
  pid: number;
  /** Called once the core has closed (the entry exits its process). */
  onClosed?: () => void;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function serveCore(channel: Channel, facts: CoreFacts): void {
  let context: AppContext | null = null;
  let backups: { stop(): void } | null = null;
  let init: ReturnType<typeof coreInitSchema.parse> | null = null;
  let nextHostId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const send = (message: FromCore) => channel.send(message);
  const log = (message: string, error?: unknown) => send({ type: 'log', message: error === undefined ? message : `${message}: ${errorText(error)}` });

  /** One host capability, performed by the main process. */
  const ask = (request: HostRequestName, args: unknown[]): Promise<unknown> => new Promise((resolve, reject) => {
    const id = nextHostId++;
    waiting.set(id, { resolve, reject });
    send({ type: 'host', id, request, args });
  });
  const host: Partial<HostCapabilities> = {
    renderPdf: async (html) => {
      const bytes = await ask('renderPdf', [html]);
      if (!(bytes instanceof Uint8Array)) throw new Error('the PDF engine answered without a document');
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    choosePath: async (request) => {
      const chosen = await ask('choosePath', [request]);
      return typeof chosen === 'string' ? chosen : null;
    },
    chooseFile: async (request) => {
      const chosen = await ask('chooseFile', [request]);
      return typeof chosen === 'string' ? chosen : null;
    },
    revealFile: async (file) => {
      await ask('revealFile', [file]);
    },
    openFile: async (file) => {
      await ask('openFile', [file]);
    },
    progress: (task, done, total) => send({ type: 'progress', task, done, total }),
    log,
  };

  const close = () => {
    backups?.stop();
    backups = null;
    context?.close();
    context = null;
  };

  channel.onMessage((raw) => {
    const parsed = toCoreSchema.safeParse(raw);
    if (!parsed.success) {
      log('the core ignored a message it does not understand');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'init': {
        if (context) return;
        try {
          init = coreInitSchema.parse(message.init);
          setProcessKey(init.key);
          const options: CoreInit = init;
          context = openAppContext({
            dbPath: options.dbPath, transport: options.transport, demoIfMissing: init.demoIfMissing,
            ...(init.demoCases !== undefined ? { demoCases: init.demoCases } : {}), host,
          });
          if (init.autoBackups) {
            backups = startAutoBackups(context, init.dbPath, { onError: (error) => log('automatic backup failed', error) });
          }
          send({ type: 'ready', process: facts.process, pid: facts.pid, createdDemo: context.createdDemo });
        } catch (error) {
          send({ type: 'failed', message: errorText(error) });
        }
        return;
      }
      case 'call': {
        const current = context;
        const opened = init;
        if (!current || !opened) {
          send({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'the application core is not ready' } } });
          return;
        }
        const ctx: CallContext = {
          transport: opened.transport, session: message.session,
          actor: message.actor ?? current.localActor(message.session, opened.seat),
        };
        void current.dispatch(message.name, message.input, ctx)
          .catch((): ApiResult => ({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } }))
          .then((result) => send({ type: 'result', id: message.id, result }));
        return;
      }
      case 'actor': {
        if (!context || !init) return;
        send({ type: 'actor', id: message.id, actor: context.localActor(message.session, init.seat) });
        return;
      }
      case 'host-reply': {
        const pending = waiting.get(message.id);
        if (!pending) return;
        waiting.delete(message.id);
        if (message.ok) pending.resolve(message.value);
        else if (message.code) pending.reject(new DomainError(message.code, message.message ?? 'the host could not do it'));
        else pending.reject(new Error(message.message ?? 'the host could not do it'));
        return;
      }
      case 'close': {
        close();
        send({ type: 'closed', id: message.id });
        facts.onClosed?.();
        return;
      }
    }
  });
}
