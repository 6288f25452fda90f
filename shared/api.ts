/**
 * The one API: every operation the UI (or any transport) can ask for, with a zod schema for its input
 * and its output. Transports (Electron IPC, the browser host, the CLI) only carry `{ name, input }` to the
 * dispatcher in electron/api/, which validates input strictly, calls the service, and validates output.
 * Adding an operation: one entry here, one handler in electron/services/. No transport changes.
 */
import { z } from 'zod';
import {
  caseInputSchema, caseListPageSchema, caseListQuerySchema, caseRecordSchema, patientInputSchema, patientSchema,
} from './domain/case';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const idInput = z.strictObject({ id: z.number().int().positive() });

export const operations = {
  'app.info': op(z.strictObject({}), z.object({
    version: z.string(),
    transport: z.enum(['electron', 'browser-host', 'cli']),
    demo: z.boolean(),
    case_count: z.number().int().min(0),
  })),
  'cases.list': op(caseListQuerySchema, caseListPageSchema),
  'cases.get': op(idInput, caseRecordSchema),
  /** New referral: for a known patient (`patient_id`) or a new one (`patient`), never both. */
  'cases.create': op(
    z.strictObject({
      patient_id: z.number().int().positive().optional(),
      patient: patientInputSchema.optional(),
      case: caseInputSchema,
    }).refine((v) => (v.patient_id === undefined) !== (v.patient === undefined), {
      message: 'give either patient_id or patient, not both', path: ['patient'],
    }),
    caseRecordSchema,
  ),
  /** Full replacement of the case and its patient's details; `version` is the one the editor loaded. */
  'cases.update': op(
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      patient: patientInputSchema,
      case: caseInputSchema,
    }),
    caseRecordSchema,
  ),
  'patients.findByIdentifier': op(z.strictObject({ identifier: z.string().trim().min(1).max(40) }), patientSchema.nullable()),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.hasOwn(operations, name);

export const API_ERROR_CODES = ['UNKNOWN_OPERATION', 'VALIDATION', 'NOT_FOUND', 'CONFLICT', 'READ_ONLY', 'UNAUTHORIZED', 'INTERNAL'] as const;
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

/** The shape every client implements (Electron preload bridge, HTTP, in-process for tests). */
export interface ApiClient {
  invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>>;
}

/** What the Electron preload exposes on `window.board`. */
export interface BoardBridge {
  invoke(name: string, input: unknown): Promise<ApiResult>;
}
