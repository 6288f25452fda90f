/**
 * The one API: every operation the UI (or any transport) can ask for, with a zod schema for its input and its
 * output and the roles allowed to call it (shared/api/access.ts). Transports (Electron IPC, the browser host, the
 * CLI) resolve who is acting and carry `{ name, input }` to the dispatcher in electron/api/, which checks the role,
 * validates input strictly, calls the handler, and validates output. A front end can be written against this
 * module alone: `Handlers` is what a core implements, `ApiClient` what a front end calls.
 * Operations are declared per area in shared/api/*.ts and merged here.
 * Adding an operation: one entry in its area's module, one handler in electron/services/. No transport changes.
 */
import { z } from 'zod';
import type { ActingContext, CallContext } from './api/access';
import { appOperations } from './api/app';
import { caseOperations } from './api/cases';
import { importOperations } from './api/imports';
import { engineOperations } from './api/engine';
import { meetingOperations } from './api/meetings';
import { minutesOperations } from './api/minutes';
import { outcomeOperations } from './api/outcomes';
import { userOperations } from './api/users';
import { maintenanceOperations } from './api/maintenance';

export const operations = {
  ...appOperations,
  ...caseOperations,
  ...importOperations,
  ...engineOperations,
  ...meetingOperations,
  ...minutesOperations,
  ...outcomeOperations,
  ...userOperations,
  ...maintenanceOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.hasOwn(operations, name);

/**
 * UNAUTHENTICATED: nobody (or a wrong PIN/token) is signed in, HTTP 401. FORBIDDEN: the actor's role may not call
 * the operation, HTTP 403. Both are answered before any business rule runs. UNAVAILABLE: the board server the
 * desktop app is connected to cannot be reached (or shows another certificate than the pinned one), HTTP 503:
 * nothing was changed and nothing is queued; or the board's database did not answer (a restart, a failover): also
 * 503, and a save cut off that way may or may not have been kept, which its message says.
 */
export const API_ERROR_CODES = ['UNKNOWN_OPERATION', 'VALIDATION', 'NOT_FOUND', 'CONFLICT', 'READ_ONLY', 'UNAUTHENTICATED', 'FORBIDDEN', 'TOO_LARGE', 'INTERNAL', 'UNAVAILABLE'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What crosses a transport on failure: a code and a message a person can read; never a stack, SQL or a path. */
export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Dotted path of the offending field, when one field is to blame (e.g. `case.facts.ecog`). */
  field: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by API clients so callers can `catch` one type. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
  }
}

/** What a core implements: one handler per operation, given the parsed input and who is acting. */
export type Handlers = {
  [N in OperationName]: (input: OpParsedInput<N>, ctx: ActingContext) => OpOutput<N> | Promise<OpOutput<N>>;
};

/** The dispatcher: never throws; answers every call with an ApiResult. */
export type Dispatch = (name: unknown, input: unknown, ctx: CallContext) => Promise<ApiResult>;

export { allows, requireRole, ROLE_GROUPS, SIGNED_IN, TRANSPORTS, USER_ROLES } from './api/access';
export type { Access, ActingContext, Actor, CallContext, Transport, UserRole } from './api/access';

/** The shape every client implements (Electron preload bridge, HTTP, in-process for tests). */
export interface ApiClient {
  invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
}

/** What the Electron preload exposes on `window.board`. */
export interface BoardBridge {
  invoke(name: string, input: unknown): Promise<ApiResult>;
}
