/** The history (audit log) part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { Result, Written } from '../../contract';

export type AuditAction = 'insert' | 'update' | 'delete';

/** A cell of a row image as SQLite stored it (audited tables hold no BLOBs). */
export type AuditValue = string | number | null;

export interface FieldChange {
  /** The SQL column (snake_case). */
  field: string;
  before: AuditValue;
  after: AuditValue;
}

export interface HistoryEntry {
  id: number;
  at: string;
  userId: number | null;
  /** The author's current name; null when nobody was chosen or the user was deleted since. */
  userName: string | null;
  action: AuditAction;
  /** For an update: the changed fields. For a delete: every field of the removed row (after = null). */
  changes: FieldChange[];
}

export interface HistoryQuery {
  /** Only entries older than this entry id (paging: pass the last id shown). */
  before?: number;
  /** At most this many entries (default 50, at most 500). */
  limit?: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** True when older entries exist beyond this page. */
  more: boolean;
}

export interface UndoneChange {
  /** What was reverted. */
  action: AuditAction;
  /** The columns set back (update), or the row removed / restored (insert / delete). */
  fields: string[];
}

export interface HistoryApi {
  /** A record's audit entries, newest first. `table` must be one of the audited business tables. */
  recordHistory(table: string, rowId: number, query?: HistoryQuery): Promise<Result<HistoryPage>>;
  /**
   * Reverts the newest audit entry of the row as a new durable (and itself audited) write: an update's
   * fields go back to their old values, an insert is deleted (its cascades apply), a delete re-inserted.
   * Refused when the row changed since in a way the entry does not describe.
   */
  undoLastChange(table: string, rowId: number): Promise<Result<Written<UndoneChange>>>;
}
