/**
 * The few SQL expressions that differ between the engines, written once here so a repository keeps one
 * statement with the variant inside it (never a second copy of a rule).
 */
import { sqlDb, type DbLike } from './port';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a JSON key the SQL helpers accept: ${key}`);
  return key;
}

/** A top-level JSON member of a TEXT column as text (objects and arrays as JSON text), NULL when absent. */
export function jsonText(db: DbLike, column: string, key: string): string {
  const k = checkedKey(key);
  return sqlDb(db).dialect === 'postgres' ? `(${column}::jsonb ->> '${k}')` : `json_extract(${column}, '$.${k}')`;
}

/** A top-level JSON member of a TEXT column as a number, NULL when absent. */
export function jsonNumber(db: DbLike, column: string, key: string): string {
  const k = checkedKey(key);
  return sqlDb(db).dialect === 'postgres' ? `(${column}::jsonb ->> '${k}')::double precision` : `json_extract(${column}, '$.${k}')`;
}

/** True when some element of the JSON array in `column` has member `key` compared by `op` with one parameter. */
export function jsonArraySome(db: DbLike, column: string, key: string, op: '<=' | '>=' | '='): string {
  const k = checkedKey(key);
  return sqlDb(db).dialect === 'postgres'
    ? `EXISTS (SELECT 1 FROM jsonb_array_elements(${column}::jsonb) j WHERE j ->> '${k}' ${op} ?)`
    : `EXISTS (SELECT 1 FROM json_each(${column}) j WHERE json_extract(j.value, '$.${k}') ${op} ?)`;
}
