/**
 * Demo step 8: opportunities in every stage of the configured pipeline (read from pipeline_stages, so
 * renamed or added stages get deals too). Each converted lead became one deal for its customer (the lead
 * and the deal link to each other). Other deals go to customers by stage: prospects have open or lost
 * deals, lost customers lost ones, the rest a mix. Open deals were created in the last five months, expect
 * to close from three weeks ago (late) to four months ahead, and have a next step planned or overdue.
 * Won deals usually became one of the customer's orders (same amount, the order links back); closed deals
 * carry a won or lost reason.
 */
import type { Database } from 'sql.js';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  type OrderRef,
  PROGRESS_EVERY,
  insertReturningId,
  roundToMinute,
} from './demo-context';
import { FollowUpWriter } from './follow-ups';
import { DAY_MS, type Rng, WeightedPicker, isoDate, isoTimestamp } from './random';
import type { LeadRow } from './step-leads';

export interface StageRow {
  id: number;
  probability: number;
  kind: 'open' | 'won' | 'lost';
}

export interface OpportunityRow {
  id: number;
  customer: CustomerRow;
  kind: StageRow['kind'];
  createdMs: number;
  closedMs: number | null;
  amountMinor: number;
  order: OrderRef | null;
}

/** The pipeline as configured, in board order. */
export function readStages(db: Database): StageRow[] {
  const result = db.exec(
    'SELECT id, probability, is_won, is_lost FROM pipeline_stages ORDER BY position, id',
  )[0];
  return (result?.values ?? []).map(([id, probability, won, lost]) => ({
    id: Number(id),
    probability: Number(probability),
    kind: Number(won) === 1 ? 'won' : Number(lost) === 1 ? 'lost' : 'open',
  }));
}

/** A deal size: log-normal around ¥60,000 / $8,500, rounded to 100 major units, in minor units. */
export function dealAmount(rng: Rng, currency: string): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const major = Math.exp(Math.log(currency === 'CNY' ? 60_000 : 8_500) + 0.8 * z);
  return Math.max(100, Math.round(major / 100) * 100) * 100;
}

export interface PipelineContext extends DemoContext {
  customers: readonly CustomerRow[];
  leads: readonly LeadRow[];
  owners: WeightedPicker<number>;
}

