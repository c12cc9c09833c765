/**
 * Seeded demo workspace: a believable small sales team with its customers, contacts, products, orders,
 * activities, leads, deals, contracts, service cases, knowledge base, campaigns and customer relationships,
 * in Chinese (zh-CN, amounts in CNY) or English (en, amounts in USD).
 *
 * Profile: 12 users (1 admin; 3 managers, one team each, reporting to the admin; 8 reps reporting to their
 * team's manager), 500 customers (≈70 % companies, ≈30 % persons; stages
 * ≈25 % prospect / 15 % new / 48 % existing / 12 % lost; owners spread unevenly, a few unassigned prospects),
 * 1–4 contacts per company (1 for some persons), 30 products, ≈3,000 orders over the last 24 months with 1–5
 * lines each (order total = sum of line amounts) and ≈2,000 activities (past ones done, future ones open,
 * a few overdue). Then, all relative to `now`: 14 campaigns (completed, one cancelled, active, planned) with
 * members and responses; 300 leads in every status (converted ones are the origin of recent customers and
 * link to customer, contact and deal; open ones have follow-up dates, some passed); ≈440 opportunities in
 * every pipeline stage (won ones usually became an order; closed ones give a reason); ≈170 contracts
 * (renewals due within 30/60/90 days in every run); 260 cases (SLA due from the priority, some open ones
 * overdue, CSAT on closed ones); the knowledge base; 140 relationships; ≈900 follow-up activities on leads,
 * deals and cases (some overdue). The summary names the customer with the longest timeline.
 *
 * Text: person names, streets and company names for `en` come from @faker-js/faker (seeded instance). For
 * zh-CN, faker's company names and streets invent cities ("诸乡县晨保险无限责任公司", "彭旁1号") and its
 * e-mails do not match the names, so Chinese names, companies (city + brand + industry word + 有限公司),
 * addresses, phones (mobiles 1[3-9]…, landlines with the city's area code) and pinyin e-mails are composed
 * (locale-text.ts) from fixed pools of real cities, districts, roads, surnames and given-name characters.
 *
 * Deterministic for a given (locale, seed, now): no Math.random, no Date.now; every date is derived from
 * `now`. Structural choices use {@link Rng}; faker (same seed) only supplies English words.
 *
 * Transactions: this function does NOT open one. The caller (the persistence engine) wraps the call in its
 * own transaction, captures the changes and commits; on a throw it rolls back. Inserts use prepared,
 * parameterized statements, freed in `finally`.
 *
 * Layout: this file only wires the steps together, in the order that fixes the random sequence (users,
 * products, customers + contacts, orders + lines, activities, campaigns, leads, deals, contracts, cases,
 * articles, relationships, campaign members: step-*.ts). Shared context and helpers are in demo-context.ts
 * and follow-ups.ts, per-locale text in locale-text.ts and record-text.ts, plain data in pools-*.ts and
 * catalog.ts.
 */
import { Faker, base, en, zh_CN } from '@faker-js/faker';
import type { Database } from 'sql.js';
import type { DemoLocale, DemoProgress, DemoSummary } from '../contract';
import { DEMO_PROFILE, type DemoContext, emptySummary, roundToMinute } from './demo-context';
import { enText, zhText } from './locale-text';
import { EN_RECORDS } from './pools-records-en';
import { ZH_RECORDS } from './pools-records-zh';
import { DAY_MS, DEFAULT_SEED, Rng } from './random';
import { insertActivities } from './step-activities';
import { insertContracts } from './step-contracts';
import { insertCustomers } from './step-customers';
import { insertLeads } from './step-leads';
import { insertCampaignMembers, insertCampaigns } from './step-marketing';
import { insertOrders } from './step-orders';
import { insertOpportunities } from './step-pipeline';
import { insertProducts } from './step-products';
import { insertRelationships } from './step-relationships';
import { insertArticles, insertCases } from './step-service';
import { insertSurveys } from './step-surveys';
import { insertUsers } from './step-users';
import { busiestCustomer, countTimelineEvents } from './timeline';

export { DEMO_PROFILE } from './demo-context';

export interface DemoDataOptions {
  locale: DemoLocale;
  seed?: number;
  now: Date;
  onProgress?: (progress: DemoProgress) => void;
}

/**
 * Inserts the demo profile into `db` (which must be migrated) and returns how many rows of each kind it
 * wrote. Adds to whatever is already there; the caller decides whether to load demo data into a
 * non-empty workspace. Must run inside the caller's transaction.
 */
export function generateDemoData(db: Database, options: DemoDataOptions): DemoSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateDemoData: options.now is not a valid date');
  const zh = options.locale === 'zh-CN';
  const rng = new Rng(seed);
  const faker = new Faker({ locale: zh ? [zh_CN, en, base] : [en, base], seed });
  const ctx: DemoContext = {
    text: zh ? zhText(rng) : enText(rng, faker),
    records: zh ? ZH_RECORDS : EN_RECORDS,
    zh,
    lang: zh ? 0 : 1,
    nowMs,
    workspaceStartMs: roundToMinute(nowMs - 3 * 365 * DAY_MS - 30 * DAY_MS),
    summary: emptySummary(),
    report: options.onProgress ?? (() => {}),
  };

  // The order of the steps is part of the seed's meaning: they draw from the same random sequence. Steps
  // after the activities were added later, so the first five write what they always wrote.
  const { owners, staff } = insertUsers(db, rng, ctx);
  const products = insertProducts(db, rng, ctx);
  const customers = insertCustomers(db, rng, { ...ctx, owners });
  insertOrders(db, rng, { ...ctx, customers, products });
  insertActivities(db, rng, { ...ctx, customers, owners });
  const campaigns = insertCampaigns(db, rng, { ...ctx, staff });
  const leads = insertLeads(db, rng, { ...ctx, customers, campaigns, owners });
  const opportunities = insertOpportunities(db, rng, { ...ctx, customers, leads, owners });
  insertContracts(db, rng, { ...ctx, customers, opportunities });
  insertCases(db, rng, { ...ctx, customers, staff, owners });
  insertArticles(db, rng, { ...ctx, customers, staff, owners });
  insertRelationships(db, rng, { ...ctx, customers });
  insertCampaignMembers(db, rng, { ...ctx, campaigns, customers, leads });
  insertSurveys(db, rng, { ...ctx, customers }, DEMO_PROFILE.surveyResponses);

  const summary = ctx.summary;
  summary.timelineCustomerId = customers.length > 0 ? busiestCustomer(db, customers[0]!.id) : null;
  summary.timelineEvents =
    summary.timelineCustomerId === null ? 0 : countTimelineEvents(db, summary.timelineCustomerId);
  return summary;
}
