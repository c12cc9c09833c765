/**
 * Date rules: due when date + offset ≤ now, exactly once per (rule, record, date) — also with two tabs'
 * engines on one store racing — catch-up after days away, no flood of history, a failing firing rolled
 * back alone; and the templates built on them (renewal reminder, SLA escalation, lead follow-up).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDueDateRules } from '../../workers/db/features/workflow/date-rules';
import { createWorkflowState } from '../../workers/db/features/workflow/engine';
import { workflowHandlers as api } from '../../workers/db/features/workflow/handlers';
import { saveRule } from '../../workers/db/features/workflow/rule-store';
import { listTemplates } from '../../workers/db/features/workflow/templates';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { Mutex } from '../../workers/db/sync/coordinator';
import { closeWorkspace, insert, value } from './history-setup';
import {
  addTeam,
  count,
  freshStoreName,
  isoAt,
  isoDay,
  openTab,
  openWorkflowWorkspace,
  rows,
  type Team,
} from './workflow-setup';

let engine: PersistenceEngine;
let team: Team;
let customer: number;

beforeEach(async () => {
  ({ engine, team } = await openWorkflowWorkspace());
  customer = await insert(engine, "INSERT INTO customers (name) VALUES ('Acme')", []);
});
afterEach(() => closeWorkspace(engine));

const addContract = (title: string, endDate: string, status = 'active') =>
  insert(
    engine,
    'INSERT INTO contracts (title, customer_id, start_date, end_date, status, owner_id) VALUES (?, ?, ?, ?, ?, ?)',
    [title, customer, '2020-01-01', endDate, status, team.repA],
  );
const due = async (now?: string) => value(await api.runDueDateRules(now));

describe('contract renewal reminder (30 days before the end)', () => {
  it('writes its task and notification in Chinese when installed from the Chinese UI', async () => {
    value(await api.installWorkflowTemplate('contract_renewal', { enabled: true, locale: 'zh-CN' }));
    await addContract('续约甲', isoDay(20));
    expect(await due()).toEqual({ rules: 1, fired: 1, failed: 0 });
    expect(await rows(engine, 'SELECT message FROM inbox_notifications')).toEqual([
      { message: '合同 续约甲 将在 30 天后到期' },
    ]);
    expect(await rows(engine, 'SELECT subject FROM activities')).toEqual([{ subject: '准备 续约甲 的续约' }]);
  });

  it('fires once per contract and date, catches up after days away, skips old history', async () => {
    value(await api.installWorkflowTemplate('contract_renewal', { enabled: true }));
    const soon = await addContract('Soon', isoDay(20)); // due 10 days ago: inside the grace of a new rule
    await addContract('Later', isoDay(45)); // due in 15 days
    await addContract('Long gone', isoDay(-400)); // ended long before the rule existed
    await addContract('Expired', isoDay(10), 'expired'); // condition: active only

    expect(await due()).toEqual({ rules: 1, fired: 1, failed: 0 });
    expect(await due()).toEqual({ rules: 1, fired: 0, failed: 0 });
    const [note] = await rows(engine, 'SELECT user_id, message, record_id FROM inbox_notifications');
    expect(note).toEqual({ user_id: team.repA, message: 'Contract Soon ends in 30 days', record_id: soon });
    expect(await rows(engine, 'SELECT subject, owner_id, customer_id FROM activities')).toEqual([
      { subject: 'Prepare renewal of Soon', owner_id: team.repA, customer_id: customer },
    ]);

    // Three weeks away: the "Later" one came due meanwhile and fires on the first pass back.
    expect(await due(isoAt(21))).toEqual({ rules: 1, fired: 1, failed: 0 });
    expect(await due(isoAt(21))).toEqual({ rules: 1, fired: 0, failed: 0 });
    expect(await count(engine, 'SELECT count(*) AS n FROM workflow_firings')).toBe(2);
    expect(
      await count(
        engine,
        "SELECT count(*) AS n FROM workflow_runs WHERE trigger_type = 'date_reached' AND result = 'ok'",
      ),
    ).toBe(2);

    // A renewed end date is a new date: it fires again when it comes.
    await engine.write((db) => db.run('UPDATE contracts SET end_date = ? WHERE id = ?', [isoDay(50), soon]));
    expect((await due(isoAt(21))).fired).toBe(1);
    expect(await count(engine, 'SELECT count(*) AS n FROM inbox_notifications')).toBe(3);
  });

  it('a firing whose action fails is rolled back alone, logged as failed, and not retried', async () => {
    value(await api.installWorkflowTemplate('contract_renewal', { enabled: true }));
    const orphan = await addContract('No owner', isoDay(5));
    await engine.write((db) => db.run('UPDATE contracts SET owner_id = NULL WHERE id = ?', [orphan]));
    await addContract('Owned', isoDay(6));
    expect(await due()).toEqual({ rules: 1, fired: 1, failed: 1 });
    expect(
      await rows(
        engine,
        "SELECT record_id, actions_done, message FROM workflow_runs WHERE result = 'failed'",
      ),
    ).toEqual([
      {
        record_id: orphan,
        actions_done: 0,
        message:
          'Rule “Contract renewal reminder” could not send a notification: there is no owner to notify',
      },
    ]);
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(1);
    expect(await due()).toEqual({ rules: 1, fired: 0, failed: 0 });
  });
});

describe('templates on dates', () => {
  it('case escalation when the SLA has passed, unless resolved or closed', async () => {
    value(await api.installWorkflowTemplate('case_sla_escalation', { enabled: true }));
    const addCase = (subject: string, status: string, slaDue: string) =>
      insert(
        engine,
        "INSERT INTO cases (subject, customer_id, owner_id, priority, status, sla_due) VALUES (?, ?, ?, 'normal', ?, ?)",
        [subject, customer, team.repB, status, slaDue],
      );
    const late = await addCase('Late', 'open', isoAt(-0.5));
    await addCase('Done', 'resolved', isoAt(-0.5));
    await addCase('Not yet', 'open', isoAt(0.5));
    expect((await due()).fired).toBe(1);
    expect(
      await rows(engine, 'SELECT id, priority, owner_id FROM cases WHERE priority <> ?', ['normal']),
    ).toEqual([{ id: late, priority: 'high', owner_id: team.manager }]);
    // Notify runs after the escalation: the owner is now the manager.
    expect(await rows(engine, 'SELECT user_id, message FROM inbox_notifications')).toEqual([
      { user_id: team.manager, message: 'Case Late passed its SLA and was escalated' },
    ]);
  });

  it('lead follow-up 3 days after creation when nobody has logged an activity', async () => {
    value(await api.installWorkflowTemplate('lead_follow_up', { enabled: true }));
    const addLead = (name: string, createdDaysAgo: number) =>
      insert(engine, "INSERT INTO leads (name, owner_id, status, created_at) VALUES (?, ?, 'new', ?)", [
        name,
        team.repA,
        isoAt(-createdDaysAgo),
      ]);
    const quiet = await addLead('Quiet', 4);
    const touched = await addLead('Touched', 4);
    await addLead('Fresh', 1);
    await insert(
      engine,
      "INSERT INTO activities (type, subject, lead_id, done) VALUES ('call', 'Hello', ?, 1)",
      [touched],
    );
    expect((await due()).fired).toBe(1);
    expect(
      await rows(engine, "SELECT lead_id, subject, owner_id FROM activities WHERE type = 'task'"),
    ).toEqual([{ lead_id: quiet, subject: 'Follow up Quiet', owner_id: team.repA }]);
    // Two days later "Fresh" is due too.
    expect((await due(isoAt(2.5))).fired).toBe(1);
  });

  it('a disabled template does nothing until switched on', async () => {
    const rule = value(await api.installWorkflowTemplate('contract_renewal', { enabled: false })).value;
    await addContract('Soon', isoDay(10));
    expect(await due()).toEqual({ rules: 0, fired: 0, failed: 0 });
    value(await api.setWorkflowRuleEnabled(rule.id, true));
    expect((await due()).fired).toBe(1);
  });
});

describe('several tabs', () => {
  it('two engines on one store racing fire each (rule, record, date) exactly once', async () => {
    const name = freshStoreName();
    const lock = new Mutex();
    const stateA = createWorkflowState();
    const stateB = createWorkflowState();
    const tabA = await openTab(name, { lock, state: stateA });
    const tabB = await openTab(name, { lock, state: stateB });
    try {
      const people = await addTeam(tabA);
      const now = new Date().toISOString();
      await tabA.write((db) => {
        const template = listTemplates(db).find((t) => t.key === 'contract_renewal')!;
        saveRule(db, null, { ...template.rule, enabled: true }, null, now);
        db.run("INSERT INTO customers (name) VALUES ('Acme')");
        for (let i = 0; i < 50; i++)
          db.run(
            "INSERT INTO contracts (title, customer_id, start_date, end_date, owner_id) VALUES (?, 1, '2020-01-01', ?, ?)",
            [`C${i}`, isoDay(i % 25), people.repB],
          );
      });
      const passes = await Promise.all([
        tabA.write((db) => runDueDateRules(db, stateA, now)),
        tabB.write((db) => runDueDateRules(db, stateB, now)),
        tabB.write((db) => runDueDateRules(db, stateB, now)),
        tabA.write((db) => runDueDateRules(db, stateA, now)),
      ]);
      expect(passes.map((p) => p.value.fired).reduce((a, b) => a + b, 0)).toBe(50);
      for (const tab of [tabA, tabB]) {
        await tab.write(() => undefined); // catch up with the other tab's log
        expect(await count(tab, 'SELECT count(*) AS n FROM workflow_firings')).toBe(50);
        expect(await count(tab, 'SELECT count(*) AS n FROM activities')).toBe(50);
        expect(await count(tab, 'SELECT count(DISTINCT record_id) AS n FROM inbox_notifications')).toBe(50);
      }
    } finally {
      tabA.close();
      tabB.close();
    }
  });
});
