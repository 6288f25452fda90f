import type { z } from 'zod';

/** One operation of the contract: its input schema (parsed strictly by the dispatcher) and output schema. */
export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
