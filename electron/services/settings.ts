/** Board settings behind the API: anyone signed in reads them; who may change them is declared in the contract. */
import type { DbLike as Db } from '../../db/sql/port';
import { getSettings, saveSettings } from '../../db/repositories/settings';
import type { Handlers } from '../../shared/api';

export function settingsHandlers(db: Db): Pick<Handlers, 'settings.get' | 'settings.save'> {
  return {
    'settings.get': () => getSettings(db),
    'settings.save': (input, ctx) => saveSettings(db, input, ctx.actor.label),
  };
}
