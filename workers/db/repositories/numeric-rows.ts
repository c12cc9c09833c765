/**
 * Reads numeric query results at wasm speed: steps a prepared sql.js statement through SQLite's own exported
 * functions and hands each row's columns to a callback as doubles in one reused Float64Array.
 *
 * Why: `stmt.step()` + `stmt.get()` goes through cwrap'd wrappers and builds a JS array per row. Reading
 * the 4.8M sales of the 1M-customer benchmark took 2.35 s that way and 1.1 s through the raw functions.
 *
 * The raw path needs two things sql.js does not document: the `_sqlite3_*` functions Emscripten exports on
 * the module object (registered once with {@link registerSqlJs}), and the statement's sqlite3_stmt pointer,
 * which sits in a minified field. The pointer is read from the Database's registry of its open statements
 * (an object keyed by pointer) and confirmed by sqlite3_sql(pointer) giving the statement's SQL. Whenever
 * anything is not found with certainty, the rows come from `stmt.step()`/`stmt.get()` instead: the same
 * numbers, only slower. tests/unit/numeric-rows.test.ts fails if the pinned sql.js stops taking the raw path.
 *
 * Numeric columns only: SQLite (raw path) and Number() (fallback) would convert a TEXT value differently.
 * NULL is NaN on both paths; SQLite stores a NaN as NULL, so NaN always means NULL.
 */
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';

const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
const SQLITE_NULL = 5;

interface RawSqlite {
  _sqlite3_step(stmt: number): number;
  _sqlite3_column_count(stmt: number): number;
  _sqlite3_column_double(stmt: number, column: number): number;
  _sqlite3_column_type(stmt: number, column: number): number;
  _sqlite3_errmsg(db: number): number;
  _sqlite3_sql(stmt: number): number;
  UTF8ToString(pointer: number): string;
}

const RAW_FUNCTIONS = [
  '_sqlite3_step',
  '_sqlite3_column_count',
  '_sqlite3_column_double',
  '_sqlite3_column_type',
  '_sqlite3_errmsg',
  '_sqlite3_sql',
  'UTF8ToString',
] as const;

/** sql.js module per Database class, so a database is read with the functions of the module that made it. */
const modules = new WeakMap<object, RawSqlite>();

/**
 * Lets databases made by `SQL` take the raw path (when the module exports every function it needs).
 * Returns the undo, for tests that compare both paths.
 */
export function registerSqlJs(SQL: SqlJsStatic): () => void {
  const candidate = SQL as unknown as Record<string, unknown>;
  if (RAW_FUNCTIONS.every((name) => typeof candidate[name] === 'function')) {
    modules.set(SQL.Database, SQL as unknown as RawSqlite);
  }
  return () => modules.delete(SQL.Database);
}

export type NumericPath = 'raw' | 'statement';

/**
 * Runs `sql` with `params` and calls `row` once per result row with its columns as numbers (NaN for NULL).
 * The array is reused: copy what you keep. Always frees the statement; an SQLite error while stepping
 * throws an Error with SQLite's message (as sql.js does). Returns which path read the rows.
 */
export function eachNumericRow(
  db: Database,
  sql: string,
  params: SqlValue[],
  row: (values: Float64Array) => void,
): NumericPath {
  const stmt = db.prepare(sql, params);
  try {
    const raw = modules.get(Object.getPrototypeOf(db)?.constructor as object);
    const handle = (db as unknown as { db?: unknown }).db;
    const pointer = raw && typeof handle === 'number' && handle > 0 ? statementPointer(raw, db, stmt) : 0;
    if (raw && pointer > 0) {
      stepRaw(raw, handle as number, pointer, row);
      return 'raw';
    }
    const values = new Float64Array(stmt.getColumnNames().length);
    while (stmt.step()) {
      const r = stmt.get();
      for (let i = 0; i < values.length; i++) values[i] = r[i] === null ? NaN : Number(r[i]);
      row(values);
    }
    return 'statement';
  } finally {
    stmt.free();
  }
}

/**
 * The sqlite3_stmt pointer of `stmt`, or 0 when it cannot be established: the key under which `db`'s
 * statement registry holds this very object, held by the statement itself too, and naming a statement
 * whose SQL is this statement's SQL.
 */
function statementPointer(raw: RawSqlite, db: Database, stmt: Statement): number {
  let found = 0;
  for (const registry of Object.values(db as object) as unknown[]) {
    if (registry instanceof Map) {
      for (const [key, value] of registry) if (value === stmt) found = Number(key);
    } else if (registry && typeof registry === 'object' && !ArrayBuffer.isView(registry)) {
      for (const [key, value] of Object.entries(registry)) if (value === stmt) found = Number(key);
    }
    if (found) break;
  }
  if (!Number.isSafeInteger(found) || found <= 0) return 0;
  if (!Object.values(stmt as object).includes(found)) return 0;
  const sqlPointer = raw._sqlite3_sql(found);
  return sqlPointer > 0 && raw.UTF8ToString(sqlPointer) === stmt.getSQL() ? found : 0;
}

function stepRaw(raw: RawSqlite, handle: number, pointer: number, row: (values: Float64Array) => void): void {
  const step = raw._sqlite3_step;
  const double = raw._sqlite3_column_double;
  const type = raw._sqlite3_column_type;
  const values = new Float64Array(raw._sqlite3_column_count(pointer));
  const n = values.length;
  for (;;) {
    const rc = step(pointer);
    if (rc !== SQLITE_ROW) {
      if (rc === SQLITE_DONE) return;
      throw new Error(raw.UTF8ToString(raw._sqlite3_errmsg(handle)));
    }
    for (let i = 0; i < n; i++) {
      const v = double(pointer, i);
      // NULL reads as 0.0; only a zero needs the type check.
      values[i] = v === 0 && type(pointer, i) === SQLITE_NULL ? NaN : v;
    }
    row(values);
  }
}
