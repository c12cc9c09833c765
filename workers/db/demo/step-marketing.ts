/**
 * Demo steps 6 and 12: marketing campaigns and their members.
 *
 * Campaigns sit on a fixed schedule relative to `now` (CAMPAIGN_SLOTS), so every run has finished ones (one
 * cancelled), running ones and planned ones; the status follows from the dates. Members (customers,
 * contacts and leads, each at most once per campaign) come after the leads step, because the leads a
 * campaign brought in are its members too; responses fit the campaign's status and channel.
 */
import type { Database } from 'sql.js';
import {
  type CustomerRow,
  type DemoContext,
  type StaffMember,
  insertReturningId,
  roundToMinute,
} from './demo-context';
import { DAY_MS, type Rng, WeightedPicker, isoDate, isoTimestamp } from './random';
import { type CampaignChannel, campaignName } from './record-text';
import type { LeadRow } from './step-leads';

export type CampaignStatus = 'planned' | 'active' | 'completed' | 'cancelled';

export interface CampaignRow {
  id: number;
  channel: CampaignChannel;
  status: CampaignStatus;
  startMs: number;
  endMs: number;
}

/** [start in days from now, campaign seed index, cancelled]. Seeds: see CampaignSeed lists. */
const CAMPAIGN_SLOTS: readonly (readonly [days: number, seed: number, cancelled?: boolean])[] = [
  [-610, 0],
  [-545, 1],
  [-470, 4],
  [-405, 3, true],
  [-335, 7],
  [-270, 2],
  [-240, 5],
  [-200, 0],
  [-150, 1],
  [-95, 4],
  [-30, 5],
  [-12, 6],
  [21, 1],
  [62, 7],
];

const DURATION_DAYS: Record<CampaignChannel, number> = {
  event: 2,
  webinar: 0,
  email: 14,
  sms: 7,
  social: 90,
  advertising: 60,
  other: 30,
};

/** The customer filter each channel targets (the CustomerFilter shape of contract.ts). */
const SEGMENTS: Partial<Record<CampaignChannel, object>> = {
  email: { stage: 'existing' },
  sms: { stage: 'prospect' },
};

export interface MarketingContext extends DemoContext {
  staff: readonly StaffMember[];
}

