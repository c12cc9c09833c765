import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../workers/db/contract';
import { sqlConsoleHandlers as api } from '../../workers/db/features/sql/handlers';
import { classifyStatement } from '../../workers/db/features/sql/statement-guard';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { countLog, openIdbStore } from '../../workers/db/persistence/idb-store';
import { insertCustomer } from '../../workers/db/repositories/customers';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import type { UseStore } from 'idb-keyval';

let SQL: SqlJsStatic;
let engine: PersistenceEngine;
let store: UseStore;

beforeAll(async () => {
  SQL = await initSqlJs();
});

beforeEach(async () => {
  const name = `sql-${Math.random()}`;
  store = openIdbStore(name);
  ({ engine } = await PersistenceEngine.open({
    SQL,
    store,
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
  }));
  runtime.engine = engine;
  await engine.write((db) => {
    for (const name of ['华信科技', 'Acme', '北方重工']) {
      insertCustomer(
        db,
        {
          kind: 'company',
          name,
          stage: 'new',
          ownerId: null,
          industry: '',
          address: '',
          phone: '',
          email: '',
          notes: '',
        },
        '2026-03-16T01:30:00.000Z',
      );
    }
  });
});

afterEach(() => {
  engine.close();
  runtime.engine = null;
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const queryOnly = () => engine.read((db) => Number(db.exec('PRAGMA query_only')[0]!.values[0]![0]));
const customerCount = () =>
  engine.read((db) => Number(db.exec('SELECT count(*) FROM customers')[0]!.values[0]![0]));

const WRITES = [
  "INSERT INTO customers (name) VALUES ('x')",
  "UPDATE customers SET name = 'x'",
  'DELETE FROM customers',
  "REPLACE INTO customers (id, name) VALUES (1, 'x')",
  'WITH doomed AS (SELECT id FROM customers) DELETE FROM customers WHERE id IN (SELECT id FROM doomed)',
  'CREATE TABLE evil (id INTEGER)',
  'DROP TABLE contacts',
  'ALTER TABLE customers ADD COLUMN x TEXT',
  'CREATE INDEX idx_evil ON customers (notes)',
  'CREATE TEMP TABLE scratch (x)',
  "ATTACH DATABASE ':memory:' AS other",
  'DETACH DATABASE other',
  'PRAGMA foreign_keys = OFF',
  'PRAGMA query_only = OFF',
  'PRAGMA user_version = 99',
  'PRAGMA foreign_keys(0)',
  'BEGIN',
  'COMMIT',
  'SAVEPOINT s',
  'VACUUM',
  'ANALYZE',
  'REINDEX',
  '/* sneaky */ -- comment\n  delete from customers',
];

describe('SQL console read-only guard', () => {
  it('refuses every kind of write with the read-only code and changes nothing', async () => {
    for (const sql of WRITES) {
      const result = await api.runSql({ sql });
      expect(result, sql).toMatchObject({ ok: false, code: 'sql_read_only' });
    }
    expect(await customerCount()).toBe(3);
    expect(
      await engine.read(
        (db) => db.exec("SELECT count(*) FROM sqlite_master WHERE name = 'evil'")[0]!.values[0]![0],
      ),
    ).toBe(0);
    expect(await engine.read((db) => db.exec('PRAGMA foreign_keys')[0]!.values[0]![0])).toBe(1);
    expect(await queryOnly()).toBe(0);
  });

  it('runs reads and reports columns, NULL, row totals and elapsed time', async () => {
    const result = value(
      await api.runSql({
        sql: "SELECT name, NULL AS missing FROM customers WHERE name <> 'Acme' ORDER BY id",
      }),
    );
    expect(result.columns).toEqual(['name', 'missing']);
    expect(result.rows).toEqual([
      ['华信科技', null],
      ['北方重工', null],
    ]);
    expect(result.totalRows).toBe(2);
    expect(result.ms).toBeGreaterThanOrEqual(0);
    for (const sql of [
      'PRAGMA table_info(customers)',
      'EXPLAIN QUERY PLAN SELECT * FROM customers',
      'VALUES (1)',
    ]) {
      expect((await api.runSql({ sql })).ok, sql).toBe(true);
    }
  });

  it('sends at most the requested rows but still counts a cheap total', async () => {
    const result = value(
      await api.runSql({
        sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT i FROM n',
      }),
    );
    expect(result.rows).toHaveLength(1000);
    expect(result.totalRows).toBe(5000);
  });

  it('restores query_only after a failing statement and lets the app write again', async () => {
    const failed = await api.runSql({ sql: 'SELECT * FROM no_such_table' });
    expect(failed).toMatchObject({ ok: false, code: 'sql_error' });
    expect(!failed.ok && failed.message).toMatch(/no such table/);
    const runtimeError = await api.runSql({ sql: "SELECT json_extract('not json', '$')" });
    expect(runtimeError).toMatchObject({ ok: false, code: 'sql_error' });
    expect(await queryOnly()).toBe(0);
    await engine.write((db) => db.run("UPDATE customers SET notes = 'still writable' WHERE name = 'Acme'"));
    expect(
      await engine.read((db) => db.exec("SELECT notes FROM customers WHERE name = 'Acme'")[0]!.values[0]![0]),
    ).toBe('still writable');
  });

  it('runs exactly one statement per run', async () => {
    expect(await api.runSql({ sql: 'SELECT 1; SELECT 2' })).toMatchObject({
      ok: false,
      code: 'sql_one_statement',
    });
    expect(await api.runSql({ sql: 'SELECT 1; DELETE FROM customers' })).toMatchObject({
      ok: false,
      code: 'sql_one_statement',
    });
    expect(await api.runSql({ sql: '  -- nothing\n' })).toMatchObject({
      ok: false,
      code: 'sql_one_statement',
    });
    expect(value(await api.runSql({ sql: 'SELECT 1; -- trailing comment\n;' })).rows).toEqual([[1]]);
    expect(await customerCount()).toBe(3);
  });

  it('classifies statements lexically as read, change or refused', () => {
    expect(classifyStatement('  select 1')).toBe('read');
    expect(classifyStatement('PRAGMA index_list(customers)')).toBe('read');
    expect(classifyStatement('PRAGMA main.user_version')).toBe('read');
    expect(classifyStatement('PRAGMA main.user_version = 3')).toBe('refused');
    expect(classifyStatement('update customers set name = 1')).toBe('change');
    expect(classifyStatement('drop table x')).toBe('refused');
  });
});

describe('SQL console with changes allowed', () => {
  it('runs INSERT/UPDATE/DELETE as logged, durable writes and reports the rows changed', async () => {
    const before = await countLog(store);
    const result = value(
      await api.runSql({
        sql: "UPDATE customers SET industry = '制造' WHERE name = '北方重工'",
        allowChanges: true,
      }),
    );
    expect(result).toMatchObject({ kind: 'change', changedRows: 1 });
    expect(await countLog(store)).toBe(before + 1);
    const inserted = value(
      await api.runSql({
        sql: "INSERT INTO customers (name) VALUES ('新客户') RETURNING name",
        allowChanges: true,
      }),
    );
    expect(inserted.rows).toEqual([['新客户']]);
    expect(await customerCount()).toBe(4);
  });

  it('still refuses DDL, ATTACH, PRAGMA writes and the change log’s own tables', async () => {
    for (const sql of [
      'DROP TABLE contacts',
      "ATTACH ':memory:' AS x",
      'PRAGMA foreign_keys = OFF',
      'DELETE FROM temp._changes',
      'DELETE FROM sqlite_sequence',
      // the search index is derived state: changed only by the app
      "INSERT INTO search_customers (rowid, title, body) VALUES (999, 'x', 'y')",
      'DELETE FROM search_customers_content',
    ]) {
      expect(await api.runSql({ sql, allowChanges: true }), sql).toMatchObject({
        ok: false,
        code: 'sql_read_only',
      });
    }
  });

  it('rolls back a failing change and explains the constraint', async () => {
    const result = await api.runSql({ sql: "UPDATE customers SET stage = 'bogus'", allowChanges: true });
    expect(result).toMatchObject({ ok: false, code: 'sql_error' });
    expect(!result.ok && result.message).toMatch(/constraint/i);
    expect(
      value(await api.runSql({ sql: "SELECT count(*) FROM customers WHERE stage = 'new'" })).rows,
    ).toEqual([[3]]);
  });
});

describe('saved queries', () => {
  it('are saved, renamed, pinned, run read-only and deleted', async () => {
    const saved = value(
      await api.saveQuery({
        name: ' 按阶段统计 ',
        sql: 'SELECT stage, count(*) FROM customers GROUP BY stage',
      }),
    );
    expect(saved.value).toMatchObject({ name: '按阶段统计', widget: null });
    const pinned = value(await api.pinSavedQuery(saved.value.id, 'bar')).value;
    expect(pinned.widget).toBe('bar');
    expect(value(await api.runSavedQuery(saved.value.id)).rows).toEqual([['new', 3]]);
    const renamed = value(
      await api.saveQuery({ name: 'By stage', sql: saved.value.sql }, saved.value.id),
    ).value;
    expect(renamed).toMatchObject({ id: saved.value.id, name: 'By stage', widget: 'bar' });
    expect(value(await api.listSavedQueries()).map((q) => q.name)).toEqual(['By stage']);
    value(await api.deleteSavedQuery(saved.value.id));
    expect(value(await api.listSavedQueries())).toEqual([]);
  });

  it('refuse a duplicate name, empty fields and an unknown widget', async () => {
    value(await api.saveQuery({ name: 'Top', sql: 'SELECT 1' }));
    expect(await api.saveQuery({ name: 'Top', sql: 'SELECT 2' })).toMatchObject({
      ok: false,
      code: 'sql_name_taken',
    });
    expect(await api.saveQuery({ name: '', sql: '' })).toMatchObject({
      ok: false,
      code: 'validation',
      fields: { name: 'required', sql: 'required' },
    });
    const [top] = value(await api.listSavedQueries());
    expect(await api.pinSavedQuery(top!.id, 'pie' as never)).toMatchObject({ ok: false, code: 'validation' });
  });

  it('never let a pinned widget change data, even if its SQL is a write', async () => {
    const saved = value(await api.saveQuery({ name: 'Danger', sql: 'DELETE FROM customers' })).value;
    expect(await api.runSavedQuery(saved.id)).toMatchObject({ ok: false, code: 'sql_read_only' });
    expect(await customerCount()).toBe(3);
  });
});

describe('schema browser', () => {
  it('lists tables with columns and indexes, and counts rows on demand', async () => {
    const tables = value(await api.describeSchema());
    const customers = tables.find((table) => table.name === 'customers')!;
    expect(customers.columns.find((c) => c.name === 'id')).toMatchObject({ primaryKey: true });
    expect(customers.columns.find((c) => c.name === 'name')).toMatchObject({ type: 'TEXT', notNull: true });
    expect(customers.indexes.map((i) => i.name)).toContain('idx_customers_name');
    expect(tables.map((t) => t.name)).toContain('saved_queries');
    expect(value(await api.countTableRows('customers'))).toBe(3);
    expect(await api.countTableRows('customers; DROP TABLE users')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('exports a whole query result as CSV with a BOM', async () => {
    const file = value(await api.exportSqlResult("SELECT name, '=cmd' AS f FROM customers ORDER BY id"));
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFname,f\r\n华信科技,'=cmd\r\n")).toBe(true);
    expect(file.rows).toBe(3);
    expect(await api.exportSqlResult('DELETE FROM customers')).toMatchObject({
      ok: false,
      code: 'sql_read_only',
    });
  });
});
