/**
 * Prepared-statement helpers shared by the repositories: every statement is freed in `finally`, because a
 * leaked sql.js statement keeps wasm memory and blocks `db.close()`.
 */
import type { BindParams, Database, SqlValue } from 'sql.js';

export type Row = Record<string, SqlValue>;

export function all(db: Database, sql: string, params: BindParams = []): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

export function one(db: Database, sql: string, params: BindParams = []): Row | null {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    return stmt.step() ? stmt.getAsObject() : null;
  } finally {
    stmt.free();
  }
}

/** Runs a write; returns the number of rows it changed directly (cascaded rows are not counted). */
export function run(db: Database, sql: string, params: BindParams = []): number {
  const stmt = db.prepare(sql);
  try {
    stmt.run(params);
    return db.getRowsModified();
  } finally {
    stmt.free();
  }
}

export function exists(db: Database, table: 'users' | 'customers' | 'contacts', id: number): boolean {
  return one(db, `SELECT 1 FROM ${table} WHERE id = ?`, [id]) !== null;
}

/**
 * Runs several statements atomically. A savepoint, not BEGIN, because the persistence engine may already
 * hold a transaction around the whole mutation.
 */
export function atomically<T>(db: Database, fn: () => T): T {
  db.exec('SAVEPOINT repo_write');
  try {
    const value = fn();
    db.exec('RELEASE repo_write');
    return value;
  } catch (error) {
    db.exec('ROLLBACK TO repo_write; RELEASE repo_write');
    throw error;
  }
}

const utf8 = new TextEncoder();

/**
 * A large JSON parameter, bound as UTF-8 bytes: sql.js binds a string through a plain JS array of its
 * bytes (seconds of GC for a few megabytes), a Uint8Array with one copy. Read it in SQL as
 * `json_each(CAST(? AS TEXT))` — SQLite would take a bare BLOB for its binary JSONB format.
 */
export function jsonBytes(value: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(value));
}
