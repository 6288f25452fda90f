import { describe, expect, it } from 'vitest';
import { toPostgres } from '../../../db/sql/placeholders';

describe('port SQL → PostgreSQL placeholders', () => {
  it('numbers ? placeholders in order', () => {
    expect(toPostgres('SELECT * FROM cases WHERE id = ? AND status IN (?, ?)', [4, 'draft', 'ready'])).toEqual({
      text: 'SELECT * FROM cases WHERE id = $1 AND status IN ($2, $3)',
      values: [4, 'draft', 'ready'],
    });
  });

  it('leaves ? and @ inside literals, quoted names, comments and dollar quotes alone', () => {
    const sql = `SELECT 'what? it''s @home', "odd?name", $$ body ? @x $$, $fn$ ? $fn$ -- trailing ?
      /* block ? @y */ FROM t WHERE a = ?`;
    const q = toPostgres(sql, [1]);
    expect(q.values).toEqual([1]);
    expect(q.text).toBe(sql.replace(/a = \?$/, 'a = $1'));
  });

  it('maps @name placeholders, one value per name even when used twice', () => {
    expect(toPostgres('INSERT INTO cases (created_at, updated_at, status) VALUES (@now, @now, @status)', { now: 'T', status: 'draft', unused: 1 })).toEqual({
      text: 'INSERT INTO cases (created_at, updated_at, status) VALUES ($1, $1, $2)',
      values: ['T', 'draft'],
    });
  });

  it('keeps PostgreSQL casts and sends undefined named values as NULL', () => {
    expect(toPostgres('SELECT @a::text, @b::int', { a: undefined, b: 2 })).toEqual({ text: 'SELECT $1::text, $2::int', values: [null, 2] });
    expect(() => toPostgres('SELECT @a, ?', { a: 1 })).toThrow('SQL has a ? placeholder but no positional values');
  });

  it('refuses a count mismatch and a missing name, naming the problem', () => {
    expect(() => toPostgres('SELECT ?, ?', [1])).toThrow('more ? placeholders than the 1 value(s) given');
    expect(() => toPostgres('SELECT ?', [1, 2])).toThrow('1 ? placeholder(s) but 2 value(s) were given');
    expect(() => toPostgres('SELECT @who', { other: 1 })).toThrow('missing value for @who');
  });
});
