/**
 * A workspace for the activities tests: the real schema in a persistence engine with the audit trail (as
 * `workers/db.worker.ts` starts it), registered as the worker's runtime engine so the feature's handlers
 * can be called as the UI calls them.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { createAuditTrail } from '../../workers/db/features/history/audit-trail';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { one } from '../../workers/db/repositories/sql';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic | null = null;
let counter = 0;
let clock = Date.parse('2025-03-10T09:00:00.000Z');

/** Distinct, increasing instants, so audit lines made by consecutive writes never tie. */
export const tick = () => new Date((clock += 1000)).toISOString();

export async function openWorkspace(): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `activities-${++counter}-${Date.now()}`;
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: `tab-${name}`,
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    derived: [createAuditTrail(() => runtime.actorId, tick)],
  });
  runtime.engine = engine;
  return engine;
}

export function insert(db: Database, sql: string, params: (string | number | null)[]): number {
  return Number(one(db, `${sql} RETURNING id`, params)?.id);
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}
