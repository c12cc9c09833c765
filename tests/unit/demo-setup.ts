/** Shared by the demo and benchmark generator tests: a migrated in-memory database and small query helpers. */
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { migrate } from '../../workers/db/migrations/index';

export const NOW = new Date('2025-06-15T08:00:00.000Z');
export const CJK = /[\u4e00-\u9fff]/;

let SQL: SqlJsStatic | null = null;

export async function loadSqlJs(): Promise<void> {
  SQL ??= await initSqlJs();
}

export function freshDb(): Database {
  if (!SQL) throw new Error('call loadSqlJs() in beforeAll first');
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

/** Runs a generator the way the persistence engine does: inside the caller's transaction. */
export function inTransaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: SqlValue[][] = [];
    while (stmt.step()) out.push(stmt.get());
    return out;
  } finally {
    stmt.free();
  }
}

export function scalar(db: Database, sql: string, params: SqlValue[] = []): number {
  return Number(rows(db, sql, params)[0]?.[0]);
}

export function expectHealthyRows(db: Database): { fk: SqlValue[][]; integrity: SqlValue[][] } {
  return { fk: rows(db, 'PRAGMA foreign_key_check'), integrity: rows(db, 'PRAGMA integrity_check') };
}
