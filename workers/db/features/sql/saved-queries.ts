/** Saved console queries (migration 003): name + SQL, optionally pinned to the dashboard as a widget. */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { WIDGET_KINDS, type SavedQuery, type SavedQueryInput, type WidgetKind } from './api';

export const MAX_NAME_LENGTH = 100;
export const MAX_SQL_LENGTH = 100_000;

const COLUMNS = 'id, name, sql, widget, created_at, updated_at';

function toSavedQuery(row: Row): SavedQuery {
  return {
    id: Number(row.id),
    name: String(row.name),
    sql: String(row.sql),
    widget: (row.widget as WidgetKind | null) ?? null,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function checked(db: Database, input: unknown, id: number | null): SavedQueryInput {
  const value = (input ?? {}) as Partial<SavedQueryInput>;
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  const sql = typeof value.sql === 'string' ? value.sql.trim() : '';
  const fields: Record<string, 'required' | 'too_long'> = {};
  if (name === '') fields.name = 'required';
  else if (name.length > MAX_NAME_LENGTH) fields.name = 'too_long';
  if (sql === '') fields.sql = 'required';
  else if (sql.length > MAX_SQL_LENGTH) fields.sql = 'too_long';
  if (Object.keys(fields).length > 0)
    throw new DomainError('validation', 'The saved query has invalid fields.', fields);
  const clash = one(db, 'SELECT id FROM saved_queries WHERE name = ? AND id IS NOT ?', [name, id]);
  if (clash) throw new DomainError('sql_name_taken', `A saved query named "${name}" already exists.`);
  return { name, sql };
}

export function listSavedQueries(db: Database): SavedQuery[] {
  return all(db, `SELECT ${COLUMNS} FROM saved_queries ORDER BY name, id`).map(toSavedQuery);
}

export function getSavedQuery(db: Database, id: number): SavedQuery {
  const row = one(db, `SELECT ${COLUMNS} FROM saved_queries WHERE id = ?`, [id]);
  if (!row) throw new DomainError('not_found', `Saved query ${id} does not exist.`);
  return toSavedQuery(row);
}

export function saveQuery(db: Database, input: SavedQueryInput, id: number | null, now: string): SavedQuery {
  if (id !== null) getSavedQuery(db, id);
  const { name, sql } = checked(db, input, id);
  if (id === null) {
    const row = one(
      db,
      'INSERT INTO saved_queries (name, sql, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id',
      [name, sql, now, now],
    );
    return getSavedQuery(db, Number(row?.id));
  }
  run(db, 'UPDATE saved_queries SET name = ?, sql = ?, updated_at = ? WHERE id = ?', [name, sql, now, id]);
  return getSavedQuery(db, id);
}

export function deleteSavedQuery(db: Database, id: number): void {
  if (run(db, 'DELETE FROM saved_queries WHERE id = ?', [id]) === 0) {
    throw new DomainError('not_found', `Saved query ${id} does not exist.`);
  }
}

export function pinSavedQuery(db: Database, id: number, widget: WidgetKind | null, now: string): SavedQuery {
  if (widget !== null && !WIDGET_KINDS.includes(widget)) {
    throw new DomainError('validation', `Unknown widget kind ${String(widget)}.`, {
      widget: 'invalid_choice',
    });
  }
  getSavedQuery(db, id);
  run(db, 'UPDATE saved_queries SET widget = ?, updated_at = ? WHERE id = ?', [widget, now, id]);
  return getSavedQuery(db, id);
}
