/**
 * How many timeline events a customer has: the records that carry its id and show on its timeline
 * (contacts, activities, orders, opportunities, contracts, cases). Both generators report the customer with
 * the longest timeline, so the timeline benchmark and the tests know which one to open.
 */
import type { Database } from 'sql.js';

/** One count per table, each through the table's customer index. */
const COUNT_SQL = `
  SELECT (SELECT count(*) FROM contacts WHERE customer_id = ?1)
       + (SELECT count(*) FROM activities WHERE customer_id = ?1)
       + (SELECT count(*) FROM orders WHERE customer_id = ?1)
       + (SELECT count(*) FROM opportunities WHERE customer_id = ?1)
       + (SELECT count(*) FROM contracts WHERE customer_id = ?1)
       + (SELECT count(*) FROM cases WHERE customer_id = ?1)`;

const BUSIEST_SQL = `
  SELECT customer_id FROM (
    SELECT customer_id FROM contacts WHERE customer_id >= ?1
    UNION ALL SELECT customer_id FROM activities WHERE customer_id >= ?1
    UNION ALL SELECT customer_id FROM orders WHERE customer_id >= ?1
    UNION ALL SELECT customer_id FROM opportunities WHERE customer_id >= ?1
    UNION ALL SELECT customer_id FROM contracts WHERE customer_id >= ?1
    UNION ALL SELECT customer_id FROM cases WHERE customer_id >= ?1)
  GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`;

function single(db: Database, sql: string, id: number): number | null {
  const stmt = db.prepare(sql);
  try {
    stmt.bind([id]);
    return stmt.step() ? Number(stmt.get()[0]) : null;
  } finally {
    stmt.free();
  }
}

export function countTimelineEvents(db: Database, customerId: number): number {
  return single(db, COUNT_SQL, customerId) ?? 0;
}

/** The customer with the most events among ids ≥ `fromId` (ties: the lowest id), or null if none. */
export function busiestCustomer(db: Database, fromId: number): number | null {
  return single(db, BUSIEST_SQL, fromId);
}
