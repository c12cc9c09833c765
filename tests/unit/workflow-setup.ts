/**
 * Shared set-up for the workflow tests: the app's real schema in fake IndexedDB, opened by the persistence
 * engine with the workflow engine and the audit trail as derived states (as the worker opens it), a team
 * of users, and quick inserts.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { createAuditTrail } from '../../workers/db/features/history/audit-trail';
import { createWorkflowEngine, type WorkflowEngineState } from '../../workers/db/features/workflow/engine';
import { workflowState } from '../../workers/db/features/workflow/handlers';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { all } from '../../workers/db/repositories/sql';
import { nowIso, runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { insert } from './history-setup';

let SQL: SqlJsStatic | null = null;
let counter = 0;

export const freshStoreName = () => `workflow-${++counter}-${Date.now()}`;

/** One "tab": an engine on `storeName` with its own workflow state (the handlers' one by default). */
export async function openTab(
  storeName: string,
  options: { lock?: Mutex; state?: WorkflowEngineState } = {},
): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(storeName),
    coordinator: new InProcessCoordinator(options.lock ?? new Mutex(), `channel-${storeName}`),
    tab: `tab-${Math.random()}`,
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    derived: [
      createWorkflowEngine(options.state ?? workflowState, nowIso),
      createAuditTrail(() => runtime.actorId, nowIso),
    ],
  });
  return engine;
}

export interface Team {
  manager: number;
  repA: number;
  repB: number;
  outsider: number;
}

/** A workspace the handlers act on, with team “East” (manager + two reps) and a rep of team “West”. */
export async function openWorkflowWorkspace(): Promise<{ engine: PersistenceEngine; team: Team }> {
  const engine = await openTab(freshStoreName());
  runtime.engine = engine;
  runtime.actorId = null;
  workflowState.pendingFailures.length = 0;
  workflowState.nextWriteDepth = 0;
  return { engine, team: await addTeam(engine) };
}

export async function addTeam(engine: PersistenceEngine): Promise<Team> {
  const user = (name: string, role: string, team: string, manager: number | null) =>
    insert(engine, 'INSERT INTO users (name, role, team, manager_id) VALUES (?, ?, ?, ?)', [
      name,
      role,
      team,
      manager,
    ]);
  const manager = await user('Manager Mei', 'manager', 'East', null);
  const repA = await user('Rep An', 'rep', 'East', manager);
  const repB = await user('Rep Bo', 'rep', 'East', manager);
  const outsider = await user('Rep Wu', 'rep', 'West', null);
  return { manager, repA, repB, outsider };
}

export const rows = (engine: PersistenceEngine, sql: string, params: (string | number | null)[] = []) =>
  engine.read((db) => all(db, sql, params));

export const count = async (
  engine: PersistenceEngine,
  sql: string,
  params: (string | number | null)[] = [],
) => Number((await rows(engine, sql, params))[0]?.n ?? 0);

export const isoDay = (offsetDays: number, from = Date.now()) =>
  new Date(from + offsetDays * 86_400_000).toISOString().slice(0, 10);

export const isoAt = (offsetDays: number, from = Date.now()) =>
  new Date(from + offsetDays * 86_400_000).toISOString();
