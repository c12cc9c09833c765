/**
 * Loading a scenario through the worker's handler: into its own workspace only, as one durable write, with
 * relative dates, derived columns and ids for new rows above the scenario's; a bad file changes nothing;
 * loading again (Reset scenario) brings back the initial data and configuration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scenariosHandlers as api } from '../../workers/db/features/scenarios/handlers';
import { activitiesHandlers } from '../../workers/db/features/activities/handlers';
import { pipelineHandlers } from '../../workers/db/features/pipeline/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { runtime } from '../../workers/db/runtime';
import {
  SHIPPED,
  closeScenarioWorkspace,
  failure,
  openScenarioWorkspace,
  progress,
  scalar,
  scenarioText,
  value,
} from './scenarios-setup';

let engine: PersistenceEngine | null = null;
afterEach(() => {
  if (engine) closeScenarioWorkspace(engine);
  engine = null;
});

const count = (table: string) => scalar(engine!, `SELECT count(*) FROM ${table}`);

/** The retail file with `edit` applied to its parsed JSON. */
function retailWith(
  edit: (s: { data: Record<string, Record<string, unknown>[]>; exercises: { checks: string[] }[] }) => void,
) {
  const scenario = JSON.parse(scenarioText('retail'));
  edit(scenario);
  return JSON.stringify(scenario);
}

