/**
 * Accounts of a board server (network mode), administered with `tumour-board users …` on the server machine or by
 * an administrator's session. A password crosses only as input (at least 12 characters) and is never returned.
 */
import { z } from 'zod';
import { accountNameSchema, accountRoleSchema, accountSchema, passwordSchema } from '../domain/accounts';
import { specialtySchema } from '../domain/meeting';
import { op } from './op';

const byName = z.strictObject({ name: accountNameSchema });

export const userOperations = {
  'users.list': op(z.strictObject({}), z.array(accountSchema)),
  /** A clinician's account (not admin) gets a meeting profile with its name and role. */
  'users.add': op(
    z.strictObject({ name: accountNameSchema, role: accountRoleSchema, password: passwordSchema, specialty: specialtySchema.optional() }),
    accountSchema,
  ),
  /** Disabling ends every session of the account at once. */
  'users.disable': op(byName, accountSchema),
  'users.enable': op(byName, accountSchema),
  /** Also lifts a lockout and ends the account's sessions. */
  'users.resetPassword': op(z.strictObject({ name: accountNameSchema, password: passwordSchema }), accountSchema),
} as const;
