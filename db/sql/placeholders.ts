/**
 * Port SQL → PostgreSQL parameters: `?` (positional) and `@name` (named) become `$1, $2 …` outside string
 * literals, quoted identifiers, dollar-quoted bodies and comments. A named parameter used twice is sent once.
 */
import type { SqlParams, SqlValue } from './port';

export interface PgQuery {
  text: string;
  values: SqlValue[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/** Rewrites placeholders and orders the values to match; throws naming a missing named value. */
export function toPostgres(sql: string, params?: SqlParams): PgQuery {
  const positional = Array.isArray(params) ? (params as readonly SqlValue[]) : null;
  const named = params !== undefined && !Array.isArray(params) ? (params as Readonly<Record<string, SqlValue | undefined>>) : null;
  const values: SqlValue[] = [];
  const slots = new Map<string, number>();
  let out = '';
  let next = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i] ?? '';
    const two = sql.slice(i, i + 2);
    if (ch === "'" || ch === '"') {
      // A literal or a quoted identifier; a doubled quote inside stays inside.
      let j = i + 1;
      while (j < n) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (two === '--') {
      const end = sql.indexOf('\n', i);
      const j = end === -1 ? n : end;
      out += sql.slice(i, j);
      i = j;
    } else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      const j = end === -1 ? n : end + 2;
      out += sql.slice(i, j);
      i = j;
    } else if (ch === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      // Dollar quoting ($$ … $$ or $tag$ … $tag$), as in PL/pgSQL bodies.
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0] ?? '$$';
      const end = sql.indexOf(tag, i + tag.length);
      const j = end === -1 ? n : end + tag.length;
      out += sql.slice(i, j);
      i = j;
    } else if (ch === '?') {
      if (!positional) throw new Error(`SQL has a ? placeholder but no positional values: ${sql.slice(0, 80)}`);
      if (next >= positional.length) throw new Error(`SQL has more ? placeholders than the ${positional.length} value(s) given: ${sql.slice(0, 80)}`);
      values.push(positional[next] ?? null);
      next++;
      out += `$${values.length}`;
      i++;
    } else if (ch === '@' && NAME_START.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && NAME_PART.test(sql[j] ?? '')) j++;
      const key = sql.slice(i + 1, j);
      if (!named) throw new Error(`SQL has the named placeholder @${key} but no named values`);
      if (!(key in named)) throw new Error(`missing value for @${key}`);
      let slot = slots.get(key);
      if (slot === undefined) {
        values.push(named[key] ?? null);
        slot = values.length;
        slots.set(key, slot);
      }
      out += `$${slot}`;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  if (positional && next !== positional.length) {
    throw new Error(`SQL has ${next} ? placeholder(s) but ${positional.length} value(s) were given: ${sql.slice(0, 80)}`);
  }
  return { text: out, values };
}
