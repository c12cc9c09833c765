/**
 * The SQL console's work in the DB worker: running one statement (read-only unless the user allowed
 * changes), the schema browser's description, row counts on demand and a query's result as CSV.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import { DomainError } from '../../errors';
import type { PersistenceEngine } from '../../persistence/engine';
import { one } from '../../repositories/sql';
import { countRows as countTableRows } from '../../sql-text';
import { UTF8_BOM, csvRow } from '../export/writers';
import type { QueryResult, SchemaTable, SqlCell, SqlRunRequest } from './api';
import {
  ReadOnlyRefusal,
  classifyStatement,
  skipTrivia,
  sqlError,
  withSingleStatement,
} from './statement-guard';

/** Rows sent to the UI at most: a result table of more is unreadable and costly to render. */
export const MAX_RESULT_ROWS = 1000;
/** After the shown rows, how far the console keeps stepping to tell the total ("counted only if cheap"). */
const COUNT_STEPS = 100_000;
const COUNT_MS = 150;

const cell = (value: SqlValue): SqlCell => (value instanceof Uint8Array ? { bytes: value.length } : value);

/** `finished`: the statement ran to its end (stepping it again would run it a second time). */
function collect(
  stmt: Statement,
  limit: number,
): Omit<QueryResult, 'ms' | 'kind' | 'changedRows'> & { finished: boolean } {
  const columns = stmt.getColumnNames();
  const rows: SqlCell[][] = [];
  let finished = false;
  while (rows.length < limit) {
    if (!stmt.step()) {
      finished = true;
      break;
    }
    rows.push(stmt.get().map(cell));
  }
  let total = rows.length;
  if (!finished) {
    const deadline = performance.now() + COUNT_MS;
    for (let steps = 0; steps < COUNT_STEPS; steps++) {
      if (steps % 1000 === 0 && performance.now() > deadline) break;
      if (!stmt.step()) {
        finished = true;
        break;
      }
      total++;
    }
  }
  return { columns, rows, totalRows: finished ? total : null, finished };
}

const queryOnly = (db: Database): boolean => Number(one(db, 'PRAGMA query_only')?.query_only ?? 0) === 1;

/**
 * Runs `use` with `PRAGMA query_only = ON` and puts the previous setting back even when it throws, so
 * the engine's own writes are never left refused.
 */
export function readOnly<T>(db: Database, use: () => T): T {
  const previous = queryOnly(db);
  db.exec('PRAGMA query_only = ON');
  try {
    return use();
  } finally {
    db.exec(previous ? 'PRAGMA query_only = ON' : 'PRAGMA query_only = OFF');
  }
}

function runRead(db: Database, sql: string, limit: number): Omit<QueryResult, 'ms' | 'kind' | 'changedRows'> {
  return readOnly(db, () =>
    withSingleStatement(db, sql, (stmt) => {
      try {
        const { finished: _finished, ...result } = collect(stmt, limit);
        return result;
      } catch (error) {
        throw sqlError(error);
      }
    }),
  );
}

