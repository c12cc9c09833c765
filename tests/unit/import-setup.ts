/**
 * Shared setup of the import tests: a real workspace (sql.js with the app's migrations, the persistence
 * engine on fake-indexeddb) installed as the worker runtime, so the import handlers run exactly as in the
 * DB worker.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import type { Result } from '../../workers/db/contract';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic | null = null;
let counter = 0;

export async function openWorkspace(): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `import-test-${++counter}-${Date.now()}`;
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: `tab-${counter}`,
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
  });
  runtime.engine?.close();
  runtime.engine = engine;
  runtime.SQL = SQL;
  return engine;
}

export function closeWorkspace(): void {
  runtime.engine?.close();
  runtime.engine = null;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

export const file = (content: string | Uint8Array, name = 'test.csv') =>
  new File([content as BlobPart], name);

export function rows(sql: string, params: SqlValue[] = []): Promise<Record<string, SqlValue>[]> {
  return runtime.engine!.read((db) => {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params);
      const out: Record<string, SqlValue>[] = [];
      while (stmt.step()) out.push(stmt.getAsObject());
      return out;
    } finally {
      stmt.free();
    }
  });
}

export async function count(
  table: 'customers' | 'contacts' | 'leads' | 'products' | 'orders',
): Promise<number> {
  const [row] = await rows(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}
