/**
 * The benchmark's timeline customer: the run's first customer (the oldest, id = customer base + 1, an
 * existing customer) gets a planted history of TIMELINE_EVENTS events on top of whatever the random draws
 * gave it: contacts, activities over its last two years (past ones done, a few planned), orders,
 * opportunities (half open), contracts and cases, so the timeline benchmark has one known customer with
 * ≈1,000 mixed events at any profile size.
 */
import type { SqlValue } from 'sql.js';
import { type BenchContext, maxId } from './bench-context';
import { insertBenchContracts, insertBenchOpportunities } from './bench-pipeline';
import { insertBenchCases } from './bench-service';
import { DAY_MS, isoDate, isoTimestamp } from './random';

/** Planted events per kind; they add up to 1,000. */
export const TIMELINE_PLAN = {
  contacts: 19,
  activities: 481,
  orders: 200,
  opportunities: 100,
  contracts: 50,
  cases: 150,
} as const;

export const TIMELINE_EVENTS = Object.values(TIMELINE_PLAN).reduce((a, b) => a + b, 0);

const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'note', 'task'] as const;

/** Plants the history of customer index 0 and returns its id. */
export function plantTimelineCustomer(ctx: BenchContext, amounts: Int32Array): number {
  const { db, rng, nowMs, summary } = ctx;
  const customerId = ctx.customerBase + 1;
  const owner = ctx.owners[0]! || ctx.anyOwner();
  const lang = ctx.langOf[0]!;
  const text = ctx.records[lang]!;
  const historyFrom = Math.max(ctx.createdMsOf(0), nowMs - 730 * DAY_MS);

  const contactBase = maxId(db, 'contacts');
  const insertContact = ctx.prepare(
    `INSERT INTO contacts (id, customer_id, name, title, phone, email, is_primary, created_at, updated_at)
     VALUES (?, ?, ?, '', ?, ?, 0, ?, ?)`,
  );
  for (let n = 0; n < TIMELINE_PLAN.contacts; n++) {
    const [name, latin] = ctx.person(lang);
    const created = isoTimestamp(historyFrom + rng.next() * (nowMs - historyFrom));
    insertContact.run([
      contactBase + 1 + n,
      customerId,
      name,
      ctx.mobile(),
      `${latin}@example.com`,
      created,
      created,
    ]);
    summary.contacts++;
  }

  const insertActivity = ctx.prepare(
    `INSERT INTO activities (type, subject, due_at, done, done_at, customer_id, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const subjects = text.followUps.opportunity;
  const a: SqlValue[] = new Array<SqlValue>(9).fill(null);
  for (let n = 0; n < TIMELINE_PLAN.activities; n++) {
    // One in twenty is planned for the coming month; the rest is history, a few of it overdue.
    const dueMs =
      n % 20 === 0
        ? nowMs + (1 + rng.next() * 29) * DAY_MS
        : historyFrom + rng.next() * (nowMs - historyFrom - 3_600_000);
    const done = dueMs < nowMs && !(n % 40 === 1);
    const due = isoTimestamp(dueMs);
    const created = isoTimestamp(Math.min(dueMs, nowMs));
    a[0] = ACTIVITY_TYPES[n % ACTIVITY_TYPES.length]!;
    a[1] = subjects[n % subjects.length]!;
    a[2] = due;
    a[3] = done ? 1 : 0;
    a[4] = done ? due : null;
    a[5] = customerId;
    a[6] = owner;
    a[7] = created;
    a[8] = done ? due : created;
    insertActivity.run(a);
    summary.activities++;
  }

  const orderBase = maxId(db, 'orders');
  const insertOrder = ctx.prepare(
    `INSERT INTO orders (id, customer_id, order_date, status, currency, total_minor, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'CNY', ?, ?, ?, ?)`,
  );
  const orderTimes: number[] = [];
  for (let n = 0; n < TIMELINE_PLAN.orders; n++)
    orderTimes.push(historyFrom + rng.next() * (nowMs - historyFrom));
  orderTimes.sort((x, y) => x - y);
  for (let n = 0; n < orderTimes.length; n++) {
    const ms = orderTimes[n]!;
    const age = (nowMs - ms) / DAY_MS;
    const at = isoTimestamp(ms);
    insertOrder.run([
      orderBase + 1 + n,
      customerId,
      isoDate(ms),
      age > 30 ? 'completed' : age > 7 ? 'shipped' : 'confirmed',
      amounts[rng.uint32() & 4095]!,
      owner,
      at,
      at,
    ]);
    summary.orders++;
  }

  insertBenchOpportunities(ctx, TIMELINE_PLAN.opportunities, { amounts, customer: 0 });
  insertBenchContracts(ctx, TIMELINE_PLAN.contracts, amounts, 0);
  insertBenchCases(ctx, TIMELINE_PLAN.cases, 0);
  return customerId;
}
