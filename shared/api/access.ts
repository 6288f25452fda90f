/**
 * Who may call what: the roles of the contract, who is acting in one call (`CallContext.actor`), and the one
 * check (`requireRole`). Authentication is the transport's job (Electron window, loopback token, CLI run, a
 * board server's session): it resolves the caller ONCE into `ctx.actor` before dispatching. Authorisation is the
 * dispatcher's: it compares `ctx.actor.role` with the roles the operation declares, before any input is looked
 * at or any business rule runs. No actor → UNAUTHENTICATED (HTTP 401); a role not allowed → FORBIDDEN (403).
 *
 * Local single-seat mode (the desktop app, the loopback browser host, the CLI): the person at the machine owns
 * the database file. Until they choose a profile they act as the seat itself with the `admin` role (cases,
 * imports, backups, restore, profiles, as before); once a profile is chosen (`profiles.select`, PIN checked)
 * they act as that profile, with its role and name in every audit row. The CLI acts as the local operator
 * (`admin`, named after the OS user) unless `--as NAME` chooses a profile.
 */
import { DomainError } from '../errors';

/** Roles a caller can hold. Board profiles are chair, coordinator or member; `admin` runs the installation. */
export const USER_ROLES = ['admin', 'coordinator', 'chair', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What an operation declares: any signed-in caller, or only these roles. */
export type Access = 'signed-in' | readonly UserRole[];

/** Any signed-in caller (reads). */
export const SIGNED_IN = 'signed-in';

/** The role groups of the contract (see each area's module for who may call what). */
export const ROLE_GROUPS = {
  /** Case edits and imports. */
  caseEditors: ['coordinator', 'admin'],
  /** Preparing and running meetings: boards, the agenda, starting and concluding. */
  organisers: ['coordinator', 'chair'],
  /** Recording and amending decisions. */
  deciders: ['chair', 'coordinator'],
  /** Signing (and reopening) a meeting. */
  chair: ['chair'],
  /** Follow-up of the board's actions: any board member. */
  board: ['coordinator', 'chair', 'member'],
  /** Outcomes after treatment: the board, and the local seat before a profile is chosen. */
  outcomes: ['coordinator', 'chair', 'member', 'admin'],
  /** Creating profiles (the board's people). */
  people: ['admin', 'coordinator', 'chair'],
  /** Backups and the de-identified registry export. */
  data: ['admin', 'coordinator'],
  /** Restore, database checks, demo data. */
  admin: ['admin'],
} as const satisfies Record<string, readonly UserRole[]>;

/** `network`: a board server (`serve --network`), where the actor is the signed-in account. */
export const TRANSPORTS = ['electron', 'browser-host', 'cli', 'network'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** Who acts in one call: the label written to audit rows and records, the profile (if any), the role checked. */
export interface Actor {
  label: string;
  profileId: number | null;
  role: UserRole;
}

/** What a transport hands the dispatcher with each call. */
export interface CallContext {
  transport: Transport;
  /** The caller's session (the acting profile is kept per session): one per window, host run, CLI run or login. */
  session: string;
  /** Resolved by the transport; null when nobody is signed in (every operation then answers UNAUTHENTICATED). */
  actor: Actor | null;
}

/** What a handler receives: the dispatcher has checked that someone allowed is acting. */
export interface ActingContext extends CallContext {
  actor: Actor;
}

const ROLE_WORDS: Record<UserRole, string> = { admin: 'administrator', coordinator: 'coordinator', chair: 'chair', member: 'member' };

const either = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;

export const allows = (access: Access, role: UserRole): boolean => access === SIGNED_IN || access.includes(role);

/**
 * Throws UNAUTHENTICATED when nobody acts, FORBIDDEN when the actor's role is not among `roles`; the message says
 * who may, in words (a seat without a chosen profile is told to choose one).
 */
export function requireRole(ctx: CallContext, roles: Access): asserts ctx is ActingContext {
  const actor = ctx.actor;
  if (actor === null) throw new DomainError('UNAUTHENTICATED', 'sign in first');
  if (roles === SIGNED_IN || roles.includes(actor.role)) return;
  const who = `only the ${either(roles.map((r) => ROLE_WORDS[r]))} can do this`;
  if (actor.profileId === null && ctx.transport !== 'cli' && ctx.transport !== 'network' && roles.some((r) => r !== 'admin')) {
    throw new DomainError('FORBIDDEN', `${who}: choose who is acting (select your profile) first`);
  }
  throw new DomainError('FORBIDDEN', `${who}; ${actor.label} acts as ${ROLE_WORDS[actor.role]}`);
}
