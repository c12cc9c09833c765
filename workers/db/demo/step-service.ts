/**
 * Demo step 10: service cases and the knowledge base.
 *
 * Cases come from buying customers over the last year, more of them recently. The SLA due time follows
 * from the priority (CASE_SLA_HOURS); recent cases are still open, in progress or waiting (those past their
 * due time are overdue), older ones resolved or closed, mostly within the SLA. Closed cases usually have a
 * satisfaction score (CSAT 1–5; complaints and late resolutions score lower). After-sales cases name the
 * order and product they are about. Open cases have a follow-up planned or overdue.
 *
 * Articles: the locale's knowledge-base seeds, mostly published, by different authors.
 */
import { SLA_HOURS } from '../entities/rules';
import type { Database } from 'sql.js';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  type StaffMember,
  PROGRESS_EVERY,
  insertReturningId,
  roundToMinute,
} from './demo-context';
import { FollowUpWriter } from './follow-ups';
import { DAY_MS, type Rng, WeightedPicker, isoTimestamp } from './random';
import type { CaseType } from './record-text';

export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
type CaseStatus = 'open' | 'in_progress' | 'waiting' | 'resolved' | 'closed';

/** Resolution time promised per priority (the knowledge base's "response times" article says the same). */
export const CASE_SLA_HOURS: Record<CasePriority, number> = SLA_HOURS;

const TYPES: readonly CaseType[] = ['inquiry', 'complaint', 'after_sales'];
const PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];
const STATUSES: readonly CaseStatus[] = ['open', 'in_progress', 'waiting', 'resolved', 'closed'];

export interface ServiceContext extends DemoContext {
  customers: readonly CustomerRow[];
  staff: readonly StaffMember[];
  owners: WeightedPicker<number>;
}

