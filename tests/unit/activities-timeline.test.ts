import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { CustomerInput } from '../../workers/db/contract';
import type { TimelineEvent, TimelineKind } from '../../workers/db/features/activities/api';
import { activitiesHandlers as api } from '../../workers/db/features/activities/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { getCustomer, insertCustomer, updateCustomer } from '../../workers/db/repositories/customers';
import { insertUser } from '../../workers/db/repositories/users';
import { runtime } from '../../workers/db/runtime';
import { insert, openWorkspace, tick, unwrap } from './activities-fixture';

let engine: PersistenceEngine;
let alice: number;
let bob: number;
let acme: number;
let other: number;

const base: CustomerInput = {
  kind: 'company',
  name: 'Acme',
  stage: 'prospect',
  ownerId: null,
  industry: '',
  address: '',
  phone: '',
  email: '',
  notes: '',
};

beforeEach(async () => {
  engine = await openWorkspace();
  const seeded = await engine.write((db) => {
    const a = insertUser(db, { name: 'Alice', email: 'alice@crm.cn', role: 'rep' });
    const b = insertUser(db, { name: 'Bob', email: 'bob@crm.cn', role: 'manager' });
    return {
      a,
      b,
      acme: insertCustomer(db, { ...base, ownerId: a }, tick()),
      other: insertCustomer(db, { ...base, name: '华信科技' }, tick()),
    };
  });
  ({ a: alice, b: bob, acme, other } = seeded.value);
  runtime.actorId = alice;
});

afterEach(() => {
  engine.close();
  runtime.engine = null;
  runtime.actorId = null;
});

/** One record of every kind that belongs to `customer`, written as the app's users would. */
function seedEveryKind(db: Database, customer: number) {
  const contact = insert(
    db,
    `INSERT INTO contacts (customer_id, name, title, is_primary, created_at) VALUES (?, '王芳', '采购经理', 1, ?)`,
    [customer, '2025-01-02T08:00:00.000Z'],
  );
  const opportunity = insert(
    db,
    `INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, owner_id, created_at)
     VALUES ('ERP upgrade', ?, (SELECT id FROM pipeline_stages WHERE code = 'proposal'), 1250000, ?, ?)`,
    [customer, bob, '2025-01-03T08:00:00.000Z'],
  );
  const order = insert(
    db,
    `INSERT INTO orders (order_no, customer_id, order_date, status, total_minor, owner_id)
     VALUES ('SO-1001', ?, '2025-01-04', 'shipped', 99900, ?)`,
    [customer, alice],
  );
  const contract = insert(
    db,
    `INSERT INTO contracts (contract_no, title, customer_id, start_date, amount_minor)
     VALUES ('HT-7', 'Support 2025', ?, '2025-01-05', 500000)`,
    [customer],
  );
  const kase = insert(
    db,
    `INSERT INTO cases (subject, customer_id, status, created_at) VALUES ('Printer jams', ?, 'open', ?)`,
    [customer, '2025-01-06T08:00:00.000Z'],
  );
  const campaign = insert(db, `INSERT INTO campaigns (name) VALUES ('Spring fair')`, []);
  insert(
    db,
    `INSERT INTO campaign_members (campaign_id, customer_id, response, created_at) VALUES (?, ?, 'attended', ?)`,
    [campaign, customer, '2025-01-07T08:00:00.000Z'],
  );
  insert(
    db,
    `INSERT INTO customer_relationships (customer_id, related_customer_id, type, created_at)
     VALUES (?, ?, 'client', ?)`,
    [customer, other, '2025-01-08T08:00:00.000Z'],
  );
  insert(
    db,
    `INSERT INTO customer_relationships (customer_id, related_customer_id, type, created_at)
     VALUES (?, ?, 'friend', ?)`,
    [other, customer, '2025-01-09T08:00:00.000Z'],
  );
  const activity = insert(
    db,
    `INSERT INTO activities (type, subject, due_at, customer_id, owner_id) VALUES ('call', 'Kick-off call', ?, ?, ?)`,
    ['2025-01-10T08:00:00.000Z', customer, alice],
  );
  return { contact, opportunity, order, contract, kase, campaign, activity };
}

const timeline = async (customerId: number, query = {}) =>
  unwrap(await api.customerTimeline(customerId, query));

