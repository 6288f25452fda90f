import type { z } from 'zod';
import type { Access } from './access';

/**
 * One operation of the contract: its input schema (parsed strictly by the dispatcher), its output schema, and who
 * may call it (checked by the dispatcher before the input is looked at).
 */
export const op = <I extends z.ZodType, O extends z.ZodType, A extends Access>(input: I, output: O, access: A) => ({ input, output, access });
