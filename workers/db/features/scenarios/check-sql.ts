/**
 * Exercise checks: SQL assertions from a scenario file, run against the trainee's data. The file comes from
 * a web server, so its SQL is treated as untrusted:
 * - the shape is checked first: one SELECT, at most 4,000 characters, and no WITH (a common table
 *   expression is the only way a query can loop; SQLite treats a self-referencing CTE as recursive even
 *   without the RECURSIVE keyword);
 * - it runs like the SQL console's reads (features/sql): one prepared statement, under
 *   `PRAGMA query_only = ON`, so even a write hidden where the shape check cannot see it is refused by
 *   SQLite itself;
 * - only the first row is read;
 * - sql.js exposes no progress handler to interrupt a statement, so time is bounded after the fact: a check
 *   that ever takes longer than {@link SLOW_CHECK_MS} is not run again for that load, and says so.
 */
import type { Database, SqlValue } from 'sql.js';
import { readOnly } from '../sql/console';
import { skipTrivia, sqlError, withSingleStatement } from '../sql/statement-guard';

const MAX_CHECK_CHARS = 4000;
export const SLOW_CHECK_MS = 250;

/** Removes comments, string literals and quoted names, so keywords are looked for in the SQL itself. */
function codeOnly(sql: string): string {
  return sql.replace(
    /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?/g,
    ' ',
  );
}

/** Why `sql` cannot be an exercise check, or null when its shape is fine. */
export function checkSqlShape(sql: string): string | null {
  if (sql.length > MAX_CHECK_CHARS) return `is longer than ${MAX_CHECK_CHARS} characters`;
  const code = codeOnly(skipTrivia(sql));
  if (/\b(?:WITH|RECURSIVE)\b/i.test(code)) return 'may not use WITH (a query that could loop)';
  if (!/^\s*SELECT\b/i.test(code)) return 'must be one SELECT query';
  return null;
}

const truthy = (value: SqlValue | undefined): boolean =>
  (typeof value === 'number' && value !== 0) || (typeof value === 'string' && /^\s*[1-9]\d*\s*$/.test(value));

/**
 * Runs one check read-only: passes when its first row's first column is a non-zero number. Throws a
 * DomainError ('sql_error', 'sql_one_statement', 'sql_read_only') for SQL that fails.
 */
export function runCheck(db: Database, sql: string): boolean {
  return readOnly(db, () =>
    withSingleStatement(db, sql, (stmt) => {
      try {
        return stmt.step() && truthy(stmt.get()[0]);
      } catch (error) {
        throw sqlError(error);
      }
    }),
  );
}
