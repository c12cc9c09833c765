/**
 * The only ways text other than bound parameters reaches SQL in this project, so a reviewer can check
 * them in one place: table and column names — from the code's own lists or this database's schema
 * (sqlite_master), always quoted — where SQLite cannot bind a name; and integer PRAGMA values, which it
 * cannot bind either. Callers outside this file that build statements from several names (change
 * capture, the import's column lists) quote every name with {@link quoteIdentifier}.
 */
import type { Database, Statement } from 'sql.js';

/** Quotes a schema identifier (table, column, index, trigger name) for interpolation. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Rows in `table` (a name from the code's own list or this database's schema). */
export function countRows(db: Database, table: string, schema: 'main' | 'temp' = 'main'): number {
  return Number(db.exec(`SELECT count(*) FROM ${schema}.${quoteIdentifier(table)}`)[0]?.values[0]?.[0] ?? 0);
}

/** A statement deleting the rows of `table` whose id is between its two bound parameters. */
export function prepareDeleteIdRange(db: Database, table: string): Statement {
  return db.prepare(`DELETE FROM main.${quoteIdentifier(table)} WHERE id BETWEEN ? AND ?`);
}

/** PRAGMAs this project sets to integers; anything else is refused (at run time too, not only by type). */
const INTEGER_PRAGMAS = ['user_version', 'cache_size'] as const;
type IntegerPragma = (typeof INTEGER_PRAGMAS)[number];

export function setIntegerPragma(db: Database, pragma: IntegerPragma, value: number): void {
  if (!INTEGER_PRAGMAS.includes(pragma)) throw new RangeError(`PRAGMA ${String(pragma)} is not settable`);
  if (!Number.isSafeInteger(value)) throw new RangeError(`PRAGMA ${pragma} needs an integer, got ${value}`);
  db.exec(`PRAGMA ${pragma} = ${value}`);
}
