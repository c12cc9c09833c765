/**
 * Numbered schema migrations, tracked in `PRAGMA user_version`.
 *
 * Each migration runs in its own transaction together with the version bump, so a failure leaves the
 * database exactly at the previous version. Foreign-key enforcement is switched off while migrating (the
 * pragma is a no-op inside a transaction, and SQLite's recipe for rebuilding a table requires it off) and
 * `PRAGMA foreign_key_check` must come back empty before a migration commits.
 * Migration files must not contain BEGIN/COMMIT.
 */
import type { Database } from 'sql.js';
import { NewerSchemaError } from '../errors';
import { setIntegerPragma } from '../sql-text';
import initialPeople from './001-initial-people.sql?raw';
import initialSales from './001-initial-sales.sql?raw';
import initialService from './001-initial-service.sql?raw';
import imports from './002-imports.sql?raw';
import savedQueries from './003-saved-queries.sql?raw';
import search from './004-search.sql?raw';
import merges from './005-merges.sql?raw';
import caseArticles from './006-case-articles.sql?raw';
import analytics from './007-analytics.sql?raw';
import workflow from './008-workflow.sql?raw';
import outreach from './009-outreach.sql?raw';
import approvals from './010-approvals.sql?raw';
import salesIndex from './011-sales-index.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Only CREATE INDEX statements (checked): an index cannot break a foreign key, and the whole-database
   * `foreign_key_check` costs 15–20 s at 1,000,000 customers on the first open after an upgrade.
   */
  indexesOnly?: true;
}

/** The statements of `sql` without comments are all CREATE [UNIQUE] INDEX. */
function onlyCreatesIndexes(sql: string): boolean {
  const statements = sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return statements.length > 0 && statements.every((s) => /^CREATE\s+(UNIQUE\s+)?INDEX\s/i.test(s));
}

/** Version 1 is one migration split by domain into three files so each fits on a few screens. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: [initialPeople, initialSales, initialService].join('\n') },
  { version: 2, name: 'imports', sql: imports },
  { version: 3, name: 'saved-queries', sql: savedQueries },
  { version: 4, name: 'search', sql: search },
  { version: 5, name: 'merges', sql: merges },
  { version: 6, name: 'case-articles', sql: caseArticles },
  { version: 7, name: 'analytics', sql: analytics },
  { version: 8, name: 'workflow', sql: workflow },
  { version: 9, name: 'outreach', sql: outreach },
  { version: 10, name: 'approvals', sql: approvals },
  { version: 11, name: 'sales-index', sql: salesIndex, indexesOnly: true },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

/**
 * Brings `db` up to the newest version in `migrations` (a parameter so tests can inject a broken one).
 * Must not be called inside an open transaction.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const from = schemaVersion(db);
  if (from > latest) throw new NewerSchemaError(from, latest);

  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from };

  const foreignKeys = Number(db.exec('PRAGMA foreign_keys')[0]?.values[0]?.[0] ?? 0) === 1;
  if (foreignKeys) db.exec('PRAGMA foreign_keys = OFF');
  try {
    for (const m of pending) {
      if (!Number.isInteger(m.version) || m.version < 1)
        throw new Error(`Bad migration version ${m.version}`);
      if (m.indexesOnly && !onlyCreatesIndexes(m.sql))
        throw new Error(`Migration ${m.version} (${m.name}) is marked indexesOnly but does more`);
      db.exec('BEGIN');
      try {
        db.exec(m.sql);
        const violations = m.indexesOnly ? [] : db.exec('PRAGMA foreign_key_check');
        if (violations.length > 0) {
          throw new Error(`leaves ${violations[0]?.values.length ?? 0} foreign-key violation(s)`);
        }
        setIntegerPragma(db, 'user_version', m.version);
        db.exec('COMMIT');
      } catch (error) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // SQLite already rolled back (some errors end the transaction themselves).
        }
        const detail = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${m.version} (${m.name}) failed: ${detail}`, { cause: error });
      }
    }
  } finally {
    if (foreignKeys) db.exec('PRAGMA foreign_keys = ON');
  }
  return { from, to: schemaVersion(db) };
}
