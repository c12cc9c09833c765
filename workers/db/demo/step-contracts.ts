/**
 * Demo step 9: contracts. Most won deals were signed as a contract (same amount, linked to the deal and its
 * order) on the day they closed; buying customers also hold service contracts. Terms run 1–3 years; the
 * renewal date is 30 days before the end (when the renewal talk is due). The first RENEWAL_OFFSETS service
 * contracts are placed so that renewals fall due within 30, 60 and 90 days of `now` in every run.
 * Status follows from the dates: future start = draft, running = active, ended = expired or renewed
 * (a renewed contract is followed by its successor), and a lost customer's running contract was terminated.
 */
import type { Database } from 'sql.js';
import { type CustomerRow, DEMO_PROFILE, type DemoContext, roundToMinute } from './demo-context';
import { DAY_MS, type Rng, isoDate, isoTimestamp } from './random';
import { type OpportunityRow, dealAmount } from './step-pipeline';

/** Days from `now` to the renewal date of the first service contracts. */
const RENEWAL_OFFSETS = [4, 11, 19, 27, 38, 47, 56, 66, 78, 88];
const NOTICE_DAYS = 30;
const UPCOMING_DRAFTS = 3;

interface ContractDraft {
  customer: CustomerRow;
  startMs: number;
  years: number;
  amountMinor: number;
  title: string;
  opportunityId: number | null;
  orderId: number | null;
}

export interface ContractsContext extends DemoContext {
  customers: readonly CustomerRow[];
  opportunities: readonly OpportunityRow[];
}

export function insertContracts(db: Database, rng: Rng, ctx: ContractsContext): void {
  const { text, records, nowMs, summary, report } = ctx;
  const drafts: ContractDraft[] = [];
  const title = (customer: CustomerRow) =>
    records.contractTitle(customer.shortName, rng.pick(records.contractTitles));
  for (const deal of ctx.opportunities) {
    // Only sizeable deals get a written contract; small ones are just an order.
    const sizeable = deal.amountMinor >= (text.currency === 'CNY' ? 1_000_000 : 150_000);
    if (deal.kind !== 'won' || !sizeable || !rng.chance(0.7) || drafts.length >= DEMO_PROFILE.contracts / 2)
      continue;
    drafts.push({
      customer: deal.customer,
      startMs: deal.closedMs! + rng.int(8) * DAY_MS,
      years: rng.chance(0.8) ? 1 : rng.between(2, 3),
      amountMinor: deal.amountMinor,
      title: title(deal.customer),
      opportunityId: deal.id,
      orderId: deal.order?.id ?? null,
    });
  }
  const buyers = ctx.customers.filter((c) => c.orders.length > 0);
  const longStanding = buyers.filter((c) => c.stage === 'existing' && c.createdMs < nowMs - 400 * DAY_MS);
  for (let k = 0; drafts.length < DEMO_PROFILE.contracts && buyers.length > 0; k++) {
    const fixed = k < RENEWAL_OFFSETS.length && longStanding.length > 0;
    // A few are still being signed (draft, starting soon).
    const upcoming =
      k >= RENEWAL_OFFSETS.length && k < RENEWAL_OFFSETS.length + UPCOMING_DRAFTS && longStanding.length > 0;
    const customer = fixed || upcoming ? rng.pick(longStanding) : rng.pick(buyers);
    const years = fixed || rng.chance(0.75) ? 1 : 2;
    const startMs = fixed
      ? nowMs + (RENEWAL_OFFSETS[k]! + NOTICE_DAYS) * DAY_MS - years * 365 * DAY_MS
      : upcoming
        ? nowMs + rng.between(5, 30) * DAY_MS
        : Math.max(customer.createdMs + 7 * DAY_MS, nowMs - rng.next() * 800 * DAY_MS);
    drafts.push({
      customer,
      startMs,
      years,
      amountMinor: dealAmount(rng, text.currency),
      title: title(customer),
      opportunityId: null,
      orderId: null,
    });
  }

  const insert = db.prepare(
    `INSERT INTO contracts (contract_no, title, customer_id, opportunity_id, order_id, status, start_date, end_date,
                            renewal_date, amount_minor, currency, owner_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    report({ phase: 'contracts', done: 0, total: drafts.length });
    for (let i = 0; i < drafts.length; i++) {
      let draft: ContractDraft | null = drafts[i]!;
      // A renewed contract is followed by its successor, which may itself have been renewed.
      while (draft) {
        const customer: CustomerRow = draft.customer;
        const startDay: number = Math.floor(draft.startMs / DAY_MS) * DAY_MS;
        const endDay: number = startDay + (draft.years * 365 - 1) * DAY_MS;
        const lostMs: number = customer.stage === 'lost' ? customer.lostMs : Infinity;
        const renews: boolean =
          endDay < nowMs && endDay < lostMs && customer.stage !== 'lost' && rng.chance(0.55);
        const status =
          startDay > nowMs
            ? 'draft'
            : endDay >= nowMs
              ? lostMs < nowMs
                ? 'terminated'
                : 'active'
              : renews
                ? 'renewed'
                : lostMs < endDay
                  ? 'terminated'
                  : 'expired';
        const createdMs = roundToMinute(
          Math.max(customer.createdMs, Math.min(nowMs, startDay) - rng.next() * 10 * DAY_MS),
        );
        const updatedMs = Math.min(
          nowMs,
          Math.max(
            createdMs,
            status === 'terminated' ? lostMs : status === 'active' || status === 'draft' ? createdMs : endDay,
          ),
        );
        insert.run([
          records.contractNo(isoDate(startDay), summary.contracts + 1),
          draft.title,
          customer.id,
          draft.opportunityId,
          draft.orderId,
          status,
          isoDate(startDay),
          isoDate(endDay),
          isoDate(endDay - NOTICE_DAYS * DAY_MS),
          draft.amountMinor,
          text.currency,
          customer.ownerId,
          rng.pick(records.contractNotes),
          isoTimestamp(createdMs),
          isoTimestamp(updatedMs),
        ]);
        summary.contracts++;
        draft = renews
          ? {
              ...draft,
              startMs: endDay + DAY_MS,
              years: 1,
              opportunityId: null,
              orderId: null,
              amountMinor: Math.round((draft.amountMinor * rng.between(95, 110)) / 100 / 100) * 100,
            }
          : null;
      }
    }
    report({ phase: 'contracts', done: summary.contracts, total: summary.contracts });
  } finally {
    insert.free();
  }
}
