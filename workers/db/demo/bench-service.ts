/**
 * Benchmark service and marketing records (see bench-data.ts for the sizes): campaigns over the last two
 * years and the next quarter with customer members, cases over the last two years (SLA from the priority as
 * in the demo, recent ones open and some overdue, CSAT on closed ones), customer relationships, and both
 * locales' knowledge-base articles.
 */
import type { SqlValue } from 'sql.js';
import { type BenchContext, lookupTable, maxId } from './bench-context';
import { DAY_MS, isoDate, isoTimestamp } from './random';
import { type CaseType, campaignName } from './record-text';
import { CASE_SLA_HOURS, type CasePriority } from './step-service';

const PROGRESS_EVERY = 50_000;

export interface BenchCampaign {
  id: number;
  startMs: number;
  status: string;
}

export const BENCH_CAMPAIGNS = 24;

export function insertBenchCampaigns(ctx: BenchContext): BenchCampaign[] {
  const { db, rng, nowMs, summary, records } = ctx;
  const base = maxId(db, 'campaigns');
  const insert = ctx.prepare(
    `INSERT INTO campaigns (id, name, channel, status, start_date, end_date, location, budget_minor,
                            actual_cost_minor, currency, description, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?)`,
  );
  const campaigns: BenchCampaign[] = [];
  for (let c = 0; c < BENCH_CAMPAIGNS; c++) {
    const text = records[c % 4 === 3 ? 1 : 0]!;
    const seed = text.campaigns[c % text.campaigns.length]!;
    // One a month from 21 months ago to 2 months ahead.
    const startMs = Math.floor((nowMs + (c - 21) * 30 * DAY_MS) / DAY_MS) * DAY_MS;
    const endMs =
      startMs + (seed.channel === 'social' ? 90 : seed.channel === 'advertising' ? 60 : 14) * DAY_MS;
    const status =
      startMs > nowMs
        ? 'planned'
        : endMs + DAY_MS <= nowMs
          ? c === 5
            ? 'cancelled'
            : 'completed'
          : 'active';
    const budget = seed.budget * 100;
    const createdMs = Math.min(nowMs, startMs - 30 * DAY_MS);
    insert.run([
      base + 1 + c,
      campaignName(seed, startMs, text === records[0]),
      seed.channel,
      status,
      isoDate(startMs),
      isoDate(endMs),
      seed.location,
      budget,
      status === 'completed' ? Math.round(budget * (0.85 + rng.next() * 0.25)) : 0,
      seed.description,
      ctx.managerIds[c % ctx.managerIds.length] ?? null,
      isoTimestamp(createdMs),
      isoTimestamp(Math.min(nowMs, Math.max(createdMs, endMs))),
    ]);
    campaigns.push({ id: base + 1 + c, startMs, status });
    summary.campaigns++;
  }
  ctx.report({ phase: 'campaigns', done: summary.campaigns, total: BENCH_CAMPAIGNS });
  return campaigns;
}

const MEMBER_RESPONSES = ['sent', 'opened', 'responded', 'attended', 'declined', 'converted'];

