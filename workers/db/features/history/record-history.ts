/**
 * Reading a record's audit trail and undoing its last change. The audit rows are written by
 * `audit-trail.ts` inside every write; here they are only read, and an undo is an ordinary write (so it is
 * logged, synced to other tabs and audited itself — undoing an undo redoes the change).
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one } from '../../repositories/sql';
import type {
  AuditAction,
  AuditValue,
  FieldChange,
  HistoryEntry,
  HistoryPage,
  HistoryQuery,
  UndoneChange,
} from './api';
import { AUDITED_TABLES } from './audit-trail';
import { deleteRow, insertRow, parseImage, readRow, tableColumns, updateRow, type RowImage } from './row-sql';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** Refuses anything but an audited business table that exists in this database. */
export function checkAuditedTable(db: Database, table: unknown): string {
  if (typeof table !== 'string' || !AUDITED_TABLES.has(table) || tableColumns(db, table).length === 0)
    throw new DomainError('history_unknown_table', `"${String(table)}" is not a table with a history`);
  return table;
}

function checkRowId(rowId: unknown): number {
  if (typeof rowId !== 'number' || !Number.isSafeInteger(rowId) || rowId < 1)
    throw new DomainError('validation', 'a record id is a positive whole number');
  return rowId;
}

const asValue = (value: SqlValue | undefined): AuditValue =>
  value === undefined || value instanceof Uint8Array ? null : value;

function fieldChanges(action: AuditAction, before: RowImage | null, after: RowImage | null): FieldChange[] {
  if (action === 'update' && after) {
    return Object.keys(after).map((field) => ({
      field,
      before: asValue(before?.[field]),
      after: asValue(after[field]),
    }));
  }
  if (action === 'delete' && before) {
    return Object.keys(before)
      .filter((field) => field !== 'id')
      .map((field) => ({ field, before: asValue(before[field]), after: null }));
  }
  return [];
}

export function readHistory(
  db: Database,
  table: unknown,
  rowId: unknown,
  query: HistoryQuery = {},
): HistoryPage {
  const name = checkAuditedTable(db, table);
  const id = checkRowId(rowId);
  const limit = Math.min(
    Math.max(Math.trunc(Number(query.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT, 1),
    MAX_LIMIT,
  );
  const before = query.before === undefined ? Number.MAX_SAFE_INTEGER : checkRowId(query.before);
  // The id is the commit order (the audit row is written inside the write): "newest" even across clocks.
  const rows = all(
    db,
    `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.before_json, a.after_json
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.table_name = ? AND a.row_id = ? AND a.id < ?
      ORDER BY a.id DESC LIMIT ?`,
    [name, id, before, limit + 1],
  );
  const entries: HistoryEntry[] = rows.slice(0, limit).map((row) => {
    const action = row.action as AuditAction;
    return {
      id: Number(row.id),
      at: String(row.at),
      userId: row.user_id === null ? null : Number(row.user_id),
      userName: row.user_name === null ? null : String(row.user_name),
      action,
      changes: fieldChanges(action, parseImage(row.before_json), parseImage(row.after_json)),
    };
  });
  return { entries, more: rows.length > limit };
}

const changedSince = (table: string, id: number) =>
  new DomainError('history_changed_since', `${table} #${id} has changed since its last recorded change`);

/** Reverts the newest audit entry of the row; runs inside the caller's write transaction. */
export function undoLastChange(db: Database, table: unknown, rowId: unknown, now: string): UndoneChange {
  const name = checkAuditedTable(db, table);
  const id = checkRowId(rowId);
  const entry = one(
    db,
    `SELECT action, before_json, after_json FROM audit_log
      WHERE table_name = ? AND row_id = ? ORDER BY id DESC LIMIT 1`,
    [name, id],
  );
  if (!entry) throw new DomainError('nothing_to_undo', `${name} #${id} has no recorded change`);
  const action = entry.action as AuditAction;
  const current = readRow(db, name, id);
  const columns = new Set(tableColumns(db, name));

  if (action === 'insert') {
    if (!current) throw changedSince(name, id);
    deleteRow(db, name, id);
    return { action, fields: [] };
  }

  if (action === 'delete') {
    const image = parseImage(entry.before_json);
    if (!image) throw new DomainError('nothing_to_undo', `the deleted ${name} #${id} was not kept`);
    if (current) throw new DomainError('history_row_exists', `${name} #${id} exists again`);
    insertRow(db, name, { ...image, id });
    return { action, fields: Object.keys(image).filter((field) => columns.has(field)) };
  }

  const before = parseImage(entry.before_json);
  const after = parseImage(entry.after_json);
  if (!before || !after)
    throw new DomainError('nothing_to_undo', `the change to ${name} #${id} was not kept`);
  if (!current) throw changedSince(name, id);
  // Only columns that still exist; the row must still hold what this change wrote, or the undo would
  // silently overwrite a later edit the log does not explain (an unaudited bulk write, another tab).
  const fields = Object.keys(after).filter((field) => columns.has(field) && field !== 'id');
  if (fields.some((field) => current[field] !== after[field])) throw changedSince(name, id);
  const restore: RowImage = Object.fromEntries(fields.map((field) => [field, before[field] ?? null]));
  if (columns.has('updated_at')) restore.updated_at = now;
  updateRow(db, name, id, restore);
  return { action, fields };
}
