/** Board-server accounts: thin over db/repositories/users, which owns hashing, transactions and audit rows. */
import type { Db } from '../../db/connection';
import { createUser, listUsers, resetUserPassword, setUserDisabled } from '../../db/repositories/users';
import type { Handlers } from '../api/dispatcher';

type UserHandlers = Pick<Handlers, 'users.list' | 'users.add' | 'users.disable' | 'users.enable' | 'users.resetPassword'>;

export function userHandlers(db: Db): UserHandlers {
  return {
    'users.list': () => listUsers(db),
    'users.add': ({ name, role, password, specialty }, ctx) => createUser(db, { name, role, password, ...(specialty ? { specialty } : {}) }, ctx.actor),
    'users.disable': ({ name }, ctx) => setUserDisabled(db, name, true, ctx.actor),
    'users.enable': ({ name }, ctx) => setUserDisabled(db, name, false, ctx.actor),
    'users.resetPassword': ({ name, password }, ctx) => resetUserPassword(db, name, password, ctx.actor),
  };
}
