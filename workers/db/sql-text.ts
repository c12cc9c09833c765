/**
 * The only two ways text other than bound parameters reaches SQL in this project, so a reviewer can check
 * them in one place: identifiers that come from the schema itself (sqlite_master, PRAGMA table_info —
 * never from user input or stored records), quoted; and integer PRAGMA values, which SQLite cannot bind.
 */
import type { Database } from 'sql.js';

/** Quotes a schema identifier (table, column, index, trigger name) for interpolation. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** PRAGMAs this project sets to integers; anything else is refused. */
type IntegerPragma = 'user_version' | 'cache_size';

export function setIntegerPragma(db: Database, pragma: IntegerPragma, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`PRAGMA ${pragma} needs an integer, got ${value}`);
  db.exec(`PRAGMA ${pragma} = ${value}`);
}
