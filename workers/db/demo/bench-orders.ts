/**
 * Benchmark orders: set-based, one INSERT … SELECT per day over the last two years (see ORDERS_SQL), so no
 * per-row work crosses the JS ↔ WebAssembly boundary (5× fewer µs/row than binding 8 values per row).
 * Daily volume rises linearly over the window; each order goes to a non-prospect customer that already
 * existed on that day, ranked by id in a temp table. No order lines (`total_minor` only), no order numbers.
 *
 * Used by bench-data.ts inside the caller's transaction; the temp lookup tables are dropped again here, so
 * they never reach the saved file.
 */
import type { Database, Statement } from 'sql.js';
import type { DemoProgress } from '../contract';
import { DAY_MS, type Rng, isoDate, isoTimestamp } from './random';

/** Orders cover the last two years. */
const ORDER_DAYS = 730;

/** Lookup tables for the set-based order insert; temp, so they never reach the saved file. */
const TEMP_TABLES_SQL = `
  CREATE TEMP TABLE bench_buyers (rank INTEGER PRIMARY KEY, id INTEGER NOT NULL, owner_id INTEGER);
  CREATE TEMP TABLE bench_amounts (k INTEGER PRIMARY KEY, v INTEGER NOT NULL);
  CREATE TEMP TABLE bench_times (k INTEGER PRIMARY KEY, v TEXT NOT NULL);`;
const DROP_TEMP_TABLES_SQL = `
  DROP TABLE IF EXISTS temp.bench_buyers;
  DROP TABLE IF EXISTS temp.bench_amounts;
  DROP TABLE IF EXISTS temp.bench_times;`;

/**
 * One day's orders in one statement, so no per-row work crosses the JS ↔ WebAssembly boundary (measured:
 * binding 8 values per row from JS costs more than SQLite's own insert). Randomness comes from three 32-bit
 * linear congruential generators carried through the recursive CTE (Numerical Recipes' 1664525/1013904223,
 * Borland's 22695477/1, Marsaglia's 69069/1), seeded per day from the JS PRNG; only their high bits are used.
 * Products stay below 2^63, so SQLite never switches to floating point. (A stateless hash such as hash32
 * would be nicer, but SQLite's subquery flattening copies each column expression into every use, which
 * made the xorshift rounds 64× longer.) x picks the customer among those existing that day (?5 of them,
 * ranked in temp.bench_buyers), y the total and time of day, w the status.
 * Parameters: ?1 count, ?2 id base, ?3 ?4 ?6 seeds, ?7 day, ?8–?10 statuses by age, ?11 now, ?5 buyers.
 */
const ORDERS_SQL = `
WITH RECURSIVE
  r(k, x, y, w) AS (
    SELECT 0, ?3, ?4, ?6
    UNION ALL
    SELECT k + 1, (x * 1664525 + 1013904223) & 4294967295, (y * 22695477 + 1) & 4294967295,
           (w * 69069 + 1) & 4294967295
      FROM r WHERE k + 1 < ?1)
INSERT INTO orders (id, customer_id, order_date, status, currency, total_minor, owner_id, created_at, updated_at)
SELECT ?2 + 1 + r.k, b.id, ?7,
       CASE WHEN (r.w >> 27) = 0 THEN 'cancelled'
            ELSE CASE (r.w >> 16) % 3 WHEN 0 THEN ?8 WHEN 1 THEN ?9 ELSE ?10 END END,
       'CNY', a.v, b.owner_id, min(?7 || t.v, ?11), min(?7 || t.v, ?11)
  FROM r
  CROSS JOIN temp.bench_buyers AS b
  CROSS JOIN temp.bench_amounts AS a
  CROSS JOIN temp.bench_times AS t
 WHERE b.rank = 1 + (((r.x >> 8) * ?5) >> 24) AND a.k = r.y >> 20 AND t.k = ((r.y >> 8) & 4095) % 36`;

/**
 * Order totals in minor units: a log-normal table around ¥3,000 (median), computed once and drawn by index.
 * Draws 4096 numbers from `rng`, so call it at a fixed point of the run.
 */
export function orderAmounts(rng: Rng): Int32Array {
  const amounts = new Int32Array(4096);
  for (let i = 0; i < amounts.length; i++) {
    const u1 = (i + 0.5) / amounts.length;
    const u2 = rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    amounts[i] = Math.min(2_000_000_000, Math.max(100, Math.round(Math.exp(Math.log(300_000) + 1.1 * z))));
  }
  return amounts;
}

