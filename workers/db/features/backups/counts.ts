/**
 * Record counts shown next to a backup or a `.sqlite` file, so the user can tell "my 1,200 customers"
 * from "an almost empty file" before anything is replaced.
 */
import type { Database } from 'sql.js';
import { countRows } from '../../sql-text';
import type { RecordCounts } from './api';

/** The business tables a user recognises, in the order the UI lists them. */
export const COUNTED_TABLES = [
  'customers',
  'contacts',
  'leads',
  'opportunities',
  'orders',
  'activities',
  'cases',
  'products',
  'users',
] as const;

/** Rows of each counted table that exists in `db` (a foreign file may lack some). */
export function countRecords(db: Database): RecordCounts {
  const present = new Set(
    (db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values ?? []).map((row) =>
      String(row[0]),
    ),
  );
  const counts: RecordCounts = {};
  for (const table of COUNTED_TABLES) {
    if (!present.has(table)) continue;
    counts[table] = countRows(db, table);
  }
  return counts;
}