export function insertCampaigns(db: Database, rng: Rng, ctx: MarketingContext): CampaignRow[] {
  const { records, text, nowMs, summary, report } = ctx;
  const planners = ctx.staff.filter((s) => s.role !== 'rep').map((s) => s.id);
  const insert = db.prepare(
    `INSERT INTO campaigns (name, channel, status, start_date, end_date, location, budget_minor, actual_cost_minor,
                            currency, target_segment, description, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const campaigns: CampaignRow[] = [];
  try {
    report({ phase: 'campaigns', done: 0, total: CAMPAIGN_SLOTS.length });
    for (const [days, seedIndex, cancelled] of CAMPAIGN_SLOTS) {
      const seed = records.campaigns[seedIndex % records.campaigns.length]!;
      const startDay = Math.floor((nowMs + (days + rng.between(-3, 3)) * DAY_MS) / DAY_MS) * DAY_MS;
      const endDay = startDay + DURATION_DAYS[seed.channel] * DAY_MS;
      const endOfEndDay = endDay + DAY_MS - 1;
      const status: CampaignStatus = cancelled
        ? 'cancelled'
        : startDay > nowMs
          ? 'planned'
          : endOfEndDay < nowMs
            ? 'completed'
            : 'active';
      const budget = Math.round((seed.budget * rng.between(80, 120)) / 100 / 100) * 100 * 100;
      const spent =
        status === 'completed'
          ? (budget * rng.between(85, 110)) / 100
          : status === 'active'
            ? (budget * (nowMs - startDay)) / Math.max(DAY_MS, endOfEndDay - startDay)
            : status === 'cancelled'
              ? budget * 0.1
              : 0;
      const createdMs = Math.min(nowMs, roundToMinute(startDay - (20 + rng.int(40)) * DAY_MS));
      const updatedMs = Math.min(nowMs, Math.max(createdMs, endOfEndDay));
      const id = insertReturningId(insert, [
        campaignName(seed, startDay, ctx.zh),
        seed.channel,
        status,
        isoDate(startDay),
        isoDate(endDay),
        seed.location,
        budget,
        Math.round(spent),
        text.currency,
        JSON.stringify(SEGMENTS[seed.channel] ?? {}),
        seed.description,
        rng.pick(planners),
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      campaigns.push({ id, channel: seed.channel, status, startMs: startDay, endMs: endOfEndDay });
      summary.campaigns++;
    }
    report({ phase: 'campaigns', done: summary.campaigns, total: CAMPAIGN_SLOTS.length });
    return campaigns;
  } finally {
    insert.free();
  }
}

type Response = 'pending' | 'sent' | 'opened' | 'responded' | 'attended' | 'declined' | 'converted';
const RESPONSES: readonly Response[] = [
  'pending',
  'sent',
  'opened',
  'responded',
  'attended',
  'declined',
  'converted',
];
/** Weights per RESPONSES entry. */
const RESPONSE_WEIGHTS = {
  planned: [1, 0, 0, 0, 0, 0, 0],
  cancelled: [3, 2, 0, 0, 0, 0, 0],
  active: [30, 30, 20, 15, 0, 5, 0],
  completedInPerson: [0, 20, 15, 15, 30, 15, 5],
  completedRemote: [0, 35, 30, 20, 0, 10, 5],
} as const;

export interface MembersContext extends DemoContext {
  campaigns: readonly CampaignRow[];
  customers: readonly CustomerRow[];
  leads: readonly LeadRow[];
}

export function insertCampaignMembers(db: Database, rng: Rng, ctx: MembersContext): void {
  const { nowMs, customers, leads, summary, report } = ctx;
  const insert = db.prepare(
    `INSERT INTO campaign_members (campaign_id, customer_id, contact_id, lead_id, response, responded_at,
                                   created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pickers = Object.fromEntries(
    Object.entries(RESPONSE_WEIGHTS).map(([key, weights]) => [
      key,
      new WeightedPicker(RESPONSES, [...weights]),
    ]),
  ) as Record<keyof typeof RESPONSE_WEIGHTS, WeightedPicker<Response>>;
  try {
    report({ phase: 'members', done: 0, total: ctx.campaigns.length });
    let campaignsDone = 0;
    for (const campaign of ctx.campaigns) {
      const inPerson = campaign.channel === 'event' || campaign.channel === 'webinar';
      const picker =
        campaign.status === 'completed'
          ? inPerson
            ? pickers.completedInPerson
            : pickers.completedRemote
          : pickers[campaign.status];
      const seen = new Set<string>();
      const createdBase = Math.min(nowMs - DAY_MS, campaign.startMs);
      const add = (
        key: string,
        who: [customer: number | null, contact: number | null, lead: number | null],
        response: Response,
        joinedMs?: number,
      ): void => {
        if (seen.has(key)) return;
        seen.add(key);
        const createdMs = joinedMs ?? roundToMinute(createdBase - rng.next() * 14 * DAY_MS);
        const answered = response !== 'pending' && response !== 'sent';
        const windowEnd = Math.min(nowMs, campaign.endMs + 7 * DAY_MS);
        const respondedMs = answered
          ? roundToMinute(
              Math.max(createdMs, campaign.startMs) +
                rng.next() * Math.max(0, windowEnd - Math.max(createdMs, campaign.startMs)),
            )
          : null;
        const respondedAt = respondedMs === null ? null : isoTimestamp(Math.min(respondedMs, nowMs));
        insert.run([
          campaign.id,
          ...who,
          response,
          respondedAt,
          isoTimestamp(createdMs),
          respondedAt ?? isoTimestamp(createdMs),
        ]);
        summary.campaignMembers++;
      };
      // The leads it brought in answered it; a converted one became a customer.
      for (const lead of leads) {
        if (lead.campaignId !== campaign.id) continue;
        const response: Response =
          lead.status === 'converted' ? 'converted' : inPerson ? 'attended' : 'responded';
        add(`l${lead.id}`, [null, null, lead.id], response, lead.createdMs);
      }
      const target =
        campaign.status === 'planned'
          ? rng.between(12, 25)
          : campaign.status === 'active'
            ? rng.between(20, 40)
            : rng.between(30, 60);
      // Invited before the earliest invitation date, so no membership predates its member.
      const invitedFrom = createdBase - 14 * DAY_MS;
      const eligible = customers.filter((c) => c.createdMs < invitedFrom);
      const earlierLeads = leads.filter((l) => l.createdMs < invitedFrom && l.status !== 'converted');
      for (let n = 0; n < target * 2 && seen.size < target && eligible.length > 0; n++) {
        const roll = rng.next();
        const response = picker.pick(rng);
        if (roll < 0.3 && earlierLeads.length > 0) {
          const lead = rng.pick(earlierLeads);
          add(`l${lead.id}`, [null, null, lead.id], response === 'converted' ? 'responded' : response);
        } else {
          const customer = rng.pick(eligible);
          // A customer "converts" by buying from the campaign; an open lead has not converted yet.
          const answer = response;
          if (roll < 0.6 && customer.contactIds.length > 0) {
            const contactId = rng.pick(customer.contactIds);
            add(`k${contactId}`, [null, contactId, null], answer);
          } else {
            add(`c${customer.id}`, [customer.id, null, null], answer);
          }
        }
      }
      campaignsDone++;
    }
    report({ phase: 'members', done: campaignsDone, total: ctx.campaigns.length });
  } finally {
    insert.free();
  }
}
