/**
 * Benchmark sales records: opportunities, leads and contracts (see bench-data.ts for the sizes).
 *
 * Opportunities: every even-numbered one is open (exactly half of them, spread over the open stages like a
 * funnel), the others closed over the last two years, won (never by a prospect) or lost, with a reason.
 * Leads: the first fifth of the opportunities came from a converted lead (lead and deal link to each other,
 * the lead to the deal's customer and its contact); the other leads are in the open statuses or
 * unqualified, some from a campaign. Contracts: started over the last three years, 1–3 year terms, so
 * renewals fall due in every coming month; a renewed contract is followed by its successor.
 *
 * Deals are written before their leads (a lead names its deal), so the deal → lead link is set afterwards by
 * one set-based UPDATE ({@link linkDealsToLeads}). Not by deferring foreign keys: with a violation pending,
 * SQLite searches the child tables on every parent insert, and their indexes are dropped during the load
 * (measured: 100k customers went from 14 s to 210 s).
 */
import type { SqlValue } from 'sql.js';
import { type BenchContext, lookupTable, maxId } from './bench-context';
import { DAY_MS, isoDate, isoTimestamp } from './random';
import type { BenchCampaign } from './bench-service';
import { readStages } from './step-pipeline';

export interface BenchDeals {
  /** Customer index of each opportunity. */
  customerOf: Int32Array;
  createdMs: Float64Array;
  idBase: number;
}

export interface BenchDealOptions {
  amounts: Int32Array;
  /** All deals for this customer index (the timeline customer); otherwise random customers. */
  customer?: number;
}

