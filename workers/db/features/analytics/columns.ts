/**
 * Reads the tables analytics need as typed columns (one typed array per column, one entry per row), so the
 * analytics worker receives them by transfer and the kernels in workers/kernels/ run on them directly.
 *
 * Dates become day numbers since 1970-01-01 in SQL (julianday), so no date string crosses into JS; money is
 * converted from minor units to major units (÷ 100) here, once. Orders that are drafts or cancelled are not
 * sales and are left out everywhere.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { eachNumericRow } from '../../repositories/numeric-rows';
import type {
  BasketColumns,
  CampaignSpendColumns,
  CustomerActivityColumns,
  OrderData,
  PipelineColumns,
  SurveyColumns,
} from './api';

/** Day number since 1970-01-01 of an ISO date or timestamp column (NULL stays NULL). */
export const dayOf = (column: string) => `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`;
/** Sales only: drafts and cancelled orders are not sales. */
export const SALE = "status NOT IN ('draft', 'cancelled')";
/**
 * The WHERE clause of idx_orders_sales_read (migration 011) and of the reads meant to use it. SQLite uses a
 * partial index only for a query that states the index's WHERE terms, and `total_minor >= 0` (always true:
 * a CHECK constraint) makes the index opt-in: on other sales queries it tempted the planner into plans that
 * read it and then every order row (at 1M customers: the campaign revenue 0.1 → 400 s, kpis 1.5 → 15 s).
 */
export const SALES_READ = `${SALE} AND total_minor >= 0`;
/** The day number of an order, as idx_orders_sales_read stores it (textually the same expression). */
export const SALE_DAY = dayOf('order_date');

/** A growable typed column: doubles its buffer instead of collecting a JS array of boxed numbers. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** The filled part as its own buffer (transferable without dragging the spare capacity along). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
const ints = (hint = 1024) => new Column(new Int32Array(hint), (n) => new Int32Array(n));
const doubles = (hint = 1024) => new Column(new Float64Array(hint), (n) => new Float64Array(n));

function count(db: Database, sql: string, params: SqlValue[] = []): number {
  return Number(db.exec(sql, params)[0]?.values[0]?.[0] ?? 0);
}

/** Steps a statement, handing each row to `row` (for rows with text; numeric ones use eachNumericRow). */
function each(db: Database, sql: string, params: SqlValue[], row: (values: SqlValue[]) => void): void {
  const stmt = db.prepare(sql, params);
  try {
    while (stmt.step()) row(stmt.get());
  } finally {
    stmt.free();
  }
}

/** Currencies that have sales, most orders first (the analytics pages default to the first). */
export function saleCurrencies(db: Database): { currency: string; orders: number }[] {
  const rows = db.exec(
    `SELECT currency, count(*) FROM orders WHERE ${SALES_READ} GROUP BY currency ORDER BY count(*) DESC, currency`,
  )[0]?.values;
  return (rows ?? []).map(([currency, orders]) => ({ currency: String(currency), orders: Number(orders) }));
}

const todayNumber = () => Math.floor(Date.now() / 86_400_000);

/** Today's day number, or the day of the latest sale when the data lies in the future (demo clocks). */
export function asOfDay(db: Database, currency: string): number {
  const today = todayNumber();
  // Walks idx_orders_date from the newest end and stops at the first sale (max() would scan them all).
  // Left to itself, SQLite scans and sorts every order instead: 2.4 s at 1M customers, 0 ms this way.
  const latest = db.exec(
    `SELECT ${SALE_DAY} FROM orders INDEXED BY idx_orders_date
      WHERE currency = ? AND ${SALE} ORDER BY order_date DESC LIMIT 1`,
    [currency],
  )[0]?.values[0]?.[0];
  return latest === null || latest === undefined ? today : Math.max(today, Number(latest));
}

/** The customers read of {@link orderData} (ids in rowid order, the day computed per row). */
export const CUSTOMERS_READ_SQL = `SELECT id, ${dayOf('created_at')} FROM customers ORDER BY id`;
/** The sales read of {@link orderData}: answered from idx_orders_sales_read alone, no order row is read. */
export const ORDER_DATA_SQL = `SELECT customer_id, ${SALE_DAY}, total_minor FROM orders WHERE currency = ? AND ${SALES_READ}`;

