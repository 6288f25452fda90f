/**
 * `tumour-board users add|list|disable|enable|reset-password`: the accounts of a board server, administered on the
 * server machine (whoever may open the database file is its administrator). Goes through the dispatcher like every
 * front end. A password is read from standard input (--password-stdin) or typed at a hidden prompt; it is never
 * taken from the command line (it would sit in the shell history and the process list) and never printed.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { ACCOUNT_ROLES, type Account } from '../../../shared/domain/accounts';
import { ACCOUNT_ROLE_LABELS } from '../../../shared/vocabulary/accounts';
import { SPECIALTIES } from '../../../shared/domain/meeting';
import { callLocal, openAppContext } from '../../app/context';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';

const ACTIONS = ['add', 'list', 'disable', 'enable', 'reset-password'] as const;
type Action = (typeof ACTIONS)[number];

/** Asks for a password on the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readPassword(fromStdin: boolean, io: CliIO): Promise<string> {
  if (fromStdin) {
    // One line: a trailing newline (echo "…" | …) is not part of the password.
    return (await io.readStdin()).replace(/\r?\n$/, '');
  }
  if (!process.stdin.isTTY) throw new UsageError('give the password on standard input with --password-stdin (never as an argument)');
  const first = await promptHidden('New password (at least 12 characters): ');
  const again = await promptHidden('The same password again: ');
  if (first !== again) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}

function describe(a: Account, now = new Date().toISOString()): string {
  const state = a.disabled ? 'disabled' : a.locked_until && a.locked_until > now ? `locked until ${a.locked_until.slice(0, 16).replace('T', ' ')} UTC` : 'active';
  return `${a.name}\t${ACCOUNT_ROLE_LABELS[a.role]}\t${state}\tsince ${a.created_at.slice(0, 10)}`;
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'accounts of a board server (add, list, disable, enable, reset-password)',
  usage: `tumour-board users add|list|disable|enable|reset-password --db FILE | --postgres URL [--name NAME] [--role ROLE] [--password-stdin]

Accounts sign in to a board server (tumour-board serve --network). Roles:
  admin        accounts and restores          coordinator  case edits, imports, agenda, decisions
  chair        decisions and signing          member       reads the board's cases and meetings
add             --name NAME --role ROLE [--specialty S] (password: at least 12 characters)
list            every account with its role and whether it is active, disabled or locked
disable/enable  --name NAME (disabling signs the account out everywhere)
reset-password  --name NAME (also lifts a lock and signs the account out everywhere)
--password-stdin  read the password from standard input (one line); otherwise it is asked for, hidden.
                  A password is never given as an argument and never printed.
--specialty     for a clinician's meeting profile: ${SPECIALTIES.join(', ')}`,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (!ACTIONS.includes(action as Action)) throw new UsageError(`say what to do: ${ACTIONS.join(', ')}`);
    const { values } = parseCommandArgs(
      rest,
      { ...STORE_OPTIONS, name: { type: 'string' }, role: { type: 'string' }, specialty: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      z.object({
        ...storeFields,
        name: z.string().trim().min(1).max(100).optional(),
        role: z.enum(ACCOUNT_ROLES, { message: `must be one of ${ACCOUNT_ROLES.join(', ')}` }).optional(),
        specialty: z.enum(SPECIALTIES, { message: `must be one of ${SPECIALTIES.join(', ')}` }).optional(),
        'password-stdin': z.boolean().default(false),
      }),
    );
    const store = storeOf(values, { mustExist: action !== 'add' });
    if (action !== 'list' && values.name === undefined) throw new UsageError('--name: is required');
    if (action === 'add' && values.role === undefined) throw new UsageError(`--role: is required (${ACCOUNT_ROLES.join(', ')})`);
    const password = action === 'add' || action === 'reset-password' ? await readPassword(values['password-stdin'], io) : '';
    const ctx = store.kind === 'postgres' ? openAppContext({ postgres: store.connection, transport: 'cli' }) : openAppContext({ dbPath: store.file, transport: 'cli' });
    // On the server machine, whoever may open the database file acts as its administrator.
    const dispatch = callLocal(ctx, 'cli', `${userInfo().username} (command line)`);
    try {
      const name = values.name ?? '';
      const result = action === 'list' ? await dispatch('users.list', {})
        : action === 'add' ? await dispatch('users.add', { name, role: values.role, password, ...(values.specialty ? { specialty: values.specialty } : {}) })
          : action === 'reset-password' ? await dispatch('users.resetPassword', { name, password })
            : await dispatch(action === 'disable' ? 'users.disable' : 'users.enable', { name });
      if (!result.ok) {
        const field = result.error.field === 'password' ? 'password' : result.error.field ? `--${result.error.field}` : null;
        io.err(`tumour-board users ${action}: ${field && !result.error.message.startsWith(field) ? `${field}: ` : ''}${result.error.message}`);
        return result.error.code === 'VALIDATION' ? 2 : 1;
      }
      if (action === 'list') {
        const accounts = result.value as Account[];
        if (accounts.length === 0) io.out('no accounts yet: add one with tumour-board users add --db FILE --name NAME --role admin');
        for (const a of accounts) io.out(describe(a));
        return 0;
      }
      const account = result.value as Account;
      const done: Record<Exclude<Action, 'list'>, string> = {
        add: `added ${account.name} (${ACCOUNT_ROLE_LABELS[account.role]})`,
        disable: `disabled ${account.name}; their sessions have ended`,
        enable: `enabled ${account.name}`,
        'reset-password': `set a new password for ${account.name}; their sessions have ended`,
      };
      io.out(done[action as Exclude<Action, 'list'>]);
      return 0;
    } finally {
      ctx.close();
    }
  },
};
