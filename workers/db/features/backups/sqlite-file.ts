/**
 * Validates a `.sqlite` file before it may replace or be merged into the workspace. Each refusal is a
 * DomainError with its own code, and nothing outside the returned in-memory copy is touched:
 *   not_sqlite        — the bytes do not start with "SQLite format 3\0";
 *   damaged_file      — sql.js cannot read it, or `PRAGMA integrity_check` is not "ok";
 *   foreign_database  — a SQLite file, but not this app's (no customers/contacts/users, or other columns);
 *   newer_file        — saved by a newer version of the app (schema version above the code's);
 *   broken_references — `PRAGMA foreign_key_check` finds rows pointing at missing rows;
 *   migration_failed  — an older file that the numbered migrations cannot bring up to date.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { DomainError } from '../../errors';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../migrations';

const HEADER = 'SQLite format 3\0';
/** Tables and columns every version of this app's schema has had; without them the file is something else. */
const CORE_COLUMNS: Record<string, string[]> = {
  users: ['id', 'name', 'email', 'role'],
  customers: ['id', 'kind', 'name', 'stage', 'owner_id', 'phone', 'email'],
  contacts: ['id', 'customer_id', 'name', 'phone', 'email', 'is_primary'],
};

export interface OpenedFile {
  db: Database;
  /** The file's schema version before migrating. */
  fileSchemaVersion: number;
}

export function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false; // the header alone is 100 bytes
  for (let index = 0; index < HEADER.length; index++)
    if (bytes[index] !== HEADER.charCodeAt(index)) return false;
  return true;
}

function tableColumns(db: Database): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  const names = db.exec(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
  );
  for (const [name] of names[0]?.values ?? []) {
    const table = String(name);
    // The name comes from the chosen file, so it is bound (pragma_table_info takes it as a parameter).
    const columns = db.exec('SELECT name FROM pragma_table_info(?)', [table])[0]?.values ?? [];
    tables.set(table, new Set(columns.map((column) => String(column[0]))));
  }
  return tables;
}

let expectedSchema: Map<string, Set<string>> | null = null;

/** Tables and columns the code's schema has, from a freshly migrated empty database. */
function expectedTables(SQL: SqlJsStatic): Map<string, Set<string>> {
  if (!expectedSchema) {
    const fresh = new SQL.Database();
    try {
      migrate(fresh);
      expectedSchema = tableColumns(fresh);
    } finally {
      fresh.close();
    }
  }
  return expectedSchema;
}

/** The first table or column the code needs that `db` lacks, or null. */
function missingFromSchema(SQL: SqlJsStatic, db: Database): string | null {
  const actual = tableColumns(db);
  for (const [table, columns] of expectedTables(SQL)) {
    const present = actual.get(table);
    if (!present) return `table ${table}`;
    for (const column of columns) if (!present.has(column)) return `column ${table}.${column}`;
  }
  return null;
}

function readable(db: Database): string[] {
  return (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) => String(row[0]));
}

/**
 * Opens `bytes` in memory, validates it and migrates it to the code's schema. The caller owns (and must
 * close) the returned database; on a refusal it is already closed.
 */
export function openDatabaseFile(SQL: SqlJsStatic, bytes: Uint8Array): OpenedFile {
  if (!hasSqliteHeader(bytes))
    throw new DomainError('not_sqlite', 'the file does not start with the SQLite header');
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    throw new DomainError('damaged_file', `SQLite cannot open the file: ${(error as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = readable(db);
    } catch (error) {
      throw new DomainError('damaged_file', `SQLite cannot read the file: ${(error as Error).message}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok')
      throw new DomainError('damaged_file', `integrity check: ${integrity.slice(0, 3).join('; ')}`);
    const tables = tableColumns(db);
    for (const [table, columns] of Object.entries(CORE_COLUMNS)) {
      const present = tables.get(table);
      if (!present) throw new DomainError('foreign_database', `the file has no ${table} table`);
      const missing = columns.filter((column) => !present.has(column));
      if (missing.length > 0)
        throw new DomainError('foreign_database', `${table} lacks ${missing.join(', ')}`);
    }
    const fileSchemaVersion = schemaVersion(db);
    if (fileSchemaVersion > LATEST_SCHEMA_VERSION) {
      throw new DomainError(
        'newer_file',
        `schema version ${fileSchemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}`,
      );
    }
    if (fileSchemaVersion < 1)
      throw new DomainError('foreign_database', 'no schema version (user_version 0)');
    const orphans = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
    if (orphans.length > 0) {
      const first = orphans[0]!;
      throw new DomainError(
        'broken_references',
        `${orphans.length} row(s) point at missing rows (first: ${String(first[0])} row ${String(first[1])} → ${String(first[2])})`,
      );
    }
    try {
      migrate(db);
    } catch (error) {
      throw new DomainError('migration_failed', (error as Error).message);
    }
    const missing = missingFromSchema(SQL, db);
    if (missing) throw new DomainError('foreign_database', `the file has no ${missing}`);
    return { db, fileSchemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}
