/**
 * Accounts of a board server (network mode), administered with `tumour-board users …` on the server machine or by
 * an administrator's session. A password crosses only as input (at least 12 characters) and is never returned.
 */
import { z } from 'zod';
import { accountNameSchema, accountRoleSchema, accountSchema, passwordSchema } from '../domain/accounts';
import { specialtySchema } from '../domain/meeting';
import { ROLE_GROUPS } from './access';
import { op } from './op';

const byName = z.strictObject({ name: accountNameSchema });

export const userOperations = {
  'users.list': op(z.strictObject({}), z.array(accountSchema), ROLE_GROUPS.admin),
  /** A clinician's account (not admin) gets a meeting profile with its name and role. */
  'users.add': op(
    z.strictObject({ name: accountNameSchema, role: accountRoleSchema, password: passwordSchema, specialty: specialtySchema.optional() }),
    accountSchema,
    ROLE_GROUPS.admin,
  ),
  /** Disabling ends every session of the account at once. */
  'users.disable': op(byName, accountSchema, ROLE_GROUPS.admin),
  'users.enable': op(byName, accountSchema, ROLE_GROUPS.admin),
  /** Also lifts a lockout and ends the account's sessions. */
  'users.resetPassword': op(z.strictObject({ name: accountNameSchema, password: passwordSchema }), accountSchema, ROLE_GROUPS.admin),
} as const;