export function insertOpportunities(db: Database, rng: Rng, ctx: PipelineContext): OpportunityRow[] {
  const { text, records, nowMs, summary, report } = ctx;
  const stages = readStages(db);
  const openStages = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  if (openStages.length === 0 || !won || !lost) return [];
  // A funnel: more deals in the early stages.
  const openPicker = new WeightedPicker(
    openStages,
    openStages.map((_, i) => openStages.length + 1 - i),
  );
  const insert = db.prepare(
    `INSERT INTO opportunities (name, customer_id, contact_id, lead_id, stage_id, amount_minor, currency, probability,
                                discount_bp, expected_close, closed_at, won_reason, lost_reason, owner_id, notes,
                                created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const linkOrder = db.prepare('UPDATE orders SET opportunity_id = ? WHERE id = ?');
  const linkLead = db.prepare('UPDATE leads SET converted_opportunity_id = ? WHERE id = ?');
  const followUps = new FollowUpWriter(db, ctx);
  const usedOrders = new Set<number>();
  const opportunities: OpportunityRow[] = [];
  try {
    const converted = ctx.leads.filter((l) => l.customer !== null);
    const total = converted.length + DEMO_PROFILE.opportunities;
    report({ phase: 'opportunities', done: 0, total });
    const customerPicker = new WeightedPicker(
      ctx.customers,
      ctx.customers.map((c) =>
        c.stage === 'prospect'
          ? 1
          : c.stage === 'new'
            ? 1.3
            : c.stage === 'lost'
              ? 0.5
              : 0.5 + 0.4 * c.orderWeight,
      ),
    );
    for (let i = 0; i < total; i++) {
      const lead = i < converted.length ? converted[i]! : null;
      const customer = lead ? lead.customer! : customerPicker.pick(rng);
      const afterMs = lead ? customer.createdMs : customer.createdMs + DAY_MS;
      // An order the deal became: the first order after conversion, or any order of the last 18 months.
      const candidates = customer.orders.filter(
        (o) => o.ms > afterMs + 2 * DAY_MS && o.ms > nowMs - 540 * DAY_MS && !usedOrders.has(o.id),
      );
      let kind: StageRow['kind'];
      if (customer.stage === 'lost') kind = 'lost';
      else if (lead) kind = candidates.length > 0 ? 'won' : 'open';
      else {
        const x = rng.next();
        kind =
          customer.stage === 'prospect'
            ? x < 0.75
              ? 'open'
              : 'lost'
            : x < 0.45
              ? 'open'
              : x < 0.8
                ? 'won'
                : 'lost';
      }
      const order =
        kind === 'won' && candidates.length > 0 ? (lead ? candidates[0]! : rng.pick(candidates)) : null;
      if (order) usedOrders.add(order.id);

      let createdMs: number;
      let closedMs: number | null = null;
      if (kind === 'open') {
        createdMs = Math.max(afterMs, nowMs - (3 + rng.next() * 150) * DAY_MS);
      } else {
        const latest = customer.stage === 'lost' ? Math.min(customer.lostMs, nowMs) : nowMs - DAY_MS;
        closedMs = order
          ? order.ms - rng.next() * 3 * DAY_MS
          : latest - Math.pow(rng.next(), 1.5) * 500 * DAY_MS;
        closedMs = roundToMinute(Math.max(afterMs + 2 * DAY_MS, Math.min(closedMs, latest)));
        createdMs = lead ? afterMs : Math.max(afterMs, closedMs - (10 + rng.next() * 110) * DAY_MS);
      }
      createdMs = roundToMinute(Math.min(createdMs, closedMs ?? nowMs));
      const stage = kind === 'open' ? openPicker.pick(rng) : kind === 'won' ? won : lost;
      const probability =
        kind === 'open' && rng.chance(0.25)
          ? Math.min(95, Math.max(5, stage.probability + rng.pick([-10, -5, 5, 10])))
          : stage.probability;
      const amount = order ? order.totalMinor : dealAmount(rng, text.currency);
      const expectedMs = closedMs ?? nowMs + (rng.next() * 140 - 20) * DAY_MS;
      const updatedMs = closedMs ?? roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const contactId =
        customer.contactIds.length > 0 ? (lead ? lead.contactId : rng.pick(customer.contactIds)) : null;
      const ownerId = customer.ownerId ?? lead?.ownerId ?? ctx.owners.pick(rng);
      const name = records.dealName(customer.shortName, rng.pick(records.dealTopics));
      const id = insertReturningId(insert, [
        name,
        customer.id,
        contactId,
        lead?.id ?? null,
        stage.id,
        amount,
        text.currency,
        probability,
        rng.chance(0.3) ? rng.between(3, 15) * 100 : 0,
        isoDate(Math.max(expectedMs, createdMs)),
        closedMs === null ? null : isoTimestamp(closedMs),
        kind === 'won' ? rng.pick(records.wonReasons) : '',
        kind === 'lost' ? rng.pick(records.lostReasons) : '',
        ownerId,
        kind === 'open' ? rng.pick(records.opportunityNotes) : '',
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      if (order) linkOrder.run([id, order.id]);
      if (lead) linkLead.run([id, lead.id]);
      summary.opportunities++;
      if (kind === 'open') summary.openOpportunities++;
      opportunities.push({ id, customer, kind, createdMs, closedMs, amountMinor: amount, order });

      const links = { customerId: customer.id, contactId, opportunityId: id, ownerId };
      const [discovery, proposal, negotiate, approval, demo] = records.followUps.opportunity;
      followUps.past(
        rng,
        rng.chance(0.6) ? 'meeting' : 'call',
        records.subject(discovery!, customer.shortName),
        createdMs,
        closedMs ?? nowMs,
        links,
      );
      if (kind === 'open') {
        const next = rng.pick([proposal!, negotiate!, approval!, demo!]);
        followUps.open(
          rng,
          rng.chance(0.5) ? 'task' : 'call',
          records.subject(next, customer.shortName),
          0.25,
          createdMs,
          links,
        );
      } else if (rng.chance(0.6)) {
        followUps.past(
          rng,
          'meeting',
          records.subject(negotiate!, customer.shortName),
          createdMs,
          closedMs!,
          links,
        );
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'opportunities', done: i + 1, total });
    }
    report({ phase: 'opportunities', done: summary.opportunities, total });
    return opportunities;
  } finally {
    insert.free();
    linkOrder.free();
    linkLead.free();
    followUps.free();
  }
}
