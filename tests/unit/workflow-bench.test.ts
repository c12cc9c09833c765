/**
 * Workflow timings, printed (run with WORKFLOW_BENCH=1; skipped in the normal suite for its minute of set-up;
 * speed goals are reported, not asserted — the tests check only what happened):
 * - a 10,000-lead import (one write, as features/import runs it) with three lead rules enabled vs none —
 *   goal ≤ 1 s more;
 * - one date-rule pass over 1,000,000 contracts (the renewal reminder) — goal ≤ 2 s.
 */
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runDueDateRules } from '../../workers/db/features/workflow/date-rules';
import { createWorkflowState } from '../../workers/db/features/workflow/engine';
import { workflowHandlers as api } from '../../workers/db/features/workflow/handlers';
import { saveRule } from '../../workers/db/features/workflow/rule-store';
import { listTemplates } from '../../workers/db/features/workflow/templates';
import { migrate } from '../../workers/db/migrations';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { closeWorkspace, insert, value } from './history-setup';
import { count, isoDay, openWorkflowWorkspace } from './workflow-setup';

let engine: PersistenceEngine | null = null;
afterEach(() => {
  if (engine) closeWorkspace(engine);
  engine = null;
});

async function importLeads(target: PersistenceEngine, n: number): Promise<number> {
  const started = performance.now();
  await target.write((db) => {
    const stmt = db.prepare('INSERT INTO leads (name, source, status) VALUES (?, ?, ?)');
    try {
      for (let i = 0; i < n; i++) stmt.run([`Lead ${i}`, i % 3 === 0 ? 'event' : 'website', 'new']);
    } finally {
      stmt.free();
    }
  });
  return performance.now() - started;
}

describe.skipIf(!process.env.WORKFLOW_BENCH)('workflow bench', () => {
  it('10,000-lead import with and without three rules (prints the times; goal ≤ 1 s more)', async () => {
    const plain = await openWorkflowWorkspace();
    const without = await importLeads(plain.engine, 10_000);
    closeWorkspace(plain.engine);

    const ruled = await openWorkflowWorkspace();
    engine = ruled.engine;
    const campaign = await insert(engine, "INSERT INTO campaigns (name) VALUES ('Expo')", []);
    const base = { entity: 'lead' as const, trigger: { type: 'created' as const }, enabled: true };
    value(await api.installWorkflowTemplate('lead_round_robin', { enabled: true, team: 'East' }));
    value(
      await api.saveWorkflowRule(null, {
        ...base,
        name: 'Expo',
        conditions: [{ field: 'source', op: 'eq', value: 'event' }],
        actions: [{ type: 'add_to_campaign', campaignId: campaign }],
      }),
    );
    value(
      await api.saveWorkflowRule(null, {
        ...base,
        name: 'Hot',
        conditions: [{ field: 'score', op: 'gte', value: 90 }],
        actions: [{ type: 'notify', recipient: 'owner', message: 'Hot lead {title}' }],
      }),
    );
    const withRules = await importLeads(engine, 10_000);
    console.log(
      `10,000 leads: ${without.toFixed(0)} ms without rules, ${withRules.toFixed(0)} ms with three`,
    );
    expect(await count(engine, 'SELECT count(*) AS n FROM leads WHERE owner_id IS NOT NULL')).toBe(10_000);
    expect(await count(engine, 'SELECT count(*) AS n FROM campaign_members')).toBe(3334);
  }, 120_000);

  it('date rules over 1,000,000 contracts (prints the times; goal ≤ 2 s a pass)', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    migrate(db);
    db.run("INSERT INTO users (name, team) VALUES ('Owner', 'East')");
    db.run("INSERT INTO customers (name) VALUES ('Acme')");
    db.exec('BEGIN');
    const stmt = db.prepare(
      "INSERT INTO contracts (title, customer_id, start_date, end_date, status, owner_id) VALUES (?, 1, '2020-01-01', ?, ?, 1)",
    );
    // End dates spread over ten years around today; one in ten is not active.
    for (let i = 0; i < 1_000_000; i++)
      stmt.run([`C${i}`, isoDay((i % 3650) - 1825), i % 10 === 0 ? 'expired' : 'active']);
    stmt.free();
    db.exec('COMMIT');
    const now = new Date().toISOString();
    const armed = new Date(Date.now() - 86_400_000).toISOString();
    const template = listTemplates(db).find((t) => t.key === 'contract_renewal')!;
    const rule = saveRule(db, null, { ...template.rule, enabled: true }, null, armed);
    db.run('UPDATE workflow_rules SET armed_at = ? WHERE id = ?', [armed, rule.id]);
    const state = createWorkflowState();
    const pass = (at: string) => {
      db.exec('BEGIN');
      const started = performance.now();
      const summary = runDueDateRules(db, state, at);
      const ms = performance.now() - started;
      db.exec('COMMIT');
      return { ...summary, ms };
    };
    // Catch up first (contracts ending in the next 30 days and the grace week: ~9,400, 2,000 per pass).
    const catchUp = [];
    for (let round = 0; round < 10; round++) {
      const summary = pass(now);
      catchUp.push(summary);
      if (summary.fired === 0) break;
    }
    const idle = catchUp.at(-1)!;
    const nextDay = pass(new Date(Date.now() + 86_400_000).toISOString());
    console.log(
      `1,000,000 contracts: catch-up passes ${catchUp.map((p) => `${p.fired} fired in ${p.ms.toFixed(0)} ms`).join(', ')}; ` +
        `next day ${nextDay.fired} fired in ${nextDay.ms.toFixed(0)} ms`,
    );
    expect(idle.fired).toBe(0);
    expect(catchUp.reduce((sum, p) => sum + p.fired, 0)).toBeGreaterThan(9000);
    expect(nextDay.fired).toBeGreaterThan(200);
    db.close();
  }, 300_000);
});
