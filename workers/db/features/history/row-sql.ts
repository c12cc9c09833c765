/**
 * Row-level statements on a table named at run time (history undo, duplicate merges). Every table and
 * column name is checked against this database's own schema (`PRAGMA table_info`) and quoted with
 * {@link quoteIdentifier}; values are always bound. A name not in the schema is never interpolated.
 */
import type { Database, SqlValue } from 'sql.js';
import { quoteIdentifier as q } from '../../sql-text';

export type RowImage = Record<string, SqlValue>;

/** The table's columns in declaration order; empty when no such table exists. */
export function tableColumns(db: Database, table: string): string[] {
  const info = db.exec('SELECT name FROM pragma_table_info(?) ORDER BY cid', [table])[0];
  return (info?.values ?? []).map((row) => String(row[0]));
}

/** Keeps only the entries of `image` whose key is a column of the table (old images may name dropped ones). */
function known(columns: readonly string[], image: RowImage): [string, SqlValue][] {
  const valid = new Set(columns);
  return Object.entries(image).filter(([column]) => valid.has(column));
}

/** The table name, once checked against the schema: the only form in which it reaches a statement. */
function schemaTable(db: Database, table: string): string {
  if (tableColumns(db, table).length === 0)
    throw new Error(`no table ${JSON.stringify(table)} in this database`);
  return `main.${q(table)}`;
}

export function readRow(db: Database, table: string, id: number): RowImage | null {
  const statement = db.prepare(`SELECT * FROM ${schemaTable(db, table)} WHERE id = ?`);
  try {
    statement.bind([id]);
    return statement.step() ? statement.getAsObject() : null;
  } finally {
    statement.free();
  }
}

/** Sets `values` (only the table's real columns) on row `id`; returns whether a row was changed. */
export function updateRow(db: Database, table: string, id: number, values: RowImage): boolean {
  const entries = known(tableColumns(db, table), values).filter(([column]) => column !== 'id');
  if (entries.length === 0) return false;
  const assignments = entries.map(([column]) => `${q(column)} = ?`).join(', ');
  db.run(`UPDATE ${schemaTable(db, table)} SET ${assignments} WHERE id = ?`, [
    ...entries.map(([, v]) => v),
    id,
  ]);
  return db.getRowsModified() > 0;
}

/** Inserts a whole row image, its id included (AUTOINCREMENT never reused it, so it is free). */
export function insertRow(db: Database, table: string, image: RowImage): void {
  const entries = known(tableColumns(db, table), image);
  const columns = entries.map(([column]) => q(column)).join(', ');
  const marks = entries.map(() => '?').join(', ');
  db.run(
    `INSERT INTO main.${q(table)} (${columns}) VALUES (${marks})`,
    entries.map(([, v]) => v),
  );
}

export function deleteRow(db: Database, table: string, id: number): boolean {
  db.run(`DELETE FROM ${schemaTable(db, table)} WHERE id = ?`, [id]);
  return db.getRowsModified() > 0;
}

/** Row ids of `table` whose `column` holds `value` (column checked against the schema by the caller). */
export function idsWhere(db: Database, table: string, column: string, value: SqlValue): number[] {
  const result = db.exec(`SELECT id FROM ${schemaTable(db, table)} WHERE ${q(column)} = ? ORDER BY id`, [
    value,
  ])[0];
  return (result?.values ?? []).map((row) => Number(row[0]));
}

/** Parses a stored row image; anything that is not a JSON object yields null. */
export function parseImage(json: SqlValue | undefined): RowImage | null {
  if (typeof json !== 'string') return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RowImage) : null;
  } catch {
    return null;
  }
}
