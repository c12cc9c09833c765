/** The SQL console's part of the DB worker API (see `workers/db/api.ts`). Types only. */
import type { Result, Written } from '../../contract';

/** A result cell: SQLite's value, with a BLOB reduced to its size (the console shows text only). */
export type SqlCell = string | number | null | { bytes: number };

export interface SqlRunRequest {
  sql: string;
  /** Runs INSERT/UPDATE/DELETE as a logged, durable write; never DDL, ATTACH or PRAGMAs that set. */
  allowChanges?: boolean;
  /** Rows to send back, at most 1,000. */
  maxRows?: number;
}

export interface QueryResult {
  kind: 'read' | 'change';
  columns: string[];
  /** The first rows (at most the requested maximum). */
  rows: SqlCell[][];
  /** All rows of the result, or null when counting them would have been slow. */
  totalRows: number | null;
  /** Rows an allowed change inserted, updated or deleted (null for a read). */
  changedRows: number | null;
  ms: number;
}

export interface SchemaColumn {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

export interface SchemaIndex {
  name: string;
  unique: boolean;
  /** Indexed columns, comma-separated ("(expression)" for an expression). */
  columns: string;
}

export interface SchemaTable {
  name: string;
  kind: 'table' | 'view';
  columns: SchemaColumn[];
  indexes: SchemaIndex[];
}

/** How a saved query is pinned to the dashboard, or null when it is not. */
export type WidgetKind = 'table' | 'bar' | 'line';
export const WIDGET_KINDS: readonly WidgetKind[] = ['table', 'bar', 'line'];

export interface SavedQueryInput {
  name: string;
  sql: string;
}

export interface SavedQuery extends SavedQueryInput {
  id: number;
  widget: WidgetKind | null;
  createdAt: string;
  updatedAt: string;
}

export interface SqlExport {
  blob: Blob;
  fileName: string;
  rows: number;
}

export interface SqlConsoleApi {
  /** Runs exactly one statement; read-only (under `PRAGMA query_only`) unless changes are allowed. */
  runSql(request: SqlRunRequest): Promise<Result<QueryResult>>;
  describeSchema(): Promise<Result<SchemaTable[]>>;
  countTableRows(table: string): Promise<Result<number>>;
  /** A read query's whole result as a CSV file. */
  exportSqlResult(sql: string): Promise<Result<SqlExport>>;

  listSavedQueries(): Promise<Result<SavedQuery[]>>;
  /** Creates a saved query, or updates the one with `id`. Names are unique. */
  saveQuery(input: SavedQueryInput, id?: number): Promise<Result<Written<SavedQuery>>>;
  deleteSavedQuery(id: number): Promise<Result<Written<true>>>;
  /** Pins a saved query to the dashboard as `widget`, or unpins it (null). */
  pinSavedQuery(id: number, widget: WidgetKind | null): Promise<Result<Written<SavedQuery>>>;
  /** Runs a saved query read-only (dashboard widgets). */
  runSavedQuery(id: number, maxRows?: number): Promise<Result<QueryResult>>;
}