/**
 * All customers (ids ascending; index i of every per-customer column is customer `customerIds[i]`) and
 * their sales in `currency`: customer index, day and amount per order. O(customers + orders).
 */
export function orderData(db: Database, currency: string): OrderData {
  const customerTotal = count(db, 'SELECT count(*) FROM customers');
  if (customerTotal === 0) throw new DomainError('empty', 'there are no customers to analyse yet');
  const customerIds = new Int32Array(customerTotal);
  const createdDay = new Int32Array(customerTotal);
  let i = 0;
  // An unreadable date (NaN) becomes 0 in the Int32Array, as Number(null) did.
  eachNumericRow(db, CUSTOMERS_READ_SQL, [], (row) => {
    customerIds[i] = row[0]!;
    createdDay[i++] = row[1]!;
  });
  const indexOf = denseIndex(customerIds);
  // An upper bound sizes the columns: counting the matching sales exactly would scan the orders twice.
  const hint = count(db, 'SELECT count(*) FROM orders');
  const customerIndex = ints(hint);
  const day = ints(hint);
  const amount = doubles(hint);
  // The latest sale's day comes with the read; asOfDay()'s own query costs 2 s at 1M customers.
  let latest = -Infinity;
  eachNumericRow(db, ORDER_DATA_SQL, [currency], (row) => {
    const d = row[1]!;
    customerIndex.push(indexOf(row[0]!));
    day.push(d); // an unreadable date (NaN) becomes 0, as Number(null) did
    amount.push(row[2]! / 100); // total_minor is NOT NULL
    if (d > latest) latest = d;
  });
  if (day.length === 0) throw new DomainError('empty', `there are no sales in ${currency} to analyse yet`);
  return {
    currency,
    asOfDay: Math.max(todayNumber(), latest), // as asOfDay() gives
    customerIds,
    createdDay,
    customerIndex: customerIndex.done(),
    day: day.done(),
    amount: amount.done(),
  };
}

