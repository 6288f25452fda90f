/**
 * Accounts of a board server (network mode): who may sign in, with which role. The desktop app on its own
 * keeps its local profiles; on a server every caller is a signed-in account and acts only as itself.
 */
import { z } from 'zod';

export const ACCOUNT_ROLES = ['admin', 'coordinator', 'chair', 'member'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const accountRoleSchema = z.enum(ACCOUNT_ROLES);

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it cannot be used to tie up the server. */
export const passwordSchema = z.string()
  .min(PASSWORD_MIN_LENGTH, `must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'must have at most 1024 characters');

export const accountNameSchema = z.string().trim().min(1, 'is required').max(100, 'must have at most 100 characters')
  .regex(/^[^\p{C}]+$/u, 'must not contain control characters');

export const accountSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  role: accountRoleSchema,
  profile_id: z.number().int().positive().nullable(),
  disabled: z.boolean(),
  /** ISO time until which sign-in is refused after repeated wrong passwords, or null. */
  locked_until: z.string().nullable(),
  created_at: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** Who is signed in, as the renderer of a network-mode server sees it. */
export const signedInSchema = z.object({
  name: z.string(),
  role: accountRoleSchema,
  profile_id: z.number().int().positive().nullable(),
});
export type SignedIn = z.infer<typeof signedInSchema>;

export const loginInputSchema = z.strictObject({
  name: accountNameSchema,
  /** Not checked for length here: a short wrong password is just a wrong password. */
  password: z.string().min(1, 'is required').max(1024),
});
