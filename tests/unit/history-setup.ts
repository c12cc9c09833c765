/**
 * Shared set-up for the history and duplicates tests: the app's real schema in fake IndexedDB, opened by
 * the persistence engine with the audit trail (as the worker opens it), the runtime pointed at it.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { Result } from '../../workers/db/contract';
import { createAuditTrail } from '../../workers/db/features/history/audit-trail';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic | null = null;
let counter = 0;

export async function openAuditedWorkspace(): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `history-${++counter}-${Date.now()}`;
  let tick = 0;
  // A clock that moves: entries of one test get distinct, increasing times.
  const now = () => new Date(Date.UTC(2026, 2, 16, 1, 30, 0, 0) + tick++ * 1000).toISOString();
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    derived: [createAuditTrail(() => runtime.actorId, now)],
  });
  runtime.engine = engine;
  runtime.actorId = null;
  return engine;
}

export function closeWorkspace(engine: PersistenceEngine): void {
  engine.close();
  runtime.engine = null;
  runtime.actorId = null;
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

export function failure<T>(result: Result<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result;
}

/** Runs SQL in a durable (captured, audited) write and returns the last inserted id. */
export async function insert(engine: PersistenceEngine, sql: string, params: (string | number | null)[]) {
  const { value: id } = await engine.write((db: Database) => {
    db.run(sql, params);
    return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
  });
  return id;
}

/** Every row of every table except the bookkeeping ones, for "exactly as before" comparisons. */
export function everyRow(engine: PersistenceEngine, skip: readonly string[] = []) {
  return engine.read((db) => {
    const tables = (
      db.exec(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name",
      )[0]?.values ?? []
    )
      .map((row) => String(row[0]))
      .filter((table) => !skip.includes(table));
    return Object.fromEntries(
      tables.map((table) => [table, db.exec(`SELECT * FROM "${table}" ORDER BY rowid`)[0]?.values ?? []]),
    );
  });
}