export function insertCases(db: Database, rng: Rng, ctx: ServiceContext): void {
  const { records, nowMs, summary, report } = ctx;
  const clients = ctx.customers.filter((c) => c.stage !== 'prospect' && c.createdMs < nowMs - 2 * DAY_MS);
  if (clients.length === 0) return;
  const customerPicker = new WeightedPicker(
    clients,
    clients.map((c) => (c.stage === 'lost' ? 0.2 : 0.3 + c.orderWeight)),
  );
  const typePicker = new WeightedPicker(TYPES, [40, 20, 40]);
  const priorityPickers = {
    usual: new WeightedPicker(PRIORITIES, [20, 50, 22, 8]),
    complaint: new WeightedPicker(PRIORITIES, [5, 40, 40, 15]),
  };
  const statusPickers = {
    fresh: new WeightedPicker(STATUSES, [60, 40, 0, 0, 0]),
    recent: new WeightedPicker(STATUSES, [15, 35, 20, 20, 10]),
    old: new WeightedPicker(STATUSES, [0, 0, 2, 10, 88]),
  };
  const csatPickers = {
    happy: new WeightedPicker([1, 2, 3, 4, 5], [3, 5, 12, 35, 45]),
    unhappy: new WeightedPicker([1, 2, 3, 4, 5], [15, 20, 30, 20, 15]),
  };
  const insert = db.prepare(
    `INSERT INTO cases (subject, description, type, priority, status, customer_id, contact_id, order_id, product_id,
                        owner_id, sla_due, resolved_at, resolution, csat, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const followUps = new FollowUpWriter(db, ctx);
  try {
    const total = DEMO_PROFILE.cases;
    report({ phase: 'cases', done: 0, total });
    for (let i = 0; i < total; i++) {
      const customer = customerPicker.pick(rng);
      // One case in six is from the last ten days; the rest over the year, more of them recently.
      const ageMs = rng.chance(1 / 6) ? rng.next() * 10 * DAY_MS : Math.pow(rng.next(), 1.3) * 365 * DAY_MS;
      const createdMs = roundToMinute(
        Math.max(customer.createdMs + DAY_MS, nowMs - Math.max(ageMs, 3_600_000)),
      );
      const pastOrders = customer.orders.filter((o) => o.ms < createdMs);
      let type = typePicker.pick(rng);
      if (type === 'after_sales' && pastOrders.length === 0) type = 'inquiry';
      const order = type === 'after_sales' ? rng.pick(pastOrders) : null;
      const priority = (type === 'complaint' ? priorityPickers.complaint : priorityPickers.usual).pick(rng);
      const slaMs = CASE_SLA_HOURS[priority] * 3_600_000;
      const ageDays = (nowMs - createdMs) / DAY_MS;
      const status = (
        ageDays < 2 ? statusPickers.fresh : ageDays < 14 ? statusPickers.recent : statusPickers.old
      ).pick(rng);
      const settled = status === 'resolved' || status === 'closed';
      // Mostly within the SLA; about one in seven late.
      const resolvedMs = settled
        ? roundToMinute(Math.min(nowMs, createdMs + slaMs * (0.15 + rng.next() * 1.0)))
        : null;
      const late = resolvedMs !== null && resolvedMs > createdMs + slaMs;
      const csat =
        status === 'closed' && rng.chance(0.85)
          ? Math.max(
              1,
              (type === 'complaint' ? csatPickers.unhappy : csatPickers.happy).pick(rng) - (late ? 1 : 0),
            )
          : null;
      const updatedMs =
        resolvedMs !== null
          ? Math.min(nowMs, resolvedMs + (status === 'closed' ? rng.next() * 3 * DAY_MS : 0))
          : roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const seed = rng.pick(records.cases[type]);
      const contactId = customer.contactIds.length > 0 && rng.chance(0.7) ? customer.contactIds[0]! : null;
      const ownerId = rng.chance(0.8) && customer.ownerId !== null ? customer.ownerId : ctx.owners.pick(rng);
      const id = insertReturningId(insert, [
        seed.subject,
        seed.description,
        type,
        priority,
        status,
        customer.id,
        contactId,
        order?.id ?? null,
        order?.productId ?? null,
        ownerId,
        isoTimestamp(createdMs + slaMs),
        resolvedMs === null ? null : isoTimestamp(resolvedMs),
        settled ? rng.pick(records.resolutions[type]) : '',
        csat,
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      summary.cases++;

      const links = { customerId: customer.id, contactId, caseId: id, ownerId };
      const [confirm, reproduce, visit] = records.followUps.case;
      if (!settled) {
        const subject = records.subject(type === 'after_sales' ? visit! : reproduce!, customer.shortName);
        followUps.open(rng, rng.chance(0.5) ? 'task' : 'call', subject, 0.35, createdMs, links);
      } else if (rng.chance(0.5)) {
        followUps.past(
          rng,
          'call',
          records.subject(confirm!, customer.shortName),
          resolvedMs!,
          resolvedMs! + 2 * DAY_MS,
          links,
        );
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'cases', done: i + 1, total });
    }
    report({ phase: 'cases', done: summary.cases, total });
  } finally {
    insert.free();
    followUps.free();
  }
}

export function insertArticles(db: Database, rng: Rng, ctx: ServiceContext): void {
  const { records, nowMs, summary, report } = ctx;
  const insert = db.prepare(
    `INSERT INTO knowledge_articles (title, body, category, tags, status, author_id, views, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    report({ phase: 'articles', done: 0, total: records.articles.length });
    for (const article of records.articles) {
      const status = article.status ?? 'published';
      const createdMs = roundToMinute(
        ctx.workspaceStartMs + rng.next() * (nowMs - ctx.workspaceStartMs - 7 * DAY_MS),
      );
      const updatedMs = roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const ageDays = (nowMs - createdMs) / DAY_MS;
      const views = status === 'draft' ? 0 : Math.round(ageDays * (0.5 + rng.next() * 3));
      insert.run([
        article.title,
        article.body,
        article.category,
        JSON.stringify(article.tags),
        status,
        rng.pick(ctx.staff).id,
        views,
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      summary.articles++;
    }
    report({ phase: 'articles', done: summary.articles, total: records.articles.length });
  } finally {
    insert.free();
  }
}
