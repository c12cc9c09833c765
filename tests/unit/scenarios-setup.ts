/**
 * Shared set-up for the scenario tests: the app's schema in fake IndexedDB, opened by the persistence engine
 * with the worker's derived states (approval gate, audit trail, search index), the runtime pointed at it
 * and named like the scenario's own workspace, and the shipped scenario files read from public/scenarios/.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Result } from '../../workers/db/contract';
import { createApprovalGate } from '../../workers/db/features/approvals/gate';
import { createAuditTrail } from '../../workers/db/features/history/audit-trail';
import type { ExerciseStatus } from '../../workers/db/features/scenarios/api';
import { scenariosHandlers } from '../../workers/db/features/scenarios/handlers';
import { createSearchIndex } from '../../workers/db/features/search/search-index';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic | null = null;
let counter = 0;

export const SHIPPED = ['retail', 'b2b-sales', 'service'] as const;

export const scenarioText = (id: string): string =>
  readFileSync(new URL(`../../public/scenarios/${id}.json`, import.meta.url), 'utf8');

/** Opens an empty workspace named `<test>.scenario-<id>`, as the app names a scenario's workspace. */
export async function openScenarioWorkspace(id: string): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `test-${++counter}-${Date.now()}.scenario-${id}`;
  const now = () => new Date().toISOString();
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    derived: [
      createApprovalGate(() => runtime.actorId, now),
      createAuditTrail(() => runtime.actorId, now),
      createSearchIndex(),
    ],
  });
  runtime.engine = engine;
  runtime.workspace = name;
  runtime.actorId = null;
  return engine;
}

export function closeScenarioWorkspace(engine: PersistenceEngine): void {
  engine.close();
  runtime.engine = null;
  runtime.workspace = 'kehu-crm';
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

export function failure<T>(result: Result<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result;
}

/** Exercise id → done, as the training page shows them. */
export async function progress(): Promise<Record<string, boolean>> {
  const statuses: ExerciseStatus[] = value(await scenariosHandlers.checkExercises());
  for (const status of statuses) if (status.problem) throw new Error(`${status.id}: ${status.problem}`);
  return Object.fromEntries(statuses.map((s) => [s.id, s.done]));
}

export const scalar = (engine: PersistenceEngine, sql: string, params: (string | number)[] = []) =>
  engine.read((db) => {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? stmt.get()[0] : undefined;
    } finally {
      stmt.free();
    }
  });
