/**
 * The analytics' numeric reads (workers/db/repositories/numeric-rows.ts) and migration 011's indexes: the
 * raw path is really taken with the pinned sql.js (an upgrade that breaks it fails here instead of silently
 * making every analytics page slower), gives exactly what stmt.step()/stmt.get() gives, keeps NULLs and
 * frees its statement on every exit; orderData's sales read comes from its index alone, and that index
 * serves only the queries that opt in to it.
 */
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateBenchData } from '../../workers/db/demo/bench-data';
import {
  ORDER_DATA_SQL,
  SALE,
  SALES_READ,
  asOfDay,
  basketColumns,
  customerActivity,
  orderData,
  saleCurrencies,
} from '../../workers/db/features/analytics/columns';
import { eachNumericRow, registerSqlJs } from '../../workers/db/repositories/numeric-rows';
import { refreshPlannerStats } from '../../workers/db/repositories/workspace';
import { NOW, freshDb, inTransaction, loadSqlJs, rows } from './demo-setup';

let SQL: SqlJsStatic;
let db: Database;
let currency: string;
let unregister: () => void;

beforeAll(async () => {
  await loadSqlJs();
  SQL = await initSqlJs(); // sql.js hands every caller the same module
  unregister = registerSqlJs(SQL);
  db = freshDb();
  inTransaction(db, () => generateBenchData(db, { customers: 1_500, orders: 8_000, seed: 11, now: NOW }));
  currency = saleCurrencies(db)[0]!.currency;
});

afterAll(() => {
  unregister();
  db.close();
});

/** Rows as the helper hands them over (copied: the helper reuses its array). */
function numericRows(sql: string, params: (string | number)[] = []) {
  const out: number[][] = [];
  const path = eachNumericRow(db, sql, params, (values) => out.push(Array.from(values)));
  return { path, out };
}

/** Runs `read` once on the raw path and once with the module unregistered (stmt.get path). */
function bothPaths<T>(read: () => T): { raw: T; statement: T } {
  const raw = read();
  unregister();
  try {
    return { raw, statement: read() };
  } finally {
    unregister = registerSqlJs(SQL);
  }
}

/** Typed arrays compared byte for byte (NaN payloads and -0 included). */
function bytes(value: unknown): unknown {
  if (ArrayBuffer.isView(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  if (Array.isArray(value)) return value.map(bytes);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bytes(v)]));
  return value;
}

