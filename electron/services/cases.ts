/** Case and patient operations: thin over the repositories, which own transactions and audit rows. */
import type { DbLike as Db } from '../../db/sql/port';
import { createCase, getCase, listCases, updateCase } from '../../db/repositories/cases';
import { findPatientByIdentifier } from '../../db/repositories/patients';
import { DomainError } from '../../shared/errors';
import type { Handlers } from '../../shared/api';

type CaseHandlers = Pick<Handlers, 'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'patients.findByIdentifier'>;

export function caseHandlers(db: Db): CaseHandlers {
  return {
    'cases.list': (q) => listCases(db, q),
    'cases.get': ({ id }) => {
      const found = getCase(db, id);
      if (!found) throw new DomainError('NOT_FOUND', `case ${id} does not exist`);
      return found;
    },
    'cases.create': (input, ctx) => createCase(db, input, ctx.actor.label),
    'cases.update': (input, ctx) => updateCase(db, input, ctx.actor.label),
    'patients.findByIdentifier': ({ identifier }) => findPatientByIdentifier(db, identifier) ?? null,
  };
}