describe('customer timeline', () => {
  it('shows every kind of record that touched the customer, each linking to its record', async () => {
    const ids = (await engine.write((db) => seedEveryKind(db, acme))).value;
    const { events, next } = await timeline(acme);
    expect(next).toBeNull();
    const byKind = (kind: TimelineKind) => events.filter((e) => e.kind === kind);

    expect(byKind('activity')).toMatchObject([
      {
        title: 'Kick-off call',
        status: 'call',
        who: 'Alice',
        link: { entity: 'activity', id: ids.activity },
        activity: { id: ids.activity, type: 'call', done: false, dueAt: '2025-01-10T08:00:00.000Z' },
      },
    ]);
    expect(byKind('contact')).toMatchObject([
      { title: '王芳', detail: '采购经理', status: 'primary', link: { entity: 'contact', id: ids.contact } },
    ]);
    expect(byKind('opportunity')).toMatchObject([
      {
        title: 'ERP upgrade',
        status: 'stage:proposal',
        amount: { minor: 1250000, currency: 'CNY' },
        who: 'Bob',
        link: { entity: 'opportunity', id: ids.opportunity },
      },
    ]);
    expect(byKind('order')).toMatchObject([
      { at: '2025-01-04', title: 'SO-1001', status: 'shipped', link: { entity: 'order', id: ids.order } },
    ]);
    expect(byKind('contract')).toMatchObject([
      { title: 'Support 2025', status: 'active', link: { entity: 'contract', id: ids.contract } },
    ]);
    expect(byKind('case')).toMatchObject([
      { title: 'Printer jams', status: 'open', link: { entity: 'case', id: ids.kase } },
    ]);
    expect(byKind('campaign')).toMatchObject([
      { title: 'Spring fair', status: 'attended', link: { entity: 'campaign', id: ids.campaign } },
    ]);
    // Both directions, each linking to the other customer.
    expect(byKind('relationship')).toMatchObject([
      { title: '华信科技', status: 'friend:in', link: { entity: 'customer', id: other } },
      { title: '华信科技', status: 'client', link: { entity: 'customer', id: other } },
    ]);
    // The customer's creation went through the engine, so the audit log has it.
    expect(byKind('change')).toMatchObject([{ status: 'insert', who: null, changes: [], link: null }]);

    // Newest first.
    const times = events.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    // Nothing of the other customer except the relationships that name Acme.
    const otherEvents = (await timeline(other)).events.map((e) => e.kind);
    expect(otherEvents.sort()).toEqual(['change', 'relationship', 'relationship']);
  });

  it('shows a field change from the audit log with who made it', async () => {
    await engine.write((db) => updateCustomer(db, acme, { ...base, ownerId: alice, stage: 'new' }, tick()));
    runtime.actorId = bob;
    await engine.write((db) =>
      updateCustomer(db, acme, { ...base, ownerId: bob, stage: 'new', phone: '010 6552 9988' }, tick()),
    );
    const changes = (await timeline(acme, { kinds: ['change'] })).events;
    expect(changes.map((e) => [e.status, e.who, e.changes])).toEqual([
      [
        'update',
        'Bob',
        [
          { field: 'owner_id', before: 'Alice', after: 'Bob' },
          { field: 'phone', before: '', after: '010 6552 9988' },
        ],
      ],
      ['update', 'Alice', [{ field: 'stage', before: 'prospect', after: 'new' }]],
      ['insert', null, []],
    ]);
    await expect(engine.read((db) => getCustomer(db, acme)?.stage)).resolves.toBe('new');
  });

  it('pages by cursor without gaps or repeats, also across events at the same instant', async () => {
    // 1,000 events: activities (many sharing a due time), orders on shared dates, contacts, changes.
    await engine.write((db) => {
      for (let i = 0; i < 700; i++) {
        const due = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`;
        insert(db, `INSERT INTO activities (type, subject, due_at, customer_id) VALUES ('task', ?, ?, ?)`, [
          `Task ${i}`,
          due,
          acme,
        ]);
      }
      for (let i = 0; i < 200; i++) {
        insert(db, `INSERT INTO orders (customer_id, order_date) VALUES (?, ?)`, [
          acme,
          `2024-0${1 + (i % 9)}-15`,
        ]);
      }
      for (let i = 0; i < 99; i++) {
        insert(db, `INSERT INTO contacts (customer_id, name, created_at) VALUES (?, ?, ?)`, [
          acme,
          `Contact ${i}`,
          '2024-06-01T00:00:00.000Z',
        ]);
      }
    });
    const all = await timeline(acme, { limit: 200 });
    let whole: TimelineEvent[] = [...all.events];
    for (let cursor = all.next; cursor;) {
      const page = await timeline(acme, { limit: 200, before: cursor });
      whole = whole.concat(page.events);
      cursor = page.next;
    }
    expect(whole).toHaveLength(1000); // 700 + 200 + 99 + the creation

    const pieced: TimelineEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await timeline(acme, { limit: 37, before: cursor });
      pieced.push(...page.events);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(pieced.map((e) => e.key)).toEqual(whole.map((e) => e.key));
    expect(new Set(pieced.map((e) => e.key)).size).toBe(1000);
  });

  it('filters by kind and refuses a bad query with a specific field', async () => {
    await engine.write((db) => seedEveryKind(db, acme));
    const orders = await timeline(acme, { kinds: ['order', 'case'] });
    expect(orders.events.map((e) => e.kind).sort()).toEqual(['case', 'order']);

    const bad = [
      [{ kinds: ['orders'] }, 'kinds'],
      [{ limit: 0 }, 'limit'],
      [{ before: 'not a cursor' }, 'before'],
    ] as const;
    for (const [query, field] of bad) {
      const result = await api.customerTimeline(acme, query as never);
      expect(result).toMatchObject({
        ok: false,
        code: 'validation',
        fields: { [field]: expect.any(String) },
      });
    }
    expect(await api.customerTimeline(9999)).toMatchObject({ ok: false, code: 'not_found' });
  });
});
