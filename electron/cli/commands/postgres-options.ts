/**
 * `--postgres URL` for the commands that take it, and where its password comes from. A password written in the URL
 * on the command line is refused: command lines are visible to other users (`ps`) and kept in shell history. It
 * comes from PGPASSWORD, from the file named by TUMOUR_BOARD_PG_PASSWORD_FILE, or from ~/.pgpass (node-postgres reads
 * it), in that order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../command';

export const PG_PASSWORD_FILE_ENV = 'TUMOUR_BOARD_PG_PASSWORD_FILE';

export const postgresUrlArg = z.string({ message: 'is required (postgres://USER@HOST:PORT/DATABASE)' }).min(1).superRefine((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a URL like postgres://USER@HOST:5432/DATABASE?sslmode=verify-full' });
    return;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    ctx.addIssue({ code: 'custom', message: 'must start with postgres:// (e.g. postgres://USER@HOST:5432/DATABASE)' });
  } else if (!url.hostname && !url.searchParams.has('host')) {
    ctx.addIssue({ code: 'custom', message: 'names no server (postgres://USER@HOST:5432/DATABASE)' });
  } else if (url.password) {
    ctx.addIssue({
      code: 'custom',
      message: `holds a password: command lines are visible to other users and kept in shell history; remove it from the URL and set PGPASSWORD or ${PG_PASSWORD_FILE_ENV}=FILE instead`,
    });
  } else if (url.pathname.length <= 1) {
    ctx.addIssue({ code: 'custom', message: 'names no database (postgres://USER@HOST:5432/DATABASE)' });
  }
});

/** The password for the URL: PGPASSWORD, else the file in TUMOUR_BOARD_PG_PASSWORD_FILE; undefined lets node-postgres try ~/.pgpass. */
export function postgresPassword(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  const file = env[PG_PASSWORD_FILE_ENV];
  if (!file) return undefined;
  if (!existsSync(file)) throw new UsageError(`${PG_PASSWORD_FILE_ENV}: ${file} does not exist`);
  const text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (!text) throw new UsageError(`${PG_PASSWORD_FILE_ENV}: ${file} is empty`);
  return text;
}