describe('loading a scenario', () => {
  it.each(SHIPPED)('%s: loads every record, and no exercise is done yet', async (id) => {
    engine = await openScenarioWorkspace(id);
    expect(value(await api.scenarioState())).toEqual({ scenario: null, empty: true });

    const info = value(await api.loadScenario(scenarioText(id), 'en'));
    const file = JSON.parse(scenarioText(id));
    expect(info.id).toBe(id);
    expect(info.dataLanguage).toBe('en');
    expect(info.exercises.map((e) => e.id)).toEqual(file.exercises.map((e: { id: string }) => e.id));
    for (const [table, rows] of Object.entries(file.data))
      expect(await count(table)).toBe((rows as unknown[]).length);
    expect(Object.values(await progress()).every((done) => !done)).toBe(true);

    const state = value(await api.scenarioState());
    expect(state.scenario?.id).toBe(id);
    expect(state.empty).toBe(false);
    expect(await engine.read((db) => db.exec('PRAGMA foreign_key_check')[0])).toBeUndefined();
  });

  it('writes the records in the language asked for, with dates relative to today and derived columns', async () => {
    engine = await openScenarioWorkspace('retail');
    value(await api.loadScenario(scenarioText('retail'), 'zh-CN'));
    expect(await scalar(engine, 'SELECT name FROM customers WHERE id = 1')).toBe('赵敏');
    // YJ-1003: 30 gift boxes at ¥299 and 30 mugs at ¥68, 10 % off each line.
    expect(await scalar(engine, 'SELECT total_minor FROM orders WHERE id = 103')).toBe(990900);
    const today = new Date();
    const sixDaysAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
    const iso = `${sixDaysAgo.getFullYear()}-${String(sixDaysAgo.getMonth() + 1).padStart(2, '0')}-${String(sixDaysAgo.getDate()).padStart(2, '0')}`;
    expect(await scalar(engine, 'SELECT order_date FROM orders WHERE id = 116')).toBe(iso);
    // The overdue complaint: opened three days ago, high priority = 24 hours, so its deadline has passed.
    const due = String(await scalar(engine, 'SELECT sla_due FROM cases WHERE id = 201'));
    const opened = String(await scalar(engine, 'SELECT created_at FROM cases WHERE id = 201'));
    expect(Date.parse(due) - Date.parse(opened)).toBe(24 * 3_600_000);
    expect(Date.parse(due)).toBeLessThan(Date.now());
  });

  it('gives rows created during training ids above the scenario’s', async () => {
    engine = await openScenarioWorkspace('retail');
    value(await api.loadScenario(scenarioText('retail'), 'en'));
    const { value: activity } = value(
      await activitiesHandlers.logActivity({ type: 'note', subject: 'Met at the till', customerId: 3 }),
    );
    expect(activity.id).toBeGreaterThan(10_000);
  });

  it("refuses to load into any workspace but the scenario's own", async () => {
    engine = await openScenarioWorkspace('retail');
    runtime.workspace = 'kehu-crm';
    const refused = failure(await api.loadScenario(scenarioText('retail'), 'en'));
    expect(refused.code).toBe('scenario_workspace');
    runtime.workspace = 'x.scenario-b2b-sales';
    expect(failure(await api.loadScenario(scenarioText('retail'), 'en')).code).toBe('scenario_workspace');
    expect(await count('customers')).toBe(0);
  });

  it('names unknown columns, broken references and impossible values, and changes nothing', async () => {
    engine = await openScenarioWorkspace('retail');
    value(await api.loadScenario(scenarioText('retail'), 'en'));
    const bad = retailWith((s) => {
      s.data.customers![0]!.shoe_size = 42;
      s.data.orders![0]!.customer_id = 999;
      s.data.cases![0]!.priority = 'whenever';
    });
    const refused = failure(await api.loadScenario(bad, 'en'));
    expect(refused.code).toBe('scenario_invalid');
    expect(refused.message).toContain('data.customers[0]: customers has no column "shoe_size"');
    expect(refused.message).toContain('data.cases[0] (id 201): CHECK constraint failed');
    // The workspace still holds the scenario as it was.
    expect(await count('customers')).toBe(16);
    expect(value(await api.scenarioState()).scenario?.id).toBe('retail');

    const orphan = retailWith((s) => (s.data.orders![0]!.customer_id = 999));
    expect(failure(await api.loadScenario(orphan, 'en')).message).toContain(
      'data.orders id 101: customer_id names a customers row the scenario does not have',
    );
  });

  it('refuses exercises whose check fails to run or that are done before the trainee starts', async () => {
    engine = await openScenarioWorkspace('retail');
    const broken = retailWith((s) => {
      s.exercises[0]!.checks = ['SELECT count(*) FROM no_such_table'];
      s.exercises[1]!.checks = ['SELECT count(*) >= 1 FROM customers'];
    });
    const refused = failure(await api.loadScenario(broken, 'en'));
    expect(refused.message).toContain('exercises[0].checks[0]: no such table: no_such_table');
    expect(refused.message).toContain('exercises[1] ("merge-duplicates") is already done');
    expect(await count('customers')).toBe(0);
  });

  it('loading again (Reset scenario) restores the records, the stages and the progress', async () => {
    engine = await openScenarioWorkspace('b2b-sales');
    value(await api.loadScenario(scenarioText('b2b-sales'), 'en'));
    const won = 5;
    for (const id of [201, 202, 203]) value(await pipelineHandlers.moveOpportunity(id, won));
    const stages = value(await pipelineHandlers.listStages());
    value(
      await pipelineHandlers.saveStages(
        stages.map((s) => ({
          id: s.id,
          name: s.id === 1 ? 'First call' : s.name,
          probability: s.probability,
        })),
      ),
    );
    value(await activitiesHandlers.logActivity({ type: 'meeting', subject: 'Plant visit', customerId: 2 }));
    expect(await progress()).toMatchObject({ 'win-three': true, 'plan-meeting': true });

    const info = value(await api.loadScenario(scenarioText('b2b-sales'), 'en'));
    expect(Object.values(await progress()).every((done) => !done)).toBe(true);
    expect(await scalar(engine, 'SELECT stage_id FROM opportunities WHERE id = 201')).toBe(4);
    expect(await scalar(engine, 'SELECT code FROM pipeline_stages WHERE id = 1')).toBe('qualification');
    expect(await count('activities')).toBe(12);
    expect(Date.parse(info.loadedAt)).toBeGreaterThan(0);
  });

  it('runs checks read-only and reports a check that fails instead of stopping the others', async () => {
    engine = await openScenarioWorkspace('retail');
    value(await api.loadScenario(scenarioText('retail'), 'en'));
    // A stored check tampered with in the SQL console: it cannot write, and the others still run.
    await engine.write((db) => {
      const stored = JSON.parse(
        String(db.exec("SELECT value FROM app_settings WHERE key = 'scenario'")[0]!.values[0]![0]),
      );
      stored.checks['log-call'] = ['SELECT count(*) FROM customers WHERE id IN (SELECT id FROM gone)'];
      stored.checks.restock = ['DELETE FROM customers'];
      db.run("UPDATE app_settings SET value = ? WHERE key = 'scenario'", [JSON.stringify(stored)]);
    });
    const statuses = value(await api.checkExercises());
    expect(statuses.find((s) => s.id === 'log-call')?.problem).toContain('no such table: gone');
    expect(statuses.find((s) => s.id === 'restock')?.problem).toMatch(/read-only/);
    expect(statuses.find((s) => s.id === 'resolve-complaint')).toEqual({
      id: 'resolve-complaint',
      done: false,
      problem: null,
    });
    expect(await count('customers')).toBe(16);
    expect(await scalar(engine, 'PRAGMA query_only')).toBe(0);
  });
});
