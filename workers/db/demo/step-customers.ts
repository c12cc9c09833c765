/**
 * Demo step 3: customers and their contacts. ≈70 % companies, ≈30 % persons; lifecycle stages weighted
 * 25/15/48/12 (prospect/new/existing/lost); a few prospects unassigned in the shared pool (公海); creation
 * dates that fit the stage; companies get 1–4 contacts, some persons one.
 *
 * Returns one {@link CustomerRow} per customer, carrying what orders and activities need (owner, buying
 * window, order weight, contacts).
 */
import type { Database } from 'sql.js';
import type { CustomerKind, LifecycleStage } from '../contract';
import { INDUSTRIES } from './catalog';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  PROGRESS_EVERY,
  insertReturningId,
  roundToMinute,
} from './demo-context';
import { DAY_MS, type Rng, WeightedPicker, isoTimestamp } from './random';

const STAGES: readonly LifecycleStage[] = ['prospect', 'new', 'existing', 'lost'];
const STAGE_WEIGHTS = [25, 15, 48, 12];

export interface CustomersContext extends DemoContext {
  /** Picks the owner of a customer (from the users step). */
  owners: WeightedPicker<number>;
}

export function insertCustomers(db: Database, rng: Rng, ctx: CustomersContext): CustomerRow[] {
  const { text, nowMs, workspaceStartMs, summary, report } = ctx;
  const insertCustomer = db.prepare(
    `INSERT INTO customers (kind, name, stage, owner_id, industry, address, phone, email, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertContact = db.prepare(
    `INSERT INTO contacts (customer_id, name, title, phone, email, notes, is_primary, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  try {
    const stagePicker = new WeightedPicker(STAGES, STAGE_WEIGHTS);
    const industryPicker = new WeightedPicker(
      INDUSTRIES,
      INDUSTRIES.map((i) => i.weight),
    );
    const customers: CustomerRow[] = [];
    const totalCustomers = DEMO_PROFILE.customers;
    report({ phase: 'customers', done: 0, total: totalCustomers });
    for (let i = 0; i < totalCustomers; i++) {
      const kind: CustomerKind = rng.chance(0.7) ? 'company' : 'person';
      const stage = stagePicker.pick(rng);
      // A few prospects sit unassigned in the shared pool (公海).
      const ownerId = stage === 'prospect' && rng.chance(0.08) ? null : ctx.owners.pick(rng);
      // Created: prospects within a year, new customers within 6 months, the others over 3 years.
      const ageMs =
        stage === 'new'
          ? rng.next() * 180 * DAY_MS
          : stage === 'prospect'
            ? rng.next() * 365 * DAY_MS
            : 120 * DAY_MS + rng.next() * (nowMs - workspaceStartMs - 120 * DAY_MS);
      const createdMs = roundToMinute(nowMs - ageMs);
      const updatedMs = roundToMinute(createdMs + rng.next() * (nowMs - createdMs));
      const place = text.place(kind === 'company');
      let name: string;
      let industry = '';
      let phone: string;
      let email: string;
      let domain = '';
      if (kind === 'company') {
        const ind = industryPicker.pick(rng);
        const company = text.company(ind, place.cityIndex);
        name = company.name;
        domain = company.domain;
        industry = text.industry(ind);
        phone = rng.chance(0.75) ? text.landline(place.cityIndex) : text.mobile();
        email = `${rng.pick(['info', 'contact', 'sales', 'service', 'hello'])}@${domain}`;
      } else {
        const person = text.personName();
        name = person.name;
        phone = text.mobile();
        email = text.personalEmail(person);
      }
      const notes = rng.chance(0.35) ? rng.pick(text.customerNotes) : '';
      const id = insertReturningId(insertCustomer, [
        kind,
        name,
        stage,
        ownerId,
        industry,
        place.address,
        phone,
        rng.chance(0.92) ? email : '',
        notes,
        isoTimestamp(createdMs),
        isoTimestamp(updatedMs),
      ]);
      summary.customers++;

      const lostMs = stage === 'lost' ? roundToMinute(nowMs - (60 + rng.next() * 300) * DAY_MS) : nowMs;
      const orderWeight =
        stage === 'existing'
          ? 0.4 + rng.next() * rng.next() * 6
          : stage === 'lost'
            ? 0.6
            : stage === 'new'
              ? 0.5
              : 0;
      const row: CustomerRow = {
        id,
        kind,
        stage,
        ownerId,
        createdMs,
        lostMs: Math.max(lostMs, createdMs + DAY_MS),
        shortName: text.shortName(name),
        orderWeight,
        contactIds: [],
        orders: [],
      };
      customers.push(row);

      // Contacts: companies 1–4, persons sometimes one (an assistant or family member).
      const contactCount = kind === 'company' ? rng.between(1, 4) : rng.chance(0.15) ? 1 : 0;
      for (let c = 0; c < contactCount; c++) {
        const person = text.personName();
        const contactEmail = domain ? `${person.latin}@${domain}` : text.personalEmail(person);
        const contactCreated = isoTimestamp(roundToMinute(createdMs + rng.next() * (updatedMs - createdMs)));
        const contactId = insertReturningId(insertContact, [
          id,
          person.name,
          kind === 'company' ? rng.pick(text.titles) : '',
          rng.chance(0.85) ? text.mobile() : text.landline(place.cityIndex),
          rng.chance(0.9) ? contactEmail : '',
          rng.chance(0.15) ? rng.pick(text.contactNotes) : '',
          c === 0 ? 1 : 0,
          contactCreated,
          contactCreated,
        ]);
        row.contactIds.push(contactId);
        summary.contacts++;
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'customers', done: i + 1, total: totalCustomers });
    }
    report({ phase: 'customers', done: summary.customers, total: totalCustomers });
    report({ phase: 'contacts', done: summary.contacts, total: summary.contacts });
    return customers;
  } finally {
    insertCustomer.free();
    insertContact.free();
  }
}
