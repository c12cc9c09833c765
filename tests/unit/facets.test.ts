/**
 * Facet columns (workers/db/entities/facets.ts) answer "group the filtered customers by X" exactly as SQLite
 * does: every operator of every cached field, NULLs, empty text, case, characters beyond U+FFFF, owner
 * scopes, and through the engine's writes, another tab's replays, rollbacks and bulk loads.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityDef } from '../../workers/db/entities/definitions';
import { FacetTable } from '../../workers/db/entities/facets';
import { groupRecords } from '../../workers/db/entities/query';
import type { Condition, EntityDef, ListFilter } from '../../workers/db/entities/types';
import { generateBenchData } from '../../workers/db/demo/bench-data';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { NOW, inTransaction } from './demo-setup';

let SQL: SqlJsStatic;
const def: EntityDef = entityDef('customer');
const facetsFor = () => new FacetTable(def, ['industry', 'segment']);

function buildAll(facets: FacetTable, db: Database): void {
  // A small chunk so the test crosses many chunk boundaries.
  while (!facets.buildStep(db, 97));
}

/** The same question answered by SQL alone and through the facets; the facets must have answered. */
function expectSameGroups(db: Database, facets: FacetTable, filter: ListFilter, groupBy: string) {
  const viaSql = groupRecords(db, def, filter, groupBy, 1000);
  const answered = facets.group(db, filter, groupBy, [], ['createdAt', 'updatedAt'].includes(groupBy));
  expect(answered, `facets declined ${JSON.stringify(filter)} by ${groupBy}`).not.toBeNull();
  expect(
    groupRecords(db, def, filter, groupBy, 1000, facets),
    `${JSON.stringify(filter)} by ${groupBy}`,
  ).toEqual(viaSql);
}

