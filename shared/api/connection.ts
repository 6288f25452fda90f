/**
 * The desktop app's "Board server" connection: calls the window makes to the desktop shell itself, not to the core.
 * They travel over the same one IPC function as operations; the shell answers them (electron/host/board-link.ts)
 * and, while connected, forwards every operation to the board server over HTTPS with the pinned certificate.
 * The local database is never touched while connected, and switching back to it is one call.
 */
import { z } from 'zod';
import { signedInSchema } from '../domain/accounts';

export const CONNECTION_CALLS = [
  'connection.status', 'connection.probe', 'connection.connect', 'connection.useLocal', 'connection.forget', 'connection.events',
  'session.login', 'session.logout', 'session.account',
] as const;
export type ConnectionCall = (typeof CONNECTION_CALLS)[number];
export const isConnectionCall = (name: unknown): name is ConnectionCall =>
  typeof name === 'string' && (CONNECTION_CALLS as readonly string[]).includes(name);

/** A board server's address as the administrator printed it: https only, no credentials, no path beyond '/'. */
export const serverUrlSchema = z.string().trim().max(300).transform((text, ctx) => {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not an address (for example https://board.hospital.local:8443)' });
    return z.NEVER;
  }
  if (url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: 'must start with https:// (a board server answers over HTTPS only)' });
    return z.NEVER;
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'must not contain a name or password' });
    return z.NEVER;
  }
  return `${url.origin}/`;
});

export const fingerprintSchema = z.string().trim().regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'must be a SHA-256 fingerprint (64 hexadecimal digits)')
  .transform((f) => f.replace(/:/g, '').toUpperCase().match(/../g)?.join(':') ?? f);

export const connectionStatusSchema = z.object({
  /** Where operations go: this computer's database, or the board server. */
  mode: z.enum(['local', 'server']),
  /** The pinned server (kept when switching back to local, so reconnecting needs no new confirmation). */
  url: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** False while the server cannot be reached (or presents another certificate). */
  online: z.boolean(),
  /** Why the server is refused or unreachable, in words (a changed certificate names both fingerprints). */
  problem: z.string().nullable(),
  account: signedInSchema.nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const probeInputSchema = z.strictObject({ url: serverUrlSchema });
export const probeResultSchema = z.object({
  url: z.string(),
  /** What the server presents now: the user compares it with what the administrator gave them. */
  fingerprint: z.string(),
  /** The fingerprint confirmed earlier for this address, when there is one. */
  pinned: z.string().nullable(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export const connectInputSchema = z.strictObject({ url: serverUrlSchema, fingerprint: fingerprintSchema });

/** One committed change as the board server's event stream tells it (`GET /api/events`). */
export const changeEventSchema = z.object({
  op: z.string(),
  entity: z.string(),
  id: z.union([z.number(), z.string()]),
  version: z.number().nullable(),
  actor: z.string(),
  at: z.string(),
});
export type ChangeNotice = z.infer<typeof changeEventSchema>;

/** The same change relayed by the desktop shell, numbered for its long poll. */
export const changeNoticeSchema = changeEventSchema.extend({ seq: z.number().int().nonnegative() });
export type SeqChangeNotice = z.infer<typeof changeNoticeSchema>;

/** Long poll: changes after `after` (null: from now on), waiting up to `wait_ms` when there are none yet. */
export const eventsInputSchema = z.strictObject({
  after: z.number().int().nonnegative().nullable(),
  wait_ms: z.number().int().min(0).max(25_000).default(20_000),
});
export const eventsResultSchema = z.object({
  events: z.array(changeNoticeSchema),
  /** The newest change known: pass it as `after` next time. */
  last: z.number().int().nonnegative(),
  online: z.boolean(),
  signed_in: z.boolean(),
});
export type EventsResult = z.infer<typeof eventsResultSchema>;
