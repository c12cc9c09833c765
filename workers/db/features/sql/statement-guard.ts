/**
 * Decides what a console statement may do before it runs. Two layers: this lexical check refuses anything
 * that is not a query (DDL, ATTACH, transaction control, PRAGMAs that set something) with a clear message,
 * and reads then run under `PRAGMA query_only = ON`, so a write hidden where the lexer cannot see it
 * (`WITH … DELETE`) is still refused by SQLite itself.
 */
import type { Database, Statement } from 'sql.js';
import { DomainError } from '../../errors';

export type StatementKind = 'read' | 'change' | 'refused';

/** Skips whitespace, `-- …` and `/* … *\/` comments and stray semicolons at the start of `sql`. */
export function skipTrivia(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^[\s;]+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end < 0 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      return trimmed;
    }
  }
}

/** PRAGMAs that take a name in parentheses and only report (`PRAGMA table_info(customers)`). */
const REPORTING_PRAGMAS = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_list',
  'index_info',
  'index_xinfo',
  'foreign_key_list',
  'foreign_key_check',
  'integrity_check',
  'quick_check',
]);

/**
 * `read`: SELECT, VALUES, WITH, EXPLAIN and PRAGMAs that only report; `change`: INSERT, UPDATE, DELETE,
 * REPLACE (allowed only when the user switched changes on); everything else is `refused`.
 */
export function classifyStatement(sql: string): StatementKind {
  const text = skipTrivia(sql);
  const keyword = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase() ?? '';
  if (['SELECT', 'VALUES', 'WITH', 'EXPLAIN'].includes(keyword)) return 'read';
  if (['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(keyword)) return 'change';
  if (keyword !== 'PRAGMA') return 'refused';
  // PRAGMA [schema.]name, PRAGMA name(arg) or PRAGMA name = value; only the first two can be reads.
  const pragma = /^PRAGMA\s+(?:\w+\s*\.\s*)?(\w+)\s*(\(|=)?/i.exec(text);
  if (!pragma) return 'refused';
  const [, name = '', argument] = pragma;
  if (argument === '=') return 'refused';
  if (argument === '(') return REPORTING_PRAGMAS.has(name.toLowerCase()) ? 'read' : 'refused';
  return 'read';
}

export class ReadOnlyRefusal extends DomainError {
  constructor(detail: string) {
    super('sql_read_only', `The SQL console is read-only: ${detail}`);
  }
}

/**
 * Prepares exactly one statement and hands it to `use`, freeing it afterwards. Throws 'sql_one_statement'
 * for none or several, 'sql_error' with SQLite's message when it does not compile.
 */
export function withSingleStatement<T>(db: Database, sql: string, use: (stmt: Statement) => T): T {
  if (skipTrivia(sql) === '') throw new DomainError('sql_one_statement', 'Enter an SQL statement.');
  let iterator;
  let first;
  try {
    iterator = db.iterateStatements(sql);
    first = iterator.next();
  } catch (error) {
    throw sqlError(error);
  }
  try {
    if (first.done) throw new DomainError('sql_one_statement', 'Enter an SQL statement.');
    if (skipTrivia(iterator.getRemainingSQL()) !== '') {
      throw new DomainError(
        'sql_one_statement',
        'Run one statement at a time; remove the statements after the first.',
      );
    }
    return use(first.value);
  } finally {
    // Frees the statement and the copied SQL text (missing from @types/sql.js, present in sql.js 1.16).
    (iterator as unknown as { return(): void }).return();
  }
}

/** SQLite's own words for a failed statement; a refused write becomes the console's read-only refusal. */
export function sqlError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/readonly database|query_only/i.test(message)) return new ReadOnlyRefusal(message);
  return new DomainError('sql_error', message);
}
