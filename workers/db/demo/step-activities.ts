/**
 * Demo step 5: activities (calls, meetings, e-mails, notes, tasks) over the last 18 months and the next 30
 * days, more for active customers and prospects than for lost ones. Past activities are done, except some
 * recent calls and tasks nobody closed (overdue); future ones are open.
 */
import type { Database } from 'sql.js';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  PROGRESS_EVERY,
  roundToMinute,
  workHours,
} from './demo-context';
import type { ActivityType } from './locale-text';
import { DAY_MS, type Rng, WeightedPicker, isoTimestamp } from './random';

const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'meeting', 'email', 'note', 'task'];
const ACTIVITY_TYPE_WEIGHTS = [30, 15, 25, 12, 18];

export interface ActivitiesContext extends DemoContext {
  customers: readonly CustomerRow[];
  /** Picks an owner for activities on unassigned customers (from the users step). */
  owners: WeightedPicker<number>;
}

export function insertActivities(db: Database, rng: Rng, ctx: ActivitiesContext): void {
  const { text, zh, nowMs, customers, summary, report } = ctx;
  const insertActivity = db.prepare(
    `INSERT INTO activities (type, subject, due_at, done, done_at, customer_id, contact_id, owner_id,
                             created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    const typePicker = new WeightedPicker(ACTIVITY_TYPES, ACTIVITY_TYPE_WEIGHTS);
    const activityCustomerPicker = new WeightedPicker(
      customers,
      customers.map((c) => (c.stage === 'lost' ? 0.3 : c.stage === 'prospect' ? 1.2 : 0.5 + c.orderWeight)),
    );
    const totalActivities = DEMO_PROFILE.activities;
    report({ phase: 'activities', done: 0, total: totalActivities });
    for (let i = 0; i < totalActivities; i++) {
      const customer = activityCustomerPicker.pick(rng);
      const type = typePicker.pick(rng);
      // Calls, meetings and tasks are sometimes planned in the next 30 days; the rest is history.
      const future = type !== 'note' && type !== 'email' && customer.stage !== 'lost' && rng.chance(0.2);
      let dueMs: number;
      if (future) {
        dueMs = nowMs + (1 + rng.next() * 29) * DAY_MS;
      } else {
        const from = Math.max(customer.createdMs, nowMs - 540 * DAY_MS);
        const to = Math.max(from, Math.min(customer.lostMs + 30 * DAY_MS, nowMs - DAY_MS));
        dueMs = from + rng.next() * (to - from);
      }
      dueMs = workHours(dueMs, rng, zh ? 1 : 14);
      if (!future) dueMs = Math.min(dueMs, nowMs - 3_600_000);
      // Past activities are done, except some recent calls and tasks nobody closed (overdue).
      const overdue =
        !future && (type === 'task' || type === 'call') && nowMs - dueMs < 21 * DAY_MS && rng.chance(0.3);
      const done = !future && !overdue;
      const createdMs = Math.min(
        Math.max(customer.createdMs, roundToMinute(dueMs - rng.next() * 7 * DAY_MS)),
        nowMs,
      );
      const doneAt = done
        ? isoTimestamp(Math.min(nowMs, Math.max(createdMs, dueMs + rng.int(8) * 900_000)))
        : null;
      const contactId =
        customer.contactIds.length > 0 && rng.chance(0.7) ? rng.pick(customer.contactIds) : null;
      insertActivity.run([
        type,
        text.subject(rng.pick(text.activitySubjects[type]), customer.shortName),
        isoTimestamp(dueMs),
        done ? 1 : 0,
        doneAt,
        customer.id,
        contactId,
        customer.ownerId ?? ctx.owners.pick(rng),
        isoTimestamp(createdMs),
        doneAt ?? isoTimestamp(createdMs),
      ]);
      summary.activities++;
      if ((i + 1) % PROGRESS_EVERY === 0)
        report({ phase: 'activities', done: i + 1, total: totalActivities });
    }
    report({ phase: 'activities', done: summary.activities, total: totalActivities });
  } finally {
    insertActivity.free();
  }
}
