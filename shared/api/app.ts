/** Application-level operations. */
import { z } from 'zod';
import { ROLE_GROUPS, SIGNED_IN, TRANSPORTS } from './access';
import { boardSettingsOutputSchema, boardSettingsSaveSchema } from '../domain/settings';
import { op } from './op';

export const appOperations = {
  'app.info': op(z.strictObject({}), z.object({
    version: z.string(),
    transport: z.enum(TRANSPORTS),
    demo: z.boolean(),
    case_count: z.number().int().min(0),
    /** The board's clock: every date on screen is shown in this zone and locale. */
    time_zone: z.string(),
    locale: z.string(),
  }), SIGNED_IN),
  /** Board settings: clock (time zone, locale) and the letterhead of outcome letters. */
  'settings.get': op(z.strictObject({}), boardSettingsOutputSchema, SIGNED_IN),
  /**
   * Replaces the board settings (the local administrator, a coordinator or the chair); `version` = the one the form
   * was loaded from (a stale one is CONFLICT naming who saved and when).
   */
  'settings.save': op(boardSettingsSaveSchema, boardSettingsOutputSchema, ROLE_GROUPS.people),
} as const;