const NAME = String.raw`(?:"(?:[^"]|"")+"|\[[^\]]+\]|` + '`[^`]+`' + String.raw`|[\w\u0080-\uffff]+)`;
const TARGET = new RegExp(
  String.raw`^(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(${NAME})(?:\s*\.\s*(${NAME}))?`,
  'i',
);
const unquote = (name: string): string =>
  /^["[`]/.test(name) ? name.slice(1, -1).replaceAll('""', '"') : name;

/**
 * The table a change statement writes, which must be an ordinary table of the main database: the change
 * log's own temp tables and SQLite's internal ones are off limits.
 */
export function changeTarget(db: Database, sql: string): string {
  const match = TARGET.exec(skipTrivia(sql));
  if (!match) throw new DomainError('sql_error', 'Could not tell which table this statement changes.');
  const [schema, table] = match[2] ? [unquote(match[1]!), unquote(match[2])] : ['main', unquote(match[1]!)];
  const known = one(
    db,
    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    [table],
  );
  if (schema.toLowerCase() !== 'main' || !known) {
    throw new ReadOnlyRefusal(`changes are allowed only in the app's own tables, not in ${schema}.${table}`);
  }
  // The search index (FTS4 tables and their shadow tables) is derived from the records and kept by the
  // app in each tab; a hand-made change there would be neither logged nor seen by other tabs.
  const derived = db
    .exec("SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")[0]
    ?.values.map(([name]) => String(name).toLowerCase());
  const name = String(known.name).toLowerCase();
  if (derived?.some((v) => name === v || name.startsWith(`${v}_`))) {
    throw new ReadOnlyRefusal(
      `${String(known.name)} is part of the search index, which the app keeps up to date itself`,
    );
  }
  return String(known.name);
}

export async function runStatement(engine: PersistenceEngine, request: SqlRunRequest): Promise<QueryResult> {
  const sql = typeof request?.sql === 'string' ? request.sql : '';
  const limit = Math.min(MAX_RESULT_ROWS, Math.max(1, Math.floor(request?.maxRows ?? MAX_RESULT_ROWS)));
  const started = performance.now();
  if (skipTrivia(sql) === '') throw new DomainError('sql_one_statement', 'Enter an SQL statement.');
  const kind = classifyStatement(sql);
  if (kind === 'refused') {
    throw new ReadOnlyRefusal('only SELECT, WITH, VALUES, EXPLAIN and PRAGMAs that report can run here');
  }
  if (kind === 'read') {
    const result = await engine.read((db) => runRead(db, sql, limit));
    return { ...result, kind, changedRows: null, ms: performance.now() - started };
  }
  if (!request.allowChanges) {
    throw new ReadOnlyRefusal('switch on “Allow changes” to run INSERT, UPDATE or DELETE');
  }
  // Through engine.write, so the change is captured, logged and durable like any edit in the app.
  const { value } = await engine.write((db) => {
    changeTarget(db, sql);
    return withSingleStatement(db, sql, (stmt) => {
      try {
        const { finished, ...rows } = collect(stmt, limit);
        if (!finished) while (stmt.step()); // RETURNING rows past the count: the change must complete
        return { ...rows, changedRows: db.getRowsModified() };
      } catch (error) {
        throw sqlError(error);
      }
    });
  });
  return { ...value, kind, ms: performance.now() - started };
}

export function describeSchema(db: Database): SchemaTable[] {
  const tables =
    db.exec(
      "SELECT name, type FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )[0]?.values ?? [];
  const columnsOf = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid');
  const indexesOf = db.prepare(
    `SELECT il.name, il."unique", (SELECT group_concat(coalesce(ii.name, '(expression)'), ', ')
       FROM pragma_index_info(il.name) ii) AS cols
     FROM pragma_index_list(?) il WHERE il.origin <> 'pk' ORDER BY il.name`,
  );
  try {
    return tables.map(([name, type]) => {
      const table = String(name);
      columnsOf.bind([table]);
      const columns = [];
      while (columnsOf.step()) {
        const [column, declared, notNull, pk] = columnsOf.get();
        columns.push({
          name: String(column),
          type: String(declared ?? ''),
          notNull: notNull === 1,
          primaryKey: Number(pk) > 0,
        });
      }
      columnsOf.reset();
      indexesOf.bind([table]);
      const indexes = [];
      while (indexesOf.step()) {
        const [index, unique, cols] = indexesOf.get();
        indexes.push({ name: String(index), unique: unique === 1, columns: String(cols ?? '') });
      }
      indexesOf.reset();
      return {
        name: table,
        kind: type === 'view' ? ('view' as const) : ('table' as const),
        columns,
        indexes,
      };
    });
  } finally {
    columnsOf.free();
    indexesOf.free();
  }
}

/** Counts a table's rows; the name must be a table or view of the schema (it is then quoted, not bound). */
export function countRows(db: Database, table: string): number {
  const known = one(db, "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') AND name = ?", [
    String(table),
  ]);
  if (!known) throw new DomainError('not_found', `There is no table named ${String(table)}.`);
  return countTableRows(db, String(known.name));
}

/** A read query's whole result as CSV (not just the rows shown), for download. */
export function resultAsCsv(db: Database, sql: string): { blob: Blob; rows: number } {
  if (classifyStatement(sql) !== 'read') {
    throw new ReadOnlyRefusal('only a query that reads can be exported');
  }
  return readOnly(db, () =>
    withSingleStatement(db, sql, (stmt) => {
      const encoder = new TextEncoder();
      const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode(UTF8_BOM + csvRow(stmt.getColumnNames()))];
      let chunk = '';
      let rows = 0;
      try {
        while (stmt.step()) {
          chunk += csvRow(
            stmt.get().map((value) => (value instanceof Uint8Array ? `<${value.length} bytes>` : value)),
          );
          if (++rows % 5000 === 0) {
            parts.push(encoder.encode(chunk));
            chunk = '';
          }
        }
      } catch (error) {
        throw sqlError(error);
      }
      parts.push(encoder.encode(chunk));
      return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows };
    }),
  );
}
