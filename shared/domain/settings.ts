/**
 * Board settings: the clock (time zone and locale every date is shown in) and the letterhead of outcome
 * letters (hospital, address, logo). One set per installation; until saved, the machine's zone and locale.
 */
import { z } from 'zod';
import { isLocale, isTimeZone } from '../time/clock';

/** A logo the admin chose: a small PNG, JPEG or SVG as a data: URL (letters embed it; no file path leaks). */
const LOGO_DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;
export const LOGO_MAX_CHARS = 400_000;

export const boardSettingsSchema = z.strictObject({
  time_zone: z.string().trim().max(64).refine(isTimeZone, 'is not a time zone this computer knows (e.g. Europe/Oslo)'),
  locale: z.string().trim().max(35).refine(isLocale, 'is not a language and region this computer supports (e.g. en-GB)'),
  hospital: z.string().trim().max(200),
  /** Postal address, one line per line of the letterhead. */
  address: z.string().trim().max(500),
  /** The logo as a data: URL, or null for the bundled logo (assets/letterhead-logo.svg). */
  logo: z.string().max(LOGO_MAX_CHARS).regex(LOGO_DATA_URL, 'must be a PNG, JPEG or SVG image').nullable(),
});
export type BoardSettings = z.infer<typeof boardSettingsSchema>;

export const boardSettingsOutputSchema = boardSettingsSchema.extend({
  /** False while the machine's defaults are in use (nothing saved yet). */
  saved: z.boolean(),
  /** Counts saves (0: never saved): a save names the version it was based on (optimistic concurrency). */
  version: z.number().int().nonnegative(),
});
/** Saving the settings: `version` = the one the form was loaded from (absent or 0 when nothing was saved yet). */
export const boardSettingsSaveSchema = boardSettingsSchema.extend({ version: z.number().int().nonnegative().optional() });
export type BoardSettingsSave = z.infer<typeof boardSettingsSaveSchema>;
export type BoardSettingsView = z.infer<typeof boardSettingsOutputSchema>;