/** id → dense index for ascending ids: a lookup table when ids are compact, else binary search. */
export function denseIndex(ids: Int32Array): (id: number) => number {
  const maxId = ids.length ? ids[ids.length - 1]! : 0;
  if (maxId < 4 * ids.length + 1_000_000) {
    const table = new Int32Array(maxId + 1).fill(-1);
    ids.forEach((id, index) => (table[id] = index));
    return (id) => table[id] ?? -1;
  }
  return (id) => {
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else if (ids[mid]! > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
}

/**
 * Service and engagement per customer before `beforeDay` (exclusive), aligned with `customerIds`: cases
 * opened, their mean CSAT (NaN when none was rated) and activities logged. O(cases + activities).
 */
export function customerActivity(
  db: Database,
  customerIds: Int32Array,
  beforeDay: number,
): CustomerActivityColumns {
  const indexOf = denseIndex(customerIds);
  const cases = new Int32Array(customerIds.length);
  const csatSum = new Float64Array(customerIds.length);
  const csatCount = new Int32Array(customerIds.length);
  const activities = new Int32Array(customerIds.length);
  eachNumericRow(
    db,
    `SELECT customer_id, count(*), sum(csat), count(csat) FROM cases
     WHERE ${dayOf('created_at')} < ? GROUP BY customer_id`,
    [beforeDay],
    (row) => {
      const c = indexOf(row[0]!);
      if (c < 0) return;
      cases[c] = row[1]!;
      csatSum[c] = Number.isNaN(row[2]) ? 0 : row[2]!; // sum() is NULL when none was rated
      csatCount[c] = row[3]!;
    },
  );
  eachNumericRow(
    db,
    `SELECT customer_id, count(*) FROM activities
     WHERE customer_id IS NOT NULL AND ${dayOf('created_at')} < ? GROUP BY customer_id`,
    [beforeDay],
    (row) => {
      const c = indexOf(row[0]!);
      if (c >= 0) activities[c] = row[1]!;
    },
  );
  const meanCsat = new Float64Array(customerIds.length);
  for (let c = 0; c < meanCsat.length; c++) meanCsat[c] = csatCount[c] ? csatSum[c]! / csatCount[c]! : NaN;
  return { cases, meanCsat, activities };
}

/**
 * Order lines as baskets (one per sale, products as dense item numbers), the newest `limit` sales first.
 * Product names come along so rules can be shown without another round trip.
 */
export function basketColumns(db: Database, limit: number): BasketColumns {
  const productIds: number[] = [];
  const productNames: string[] = [];
  each(db, 'SELECT id, name FROM products ORDER BY id', [], (row) => {
    productIds.push(Number(row[0]));
    productNames.push(String(row[1]));
  });
  const itemOf = denseIndex(Int32Array.from(productIds));
  const offsets = ints(Math.min(limit, 1 << 20) + 1);
  const items = ints();
  offsets.push(0);
  let current = -1;
  eachNumericRow(
    db,
    `SELECT l.order_id, l.product_id FROM
       (SELECT id FROM orders WHERE ${SALE} ORDER BY order_date DESC, id DESC LIMIT ?) o
     JOIN order_lines l ON l.order_id = o.id ORDER BY l.order_id`,
    [limit],
    (row) => {
      const order = row[0]!;
      if (order !== current && current !== -1) offsets.push(items.length);
      current = order;
      items.push(itemOf(row[1]!));
    },
  );
  if (current !== -1) offsets.push(items.length);
  return {
    offsets: offsets.done(),
    items: items.done(),
    productIds: Int32Array.from(productIds),
    productNames,
  };
}

/** Every opportunity with its stage position (open stages first, in board order), amounts in major units. */
export function pipelineColumns(db: Database): PipelineColumns {
  const stages = (
    db.exec(
      'SELECT id, name, code, probability, is_won, is_lost FROM pipeline_stages ORDER BY position, id',
    )[0]?.values ?? []
  ).map(([id, name, code, probability, won, lost]) => ({
    id: Number(id),
    name: String(name),
    code: code === null ? null : String(code),
    probability: Number(probability),
    kind: Number(won) ? ('won' as const) : Number(lost) ? ('lost' as const) : ('open' as const),
  }));
  const stageIndex = new Map(stages.map((s, index) => [s.id, index]));
  const currencies: string[] = [];
  const currencyCode = new Map<string, number>();
  const owners: number[] = [];
  const ownerCode = new Map<number | null, number>();
  const n = count(db, 'SELECT count(*) FROM opportunities');
  const stage = ints(n);
  const amount = doubles(n);
  const probability = doubles(n);
  const expectedCloseDay = ints(n);
  const createdDay = ints(n);
  const closedDay = ints(n);
  const currency = ints(n);
  const owner = ints(n);
  // Where a lost deal was lost: the stage it left for a lost stage, from the audit log (deals lost through
  // the app; imported or demo history has no such line, and the funnel then counts them at stage one).
  const lostFrom = new Map<number, number>();
  each(
    db,
    `SELECT a.row_id, json_extract(a.before_json, '$.stage_id') FROM audit_log a
     JOIN opportunities o ON o.id = a.row_id JOIN pipeline_stages s ON s.id = o.stage_id AND s.is_lost = 1
     WHERE a.table_name = 'opportunities' AND a.action = 'update'
       AND json_extract(a.after_json, '$.stage_id') = o.stage_id ORDER BY a.id`,
    [],
    (row) => {
      const from = stageIndex.get(Number(row[1]));
      if (from !== undefined && stages[from]!.kind === 'open') lostFrom.set(Number(row[0]), from);
      else lostFrom.delete(Number(row[0]));
    },
  );
  const lostFromStage = ints(n);
  each(
    db,
    `SELECT stage_id, amount_minor, probability, ${dayOf('expected_close')}, ${dayOf('created_at')},
            ${dayOf('closed_at')}, currency, owner_id, id FROM opportunities ORDER BY id`,
    [],
    (row) => {
      lostFromStage.push(lostFrom.get(Number(row[8])) ?? -1);
      stage.push(stageIndex.get(Number(row[0])) ?? -1);
      amount.push(Number(row[1]) / 100);
      probability.push(Number(row[2]) / 100);
      expectedCloseDay.push(row[3] === null ? -1 : Number(row[3]));
      createdDay.push(Number(row[4]));
      closedDay.push(row[5] === null ? -1 : Number(row[5]));
      const code = String(row[6]);
      if (!currencyCode.has(code)) currencyCode.set(code, currencies.push(code) - 1);
      currency.push(currencyCode.get(code)!);
      const ownerId = row[7] === null ? null : Number(row[7]);
      if (!ownerCode.has(ownerId)) ownerCode.set(ownerId, owners.push(ownerId ?? -1) - 1);
      owner.push(ownerCode.get(ownerId)!);
    },
  );
  return {
    stages,
    currencies,
    ownerIds: Int32Array.from(owners),
    stage: stage.done(),
    amount: amount.done(),
    probability: probability.done(),
    expectedCloseDay: expectedCloseDay.done(),
    createdDay: createdDay.done(),
    closedDay: closedDay.done(),
    currency: currency.done(),
    owner: owner.done(),
    lostFromStage: lostFromStage.done(),
  };
}

/** Survey answers (NaN where a question was not answered), with the responding customer and their segment. */
export function surveyColumns(db: Database): SurveyColumns {
  const n = count(db, 'SELECT count(*) FROM survey_responses');
  const customerId = ints(n);
  const day = ints(n);
  const segment = ints(n);
  const segmentLabels: string[] = [];
  const segmentCode = new Map<string, number>();
  const cols = ['csat', 'nps', 'quality', 'reliability', 'responsiveness', 'price'] as const;
  const answers = cols.map(() => doubles(n));
  each(
    db,
    `SELECT r.customer_id, ${dayOf('r.responded_at')}, c.segment, ${cols.map((c) => `r.${c}`).join(', ')}
     FROM survey_responses r LEFT JOIN customers c ON c.id = r.customer_id ORDER BY r.responded_at`,
    [],
    (row) => {
      customerId.push(row[0] === null ? -1 : Number(row[0]));
      day.push(Number(row[1]));
      if (row[2] === null) segment.push(-1);
      else {
        const label = String(row[2]);
        if (!segmentCode.has(label)) segmentCode.set(label, segmentLabels.push(label) - 1);
        segment.push(segmentCode.get(label)!);
      }
      answers.forEach((column, k) => column.push(row[k + 3] === null ? NaN : Number(row[k + 3])));
    },
  );
  const [csat, nps, quality, reliability, responsiveness, price] = answers.map((c) => c.done()) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  return {
    customerId: customerId.done(),
    day: day.done(),
    csat,
    nps,
    quality,
    reliability,
    responsiveness,
    price,
    segment: segment.done(),
    segmentLabels,
  };
}

/**
 * Per campaign that has started (not cancelled): its spend (actual cost, else budget) and the sales in
 * `currency` to its members from the start date to 90 days after its end (the response window). A campaign
 * yet to start has a budget but cannot have revenue, so it would pull the spend → revenue line down.
 */
export function campaignSpend(db: Database, currency: string): CampaignSpendColumns {
  const rows =
    db.exec(
      `SELECT c.id, c.name, CASE WHEN c.actual_cost_minor > 0 THEN c.actual_cost_minor ELSE c.budget_minor END,
              (SELECT coalesce(sum(o.total_minor), 0) FROM campaign_members m
                 JOIN orders o ON o.customer_id = m.customer_id
                WHERE m.campaign_id = c.id AND o.currency = ? AND o.${SALE}
                  AND o.order_date >= c.start_date
                  AND o.order_date <= date(coalesce(c.end_date, c.start_date), '+90 days'))
       FROM campaigns c WHERE c.start_date IS NOT NULL AND c.start_date <= date('now') AND c.currency = ?
        AND c.status <> 'cancelled'
       ORDER BY c.start_date, c.id`,
      [currency, currency],
    )[0]?.values ?? [];
  return {
    campaignIds: Int32Array.from(rows, (r) => Number(r[0])),
    names: rows.map((r) => String(r[1])),
    spend: Float64Array.from(rows, (r) => Number(r[2]) / 100),
    revenue: Float64Array.from(rows, (r) => Number(r[3]) / 100),
  };
}

/** Names of up to a few thousand customers, for result tables. */
export function customerNames(db: Database, ids: readonly number[]): Record<number, string> {
  const names: Record<number, string> = {};
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    each(
      db,
      `SELECT id, name FROM customers WHERE id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
      (row) => {
        names[Number(row[0])] = String(row[1]);
      },
    );
  }
  return names;
}
