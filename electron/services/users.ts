/** Board-server accounts: thin over db/repositories/users, which owns hashing, transactions and audit rows. */
import type { DbLike as Db } from '../../db/sql/port';
import { createUser, listUsers, resetUserPassword, setUserDisabled } from '../../db/repositories/users';
import type { Handlers } from '../../shared/api';

type UserHandlers = Pick<Handlers, 'users.list' | 'users.add' | 'users.disable' | 'users.enable' | 'users.resetPassword'>;

export function userHandlers(db: Db): UserHandlers {
  return {
    'users.list': () => listUsers(db),
    'users.add': ({ name, role, password, specialty }, ctx) => createUser(db, { name, role, password, ...(specialty ? { specialty } : {}) }, ctx.actor.label),
    'users.disable': ({ name }, ctx) => setUserDisabled(db, name, true, ctx.actor.label),
    'users.enable': ({ name }, ctx) => setUserDisabled(db, name, false, ctx.actor.label),
    'users.resetPassword': ({ name, password }, ctx) => resetUserPassword(db, name, password, ctx.actor.label),
  };
}
