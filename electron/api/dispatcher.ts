/**
 * The one dispatcher every transport calls. It owns authorisation, validation and error redaction so transports
 * stay thin: unknown operation → UNKNOWN_OPERATION; nobody acting → UNAUTHENTICATED; a role the operation does not
 * allow → FORBIDDEN (both before the input is looked at or any business rule runs); text that is not clean
 * (shared/text/clean.ts) or input failing the strict schema → VALIDATION naming the field;
 * a DomainError from a service → its code and message; anything else → INTERNAL with a generic message
 * (the real error goes to the log, never across the transport: no stacks, SQL or paths).
 */
import { z } from 'zod';
import {
  isOperationName, operations, requireRole, type ActingContext, type ApiErrorBody, type Dispatch, type Handlers,
} from '../../shared/api';
import { DomainError } from '../../shared/errors';
import { isDatabaseUnreachable } from '../../db/sql/port';
import { EngineInputError } from '../../shared/engine/errors';
import { cleanInput, InputTextError } from '../../shared/text/clean';

/** Said when the board's database did not answer (a restart, a failover, a network cut): HTTP 503 on the board server. */
export const DATABASE_UNREACHABLE = "The board's database did not answer (the connection was lost, or it is restarting). Try again in a moment; if you were saving, first check whether your change was kept.";

export interface DispatcherOptions {
  /** Where unexpected errors are reported (default: stderr). */
  log?: (message: string, error: unknown) => void;
}

export function zodIssueToError(error: z.ZodError, prefix = ''): ApiErrorBody {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  const detail = issue?.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
  return { code: 'VALIDATION', message: field ? `${field}: ${detail}` : detail, ...(field ? { field } : {}) };
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (name, input, ctx) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `unknown operation: ${typeof name === 'string' ? name.slice(0, 80) : typeof name}` } };
    }
    const spec = operations[name];
    try {
      requireRole(ctx, spec.access);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toBody() };
      throw error;
    }
    // Every string well-formed, free of control characters and in NFC before any schema or service sees it.
    let clean: unknown;
    try {
      clean = cleanInput(input === undefined ? {} : input);
    } catch (error) {
      if (!(error instanceof InputTextError)) throw error;
      return { ok: false, error: { code: 'VALIDATION', message: error.message, ...(error.field ? { field: error.field } : {}) } };
    }
    const parsed = spec.input.safeParse(clean);
    if (!parsed.success) return { ok: false, error: zodIssueToError(parsed.error) };
    try {
      const handler = handlers[name] as (i: unknown, c: ActingContext) => unknown;
      const value = await handler(parsed.data, ctx);
      // Our own output is checked too: a bug must not leak a malformed record into the UI.
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`output of ${name} failed its schema`, checked.error);
        return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${name}` } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toBody() };
      if (error instanceof z.ZodError) return { ok: false, error: zodIssueToError(error) };
      if (error instanceof EngineInputError) return { ok: false, error: { code: 'VALIDATION', message: error.message, field: error.field } };
      if (isDatabaseUnreachable(error)) {
        log(`the database could not be reached in ${name}`, error);
        return { ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNREACHABLE } };
      }
      log(`unexpected error in ${name}`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${name}` } };
    }
  };
}