/** Edge values the generator does not make: no owner, empty and mixed-case text, astral characters. */
function addEdgeRows(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO customers (name, kind, stage, owner_id, industry, segment, churn_risk, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rows: (string | number | null)[][] = [
    ['Edge 1', 'person', 'new', null, '', '', null, '2024-01-05T00:00:00.000Z', '2024-01-05T00:00:00.000Z'],
    [
      'Edge 2',
      'company',
      'lost',
      null,
      'Retail',
      'VIP',
      0.9,
      '2024-02-01T00:00:00.000Z',
      '2025-01-01T10:00:00.000Z',
    ],
    ['Edge 3', 'company', 'lost', null, 'retail', 'vip', 0.1, '2024-02-01', '2025-01-01T10:00:00.000Z'],
    [
      'Edge 4',
      'person',
      'prospect',
      null,
      '𝔘nicode 行业',
      '客户𝔰',
      0.5,
      '2023-12-31T23:59:59.999Z',
      '2023-12-31',
    ],
    ['Edge 5', 'person', 'prospect', null, '\uFFFD行业', '', 0.5, '2023-12-31T23:59:59.999Z', '2023-12-31'],
  ];
  for (const row of rows) insert.run(row);
  insert.free();
}

const conditionsToTry = (owner: number, industry: string): Condition[] => [
  { field: 'stage', op: 'eq', value: 'existing' },
  { field: 'stage', op: 'ne', value: 'lost' },
  { field: 'stage', op: 'in', value: ['new', 'lost'] },
  { field: 'kind', op: 'eq', value: 'person' },
  { field: 'ownerId', op: 'eq', value: owner },
  { field: 'ownerId', op: 'ne', value: owner },
  { field: 'ownerId', op: 'in', value: [owner, String(owner + 1)] },
  { field: 'ownerId', op: 'empty' },
  { field: 'ownerId', op: 'not_empty' },
  { field: 'industry', op: 'eq', value: industry },
  { field: 'industry', op: 'ne', value: industry },
  { field: 'industry', op: 'contains', value: 'RETAIL' },
  { field: 'industry', op: 'not_contains', value: 'ail' },
  { field: 'industry', op: 'starts_with', value: '𝔘' },
  { field: 'industry', op: 'empty' },
  { field: 'industry', op: 'not_empty' },
  { field: 'segment', op: 'empty' },
  { field: 'segment', op: 'eq', value: 'vip' },
  { field: 'churnRisk', op: 'gte', value: 0.5 },
  { field: 'churnRisk', op: 'lt', value: '0.5' },
  { field: 'churnRisk', op: 'ne', value: 0.5 },
  { field: 'createdAt', op: 'gte', value: '2024-02-01' },
  { field: 'createdAt', op: 'lt', value: '2024-02-01T00:00:00.000Z' },
  { field: 'createdAt', op: 'empty' },
  { field: 'updatedAt', op: 'lte', value: '2023-12-31T12:00:00Z' },
];
const GROUP_BYS = ['stage', 'kind', 'ownerId', 'industry', 'segment'];

describe('facet columns', () => {
  let db: Database;
  let owner: number;
  let industry: string;

  beforeAll(async () => {
    SQL = await initSqlJs();
    db = new SQL.Database();
    migrate(db);
    inTransaction(db, () => generateBenchData(db, { customers: 1_500, orders: 2_000, seed: 3, now: NOW }));
    addEdgeRows(db);
    owner = Number(
      db.exec('SELECT owner_id FROM customers WHERE owner_id IS NOT NULL LIMIT 1')[0]!.values[0]![0],
    );
    industry = String(
      db.exec("SELECT industry FROM customers WHERE industry <> '' LIMIT 1")[0]!.values[0]![0],
    );
    return () => db.close();
  });

  it('answer nothing until every row is read, then every operator as SQLite does', () => {
    const facets = facetsFor();
    expect(facets.buildStep(db, 500)).toBe(false);
    expect(facets.group(db, {}, 'stage', [], false)).toBeNull();
    buildAll(facets, db);
    expect(facets.ready(db)).toBe(true);
    const conditions = conditionsToTry(owner, industry);
    for (const groupBy of GROUP_BYS) {
      expectSameGroups(db, facets, {}, groupBy);
      for (const condition of conditions) expectSameGroups(db, facets, { conditions: [condition] }, groupBy);
    }
    // ANDs of two, and an owner scope ("my team").
    for (let i = 0; i < conditions.length; i++) {
      const pair = [conditions[i]!, conditions[(i * 7 + 3) % conditions.length]!];
      expectSameGroups(db, facets, { conditions: pair }, GROUP_BYS[i % GROUP_BYS.length]!);
      expectSameGroups(db, facets, { conditions: pair, ownerIds: [owner, owner + 2] }, 'stage');
    }
  });

  it('leave text search, free-text fields and custom fields to SQLite', () => {
    const facets = facetsFor();
    buildAll(facets, db);
    expect(facets.group(db, { text: 'li' }, 'stage', [], false)).toBeNull();
    expect(
      facets.group(db, { conditions: [{ field: 'name', op: 'contains', value: 'a' }] }, 'stage', [], false),
    ).toBeNull();
    expect(facets.group(db, {}, 'name', [], false)).toBeNull();
    expect(
      facets.group(db, { conditions: [{ field: 'cf_1', op: 'eq', value: 'x' }] }, 'stage', [], false),
    ).toBeNull();
  });

  it('decline a field once SQLite holds a value they cannot mirror', () => {
    const copy = new SQL.Database(db.export());
    copy.run('UPDATE customers SET industry = zeroblob(2) WHERE id = (SELECT min(id) FROM customers)');
    const facets = facetsFor();
    buildAll(facets, copy);
    expect(
      facets.group(
        copy,
        { conditions: [{ field: 'industry', op: 'eq', value: 'Retail' }] },
        'stage',
        [],
        false,
      ),
    ).toBeNull();
    expectSameGroups(copy, facets, { conditions: [{ field: 'stage', op: 'eq', value: 'new' }] }, 'kind');
    copy.close();
  });
});

describe('facet columns kept in step by the engine', () => {
  it('after writes, rolled-back writes, another tab’s writes and a bulk load', async () => {
    SQL ??= await initSqlJs();
    const name = `facets-${Date.now()}`;
    const mutex = new Mutex();
    let refuse = false;
    const fail = () => {
      throw new Error('refused');
    };
    const open = async (tab: string, facets: FacetTable) =>
      (
        await PersistenceEngine.open({
          SQL,
          store: openIdbStore(name),
          coordinator: new InProcessCoordinator(mutex, `channel-${name}`),
          tab,
          migrate: (db) => void migrate(db),
          latestSchemaVersion: LATEST_SCHEMA_VERSION,
          // A state after the facets that can refuse a write once they have marked its rows.
          derived: [facets, { afterWrite: () => void (refuse && ((refuse = false), fail())) }],
        })
      ).engine;
    const mine = facetsFor();
    const theirs = facetsFor();
    const engine = await open('a', mine);
    const other = await open('b', theirs);
    const same = async (e: PersistenceEngine, facets: FacetTable) => {
      await e.read((db) => {
        buildAll(facets, db);
        for (const groupBy of ['stage', 'ownerId', 'industry'])
          for (const filter of [
            {},
            { conditions: [{ field: 'kind', op: 'eq', value: 'company' }] },
          ] as ListFilter[])
            expectSameGroups(db, facets, filter, groupBy);
      });
    };
    await engine.bulkWrite((db) => generateBenchData(db, { customers: 300, orders: 300, seed: 9, now: NOW }));
    await same(engine, mine);
    const users = await engine.read((db) =>
      db.exec('SELECT id FROM users LIMIT 2')[0]!.values.map((r) => Number(r[0])),
    );
    await engine.write((db) => {
      db.run("UPDATE customers SET stage = 'lost', owner_id = ? WHERE id % 7 = 0", [users[0]!]);
      db.run(
        'DELETE FROM customers WHERE id IN (SELECT id FROM customers WHERE id % 11 = 0 AND id NOT IN (SELECT customer_id FROM orders UNION SELECT customer_id FROM contacts WHERE customer_id IS NOT NULL) LIMIT 5)',
      );
      db.run(
        "INSERT INTO customers (name, kind, stage, industry) VALUES ('New one', 'company', 'new', 'Shipping')",
      );
    });
    await same(engine, mine);
    const before = await engine.read((db) => groupRecords(db, def, {}, 'stage', 1000, mine));
    await expect(
      engine.write((db) => {
        refuse = true;
        db.run("UPDATE customers SET stage = 'prospect'");
      }),
    ).rejects.toThrow('refused');
    expect(await engine.read((db) => groupRecords(db, def, {}, 'stage', 1000, mine))).toEqual(before);
    await same(engine, mine);
    // The other tab replays the writes (afterApply) and answers as its own SQLite does.
    await same(other, theirs);
    await other.write((db) => db.run("UPDATE customers SET industry = 'Mining' WHERE id % 5 = 0", []));
    const mining = (db: Database) =>
      Number(db.exec("SELECT count(*) FROM customers WHERE industry = 'Mining'")[0]!.values[0]![0]);
    await expect.poll(() => engine.read(mining)).toBeGreaterThan(0);
    await same(engine, mine);
    await engine.bulkWrite((db) => {
      db.run(
        'DELETE FROM customers WHERE id NOT IN (SELECT customer_id FROM orders) AND id NOT IN (SELECT customer_id FROM contacts WHERE customer_id IS NOT NULL)',
      );
    });
    await engine.read((db) => expect(mine.ready(db)).toBe(false));
    await same(engine, mine);
    engine.close();
    other.close();
  });
});
