/** A fresh engine per test with the orders handlers wired to it, and small SQL helpers for the assertions. */
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Result } from '../../workers/db/contract';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic | null = null;

export async function openTestEngine(): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `orders-${Math.random()}`;
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
  });
  runtime.engine = engine;
  return engine;
}

export function closeTestEngine(engine: PersistenceEngine): void {
  engine.close();
  runtime.engine = null;
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** Runs SQL in a durable write and returns the first column of the first row (RETURNING id, counts). */
export async function exec(engine: PersistenceEngine, sql: string, params: (string | number | null)[] = []) {
  const { value: first } = await engine.write((db) => {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? stmt.get()[0] : null;
    } finally {
      stmt.free();
    }
  });
  return first;
}

export async function scalar(
  engine: PersistenceEngine,
  sql: string,
  params: (string | number | null)[] = [],
) {
  return engine.read((db) => {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? stmt.get()[0] : null;
    } finally {
      stmt.free();
    }
  });
}

export const addCustomer = async (engine: PersistenceEngine, name: string) =>
  Number(await exec(engine, 'INSERT INTO customers (name) VALUES (?) RETURNING id', [name]));

export const addProduct = async (
  engine: PersistenceEngine,
  code: string,
  { price = 1000, stock = 10, active = 1, currency = 'CNY', name = `Product ${code}` } = {},
) =>
  Number(
    await exec(
      engine,
      `INSERT INTO products (code, name, price_minor, stock, active, currency) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      [code, name, price, stock, active, currency],
    ),
  );

export const stockOf = async (engine: PersistenceEngine, productId: number) =>
  Number(await scalar(engine, 'SELECT stock FROM products WHERE id = ?', [productId]));
