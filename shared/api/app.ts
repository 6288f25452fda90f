/** Application-level operations. */
import { z } from 'zod';
import { op } from './op';

export const appOperations = {
  'app.info': op(z.strictObject({}), z.object({
    version: z.string(),
    transport: z.enum(['electron', 'browser-host', 'cli']),
    demo: z.boolean(),
    case_count: z.number().int().min(0),
  })),
} as const;
