/**
 * The messages between the relay (Electron's main process, or any Node thread hosting a UI transport) and a core
 * (the app context and its dispatcher, in an Electron utility process or a worker thread). Plain data only: every
 * message is structured-cloned across a MessagePort. Both ends check what they receive with zod (a process
 * boundary like IPC or HTTP), the envelope only: the operation's input and output are the dispatcher's to check.
 *
 * Two cores run side by side on the same file (SQLite WAL lets a reader work while another connection writes):
 * the `interactive` core answers the windows; the `jobs` core runs the long operations (LONG_OPERATIONS) and the
 * automatic backups, so a 10,000-row import or a `VACUUM INTO` never makes a window, or `app.info`, wait.
 */
import { z } from 'zod';
import { API_ERROR_CODES, USER_ROLES, TRANSPORTS } from '../../shared/api';

/**
 * Operations that may take seconds on a large database; the relay sends them to the jobs core. Restores are not
 * here: they swap the interactive core's connection (the relay waits for running jobs first, then restarts the
 * jobs core on the restored file).
 */
export const LONG_OPERATIONS: readonly string[] = [
  'imports.csvPreview', 'imports.csvImport', 'imports.fhirPreview', 'imports.fhirImport',
  'backups.create', 'backups.export', 'exports.registry', 'db.check', 'audit.verify', 'demo.seed',
];

/** Operations after which the jobs core must reopen the file (it was replaced). */
export const RESTORE_OPERATIONS: readonly string[] = ['backups.restore', 'backups.restoreFile'];

/** What the main process can do for a core: the host capabilities that need a window or the desktop. */
export const HOST_REQUESTS = ['renderPdf', 'choosePath', 'chooseFile', 'revealFile', 'openFile'] as const;
export type HostRequestName = (typeof HOST_REQUESTS)[number];

const actorSchema = z.object({ label: z.string(), profileId: z.number().int().nullable(), role: z.enum(USER_ROLES) }).strict();

export const coreInitSchema = z.object({
  role: z.enum(['interactive', 'jobs']),
  dbPath: z.string().min(1),
  /** The database key (null: a plain file). Never logged. */
  key: z.string().nullable(),
  transport: z.enum(TRANSPORTS),
  /** The seat's name (the OS user): who acts until a profile is chosen. */
  seat: z.string().min(1),
  demoIfMissing: z.boolean().default(false),
  demoCases: z.number().int().positive().optional(),
  /** The jobs core of the desktop runs the automatic backup schedule. */
  autoBackups: z.boolean().default(false),
}).strict();
export type CoreInit = z.input<typeof coreInitSchema>;

/** Relay → core. */
export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), init: coreInitSchema }),
  /** An operation. `actor` set: the relay resolved it (a job); else the core resolves it from the session. */
  z.object({ type: z.literal('call'), id: z.number().int(), name: z.unknown(), input: z.unknown(), session: z.string(), actor: actorSchema.optional() }),
  /** Who acts in `session` (asked of the interactive core before a job is sent to the jobs core). */
  z.object({ type: z.literal('actor'), id: z.number().int(), session: z.string() }),
  z.object({
    type: z.literal('host-reply'), id: z.number().int(), ok: z.boolean(), value: z.unknown().optional(),
    /** A refusal: its message, and its code when it was a DomainError (e.g. READ_ONLY: no file picker here). */
    message: z.string().optional(), code: z.enum(API_ERROR_CODES).optional(),
  }),
  z.object({ type: z.literal('close'), id: z.number().int() }),
]);
export type ToCore = z.input<typeof toCoreSchema>;

/** Core → relay. */
export const fromCoreSchema = z.discriminatedUnion('type', [
  /** `process`: where the core runs ('utility' in an Electron utility process, 'worker' in a worker thread). */
  z.object({ type: z.literal('ready'), process: z.string(), pid: z.number().int(), createdDemo: z.boolean() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ type: z.literal('actor'), id: z.number().int(), actor: actorSchema }),
  z.object({ type: z.literal('host'), id: z.number().int(), request: z.enum(HOST_REQUESTS), args: z.array(z.unknown()) }),
  z.object({ type: z.literal('log'), message: z.string() }),
  z.object({ type: z.literal('progress'), task: z.string(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('closed'), id: z.number().int() }),
]);
export type FromCore = z.infer<typeof fromCoreSchema>;

/**
 * One end of a MessagePort, whatever carries it: Electron's MessagePortMain / parentPort (data in `event.data`)
 * or a worker_threads port (the value itself). The adapters live with their host (shell/core-process.ts,
 * core/worker.ts).
 */
export interface Channel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
}
