import 'fake-indexeddb/auto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { search } from '../../workers/db/features/search/query';
import {
  createSearchIndex,
  ensureSearchIndex,
  rebuildSearchIndex,
} from '../../workers/db/features/search/search-index';
import { SEARCH_SOURCES } from '../../workers/db/features/search/sources';

let SQL: SqlJsStatic;
let counter = 0;
const engines: PersistenceEngine[] = [];

beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

/** A workspace whose tabs are opened as db.worker.ts opens them: real schema, search index derived. */
function workspace() {
  const name = `search-${++counter}-${Date.now()}`;
  const store = openIdbStore(name);
  const lock = new Mutex();
  return async () => {
    const { engine } = await PersistenceEngine.open({
      SQL,
      store,
      coordinator: new InProcessCoordinator(lock, `channel-${name}`),
      tab: `tab-${Math.random()}`,
      migrate: (db) => {
        migrate(db);
        ensureSearchIndex(db);
      },
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      derived: [createSearchIndex()],
    });
    engines.push(engine);
    return engine;
  };
}

const found = (engine: PersistenceEngine, query: string) =>
  engine.read((db) => search(db, query).groups.flatMap((g) => g.hits.map((h) => `${g.entity}:${h.title}`)));

const insertCustomer =
  (name: string, email = '') =>
  (db: Database) => {
    db.run('INSERT INTO customers (name, email) VALUES (?, ?)', [name, email]);
    return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
  };

/** Every search table's rows, for comparing two ways of building the index. */
const indexDump = (db: Database) =>
  SEARCH_SOURCES.map(
    (source) => db.exec(`SELECT docid, title, body FROM "${source.fts}" ORDER BY docid`)[0]?.values ?? [],
  );

describe('search index kept in step by the persistence engine', () => {
  it('follows inserts, updates, deletes (with cascades) and their undo', async () => {
    const engine = await workspace()();
    const { value: id } = await engine.write(insertCustomer('张伟明', 'zw@example.com'));
    await engine.write((db) => db.run("INSERT INTO contacts (customer_id, name) VALUES (?, '赵伟')", [id]));
    expect(await found(engine, '张伟')).toEqual(['customer:张伟明']);
    expect(await found(engine, '赵伟')).toEqual(['contact:赵伟']);

    await engine.write((db) => db.run("UPDATE customers SET name = '张伟强' WHERE id = ?", [id]));
    expect(await found(engine, '伟明')).toEqual([]);
    expect(await found(engine, '伟强')).toEqual(['customer:张伟强']);
    // A change to a column the index ignores keeps the row findable.
    await engine.write((db) => db.run("UPDATE customers SET stage = 'existing' WHERE id = ?", [id]));
    expect(await found(engine, '张伟强')).toEqual(['customer:张伟强']);

    const removed = await engine.write((db) => db.run('DELETE FROM customers WHERE id = ?', [id]));
    expect(await found(engine, '张伟')).toEqual([]);
    expect(await found(engine, '赵伟')).toEqual([]); // the contact went with its customer

    await engine.undoDelete(removed.seq);
    expect(await found(engine, '张伟强')).toEqual(['customer:张伟强']);
    expect(await found(engine, '赵伟')).toEqual(['contact:赵伟']);
  });

  it('another tab finds what this tab wrote, at start-up and while open', async () => {
    const open = workspace();
    const first = await open();
    await first.write(insertCustomer('杭州云栖科技'));
    const second = await open(); // replays the log
    expect(await found(second, '云栖')).toEqual(['customer:杭州云栖科技']);

    await first.write(insertCustomer('Acme Trading', 'sales@acme.test'));
    await first.write((db) =>
      db.run("UPDATE customers SET name = '杭州云谷科技' WHERE name = '杭州云栖科技'"),
    );
    await second.checkpoint(); // catches up with the first tab's records
    expect(await found(second, 'acme')).toEqual(['customer:Acme Trading']);
    expect(await found(second, '云栖')).toEqual([]);
    expect(await found(second, '云谷')).toEqual(['customer:杭州云谷科技']);

    const third = await open(); // from the second tab's snapshot, which carries the index
    expect(await found(third, '云谷')).toEqual(['customer:杭州云谷科技']);
  });

  it('a rebuild gives exactly the index the writes built one by one', async () => {
    const engine = await workspace()();
    for (const [name, email] of [
      ['北京某某科技有限公司', 'info@moumou.cn'],
      ['Zhang Consulting', 'hi@zhang.test'],
      ['李雷', ''],
    ] as const)
      await engine.write(insertCustomer(name, email));
    await engine.write((db) => {
      db.run("INSERT INTO leads (name, company, phone) VALUES ('韩梅梅', '上海某某贸易', '021-6123 4567')");
      db.run("INSERT INTO products (code, name) VALUES ('P-001', '云服务器')");
      db.run("UPDATE customers SET email = 'new@moumou.cn' WHERE name = '北京某某科技有限公司'");
      db.run("DELETE FROM customers WHERE name = '李雷'");
    });
    const incremental = await engine.read(indexDump);
    const rebuilt = await engine.read((db) => {
      rebuildSearchIndex(db);
      return indexDump(db);
    });
    expect(rebuilt).toEqual(incremental);
    expect(incremental.flat().length).toBe(4);
  });

  it('bulk loads rebuild the index, and a restored database is indexed', async () => {
    const engine = await workspace()();
    await engine.bulkWrite((db) => {
      for (let i = 0; i < 300; i++) db.run('INSERT INTO customers (name) VALUES (?)', [`客户${i}号科技`]);
    });
    expect((await engine.read((db) => search(db, '科技', { limit: 1 }))).groups[0]!.total).toBe(300);

    // A restored file of schema 3 (no index) or from another tool (index out of date).
    const next = new SQL.Database();
    migrate(next);
    next.run("INSERT INTO customers (name) VALUES ('恢复的客户')");
    await engine.replaceDatabase(next);
    expect(await found(engine, '恢复')).toEqual(['customer:恢复的客户']);
    expect(await found(engine, '科技')).toEqual([]);
  });
});
