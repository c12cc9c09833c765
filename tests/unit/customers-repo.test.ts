import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STAGES,
  type Customer,
  type CustomerInput,
  type CustomerListQuery,
  type CustomerSortColumn,
  type SortDirection,
} from '../../workers/db/contract';
import { DomainError } from '../../workers/db/errors';
import { migrate } from '../../workers/db/migrations';
import {
  CountCache,
  deleteCustomer,
  getCustomer,
  insertCustomer,
  listCustomers,
  updateCustomer,
} from '../../workers/db/repositories/customers';
import { insertContact, listContacts } from '../../workers/db/repositories/contacts';
import { insertUser } from '../../workers/db/repositories/users';

const T0 = '2024-05-01T08:00:00.000Z';
const T1 = '2024-05-02T09:30:00.000Z';

let SQL: SqlJsStatic;
let db: Database;
let alice: number;
let bob: number;

beforeAll(async () => {
  SQL = await initSqlJs();
});

beforeEach(() => {
  db = new SQL.Database();
  migrate(db);
  db.exec('PRAGMA foreign_keys = ON');
  alice = insertUser(db, { name: 'Alice', email: 'alice@crm.cn', role: 'rep' });
  bob = insertUser(db, { name: 'Bob', email: 'bob@crm.cn', role: 'manager' });
});

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

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const list = (q: Partial<CustomerListQuery> = {}) =>
  listCustomers(db, { sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 100, ...q });
const names = (q: Partial<CustomerListQuery> = {}) => list(q).rows.map((c) => c.name);