export function insertBenchOpportunities(
  ctx: BenchContext,
  count: number,
  options: BenchDealOptions,
): BenchDeals {
  const { amounts, customer } = options;
  const { db, rng, nowMs, summary, stageOf, langOf, records } = ctx;
  const pick = (ms: number) => customer ?? rng.int(ctx.existingAt(ms));
  const deals: BenchDeals = {
    customerOf: new Int32Array(count),
    createdMs: new Float64Array(count),
    idBase: maxId(db, 'opportunities'),
  };
  const stages = readStages(db);
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  if (open.length === 0 || !won || !lost) return { ...deals, customerOf: new Int32Array(0) };
  const openTable = lookupTable(
    open.map((_, i) => i),
    open.map((_, i) => open.length + 1 - i),
    1024,
  );
  const insert = ctx.prepare(
    `INSERT INTO opportunities (id, name, customer_id, contact_id, stage_id, amount_minor, currency,
                                probability, expected_close, closed_at, won_reason, lost_reason, owner_id,
                                created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const p: SqlValue[] = new Array<SqlValue>(14).fill(null);
  ctx.report({ phase: 'opportunities', done: 0, total: count });
  for (let k = 0; k < count; k++) {
    const isOpen = k % 2 === 0;
    let createdMs: number;
    let closedMs: number | null = null;
    let ci: number;
    let stage;
    if (isOpen) {
      createdMs = nowMs - (3 + rng.next() * 150) * DAY_MS;
      ci = pick(createdMs - DAY_MS);
      for (let retry = 0; retry < 3 && stageOf[ci] === 3; retry++) ci = pick(createdMs - DAY_MS);
      stage = open[openTable[rng.uint32() & 1023]!]!;
    } else {
      closedMs = nowMs - (1 + rng.next() * 700) * DAY_MS;
      createdMs = closedMs - (10 + rng.next() * 110) * DAY_MS;
      ci = pick(createdMs - DAY_MS);
      stage = rng.next() < 0.6 && stageOf[ci] !== 0 && stageOf[ci] !== 3 ? won : lost;
    }
    createdMs = Math.floor(Math.max(createdMs, ctx.createdMsOf(ci) + 60_000) / 60_000) * 60_000;
    if (closedMs !== null) closedMs = Math.max(closedMs, createdMs);
    const lang = langOf[ci]!;
    const text = records[lang]!;
    deals.customerOf[k] = ci;
    deals.createdMs[k] = createdMs;
    const owner = ctx.owners[ci]! || ctx.anyOwner();
    p[0] = deals.idBase + 1 + k;
    p[1] = text.dealTopics[rng.int(text.dealTopics.length)]!;
    p[2] = ctx.customerBase + 1 + ci;
    p[3] = ctx.contactOf(ci);
    p[4] = stage.id;
    p[5] = amounts[rng.uint32() & 4095]! * (4 + rng.int(12));
    p[6] = stage.probability;
    p[7] = isoDate(closedMs ?? nowMs + (rng.next() * 140 - 20) * DAY_MS);
    p[8] = closedMs === null ? null : isoTimestamp(closedMs);
    p[9] = stage === won ? text.wonReasons[rng.int(text.wonReasons.length)]! : '';
    p[10] = stage === lost ? text.lostReasons[rng.int(text.lostReasons.length)]! : '';
    p[11] = owner;
    p[12] = isoTimestamp(createdMs);
    p[13] = isoTimestamp(closedMs ?? Math.min(nowMs, createdMs + rng.next() * (nowMs - createdMs)));
    insert.run(p);
    summary.opportunities++;
    if (isOpen) summary.openOpportunities++;
  }
  ctx.report({ phase: 'opportunities', done: count, total: count });
  return deals;
}

const LEAD_SOURCES = [
  'website',
  'referral',
  'event',
  'campaign',
  'cold_call',
  'advertising',
  'social',
  'partner',
  'other',
];
const OPEN_LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified'];

export function insertBenchLeads(
  ctx: BenchContext,
  count: number,
  deals: BenchDeals,
  campaigns: readonly BenchCampaign[],
  companies: readonly [readonly string[], readonly string[]],
): { leadBase: number; converted: number } {
  const { db, rng, nowMs, summary } = ctx;
  const leadBase = maxId(db, 'leads');
  const converted = Math.min(count, Math.ceil(deals.customerOf.length / 5));
  const sourceTable = lookupTable([0, 1, 2, 3, 4, 5, 6, 7, 8], [22, 15, 12, 12, 12, 9, 8, 6, 4], 1024);
  const statusTable = lookupTable([0, 1, 2, 3], [25, 30, 15, 30], 1024);
  const started = campaigns.filter((c) => c.startMs < nowMs - DAY_MS);
  const insert = ctx.prepare(
    `INSERT INTO leads (id, name, company, title, phone, email, source, status, score, owner_id, campaign_id,
                        follow_up_on, converted_at, converted_customer_id, converted_contact_id,
                        converted_opportunity_id, created_at, updated_at)
     VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const p: SqlValue[] = new Array<SqlValue>(17).fill(null);
  ctx.report({ phase: 'leads', done: 0, total: count });
  for (let l = 0; l < count; l++) {
    const isConverted = l < converted;
    const ci = isConverted ? deals.customerOf[l * 5]! : -1;
    const lang = isConverted ? ctx.langOf[ci]! : rng.next() < 0.8 ? 0 : 1;
    const [name, latin] = ctx.person(lang);
    let source = LEAD_SOURCES[sourceTable[rng.uint32() & 1023]!]!;
    let campaign: BenchCampaign | null = null;
    if (source === 'campaign' || source === 'event') {
      if (started.length > 0 && !isConverted) campaign = started[rng.int(started.length)]!;
      else source = 'website';
    }
    const convertedMs = isConverted ? deals.createdMs[l * 5]! : null;
    const createdMs =
      Math.floor(
        (convertedMs !== null
          ? convertedMs - (3 + rng.next() * 50) * DAY_MS
          : campaign
            ? Math.min(nowMs - 3_600_000, campaign.startMs + rng.next() * 30 * DAY_MS)
            : nowMs - Math.pow(rng.next(), 1.4) * 365 * DAY_MS) / 60_000,
      ) * 60_000;
    const status = isConverted ? 'converted' : OPEN_LEAD_STATUSES[statusTable[rng.uint32() & 1023]!]!;
    const open = status !== 'converted' && status !== 'unqualified';
    const company = rng.next() < 0.7 ? companies[lang]![rng.int(companies[lang]!.length)]! : '';
    p[0] = leadBase + 1 + l;
    p[1] = name;
    p[2] = company;
    p[3] = ctx.mobile();
    p[4] = `${latin}@example.${lang === 0 ? 'cn' : 'com'}`;
    p[5] = source;
    p[6] = status;
    p[7] = isConverted ? 60 + rng.int(41) : status === 'unqualified' ? rng.int(31) : 10 + rng.int(86);
    p[8] = isConverted
      ? ctx.owners[ci]! || ctx.anyOwner()
      : status === 'new' && rng.next() < 0.15
        ? null
        : ctx.anyOwner();
    p[9] = campaign?.id ?? null;
    p[10] = open ? isoDate(Math.max(createdMs + DAY_MS, nowMs + (rng.next() * 31 - 10) * DAY_MS)) : null;
    p[11] = convertedMs === null ? null : isoTimestamp(convertedMs);
    p[12] = isConverted ? ctx.customerBase + 1 + ci : null;
    p[13] = isConverted ? ctx.contactOf(ci) : null;
    p[14] = isConverted ? deals.idBase + 1 + l * 5 : null;
    p[15] = isoTimestamp(createdMs);
    p[16] = isoTimestamp(convertedMs ?? createdMs + rng.next() * (nowMs - createdMs));
    insert.run(p);
    summary.leads++;
    if ((l + 1) % PROGRESS_EVERY === 0) ctx.report({ phase: 'leads', done: l + 1, total: count });
  }
  ctx.report({ phase: 'leads', done: count, total: count });
  return { leadBase, converted };
}

const PROGRESS_EVERY = 50_000;

/** Sets each converted lead's deal's lead_id (deal k·5 came from lead k, see {@link insertBenchLeads}). */
export function linkDealsToLeads(
  ctx: BenchContext,
  deals: BenchDeals,
  leadBase: number,
  converted: number,
): void {
  ctx.db.run(
    `UPDATE opportunities SET lead_id = ?1 + 1 + (id - ?2 - 1) / 5
      WHERE id > ?2 AND id <= ?2 + ?3 AND (id - ?2 - 1) % 5 = 0`,
    [leadBase, deals.idBase, converted * 5],
  );
}
/** Renewal is due this many days before the end (the demo's contracts do the same). */
const NOTICE_DAYS = 30;

export function insertBenchContracts(
  ctx: BenchContext,
  count: number,
  amounts: Int32Array,
  customer?: number,
): void {
  const { db, rng, nowMs, summary, stageOf, records } = ctx;
  const pick = (ms: number) => customer ?? rng.int(ctx.existingAt(ms));
  const contractBase = maxId(db, 'contracts');
  const insert = ctx.prepare(
    `INSERT INTO contracts (id, contract_no, title, customer_id, status, start_date, end_date, renewal_date,
                            amount_minor, currency, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?)`,
  );
  const p: SqlValue[] = new Array<SqlValue>(12).fill(null);
  ctx.report({ phase: 'contracts', done: 0, total: count });
  let written = 0;
  let nextReport = PROGRESS_EVERY;
  while (written < count) {
    let startMs = rng.next() < 0.01 ? nowMs + (5 + rng.int(26)) * DAY_MS : nowMs - rng.next() * 1100 * DAY_MS;
    let ci = pick(Math.min(startMs, nowMs) - 7 * DAY_MS);
    for (let retry = 0; retry < 3 && stageOf[ci] === 0; retry++)
      ci = pick(Math.min(startMs, nowMs) - 7 * DAY_MS);
    const text = records[ctx.langOf[ci]!]!;
    const title = text.contractTitles[rng.int(text.contractTitles.length)]!;
    let amount = amounts[rng.uint32() & 4095]! * (3 + rng.int(10));
    let years = rng.next() < 0.8 ? 1 : 2 + rng.int(2);
    // A renewed contract is followed by its successor, which may itself have been renewed.
    for (let renewing = true; renewing && written < count;) {
      const startDay = Math.floor(startMs / DAY_MS) * DAY_MS;
      const endDay = startDay + (years * 365 - 1) * DAY_MS;
      const lostCustomer = stageOf[ci] === 3;
      renewing = endDay < nowMs && !lostCustomer && rng.next() < 0.55;
      const status =
        startDay > nowMs
          ? 'draft'
          : endDay >= nowMs
            ? lostCustomer
              ? 'terminated'
              : 'active'
            : renewing
              ? 'renewed'
              : 'expired';
      const createdMs = Math.max(ctx.createdMsOf(ci), Math.min(nowMs, startDay) - rng.int(10) * DAY_MS);
      const id = contractBase + 1 + written;
      const startDate = isoDate(startDay);
      p[0] = id;
      p[1] = text.contractNo(startDate, id);
      p[2] = title;
      p[3] = ctx.customerBase + 1 + ci;
      p[4] = status;
      p[5] = startDate;
      p[6] = isoDate(endDay);
      p[7] = isoDate(endDay - NOTICE_DAYS * DAY_MS);
      p[8] = amount;
      p[9] = ctx.owners[ci]! || ctx.anyOwner();
      p[10] = isoTimestamp(createdMs);
      p[11] = isoTimestamp(
        Math.min(nowMs, Math.max(createdMs, status === 'active' || status === 'draft' ? createdMs : endDay)),
      );
      insert.run(p);
      written++;
      summary.contracts++;
      startMs = endDay + DAY_MS;
      years = 1;
      amount = Math.round((amount * (95 + rng.int(16))) / 100);
    }
    if (written >= nextReport) {
      ctx.report({ phase: 'contracts', done: written, total: count });
      nextReport += PROGRESS_EVERY;
    }
  }
  ctx.report({ phase: 'contracts', done: count, total: count });
}