export interface BenchOrdersInput {
  orderCount: number;
  nowMs: number;
  /** Largest order id in use; new ids follow it. */
  orderBase: number;
  /** Largest customer id before this run; the run's customers follow it. */
  customerBase: number;
  customerCount: number;
  /** Stage index of each of the run's customers (0 = prospect). */
  stageOf: Uint8Array;
  /** How many of the run's customers exist at an instant (customer indexes [0, n)), at least 1. */
  existingAt: (ms: number) => number;
  /** From {@link orderAmounts}. */
  amounts: Int32Array;
  report: (progress: DemoProgress) => void;
  progressEvery: number;
}

/** Inserts the orders and returns how many it wrote. */
export function insertBenchOrders(db: Database, rng: Rng, input: BenchOrdersInput): number {
  const { orderCount, nowMs, customerCount, stageOf, existingAt, amounts, report } = input;
  // Day strings for the order window and quarter-hour times within office hours (01:00–10:00 UTC).
  const firstOrderDayMs = Math.floor(nowMs / DAY_MS) * DAY_MS - (ORDER_DAYS - 1) * DAY_MS;
  const dayStrings: string[] = [];
  for (let d = 0; d < ORDER_DAYS; d++) dayStrings.push(isoDate(firstOrderDayMs + d * DAY_MS));
  const nowIso = isoTimestamp(nowMs);
  const times: string[] = [];
  for (let q = 0; q < 36; q++) times.push(isoTimestamp(q * 900_000 + 3_600_000).slice(10));

  // Buyers = customers past the prospect stage, ranked by id (= by creation); buyersBefore[i] counts them
  // among customer indexes [0, i).
  const buyersBefore = new Int32Array(customerCount + 1);
  for (let i = 0; i < customerCount; i++) buyersBefore[i + 1] = buyersBefore[i]! + (stageOf[i] === 0 ? 0 : 1);
  const anyBuyer = buyersBefore[customerCount]! > 0;

  const statements: Statement[] = [];
  const prepare = (sql: string): Statement => {
    const stmt = db.prepare(sql);
    statements.push(stmt);
    return stmt;
  };
  let tempTablesCreated = false;
  try {
    db.exec(TEMP_TABLES_SQL);
    tempTablesCreated = true;
    db.run(
      `INSERT INTO temp.bench_buyers (id, owner_id)
       SELECT id, owner_id FROM customers WHERE id > ? AND (stage <> 'prospect' OR ?) ORDER BY id`,
      [input.customerBase, anyBuyer ? 0 : 1],
    );
    const fillAmount = prepare('INSERT INTO temp.bench_amounts (k, v) VALUES (?, ?)');
    for (let i = 0; i < amounts.length; i++) fillAmount.run([i, amounts[i]!]);
    const fillTime = prepare('INSERT INTO temp.bench_times (k, v) VALUES (?, ?)');
    for (let i = 0; i < times.length; i++) fillTime.run([i, times[i]!]);

    const insertOrders = prepare(ORDERS_SQL);
    let written = 0;
    let nextReport = input.progressEvery;
    for (let d = 0; d < ORDER_DAYS && written < orderCount; d++) {
      // Growth: orders on days [0, d) = N·(d/D)², so the daily volume rises linearly over the window.
      const upTo = d === ORDER_DAYS - 1 ? orderCount : Math.round(orderCount * ((d + 1) / ORDER_DAYS) ** 2);
      const count = upTo - written;
      if (count <= 0) continue;
      const dayMs = firstOrderDayMs + d * DAY_MS;
      const buyers = anyBuyer ? Math.max(1, buyersBefore[existingAt(dayMs)]!) : existingAt(dayMs);
      const age = ORDER_DAYS - 1 - d;
      const [s0, s1, s2] =
        age > 30
          ? ['completed', 'completed', 'completed']
          : age > 7
            ? ['completed', 'shipped', 'confirmed']
            : ['shipped', 'confirmed', 'draft'];
      insertOrders.run([
        count,
        input.orderBase + written,
        rng.uint32(),
        rng.uint32(),
        buyers,
        rng.uint32(),
        dayStrings[d]!,
        s0,
        s1,
        s2,
        nowIso,
      ]);
      written += count;
      if (written >= nextReport) {
        report({ phase: 'orders', done: written, total: orderCount });
        nextReport = written + input.progressEvery;
      }
    }
    return written;
  } finally {
    for (const stmt of statements) stmt.free();
    if (tempTablesCreated) db.exec(DROP_TEMP_TABLES_SQL);
  }
}
