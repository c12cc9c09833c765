/**
 * The generic record layer on a real migrated database: what a user of any list or form would notice —
 * validation messages per field, filters and sorts that return the right rows in the right order, groups
 * with correct counts and sums, the record types' own rules, custom fields and saved views.
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../workers/db/errors';
import { migrate } from '../../workers/db/migrations';
import { entityDef } from '../../workers/db/entities/definitions';
import { groupRecords, listRecords } from '../../workers/db/entities/query';
import {
  createRecord,
  definitionWithCustomFields,
  deleteRecords,
  getRecord,
  updateRecord,
} from '../../workers/db/entities/records';
import type { RecordListQuery } from '../../workers/db/entities/types';
import { saveCustomField } from '../../workers/db/features/records/custom-fields';
import { listSavedViews, saveView } from '../../workers/db/features/records/saved-views';
import { insertUser } from '../../workers/db/repositories/users';
import { insertCustomer } from '../../workers/db/repositories/customers';

const NOW = '2026-03-01T09:00:00.000Z';
let SQL: SqlJsStatic;
let db: Database;
let alice: number;
let bob: number;
let acme: number;

beforeAll(async () => {
  SQL = await initSqlJs();
});

beforeEach(() => {
  db = new SQL.Database();
  migrate(db);
  db.exec('PRAGMA foreign_keys = ON');
  alice = insertUser(db, { name: 'Alice', email: 'alice@crm.cn', role: 'rep' });
  bob = insertUser(db, { name: 'Bob', email: 'bob@crm.cn', role: 'manager' });
  acme = insertCustomer(
    db,
    {
      kind: 'company',
      name: '北京某某科技有限公司',
      stage: 'new',
      ownerId: alice,
      industry: '',
      address: '',
      phone: '',
      email: '',
      notes: '',
    },
    NOW,
  );
});

function fieldErrors(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return (error.fields ?? {}) as Record<string, string>;
    throw error;
  }
  throw new Error('expected a validation error');
}

const opportunity = (name: string, amount: number, stage: number, ownerId: number, close: string) =>
  createRecord(
    db,
    entityDef('opportunity'),
    {
      name,
      customerId: acme,
      stageId: stage,
      amountMinor: amount,
      ownerId,
      expectedClose: close,
      currency: 'CNY',
    },
    NOW,
  );

const query = (q: Partial<RecordListQuery>): RecordListQuery => ({
  entity: 'opportunity',
  sort: { field: 'name', direction: 'asc' },
  offset: 0,
  limit: 50,
  ...q,
});

describe('validation', () => {
  it('reports every bad field of a lead at once with a specific code', () => {
    const errors = fieldErrors(() =>
      createRecord(
        db,
        entityDef('lead'),
        { name: '  ', email: 'not-an-email', score: 101, source: 'carrier pigeon', followUpOn: '2026-02-30' },
        NOW,
      ),
    );
    expect(errors).toEqual({
      name: 'required',
      email: 'invalid_email',
      score: 'out_of_range',
      source: 'invalid_choice',
      status: 'required',
      followUpOn: 'invalid_date',
    });
  });

  it('refuses a reference to a record that does not exist and a read-only field', () => {
    expect(
      fieldErrors(() =>
        createRecord(
          db,
          entityDef('contract'),
          { title: 'X', customerId: 9999, status: 'active', startDate: '2026-01-01' },
          NOW,
        ),
      ),
    ).toEqual({ customerId: 'not_found' });
    expect(
      fieldErrors(() =>
        createRecord(
          db,
          entityDef('order'),
          { customerId: acme, orderDate: '2026-01-01', status: 'draft', totalMinor: 5 },
          NOW,
        ),
      ),
    ).toEqual({ totalMinor: 'invalid_choice' });
  });

  it('stores nothing when validation fails', () => {
    expect(() => createRecord(db, entityDef('lead'), { name: '' }, NOW)).toThrow(DomainError);
    expect(db.exec('SELECT count(*) FROM leads')[0]!.values[0]![0]).toBe(0);
  });
});

describe('lists', () => {
  let stages: number[];
  beforeEach(() => {
    stages = db.exec('SELECT id FROM pipeline_stages ORDER BY position')[0]!.values.map((r) => Number(r[0]));
    opportunity('Alpha', 100_00, stages[0]!, alice, '2026-04-01');
    opportunity('Beta', 250_00, stages[2]!, bob, '2026-05-15');
    opportunity('Gamma', 75_00, stages[2]!, alice, '2026-04-20');
    opportunity('Delta', 500_00, stages[4]!, bob, '2026-03-10');
  });

  it('filters with an AND of conditions and sorts by any field', () => {
    const page = listRecords(
      db,
      entityDef('opportunity'),
      query({
        conditions: [
          { field: 'amountMinor', op: 'gte', value: 75_00 },
          { field: 'expectedClose', op: 'lt', value: '2026-05-01' },
        ],
        sort: { field: 'amountMinor', direction: 'desc' },
      }),
    );
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.name)).toEqual(['Delta', 'Alpha', 'Gamma']);
  });

  it('sorts a reference by the title it points at and returns that title', () => {
    const page = listRecords(
      db,
      entityDef('opportunity'),
      query({ sort: { field: 'ownerId', direction: 'desc' } }),
    );
    expect(page.rows.map((r) => r.ownerIdLabel)).toEqual(['Bob', 'Bob', 'Alice', 'Alice']);
    expect(page.rows[0]!.customerIdLabel).toBe('北京某某科技有限公司');
  });

  it('keeps only the owners of a "mine" or "my team" scope', () => {
    const mine = listRecords(db, entityDef('opportunity'), query({ ownerIds: [alice] }));
    expect(mine.rows.map((r) => r.name)).toEqual(['Alpha', 'Gamma']);
    expect(listRecords(db, entityDef('opportunity'), query({ ownerIds: [] })).total).toBe(0);
  });

  it('treats LIKE wildcards in a contains filter as plain text', () => {
    opportunity('50% off', 1, stages[0]!, alice, '2026-04-01');
    const page = listRecords(
      db,
      entityDef('opportunity'),
      query({ conditions: [{ field: 'name', op: 'contains', value: '%' }] }),
    );
    expect(page.rows.map((r) => r.name)).toEqual(['50% off']);
  });

  it('refuses an operator that does not fit the field, and an unknown field', () => {
    expect(() =>
      listRecords(
        db,
        entityDef('opportunity'),
        query({ conditions: [{ field: 'amountMinor', op: 'contains', value: '1' }] }),
      ),
    ).toThrow(DomainError);
    expect(() =>
      listRecords(
        db,
        entityDef('opportunity'),
        query({ conditions: [{ field: 'name; DROP TABLE x', op: 'eq', value: '1' }] }),
      ),
    ).toThrow(DomainError);
  });

  it('groups by stage with counts and amount sums, and dates by month', () => {
    const groups = groupRecords(db, entityDef('opportunity'), {}, 'stageId');
    expect(groups[0]).toMatchObject({ value: stages[2], count: 2, sums: { amountMinor: 325_00 } });
    expect(groups.map((g) => g.label)).toContain('方案报价');
    const months = groupRecords(db, entityDef('opportunity'), { ownerIds: [alice] }, 'expectedClose');
    expect(months.map((g) => [g.value, g.count])).toEqual([['2026-04', 2]]);
  });
});

describe('record rules', () => {
  it('gives a case its SLA deadline from the priority and resolves it with a CSAT score', () => {
    const def = entityDef('case');
    const id = createRecord(
      db,
      def,
      { subject: 'Broken', customerId: acme, type: 'complaint', priority: 'urgent', status: 'open' },
      NOW,
    );
    expect(getRecord(db, def, id)!.slaDue).toBe('2026-03-01T13:00:00.000Z');
    expect(fieldErrors(() => updateRecord(db, def, id, { csat: 5 }, NOW, true))).toEqual({
      csat: 'csat_when_closed',
    });
    updateRecord(db, def, id, { status: 'closed', csat: 4 }, '2026-03-02T10:00:00.000Z', true);
    expect(getRecord(db, def, id)).toMatchObject({ csat: 4, resolvedAt: '2026-03-02T10:00:00.000Z' });
  });

  it('moves an opportunity to its new stage probability and closes it in a won stage', () => {
    const def = entityDef('opportunity');
    const [first, , , , won] = db
      .exec('SELECT id FROM pipeline_stages ORDER BY position')[0]!
      .values.map((r) => Number(r[0]));
    const id = opportunity('Deal', 1, first!, alice, '2026-04-01');
    expect(getRecord(db, def, id)!.probability).toBe(10);
    updateRecord(db, def, id, { stageId: won }, '2026-03-05T00:00:00.000Z', true);
    expect(getRecord(db, def, id)).toMatchObject({ probability: 100, closedAt: '2026-03-05T00:00:00.000Z' });
  });

  it('keeps one primary contact per customer', () => {
    const def = entityDef('contact');
    const a = createRecord(db, def, { name: 'A', customerId: acme, isPrimary: true }, NOW);
    const b = createRecord(db, def, { name: 'B', customerId: acme, isPrimary: true }, NOW);
    expect(getRecord(db, def, a)!.isPrimary).toBe(false);
    expect(getRecord(db, def, b)!.isPrimary).toBe(true);
  });

  it('refuses to delete a product that was sold', () => {
    const product = createRecord(
      db,
      entityDef('product'),
      { code: 'P1', name: 'Widget', priceMinor: 100, stock: 5, active: true },
      NOW,
    );
    const order = createRecord(
      db,
      entityDef('order'),
      { customerId: acme, orderDate: '2026-01-01', status: 'draft' },
      NOW,
    );
    db.run(
      'INSERT INTO order_lines (order_id, product_id, quantity, unit_price_minor) VALUES (?, ?, 1, 100)',
      [order, product],
    );
    expect(() => deleteRecords(db, entityDef('product'), [product])).toThrow(/deactivate/);
  });
});

describe('custom fields and saved views', () => {
  it('adds a typed custom field to forms, lists and filters', () => {
    saveCustomField(db, { entity: 'lead', label: '预算', type: 'number', options: [], required: false }, NOW);
    saveCustomField(
      db,
      { entity: 'lead', label: 'Region', type: 'choice', options: ['North', 'South'], required: true },
      NOW,
    );
    const def = definitionWithCustomFields(db, 'lead');
    const budget = def.fields.find((f) => f.label === '预算')!;
    const region = def.fields.find((f) => f.label === 'Region')!;
    expect(
      fieldErrors(() =>
        createRecord(db, def, { name: 'X', source: 'other', status: 'new', [budget.key]: 'lots' }, NOW),
      ),
    ).toEqual({
      [budget.key]: 'invalid_number',
      [region.key]: 'required',
    });
    createRecord(
      db,
      def,
      { name: 'Small', source: 'other', status: 'new', [budget.key]: 9, [region.key]: 'North' },
      NOW,
    );
    createRecord(
      db,
      def,
      { name: 'Big', source: 'other', status: 'new', [budget.key]: 120, [region.key]: 'South' },
      NOW,
    );
    const page = listRecords(db, def, {
      entity: 'lead',
      conditions: [{ field: budget.key, op: 'gt', value: 10 }],
      sort: { field: budget.key, direction: 'desc' },
      offset: 0,
      limit: 10,
    });
    // 120 > 10 as numbers (as text "120" < "9" would have failed)
    expect(page.rows.map((r) => [r.name, r[budget.key], r[region.key]])).toEqual([['Big', 120, 'South']]);
  });

  it('keeps a private view for its owner and a shared one for everyone, names unique', () => {
    saveView(
      db,
      {
        entity: 'lead',
        name: 'Hot',
        filter: { conditions: [{ field: 'score', op: 'gte', value: 80 }] },
        sort: null,
        columns: ['name'],
        groupBy: 'status',
        shared: false,
      },
      alice,
      NOW,
    );
    saveView(
      db,
      {
        entity: 'lead',
        name: 'All new',
        filter: {},
        sort: { field: 'name', direction: 'asc' },
        columns: [],
        groupBy: null,
        shared: true,
      },
      alice,
      NOW,
    );
    expect(listSavedViews(db, 'lead', alice).map((v) => [v.name, v.groupBy])).toEqual([
      ['All new', null],
      ['Hot', 'status'],
    ]);
    expect(listSavedViews(db, 'lead', bob).map((v) => v.name)).toEqual(['All new']);
    expect(() =>
      saveView(
        db,
        { entity: 'lead', name: 'Hot', filter: {}, sort: null, columns: [], groupBy: null, shared: false },
        alice,
        NOW,
      ),
    ).toThrow(/exists already/);
  });
});

describe('orders through the generic form', () => {
  it('moves stock when only the status changes, and refuses deleting an order that holds stock', () => {
    const product = createRecord(
      db,
      entityDef('product'),
      { code: 'P9', name: 'Gadget', priceMinor: 100, stock: 5, active: true },
      NOW,
    );
    const order = createRecord(
      db,
      entityDef('order'),
      { customerId: acme, orderDate: '2026-01-01', status: 'draft' },
      NOW,
    );
    db.run(
      'INSERT INTO order_lines (order_id, product_id, quantity, unit_price_minor) VALUES (?, ?, 3, 100)',
      [order, product],
    );
    const stock = () => getRecord(db, entityDef('product'), product)!.stock;
    updateRecord(db, entityDef('order'), order, { status: 'confirmed' }, NOW, true);
    expect(stock()).toBe(2);
    expect(() => deleteRecords(db, entityDef('order'), [order])).toThrow(/hold stock/);
    updateRecord(db, entityDef('order'), order, { status: 'cancelled' }, NOW, true);
    expect(stock()).toBe(5);
    expect(deleteRecords(db, entityDef('order'), [order])).toBe(1);
  });
});

describe('bulk actions on every matching record', () => {
  it('selects by the list filter (not only ticked rows)', async () => {
    const { selectedIds } = await import('../../workers/db/features/records/handlers');
    const other = createRecord(
      db,
      entityDef('customer'),
      { name: 'Other', kind: 'person', stage: 'lost' },
      NOW,
    );
    expect(
      selectedIds(db, entityDef('customer'), {
        filter: { conditions: [{ field: 'stage', op: 'eq', value: 'new' }] },
      }),
    ).toEqual([acme]);
    expect(selectedIds(db, entityDef('customer'), { filter: { text: 'oth' } })).toEqual([other]);
    expect(selectedIds(db, entityDef('customer'), { ids: [other, -1] })).toEqual([other]);
  });
});
