/**
 * Demo step 7: leads in every status, from every source, over the last year. Campaign leads arrive within a
 * month of their campaign's start. Converted leads are the origin of recent customers: the lead carries the
 * customer's primary contact (name, phone, e-mail), was converted the moment the customer was created, and
 * links to that customer and contact (the opportunity link is set by the opportunities step). Open leads
 * have a follow-up date (a third of them already passed) and follow-up activities.
 */
import type { Database, SqlValue } from 'sql.js';
import { INDUSTRIES } from './catalog';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  PROGRESS_EVERY,
  insertReturningId,
  roundToMinute,
} from './demo-context';
import { FollowUpWriter } from './follow-ups';
import { DAY_MS, type Rng, WeightedPicker, isoDate, isoTimestamp } from './random';
import type { CampaignChannel } from './record-text';
import type { CampaignRow } from './step-marketing';

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';
type LeadSource =
  | 'website'
  | 'referral'
  | 'event'
  | 'campaign'
  | 'cold_call'
  | 'advertising'
  | 'social'
  | 'partner'
  | 'other';

const STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'qualified', 'unqualified', 'converted'];
const STATUS_WEIGHTS = [22, 23, 15, 18, 22];
const SOURCES: readonly LeadSource[] = [
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
const SOURCE_WEIGHTS = [22, 15, 12, 12, 12, 9, 8, 6, 4];
/** Which campaigns a source can come from. */
const SOURCE_CHANNELS: Partial<Record<LeadSource, readonly CampaignChannel[]>> = {
  event: ['event', 'webinar'],
  campaign: ['email', 'sms', 'webinar'],
  advertising: ['advertising'],
  social: ['social'],
};
const SCORE_RANGE: Record<LeadStatus, readonly [number, number]> = {
  new: [10, 50],
  contacted: [20, 70],
  qualified: [55, 95],
  unqualified: [0, 30],
  converted: [60, 100],
};

export interface LeadRow {
  id: number;
  status: LeadStatus;
  createdMs: number;
  campaignId: number | null;
  /** Converted leads: the customer they became. */
  customer: CustomerRow | null;
  contactId: number | null;
  ownerId: number | null;
}

export interface LeadsContext extends DemoContext {
  customers: readonly CustomerRow[];
  campaigns: readonly CampaignRow[];
  owners: WeightedPicker<number>;
}

export function insertLeads(db: Database, rng: Rng, ctx: LeadsContext): LeadRow[] {
  const { text, records, nowMs, summary, report } = ctx;
  const insert = db.prepare(
    `INSERT INTO leads (name, company, title, phone, email, source, status, score, owner_id, campaign_id,
                        follow_up_on, notes, converted_at, converted_customer_id, converted_contact_id,
                        created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const contactOf = db.prepare('SELECT name, title, phone, email FROM contacts WHERE id = ?');
  const customerName = db.prepare('SELECT name FROM customers WHERE id = ?');
  const followUps = new FollowUpWriter(db, ctx);
  try {
    const statusPicker = new WeightedPicker(STATUSES, STATUS_WEIGHTS);
    const sourcePicker = new WeightedPicker(SOURCES, SOURCE_WEIGHTS);
    const industryPicker = new WeightedPicker(
      INDUSTRIES,
      INDUSTRIES.map((i) => i.weight),
    );
    // Recent customers with a contact can have come from a lead; each at most once.
    const convertible = rng.shuffled(
      ctx.customers.filter(
        (c) =>
          c.stage !== 'prospect' &&
          c.contactIds.length > 0 &&
          c.createdMs > nowMs - 540 * DAY_MS &&
          c.createdMs > ctx.workspaceStartMs + 60 * DAY_MS,
      ),
    );
    const started = ctx.campaigns.filter((c) => c.startMs < nowMs - DAY_MS);
    const leads: LeadRow[] = [];
    const total = DEMO_PROFILE.leads;
    report({ phase: 'leads', done: 0, total });
    for (let i = 0; i < total; i++) {
      let status = statusPicker.pick(rng);
      const customer = status === 'converted' ? (convertible.pop() ?? null) : null;
      if (status === 'converted' && !customer) status = 'qualified';
      let source = sourcePicker.pick(rng);
      let campaign: CampaignRow | null = null;
      const channels = SOURCE_CHANNELS[source];
      if (channels && !customer) {
        const matching = started.filter((c) => channels.includes(c.channel) && c.status !== 'cancelled');
        if (matching.length > 0) campaign = rng.pick(matching);
        else source = 'website';
      } else if (channels) {
        source = 'referral';
      }
      // Created: a converted lead before its customer; a campaign lead within a month of the campaign's
      // start; the rest over the last year, more of them recently.
      const createdMs = roundToMinute(
        customer
          ? customer.createdMs - (3 + rng.next() * 50) * DAY_MS
          : campaign
            ? Math.min(nowMs - 3_600_000, campaign.startMs + rng.next() * 30 * DAY_MS)
            : nowMs - Math.pow(rng.next(), 1.4) * 365 * DAY_MS,
      );
      let name: string;
      let company = '';
      let title = '';
      let phone: string;
      let email = '';
      let contactId: number | null = null;
      if (customer) {
        contactId = customer.contactIds[0]!;
        const [contactName, contactTitle, contactPhone, contactEmail] = row(contactOf, [contactId]);
        name = String(contactName);
        title = String(contactTitle);
        phone = String(contactPhone);
        email = String(contactEmail);
        if (customer.kind === 'company') company = String(row(customerName, [customer.id])[0]);
      } else {
        const person = text.personName();
        const place = text.place(true);
        name = person.name;
        phone = text.mobile();
        if (rng.chance(0.75)) {
          const made = text.company(industryPicker.pick(rng), place.cityIndex);
          company = made.name;
          title = rng.pick(text.titles);
          if (rng.chance(0.8)) email = `${person.latin}@${made.domain}`;
        } else if (rng.chance(0.7)) {
          email = text.personalEmail(person);
        }
      }
      const ownerId = customer
        ? customer.ownerId
        : status === 'new' && rng.chance(0.15)
          ? null
          : ctx.owners.pick(rng);
      const open = status === 'new' || status === 'contacted' || status === 'qualified';
      const followUpMs = open ? Math.max(createdMs + DAY_MS, nowMs + (rng.next() * 31 - 10) * DAY_MS) : null;
      const convertedMs = customer ? customer.createdMs : null;
      const updatedMs = convertedMs ?? roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const [lo, hi] = SCORE_RANGE[status];
      const id = insertReturningId(insert, [
        name,
        company,
        title,
        phone,
        email,
        source,
        status,
        rng.between(lo, hi),
        ownerId,
        campaign?.id ?? null,
        followUpMs === null ? null : isoDate(followUpMs),
        rng.pick(records.leadNotes),
        convertedMs === null ? null : isoTimestamp(convertedMs),
        customer?.id ?? null,
        contactId,
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ] satisfies SqlValue[]);
      summary.leads++;
      leads.push({ id, status, createdMs, campaignId: campaign?.id ?? null, customer, contactId, ownerId });

      // The work happened while it was a lead, before any customer existed: linked to the lead only.
      const links = { customerId: null, contactId: null, leadId: id, ownerId };
      const [intro, overview, qualify, visit] = records.followUps.lead;
      if (status !== 'new')
        followUps.past(rng, 'call', records.subject(intro!, name), createdMs, convertedMs ?? nowMs, links);
      if (status === 'qualified' || status === 'converted')
        followUps.past(
          rng,
          'meeting',
          records.subject(qualify!, name),
          createdMs,
          convertedMs ?? nowMs,
          links,
        );
      if (open && ownerId !== null) {
        const type = rng.pick(['call', 'task', 'email'] as const);
        const subject = records.subject(status === 'qualified' ? visit! : overview!, name);
        followUps.open(rng, type, subject, followUpMs! < nowMs ? 0.9 : 0.15, createdMs, links);
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'leads', done: i + 1, total });
    }
    report({ phase: 'leads', done: summary.leads, total });
    return leads;
  } finally {
    insert.free();
    contactOf.free();
    customerName.free();
    followUps.free();
  }
}

function row(stmt: import('sql.js').Statement, params: SqlValue[]): SqlValue[] {
  stmt.bind(params);
  try {
    if (!stmt.step()) throw new Error('expected a row');
    return stmt.get();
  } finally {
    stmt.reset();
  }
}