describe('eachNumericRow', () => {
  it('takes the raw path with the pinned sql.js, and the statement path for an unregistered module', () => {
    const { path, out } = numericRows(ORDER_DATA_SQL, [currency]);
    expect(path).toBe('raw');
    expect(out.length).toBeGreaterThan(1_000);
    const { statement } = bothPaths(() => numericRows(ORDER_DATA_SQL, [currency]));
    expect(statement.path).toBe('statement');
    expect(statement.out).toEqual(out);
  });

  it('gives orderData, customerActivity and basketColumns byte for byte what stmt.get gave', () => {
    const { raw, statement } = bothPaths(() => {
      const sales = orderData(db, currency);
      return {
        sales,
        activity: customerActivity(db, sales.customerIds, sales.asOfDay),
        baskets: basketColumns(db, 5_000),
      };
    });
    expect(raw.sales.day.length).toBeGreaterThan(1_000);
    expect(raw.baskets.items.length).toBeGreaterThan(1_000);
    expect(raw.activity.cases.some((n) => n > 0)).toBe(true);
    expect(raw.activity.meanCsat.some(Number.isNaN)).toBe(true);
    expect(bytes(raw)).toEqual(bytes(statement));
    expect(raw.sales.asOfDay).toBe(asOfDay(db, currency));
    // And the same numbers sql.js's own rows give.
    const reference = rows(db, ORDER_DATA_SQL, [currency]);
    expect(Array.from(raw.sales.amount)).toEqual(reference.map((r) => Number(r[2]) / 100));
    expect(Array.from(raw.sales.day)).toEqual(reference.map((r) => Number(r[1])));
  });

  it('hands NULL over as NaN on both paths and keeps zeros (integer and real), negatives and large integers', () => {
    const sql = `SELECT NULL, 0, 0.0, 1.5, 9007199254740991, -3, CAST(NULL AS INTEGER), julianday('not a date')`;
    const { raw, statement } = bothPaths(() => numericRows(sql));
    expect(raw.path).toBe('raw');
    expect(raw.out).toEqual([[NaN, 0, 0, 1.5, 9007199254740991, -3, NaN, NaN]]);
    expect(statement.out).toEqual(raw.out);
  });

  it('binds parameters and reads nothing from an empty result', () => {
    expect(numericRows('SELECT id FROM customers WHERE id < ?', [0])).toEqual({ path: 'raw', out: [] });
    expect(numericRows('SELECT ? + 1, ?', [41, 2.5]).out).toEqual([[42, 2.5]]);
  });

  it('throws SQLite message when a step fails mid-way, and frees the statement', () => {
    const prepare = vi.spyOn(db, 'prepare');
    try {
      const seen: number[] = [];
      // json('{') fails at run time, on the fourth row, after three rows were handed over.
      const sql = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
                   SELECT CASE WHEN i < 4 THEN i ELSE json('{') END FROM n`;
      const failure = (): unknown => {
        try {
          eachNumericRow(db, sql, [], (values) => seen.push(values[0]!));
        } catch (error) {
          return error;
        }
        return null;
      };
      const error = failure();
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('malformed JSON');
      expect(seen).toEqual([1, 2, 3]);
      expectFreed(prepare.mock.results.at(-1)?.value as Statement);
      // The callback's own error leaves the same way.
      expect(() =>
        eachNumericRow(db, 'SELECT 1', [], () => {
          throw new Error('callback failed');
        }),
      ).toThrow('callback failed');
      expectFreed(prepare.mock.results.at(-1)?.value as Statement);
    } finally {
      prepare.mockRestore();
    }
  });

  it('falls back to stmt.get when the pointer cannot be confirmed or a raw function is missing', () => {
    const realPrepare = db.prepare.bind(db);
    const prepare = vi.spyOn(db, 'prepare').mockImplementationOnce((sql, params) => {
      const stmt = realPrepare(sql, params);
      vi.spyOn(stmt, 'getSQL').mockReturnValue('SELECT something else');
      return stmt;
    });
    try {
      expect(numericRows('SELECT 7, NULL')).toEqual({ path: 'statement', out: [[7, NaN]] });
    } finally {
      prepare.mockRestore();
    }
    unregister();
    const partial = {
      ...SQL,
      Database: SQL.Database,
      _sqlite3_column_type: undefined,
    } as unknown as SqlJsStatic;
    const undoPartial = registerSqlJs(partial);
    try {
      expect(numericRows('SELECT 7, NULL')).toEqual({ path: 'statement', out: [[7, NaN]] });
    } finally {
      undoPartial();
      unregister = registerSqlJs(SQL);
    }
    expect(numericRows('SELECT 7, NULL').path).toBe('raw');
  });
});

/** A freed sql.js statement refuses to step (its pointer is 0). */
function expectFreed(stmt: Statement): void {
  let refusal: unknown = null;
  try {
    stmt.step();
  } catch (error) {
    refusal = error;
  }
  expect(String(refusal)).toContain('Statement closed');
}

describe('migration 011: the index of the analytics sales read', () => {
  it('exists after the benchmark generator dropped and rebuilt the indexes', () => {
    expect(
      rows(
        db,
        `SELECT name, tbl_name FROM sqlite_master
          WHERE type = 'index' AND name IN ('idx_orders_sales_read', 'idx_customers_created_day') ORDER BY name`,
      ),
    ).toEqual([['idx_orders_sales_read', 'orders']]);
  });

  it('the sales index is used only by queries that state its WHERE clause, not by every query on sales', () => {
    // INDEXED BY fails when the index cannot serve the query: other sales queries keep their own plans.
    const forced = (where: string) => () =>
      db.exec(
        `SELECT count(*) FROM orders INDEXED BY idx_orders_sales_read WHERE currency = ? AND ${where}`,
        [currency],
      );
    expect(forced(SALE)).toThrow('no query solution');
    expect(forced(SALES_READ)).not.toThrow();
  });

  it('gives orderData the latest sale’s day when the data lies in the future', () => {
    db.exec('SAVEPOINT future');
    try {
      db.run(
        `INSERT INTO orders (customer_id, order_date, status, currency, total_minor)
         VALUES ((SELECT min(id) FROM customers), '2999-01-02', 'confirmed', ?, 100)`,
        [currency],
      );
      const expected = Date.UTC(2999, 0, 2) / 86_400_000;
      expect(asOfDay(db, currency)).toBe(expected);
      expect(orderData(db, currency).asOfDay).toBe(expected);
    } finally {
      db.exec('ROLLBACK TO future; RELEASE future');
    }
  });

  it('answers orderData’s sales read alone, before and after the planner has statistics', () => {
    expectOrderDataFromIndexes(db);
    const analysed = freshDb();
    try {
      inTransaction(analysed, () =>
        generateBenchData(analysed, { customers: 300, orders: 2_000, seed: 3, now: NOW }),
      );
      refreshPlannerStats(analysed);
      expectOrderDataFromIndexes(analysed);
    } finally {
      analysed.close();
    }
  });
});

/**
 * The plan reads `index`, and the program reads every result column from it: no column of the table's rows
 * (SQLite's DeferredSeek on the table is then never carried out) and no julianday() call. For the sales
 * read SQLite's plan says "USING INDEX", not "COVERING INDEX": it counts order_date and status as used,
 * though they only appear inside the indexed expression and the index's own WHERE clause.
 */
function expectIndexOnly(target: Database, sql: string, params: string[], index: string, plan: string): void {
  expect(rows(target, 'EXPLAIN QUERY PLAN ' + sql, params).map((r) => String(r[3]))).toEqual([plan]);
  const root = Number(rows(target, 'SELECT rootpage FROM sqlite_master WHERE name = ?', [index])[0]?.[0]);
  // EXPLAIN rows: addr, opcode, p1, p2, …; OpenRead's p1 is the cursor, p2 the root page.
  const program = rows(target, 'EXPLAIN ' + sql, params);
  const indexCursor = program.find((r) => r[1] === 'OpenRead' && Number(r[3]) === root)?.[2];
  expect(indexCursor).toBeDefined();
  const reads = program.filter((r) => r[1] === 'Column' || r[1] === 'IdxRowid').map((r) => r[2]);
  expect(reads).toEqual(reads.map(() => indexCursor));
  expect(reads.length).toBe(3);
  expect(
    program.map((r) => String(r[1])).filter((op) => /^(Function|PureFunc|Rowid|SeekRowid)$/.test(op)),
  ).toEqual([]);
}

/** orderData's sales read comes from migration 011's index alone. */
function expectOrderDataFromIndexes(target: Database): void {
  expectIndexOnly(
    target,
    ORDER_DATA_SQL,
    [currency],
    'idx_orders_sales_read',
    'SEARCH orders USING INDEX idx_orders_sales_read (currency=?)',
  );
}