export function insertBenchMembers(
  ctx: BenchContext,
  campaigns: readonly BenchCampaign[],
  count: number,
): void {
  const { rng, nowMs, summary } = ctx;
  const insert = ctx.prepare(
    `INSERT INTO campaign_members (campaign_id, customer_id, response, responded_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const p: SqlValue[] = new Array<SqlValue>(6).fill(null);
  const perCampaign = Math.ceil(count / Math.max(1, campaigns.length));
  for (const campaign of campaigns) {
    const invitedMs = Math.min(nowMs - DAY_MS, campaign.startMs) - 14 * DAY_MS;
    const existing = ctx.existingAt(invitedMs);
    const seen = new Set<number>();
    for (let n = 0; n < perCampaign * 2 && seen.size < perCampaign && summary.campaignMembers < count; n++) {
      const ci = rng.int(existing);
      if (seen.has(ci)) continue;
      seen.add(ci);
      const response =
        campaign.status === 'planned' ? 'pending' : MEMBER_RESPONSES[rng.int(MEMBER_RESPONSES.length)]!;
      const answered = response !== 'pending' && response !== 'sent';
      const created = isoTimestamp(invitedMs + rng.int(14) * DAY_MS);
      const responded = answered
        ? isoTimestamp(Math.min(nowMs, campaign.startMs + rng.int(20) * DAY_MS))
        : null;
      p[0] = campaign.id;
      p[1] = ctx.customerBase + 1 + ci;
      p[2] = response;
      p[3] = responded && responded > created ? responded : answered ? created : null;
      p[4] = created;
      p[5] = p[3] ?? created;
      insert.run(p);
      summary.campaignMembers++;
    }
  }
  ctx.report({ phase: 'members', done: count, total: count });
}

const CASE_TYPES: readonly CaseType[] = ['inquiry', 'complaint', 'after_sales'];
const PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];

/** `customer`: all cases for this customer index (the timeline customer); otherwise random customers. */
export function insertBenchCases(ctx: BenchContext, count: number, customer?: number): void {
  const { db, rng, nowMs, summary, records } = ctx;
  const base = maxId(db, 'cases');
  const typeTable = lookupTable([0, 1, 2], [40, 20, 40], 1024);
  const priorityTable = lookupTable([0, 1, 2, 3], [20, 50, 22, 8], 1024);
  const csatTable = lookupTable([1, 2, 3, 4, 5], [5, 7, 15, 33, 40], 1024);
  const insert = ctx.prepare(
    `INSERT INTO cases (id, subject, description, type, priority, status, customer_id, contact_id, owner_id,
                        sla_due, resolved_at, resolution, csat, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const p: SqlValue[] = new Array<SqlValue>(15).fill(null);
  ctx.report({ phase: 'cases', done: 0, total: count });
  for (let n = 0; n < count; n++) {
    const ageMs = Math.max(3_600_000, Math.pow(rng.next(), 1.3) * 730 * DAY_MS);
    const createdMs = Math.floor((nowMs - ageMs) / 60_000) * 60_000;
    const ci = customer ?? rng.int(ctx.existingAt(createdMs - DAY_MS));
    const type = CASE_TYPES[typeTable[rng.uint32() & 1023]!]!;
    const priority = PRIORITIES[priorityTable[rng.uint32() & 1023]!]!;
    const slaMs = CASE_SLA_HOURS[priority] * 3_600_000;
    const ageDays = ageMs / DAY_MS;
    const roll = rng.next();
    const status =
      ageDays < 2
        ? roll < 0.6
          ? 'open'
          : 'in_progress'
        : ageDays < 14
          ? roll < 0.15
            ? 'open'
            : roll < 0.5
              ? 'in_progress'
              : roll < 0.7
                ? 'waiting'
                : roll < 0.9
                  ? 'resolved'
                  : 'closed'
          : roll < 0.02
            ? 'waiting'
            : roll < 0.12
              ? 'resolved'
              : 'closed';
    const settled = status === 'resolved' || status === 'closed';
    const resolvedMs = settled ? Math.min(nowMs, createdMs + slaMs * (0.15 + rng.next())) : null;
    const text = records[ctx.langOf[ci]!]!;
    const seeds = text.cases[type];
    const seed = seeds[rng.int(seeds.length)]!;
    p[0] = base + 1 + n;
    p[1] = seed.subject;
    p[2] = seed.description;
    p[3] = type;
    p[4] = priority;
    p[5] = status;
    p[6] = ctx.customerBase + 1 + ci;
    p[7] = ctx.contactOf(ci);
    p[8] = ctx.owners[ci]! || ctx.anyOwner();
    p[9] = isoTimestamp(createdMs + slaMs);
    p[10] = resolvedMs === null ? null : isoTimestamp(resolvedMs);
    p[11] = settled ? text.resolutions[type][rng.int(text.resolutions[type].length)]! : '';
    p[12] = status === 'closed' && rng.next() < 0.85 ? csatTable[rng.uint32() & 1023]! : null;
    p[13] = isoTimestamp(createdMs);
    p[14] = isoTimestamp(resolvedMs ?? createdMs + rng.next() * (nowMs - createdMs));
    insert.run(p);
    summary.cases++;
    if ((n + 1) % PROGRESS_EVERY === 0) ctx.report({ phase: 'cases', done: n + 1, total: count });
  }
  ctx.report({ phase: 'cases', done: count, total: count });
}

const RELATIONSHIP_TYPES = ['friend', 'colleague', 'client'];
const HEALTH = ['good', 'good', 'normal', 'normal', 'deteriorating'];

export function insertBenchRelationships(ctx: BenchContext, count: number): void {
  const { rng, nowMs, summary } = ctx;
  if (ctx.customerCount < 2) return;
  const insert = ctx.prepare(
    `INSERT INTO customer_relationships (customer_id, related_customer_id, type, health, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const seen = new Set<string>();
  for (let n = 0; n < count * 2 && summary.relationships < count; n++) {
    const a = rng.int(ctx.customerCount);
    const b = rng.int(ctx.customerCount);
    const type = RELATIONSHIP_TYPES[rng.int(3)]!;
    const key = `${a}:${b}:${type}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const knownMs = Math.max(ctx.createdMsOf(a), ctx.createdMsOf(b));
    const created = isoTimestamp(knownMs + rng.next() * (nowMs - knownMs));
    insert.run([
      ctx.customerBase + 1 + a,
      ctx.customerBase + 1 + b,
      type,
      HEALTH[rng.int(HEALTH.length)]!,
      created,
      created,
    ]);
    summary.relationships++;
  }
  ctx.report({ phase: 'relationships', done: count, total: count });
}

export function insertBenchArticles(ctx: BenchContext): void {
  const { rng, nowMs, summary } = ctx;
  const insert = ctx.prepare(
    `INSERT INTO knowledge_articles (title, body, category, tags, status, author_id, views, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const text of ctx.records) {
    for (const article of text.articles) {
      const created = isoTimestamp(nowMs - (30 + rng.int(1500)) * DAY_MS);
      insert.run([
        article.title,
        article.body,
        article.category,
        JSON.stringify(article.tags),
        article.status ?? 'published',
        ctx.userIds[rng.int(ctx.userIds.length)]!,
        article.status === 'draft' ? 0 : rng.int(5000),
        created,
        created,
      ]);
      summary.articles++;
    }
  }
  ctx.report({ phase: 'articles', done: summary.articles, total: summary.articles });
}
