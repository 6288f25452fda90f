/**
 * The command line's one door to the core: a command parses its arguments, opens the database through the app
 * context, calls operations (`dispatch(op, input, { transport: 'cli', actor })`) and prints. Nothing under cli/
 * touches the database or a service directly.
 *
 * Who acts: the local operator, named after the OS user ("NAME (command line)") with the administrator's role
 * (electron/app/seats.ts); `--as NAME` acts as that profile instead (its PIN from $TUMOUR_BOARD_PIN when it has
 * one), so its role is checked and its name is in the audit rows.
 */
import { userInfo } from 'node:os';
import { localCallContext, openAppContext, type AppContext } from '../app/context';
import type { HostCapabilities } from '../app/host';
import { osUserName } from '../app/seats';
import type { ApiErrorBody, ApiResult, OperationName, OpInput, OpOutput } from '../../shared/api';
import { UsageError } from './command';
import type { Store } from './store';

/** An operation answered with an error: the command prints its message and exits 1. */
export class CallFailed extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'CallFailed';
  }
}

export interface CliCore {
  /** One call; an error answer throws CallFailed (the command prints it and exits 1). */
  call<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
  /** One call, answered as the dispatcher answers it. */
  dispatch(name: unknown, input: unknown): Promise<ApiResult>;
  readonly context: Pick<AppContext, 'createdDemo'>;
  close(): void;
}

export interface OpenCliOptions {
  /** Act as this profile (by name) instead of the local operator. */
  as?: string | undefined;
  host?: Partial<HostCapabilities>;
  demoIfMissing?: boolean;
}

/** Opens the board (a file path, or a Store from `--db`/`--postgres`) for one command. The caller closes it (`finally`). */
export async function openCli(where: string | Store, options: OpenCliOptions = {}): Promise<CliCore> {
  const store = typeof where === 'string' ? { kind: 'file' as const, file: where } : where;
  const common = { transport: 'cli' as const, ...(options.host ? { host: options.host } : {}), ...(options.demoIfMissing ? { demoIfMissing: true } : {}) };
  const context = store.kind === 'postgres' ? openAppContext({ ...common, postgres: store.connection }) : openAppContext({ ...common, dbPath: store.file });
  const seat = `${osUserName(() => userInfo(), process.env)} (command line)`;
  const dispatch = (name: unknown, input: unknown): Promise<ApiResult> => context.dispatch(name, input, localCallContext(context, 'cli', seat));
  const call = async <N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new CallFailed(result.error);
    return result.value as OpOutput<N>;
  };
  const core: CliCore = { call, dispatch, context, close: () => context.close() };
  if (options.as !== undefined) {
    try {
      const wanted = options.as.trim().toLocaleLowerCase();
      const profile = (await call('profiles.list', {})).find((p) => p.name.toLocaleLowerCase() === wanted);
      if (!profile) throw new UsageError(`--as: no profile is named "${options.as}"`);
      const pin = process.env.TUMOUR_BOARD_PIN;
      await call('profiles.select', pin ? { id: profile.id, pin } : { id: profile.id });
    } catch (error) {
      context.close();
      throw error;
    }
  }
  return core;
}

/** Opens, runs `fn`, closes. */
export async function withCore<T>(where: string | Store, options: OpenCliOptions, fn: (core: CliCore) => Promise<T>): Promise<T> {
  const core = await openCli(where, options);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}
