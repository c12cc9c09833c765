import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { PersistenceEngine, PersistenceError, type EngineOptions } from '../../workers/db/persistence/engine';
import {
  chunkKey,
  countLog,
  openIdbStore,
  readLogRecord,
  readMeta,
} from '../../workers/db/persistence/idb-store';
import { coalesceChanges } from '../../workers/db/persistence/change-capture';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

/** A two-table schema is enough to exercise capture, cascades and replay without the app's schema. */
const SCHEMA = `
  CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, score REAL);
  CREATE TABLE contacts (id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE, name TEXT NOT NULL);
  PRAGMA user_version = 1;`;
const migrate = (db: Database) => {
  if (Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0]) === 0) db.exec(SCHEMA);
};

let SQL: SqlJsStatic;
let storeCounter = 0;
const engines: PersistenceEngine[] = [];

beforeAll(async () => {
  SQL = await initSqlJs();
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

function workspace(options: { store?: UseStore; lock?: Mutex } = {}) {
  const name = `test-${++storeCounter}-${Date.now()}`;
  const store = options.store ?? openIdbStore(name);
  const lock = options.lock ?? new Mutex();
  /** `ownLock` stands for a browser without Web Locks: each tab only has its own lock. */
  const open = async (extra: Partial<EngineOptions> = {}, ownLock = false) => {
    const { engine, created } = await PersistenceEngine.open({
      SQL,
      store,
      coordinator: new InProcessCoordinator(ownLock ? new Mutex() : lock, `channel-${name}`),
      tab: `tab-${Math.random()}`,
      migrate,
      latestSchemaVersion: 1,
      ...extra,
    });
    engines.push(engine);
    return { engine, created };
  };
  return { name, store, open };
}

/** A store whose writes fail with QuotaExceededError while `full` is set, as a full disk does. */
function fillableDisk() {
  const inner = openIdbStore(`quota-${++storeCounter}-${Date.now()}`);
  const disk: { full: boolean; store: UseStore } = {
    full: false,
    store: ((mode, callback) =>
      disk.full && mode === 'readwrite'
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : inner(mode, callback)) as UseStore,
  };
  return disk;
}

const insertCustomer = (name: string) => (db: Database) => {
  db.run('INSERT INTO customers (name) VALUES (?)', [name]);
  return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
};
const names = (engine: PersistenceEngine) =>
  engine.read((db) =>
    (db.exec('SELECT name FROM customers ORDER BY id')[0]?.values ?? []).map((r) => String(r[0])),
  );

describe('persistence engine', () => {
  it('creates a workspace once and keeps acknowledged writes across a restart', async () => {
    const ws = workspace();
    const first = await ws.open();
    expect(first.created).toBe(true);
    const written = await first.engine.write(insertCustomer('华信科技'));
    expect(written.seq).toBe(1);
    first.engine.close();

    const second = await ws.open();
    expect(second.created).toBe(false);
    expect(await names(second.engine)).toEqual(['华信科技']);
    expect(second.engine.seq).toBe(1);
  });

  it('does not acknowledge or keep a write whose IndexedDB transaction aborts after the put', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    await engine.write(insertCustomer('kept'));

    const proto = globalThis.IDBObjectStore.prototype;
    const realAdd = proto.add;
    proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      const request = realAdd.apply(this, args);
      this.transaction.abort(); // the put was issued; the transaction never completes
      return request;
    };
    try {
      await expect(engine.write(insertCustomer('lost'))).rejects.toMatchObject({ code: 'persist_failed' });
    } finally {
      proto.add = realAdd;
    }
    expect(await names(engine)).toEqual(['kept']); // rolled back in memory too
    expect(engine.currentStatus().problems.map((p) => p.code)).toContain('append_failed');
    engine.close();

    const reopened = await ws.open();
    expect(await names(reopened.engine)).toEqual(['kept']);
    await reopened.engine.write(insertCustomer('after'));
    expect(await names(reopened.engine)).toEqual(['kept', 'after']);
  });

  it('reports a quota error as its own code, keeps memory consistent and recovers on retry', async () => {
    const disk = fillableDisk();
    const ws = workspace({ store: disk.store });
    const { engine } = await ws.open();
    await engine.write(insertCustomer('before'));
    disk.full = true;
    const failure = await engine.write(insertCustomer('refused')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PersistenceError);
    expect((failure as PersistenceError).code).toBe('quota_exceeded');
    expect(engine.currentStatus()).toMatchObject({ state: 'error', readOnly: false });
    expect(await names(engine)).toEqual(['before']);
    disk.full = false;
    await engine.retryStorage();
    expect(engine.currentStatus().problems).toEqual([]);
    await engine.write(insertCustomer('refused'));
    expect(await names(engine)).toEqual(['before', 'refused']);
  });

  it('rolls back a mutation that throws and logs nothing', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    await expect(
      engine.write((db) => {
        db.run('INSERT INTO customers (name) VALUES (?)', ['half']);
        db.run('INSERT INTO contacts (customer_id, name) VALUES (?, ?)', [999, 'orphan']); // FK violation
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await names(engine)).toEqual([]);
    expect(engine.seq).toBe(0);
    expect(await countLog(ws.store)).toBe(0);
  });

  it('undoes a delete including its cascaded rows', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    const { value: id } = await engine.write(insertCustomer('Acme'));
    await engine.write((db) =>
      db.run('INSERT INTO contacts (customer_id, name) VALUES (?, ?), (?, ?)', [id, 'Ann', id, 'Bo']),
    );
    const removed = await engine.write((db) => db.run('DELETE FROM customers WHERE id = ?', [id]));
    const count = (sql: string) => engine.read((db) => Number(db.exec(sql)[0]!.values[0]![0]));
    expect(await count('SELECT count(*) FROM contacts')).toBe(0);

    const restored = await engine.undoDelete(removed.seq);
    expect(restored.value).toBe(3);
    expect(await names(engine)).toEqual(['Acme']);
    expect(await count('SELECT count(*) FROM contacts')).toBe(2);
    await expect(engine.undoDelete(removed.seq)).rejects.toMatchObject({ code: 'nothing_to_undo' });
    engine.close();
    const reopened = await ws.open();
    expect(
      await reopened.engine.read((db) => db.exec('SELECT name FROM contacts ORDER BY name')[0]!.values),
    ).toEqual([['Ann'], ['Bo']]);
  });

  it('checkpoints into content-addressed chunks, trims the log and rewrites only changed chunks', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    await engine.write((db) => {
      const statement = db.prepare('INSERT INTO customers (name, score) VALUES (?, ?)');
      for (let i = 0; i < 20_000; i++) statement.run([`customer ${i} ${'x'.repeat(40)}`, i / 7]);
      statement.free();
    });
    await engine.checkpoint();
    const first = (await readMeta(ws.store))!;
    expect(first.chunks.length).toBeGreaterThan(3);
    for (let i = 0; i < 5; i++) await engine.write(insertCustomer(`late ${i}`));
    await engine.checkpoint();
    const second = (await readMeta(ws.store))!;
    expect(second.snapshotSeq).toBe(engine.seq);
    expect(second.previous?.snapshotSeq).toBe(first.snapshotSeq);
    const unchanged = second.chunks.filter((hash) => first.chunks.includes(hash)).length;
    expect(unchanged).toBeGreaterThanOrEqual(second.chunks.length - 3);
    await engine.write(insertCustomer('one more'));
    await engine.checkpoint();
    // logs up to the previous snapshot are gone; the ones after it stay for recovery
    expect(await countLog(ws.store)).toBe(engine.seq - second.snapshotSeq);
    engine.close();
    const reopened = await ws.open();
    expect((await names(reopened.engine)).length).toBe(20_006);
  });

  it('recovers from a damaged chunk to the last consistent state using the previous snapshot and the log', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    await engine.write(insertCustomer('a'));
    await engine.checkpoint();
    await engine.write(insertCustomer('b'));
    await engine.checkpoint();
    await engine.write(insertCustomer('c'));
    engine.close();
    const meta = (await readMeta(ws.store))!;
    await ws.store('readwrite', (os) => os.put(new Uint8Array([1, 2, 3]), chunkKey(meta.chunks[0]!)));

    const reopened = await ws.open();
    expect(await names(reopened.engine)).toEqual(['a', 'b', 'c']);
    const status = reopened.engine.currentStatus();
    expect(status.readOnly).toBe(false);
    // the load rewrote a good snapshot, so the recovery note is cleared and the next start is clean
    expect(status.problems).toEqual([]);
    reopened.engine.close();
    const again = await ws.open();
    expect(await names(again.engine)).toEqual(['a', 'b', 'c']);
  });

  it('goes read-only without deleting anything when no snapshot verifies', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    await engine.write(insertCustomer('precious'));
    await engine.checkpoint();
    engine.close();
    const meta = (await readMeta(ws.store))!;
    const damaged = new Uint8Array([9, 9, 9]);
    for (const hash of [...meta.chunks, ...(meta.previous?.chunks ?? [])]) {
      await ws.store('readwrite', (os) => os.put(damaged, chunkKey(hash)));
    }
    const reopened = await ws.open();
    const status = reopened.engine.currentStatus();
    expect(status.readOnly).toBe(true);
    expect(status.problems.map((p) => p.code)).toContain('damaged_chunk');
    await expect(reopened.engine.write(insertCustomer('x'))).rejects.toMatchObject({ code: 'read_only' });
    expect((await readMeta(ws.store))!.chunks).toEqual(meta.chunks); // nothing overwritten
  });

  it('stops at a damaged log record, keeps everything before it and refuses writes', async () => {
    const ws = workspace();
    const { engine } = await ws.open();
    for (const name of ['one', 'two', 'three']) await engine.write(insertCustomer(name));
    engine.close();
    await ws.store('readwrite', (os) => os.put({ garbage: true }, ['log', 3]));
    const reopened = await ws.open();
    expect(await names(reopened.engine)).toEqual(['one', 'two']);
    expect(reopened.engine.currentStatus()).toMatchObject({ readOnly: true, state: 'error' });
    expect(reopened.engine.currentStatus().problems[0]).toMatchObject({ code: 'damaged_log' });
  });

  it('refuses to write into a workspace saved by a newer schema', async () => {
    const ws = workspace();
    const { engine } = await ws.open({
      latestSchemaVersion: 2,
      migrate: (db) => (migrate(db), db.exec('PRAGMA user_version = 2')),
    });
    await engine.write(insertCustomer('from the future'));
    engine.close();
    const old = await ws.open();
    expect(await names(old.engine)).toEqual(['from the future']);
    expect(old.engine.currentStatus().problems.map((p) => p.code)).toEqual(['newer_schema']);
    await expect(old.engine.write(insertCustomer('x'))).rejects.toMatchObject({ code: 'read_only' });
  });

  it.each([
    ['with a shared write lock', true],
    ['without cross-tab locks (log compare-and-set only)', false],
  ])('two tabs writing at once lose nothing, %s', async (_label, sharedLock) => {
    const ws = workspace();
    const a = (await ws.open()).engine;
    const b = (await ws.open({}, !sharedLock)).engine;
    const writes = (engine: PersistenceEngine, tab: string) =>
      Promise.all(Array.from({ length: 40 }, (_, i) => engine.write(insertCustomer(`${tab}-${i}`))));
    await Promise.all([writes(a, 'a'), writes(b, 'b')]);
    await a.checkpoint(); // catches up first
    await b.checkpoint();
    expect((await names(a)).length).toBe(80);
    expect(await names(b)).toEqual(await names(a));
    const fresh = (await ws.open()).engine;
    expect((await names(fresh)).sort()).toEqual((await names(a)).sort());
  });

  it('a tab that slept through two checkpoints of another tab catches up from the snapshot', async () => {
    const ws = workspace();
    const sleeper = (await ws.open()).engine;
    const busy = (await ws.open()).engine;
    for (let round = 0; round < 3; round++) {
      await busy.write(insertCustomer(`round ${round}`));
      await busy.checkpoint();
    }
    expect(await countLog(ws.store)).toBe(1); // records up to the previous snapshot were trimmed
    await sleeper.write(insertCustomer('sleeper'));
    expect(await names(sleeper)).toEqual(['round 0', 'round 1', 'round 2', 'sleeper']);
  });

  it('logs one change per row a write inserted and then updated, which another tab replays to the same rows', async () => {
    const ws = workspace();
    const writer = (await ws.open()).engine;
    const reader = (await ws.open()).engine;
    const { seq } = await writer.write((db) => {
      db.run("INSERT INTO customers (name) VALUES ('Draft'), ('Kept')");
      db.run("UPDATE customers SET name = 'Final', score = 2 WHERE name = 'Draft'");
      db.run("INSERT INTO contacts (customer_id, name) VALUES (1, 'Ann')");
      db.run('UPDATE customers SET score = 3 WHERE id = 1');
    });
    const record = (await readLogRecord(ws.store, seq)) as { changes: [string, string, number, string][] };
    expect(record.changes.map(([table, op, id]) => `${table} ${op} ${id}`)).toEqual([
      'customers i 2',
      'contacts i 1',
      'customers i 1',
    ]);
    expect(JSON.parse(record.changes[2]![3])).toEqual({ id: 1, name: 'Final', score: 3 });
    await reader.write(insertCustomer('reader'));
    expect(
      await reader.read((db) => db.exec('SELECT id, name, score FROM customers ORDER BY id')[0]!.values),
    ).toEqual([
      [1, 'Final', 3],
      [2, 'Kept', null],
      [3, 'reader', null],
    ]);
  });

  it('keeps every change of a row the write also deleted (an undo of the delete needs them)', () => {
    const changes = [
      ['customers', 'i', 5, '{"id":5}'],
      ['customers', 'u', 5, '{"id":5,"name":"x"}'],
      ['customers', 'd', 5, '{"id":5,"name":"x"}'],
      ['customers', 'u', 6, '{"id":6,"name":"a"}'],
      ['customers', 'u', 6, '{"id":6,"name":"b"}'],
    ] as const;
    expect(coalesceChanges(changes.map((c) => [...c]) as never)).toEqual([
      ['customers', 'i', 5, '{"id":5}'],
      ['customers', 'u', 5, '{"id":5,"name":"x"}'],
      ['customers', 'd', 5, '{"id":5,"name":"x"}'],
      ['customers', 'u', 6, '{"id":6,"name":"b"}'],
    ]);
  });

  it('saves a bulk write as one snapshot plus a reset record that other tabs load instead of replaying', async () => {
    const ws = workspace();
    const other = (await ws.open()).engine;
    await other.write(insertCustomer('replaced'));
    const { engine } = await ws.open();
    const bulk = await engine.bulkWrite((db) => {
      db.run('DELETE FROM customers');
      const statement = db.prepare('INSERT INTO customers (name) VALUES (?)');
      for (let i = 0; i < 5000; i++) statement.run([`bulk ${i}`]);
      statement.free();
      return 5000;
    });
    expect(bulk.seq).toBe(2);
    const meta = (await readMeta(ws.store))!;
    expect(meta.snapshotSeq).toBe(2);
    await other.write(insertCustomer('after bulk')); // catches up through the reset record
    expect((await names(other)).slice(-2)).toEqual(['bulk 4999', 'after bulk']);
    expect((await names(other))[0]).toBe('bulk 0');
    await engine.write(insertCustomer('from engine'));
    engine.close();
    const reopened = (await ws.open()).engine;
    expect((await names(reopened)).length).toBe(5002);
  });

  it('keeps memory equal to storage when a bulk write cannot be saved', async () => {
    const disk = fillableDisk();
    const ws = workspace({ store: disk.store });
    const { engine } = await ws.open();
    await engine.write(insertCustomer('safe'));
    disk.full = true;
    await expect(engine.bulkWrite((db) => db.run('DELETE FROM customers'))).rejects.toMatchObject({
      code: 'quota_exceeded',
    });
    expect(await names(engine)).toEqual(['safe']);
    disk.full = false;
    await engine.write(insertCustomer('next'));
    expect(await names(engine)).toEqual(['safe', 'next']);
  });
});