describe('customer CRUD', () => {
  it('creates a customer and reads it back with its owner name and timestamps', () => {
    const id = insertCustomer(
      db,
      {
        ...base,
        name: '  星河科技 ',
        ownerId: alice,
        phone: '010 6552 9988',
        email: 'hi@xinghe.cn',
        notes: 'VIP',
      },
      T0,
    );
    expect(getCustomer(db, id)).toEqual<Customer>({
      ...base,
      id,
      name: '星河科技',
      ownerId: alice,
      ownerName: 'Alice',
      segment: '',
      churnRisk: null,
      phone: '010 6552 9988',
      email: 'hi@xinghe.cn',
      notes: 'VIP',
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it('returns null for a customer that does not exist', () => {
    expect(getCustomer(db, 12345)).toBeNull();
  });

  it('updates every field, bumps updatedAt and keeps createdAt', () => {
    const id = insertCustomer(db, base, T0);
    const changed: CustomerInput = {
      kind: 'person',
      name: 'Zhang San',
      stage: 'existing',
      ownerId: bob,
      industry: 'Retail',
      address: 'Shanghai',
      phone: '+86 138 0013 8000',
      email: 'zs@example.com',
      notes: 'moved',
    };
    updateCustomer(db, id, changed, T1);
    expect(getCustomer(db, id)).toEqual({
      ...changed,
      id,
      ownerName: 'Bob',
      segment: '',
      churnRisk: null,
      createdAt: T0,
      updatedAt: T1,
    });
  });

  it('says not_found when updating or deleting a customer that is gone', () => {
    expect(caught(() => updateCustomer(db, 999, base, T1)).code).toBe('not_found');
    expect(caught(() => deleteCustomer(db, 999)).code).toBe('not_found');
  });

  it('deletes a customer together with its contacts', () => {
    const id = insertCustomer(db, base, T0);
    const other = insertCustomer(db, { ...base, name: 'Other' }, T0);
    insertContact(
      db,
      { customerId: id, name: 'Ann', title: '', phone: '', email: '', notes: '', isPrimary: true },
      T0,
    );
    insertContact(
      db,
      { customerId: other, name: 'Ben', title: '', phone: '', email: '', notes: '', isPrimary: false },
      T0,
    );
    deleteCustomer(db, id);
    expect(getCustomer(db, id)).toBeNull();
    expect(db.exec('SELECT name FROM contacts')[0]!.values).toEqual([['Ben']]);
    expect(listContacts(db, other)).toHaveLength(1);
  });

  it('rejects invalid input with one code per field and stores nothing', () => {
    const error = caught(() =>
      insertCustomer(db, { ...base, name: ' ', email: 'nope', phone: 'call me', stage: 'gold' as never }, T0),
    );
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      name: 'required',
      email: 'invalid_email',
      phone: 'invalid_phone',
      stage: 'invalid_choice',
    });
    expect(list().total).toBe(0);
  });

  it('rejects an owner that does not exist, on create and on update', () => {
    const error = caught(() => insertCustomer(db, { ...base, ownerId: 999 }, T0));
    expect(error).toMatchObject({ code: 'validation', fields: { ownerId: 'not_found' } });
    const id = insertCustomer(db, { ...base, ownerId: alice }, T0);
    expect(caught(() => updateCustomer(db, id, { ...base, ownerId: 999 }, T1)).fields).toEqual({
      ownerId: 'not_found',
    });
    expect(getCustomer(db, id)?.ownerId).toBe(alice);
  });

  it('keeps the customer when its owner is deleted, without an owner', () => {
    const id = insertCustomer(db, { ...base, ownerId: alice }, T0);
    db.exec(`DELETE FROM users WHERE id = ${alice}`);
    expect(getCustomer(db, id)).toMatchObject({ ownerId: null, ownerName: null });
  });
});

describe('listCustomers filters', () => {
  beforeEach(() => {
    insertCustomer(
      db,
      { ...base, name: 'ACME Trading', stage: 'new', ownerId: alice, email: 'sales@acme.com' },
      T0,
    );
    insertCustomer(
      db,
      { ...base, name: '华为', stage: 'existing', ownerId: bob, phone: '0755 2878 0808' },
      T0,
    );
    insertCustomer(
      db,
      { ...base, name: 'Beta 100% Ltd', stage: 'new', ownerId: bob, email: 'x@beta.io' },
      T0,
    );
    insertCustomer(db, { ...base, name: 'Gamma_Co', stage: 'lost', phone: '138 0013 8000' }, T0);
  });

  it('finds text case-insensitively in name, email or phone', () => {
    expect(names({ text: 'acme' })).toEqual(['ACME Trading']);
    expect(names({ text: 'BETA.IO' })).toEqual(['Beta 100% Ltd']);
    expect(names({ text: '2878' })).toEqual(['华为']);
    expect(names({ text: '华' })).toEqual(['华为']);
    expect(names({ text: '  0013 8000 ' })).toEqual(['Gamma_Co']);
  });

  it('treats % and _ in the search text literally', () => {
    expect(names({ text: '%' })).toEqual(['Beta 100% Ltd']);
    expect(names({ text: '_' })).toEqual(['Gamma_Co']);
  });

  it('filters by stage, by owner, and by both', () => {
    expect(names({ stage: 'new' })).toEqual(['ACME Trading', 'Beta 100% Ltd']);
    expect(names({ ownerId: bob })).toEqual(['Beta 100% Ltd', '华为']);
    expect(names({ stage: 'new', ownerId: bob })).toEqual(['Beta 100% Ltd']);
    expect(names({ stage: 'new', ownerId: bob, text: 'acme' })).toEqual([]);
    expect(list({ stage: null, ownerId: null, text: '' }).total).toBe(4);
  });

  it('counts all matching rows in total, not just the page', () => {
    expect(list({ stage: 'new', limit: 1 })).toMatchObject({ total: 2, offset: 0 });
    expect(list({ stage: 'new', limit: 1 }).rows).toHaveLength(1);
  });

  it('rejects an unknown sort column or stage instead of running it as SQL', () => {
    const sort = { column: 'name; DROP TABLE customers' as CustomerSortColumn, direction: 'asc' as const };
    expect(caught(() => list({ sort })).fields).toEqual({ sort: 'invalid_choice' });
    expect(caught(() => list({ sort: { column: 'name', direction: 'up' as SortDirection } })).code).toBe(
      'validation',
    );
    expect(caught(() => list({ stage: 'vip' as never })).fields).toEqual({ stage: 'invalid_choice' });
    expect(list().total).toBe(4);
  });
});

describe('listCustomers sorting and paging', () => {
  const stageRank = (c: Customer) => LIFECYCLE_STAGES.indexOf(c.stage);
  const nocase = (a: string, b: string) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  /** The order a user expects: the column, then name, then creation order (id), all in one direction. */
  const keyCompare: Record<CustomerSortColumn, (a: Customer, b: Customer) => number> = {
    name: (a, b) => nocase(a.name, b.name),
    kind: (a, b) => binary(a.kind, b.kind) || nocase(a.name, b.name),
    stage: (a, b) => stageRank(a) - stageRank(b) || nocase(a.name, b.name),
    owner: (a, b) =>
      (a.ownerName === null ? (b.ownerName === null ? 0 : -1) : b.ownerName === null ? 1 : 0) ||
      nocase(a.ownerName ?? '', b.ownerName ?? '') ||
      (a.ownerId ?? 0) - (b.ownerId ?? 0) ||
      nocase(a.name, b.name),
    industry: (a, b) => binary(a.industry, b.industry) || nocase(a.name, b.name),
    phone: (a, b) => binary(a.phone, b.phone),
    email: (a, b) => nocase(a.email, b.email),
    createdAt: (a, b) => binary(a.createdAt, b.createdAt),
    updatedAt: (a, b) => binary(a.updatedAt, b.updatedAt),
    segment: (a, b) => binary(a.segment, b.segment) || nocase(a.name, b.name),
    // SQLite puts NULL (not scored) first in ascending order.
    churnRisk: (a, b) => (a.churnRisk ?? -1) - (b.churnRisk ?? -1),
  };
  const columns = Object.keys(keyCompare) as CustomerSortColumn[];
  const cases = columns.flatMap((column) =>
    (['asc', 'desc'] as const).map((direction) => ({ column, direction })),
  );

  let all: Customer[];
  beforeEach(() => {
    const carol = insertUser(db, { name: 'alice', email: '', role: 'rep' }); // same name as Alice but lower case
    const owners = [null, alice, bob, carol];
    const words = ['delta', 'Alpha', 'charlie', 'Bravo', 'alpha', '星河', 'echo'];
    for (let i = 0; i < 33; i++) {
      const at = `2024-0${1 + (i % 3)}-1${i % 4}T00:00:00.000Z`;
      const id = insertCustomer(
        db,
        {
          ...base,
          kind: i % 3 === 0 ? 'person' : 'company',
          name: `${words[i % words.length]} ${i % 5}`,
          stage: LIFECYCLE_STAGES[(i * 7) % 4]!,
          ownerId: owners[i % owners.length]!,
          industry: ['', 'Retail', 'Energy'][i % 3]!,
          phone: i % 4 === 0 ? '' : `138 ${String(1000 + ((i * 37) % 50)).padStart(4, '0')}`,
          email: i % 5 === 0 ? '' : `${['Z', 'y', 'X'][i % 3]}${i % 6}@mail.cn`,
        },
        at,
      );
      // Analysis results, as a write-back leaves them: some unscored, ties in both.
      db.run('UPDATE customers SET segment = ?, churn_risk = ? WHERE id = ?', [
        ['', '高价值', 'Low value', 'Mid'][i % 4]!,
        i % 5 === 0 ? null : (i * 13) % 40,
        id,
      ]);
      if (i % 2 === 0)
        updateCustomer(
          db,
          id,
          { ...getCustomer(db, id)!, notes: 'touched' },
          `2024-06-0${i % 3}T00:00:00.000Z`,
        );
    }
    all = list({ limit: 500 }).rows;
    expect(all).toHaveLength(33);
  });

  const expected = (column: CustomerSortColumn, direction: SortDirection, rows = all) => {
    const sign = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * (keyCompare[column](a, b) || a.id - b.id)).map((c) => c.id);
  };

  it.each(cases)('sorts by $column $direction, ties broken by name then id', ({ column, direction }) => {
    const page = list({ sort: { column, direction }, limit: 500 });
    expect(page.rows.map((c) => c.id)).toEqual(expected(column, direction));
  });

  it.each(cases)('pages by $column $direction without gaps or repeats', ({ column, direction }) => {
    const seen: number[] = [];
    for (let offset = 0; offset < 40; offset += 7) {
      const page = list({ sort: { column, direction }, offset, limit: 7 });
      expect(page).toMatchObject({ total: 33, offset });
      seen.push(...page.rows.map((c) => c.id));
    }
    expect(seen).toEqual(expected(column, direction));
  });

  it.each(cases)('sorts by $column $direction within a stage and owner filter', ({ column, direction }) => {
    const inStage = all.filter((c) => c.stage === 'new');
    expect(list({ stage: 'new', sort: { column, direction } }).rows.map((c) => c.id)).toEqual(
      expected(column, direction, inStage),
    );
    const mine = all.filter((c) => c.stage === 'existing' && c.ownerId === bob);
    expect(mine.length).toBeGreaterThan(1);
    expect(
      list({ stage: 'existing', ownerId: bob, sort: { column, direction } }).rows.map((c) => c.id),
    ).toEqual(expected(column, direction, mine));
  });

  it('returns an empty page past the end but still the total', () => {
    expect(list({ offset: 33 })).toEqual({ rows: [], total: 33, offset: 33 });
    expect(list({ offset: 30 }).rows).toHaveLength(3);
    expect(list({ limit: 0 })).toEqual({ rows: [], total: 33, offset: 0 });
  });

  it('never returns more than 500 rows in one page', () => {
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
      INSERT INTO customers (name) SELECT 'bulk ' || i FROM n`);
    const page = list({ limit: 10_000 });
    expect(page.total).toBe(533);
    expect(page.rows).toHaveLength(500);
  });

  it('pages a broad filter in the same order whichever index SQLite walks', () => {
    // 12,000 rows, 8,000 in one industry: past 5,000 matches the sort's index drives the scan (with the
    // filter's fields unindexed), below it the filter's index does; both must give the sorted order.
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
      INSERT INTO customers (name, industry, owner_id, updated_at)
      SELECT 'bulk ' || i, CASE WHEN i % 3 = 0 THEN 'Mining' ELSE 'Retail' END,
             CASE WHEN i % 2 = 0 THEN ${alice} ELSE ${bob} END,
             strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 7919 % 12000) || ' minutes')
      FROM n`);
    for (const [industry, ownerId] of [
      ['Retail', undefined],
      ['Mining', undefined],
      ['Retail', alice],
    ] as const) {
      const expected = db
        .exec(
          `SELECT id FROM customers WHERE industry = ? ${ownerId ? `AND owner_id = ${ownerId}` : ''}
           ORDER BY updated_at DESC, id DESC`,
          [industry],
        )[0]!
        .values.map((r) => Number(r[0]));
      for (const offset of [0, 50, 3_000, expected.length - 10]) {
        const page = list({
          conditions: [{ field: 'industry', op: 'eq', value: industry }],
          ownerId,
          sort: { column: 'updatedAt', direction: 'desc' },
          offset,
          limit: 50,
        });
        expect(page.total).toBe(expected.length);
        expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + 50));
      }
    }
  });
});

describe('count cache', () => {
  it('reuses a filter count for the same seq and recounts after a write moves the seq', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    const cache = new CountCache();
    const input = {
      kind: 'company',
      name: 'A',
      stage: 'new',
      ownerId: null,
      industry: '',
      address: '',
      phone: '',
      email: '',
      notes: '',
    } as const;
    insertCustomer(db, input, '2026-01-01T00:00:00Z');
    const query = { stage: 'new', sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 10 } as const;
    expect(listCustomers(db, query, cache.at(1)).total).toBe(1);
    insertCustomer(db, { ...input, name: 'B' }, '2026-01-01T00:00:00Z');
    expect(listCustomers(db, query, cache.at(1)).total).toBe(1); // same seq: the cached count
    expect(listCustomers(db, query, cache.at(2)).total).toBe(2);
  });
});
