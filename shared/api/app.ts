/** Application-level operations. */
import { z } from 'zod';
import { SIGNED_IN, TRANSPORTS } from './access';
import { op } from './op';

export const appOperations = {
  'app.info': op(z.strictObject({}), z.object({
    version: z.string(),
    transport: z.enum(TRANSPORTS),
    demo: z.boolean(),
    case_count: z.number().int().min(0),
  }), SIGNED_IN),
} as const;
