/**
 * Workflow rules on record changes: each trigger and each action, in the write's own transaction (audited
 * with it), rollback of the whole change when an action fails, the one-level loop guard, "test against a
 * record" (nothing written) and the inbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowRuleInput } from '../../workers/db/features/workflow/api';
import { workflowHandlers as api, workflowState } from '../../workers/db/features/workflow/handlers';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { runtime } from '../../workers/db/runtime';
import { closeWorkspace, failure, insert, value } from './history-setup';
import { count, openWorkflowWorkspace, rows, type Team } from './workflow-setup';

let engine: PersistenceEngine;
let team: Team;

beforeEach(async () => {
  ({ engine, team } = await openWorkflowWorkspace());
});
afterEach(() => closeWorkspace(engine));

const rule = (input: Partial<WorkflowRuleInput> & Pick<WorkflowRuleInput, 'actions'>): WorkflowRuleInput => ({
  name: 'Test rule',
  entity: 'lead',
  trigger: { type: 'created' },
  conditions: [],
  enabled: true,
  ...input,
});
const save = async (input: WorkflowRuleInput) => value(await api.saveWorkflowRule(null, input)).value;
const addLead = (name: string, extra: { owner?: number | null; status?: string; source?: string } = {}) =>
  insert(engine, 'INSERT INTO leads (name, owner_id, status, source) VALUES (?, ?, ?, ?)', [
    name,
    extra.owner ?? null,
    extra.status ?? 'new',
    extra.source ?? 'other',
  ]);
const lead = async (id: number) => (await rows(engine, 'SELECT * FROM leads WHERE id = ?', [id]))[0]!;

describe('triggers', () => {
  it('created: round-robin assignment in the team, logged, audited with the write', async () => {
    await save(
      rule({
        conditions: [{ field: 'ownerId', op: 'empty' }],
        actions: [{ type: 'assign_owner', method: 'round_robin', team: 'East' }],
      }),
    );
    const ids = [
      await addLead('L1'),
      await addLead('L2'),
      await addLead('L3'),
      await addLead('L4', { owner: team.outsider }),
    ];
    const owners = await Promise.all(ids.map(async (id) => (await lead(id)).owner_id));
    // East's active members in id order: manager, repA, repB; the owned lead is left alone.
    expect(owners).toEqual([team.manager, team.repA, team.repB, team.outsider]);
    const runs = value(await api.listWorkflowRuns({}));
    expect(runs.total).toBe(3);
    expect(
      runs.rows.every((run) => run.result === 'ok' && run.trigger === 'created' && run.actionsDone === 1),
    ).toBe(true);
  });

  it('updated: runs on updates only, when the conditions hold', async () => {
    await save(
      rule({
        trigger: { type: 'updated' },
        conditions: [{ field: 'status', op: 'eq', value: 'qualified' }],
        actions: [{ type: 'set_field', field: 'score', value: 80 }],
      }),
    );
    const id = await addLead('Qualified later');
    expect((await lead(id)).score).toBe(0);
    value(await records.updateRecord('lead', id, { status: 'contacted' }, { partial: true }));
    expect((await lead(id)).score).toBe(0);
    value(await records.updateRecord('lead', id, { status: 'qualified' }, { partial: true }));
    expect((await lead(id)).score).toBe(80);
    // The audit trail (after the workflow engine) records the rule's change with the user's, in one line.
    const audit = await rows(
      engine,
      "SELECT after_json FROM audit_log WHERE table_name = 'leads' AND action = 'update' ORDER BY id DESC LIMIT 1",
    );
    expect(JSON.parse(String(audit[0]!.after_json))).toMatchObject({ status: 'qualified', score: 80 });
  });

  it('field_changed: any change, or only a change to the given value', async () => {
    await save(
      rule({
        name: 'Any source change',
        trigger: { type: 'field_changed', field: 'source' },
        actions: [{ type: 'log_activity', activityType: 'note', subject: 'Source of {title} changed' }],
      }),
    );
    await save(
      rule({
        name: 'Contacted',
        trigger: { type: 'field_changed', field: 'status', to: 'contacted' },
        actions: [{ type: 'log_activity', activityType: 'call', subject: 'First call with {title}' }],
      }),
    );
    const id = await addLead('Field lead');
    value(await records.updateRecord('lead', id, { name: 'Field lead 2' }, { partial: true }));
    value(await records.updateRecord('lead', id, { status: 'qualified' }, { partial: true }));
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(0);
    value(await records.updateRecord('lead', id, { status: 'contacted' }, { partial: true }));
    value(await records.updateRecord('lead', id, { source: 'event' }, { partial: true }));
    const logged = await rows(engine, 'SELECT type, subject, done, lead_id FROM activities ORDER BY id');
    expect(logged).toEqual([
      { type: 'call', subject: 'First call with Field lead 2', done: 1, lead_id: id },
      { type: 'note', subject: 'Source of Field lead 2 changed', done: 1, lead_id: id },
    ]);
  });

  it('stage_entered: the won template creates onboarding tasks owned by the deal owner', async () => {
    const installed = value(await api.installWorkflowTemplate('won_onboarding', { enabled: true })).value;
    expect(installed.trigger).toMatchObject({ type: 'stage_entered' });
    const customer = await insert(engine, "INSERT INTO customers (name) VALUES ('Acme')", []);
    const stages = await rows(engine, 'SELECT id, is_won FROM pipeline_stages ORDER BY position');
    const open = Number(stages[0]!.id);
    const won = Number(stages.find((s) => s.is_won === 1)!.id);
    const deal = await insert(
      engine,
      'INSERT INTO opportunities (name, customer_id, stage_id, owner_id) VALUES (?, ?, ?, ?)',
      ['Big deal', customer, open, team.repB],
    );
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(0);
    await engine.write((db) => db.run('UPDATE opportunities SET stage_id = ? WHERE id = ?', [won, deal]));
    const tasks = await rows(
      engine,
      'SELECT type, subject, owner_id, opportunity_id, customer_id, done, due_at FROM activities ORDER BY id',
    );
    expect(tasks.map((t) => t.subject)).toEqual([
      'Kick-off call for Big deal',
      'Send welcome pack for Big deal',
      'Onboarding review for Big deal',
    ]);
    expect(
      tasks.every(
        (t) =>
          t.type === 'task' &&
          t.owner_id === team.repB &&
          t.opportunity_id === deal &&
          t.customer_id === customer &&
          t.done === 0,
      ),
    ).toBe(true);
    const dueIn = (Date.parse(String(tasks[2]!.due_at)) - Date.now()) / 86_400_000;
    expect(dueIn).toBeGreaterThan(13.9);
    expect(dueIn).toBeLessThan(14.1);
    // Staying in the stage (another update) does not enter it again.
    await engine.write((db) => db.run("UPDATE opportunities SET notes = 'signed' WHERE id = ?", [deal]));
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(3);
  });
});

describe('actions', () => {
  it('assign_owner least_loaded picks the member with fewest open records of the entity', async () => {
    // repA: 2 open; repB: 1 open + 3 converted (not open); manager: 3 open.
    for (const [owner, status, n] of [
      [team.repA, 'new', 2],
      [team.repB, 'new', 1],
      [team.repB, 'converted', 3],
      [team.manager, 'contacted', 3],
    ] as const)
      for (let i = 0; i < n; i++) await addLead(`${owner}-${status}-${i}`, { owner, status });
    await save(
      rule({
        conditions: [{ field: 'ownerId', op: 'empty' }],
        actions: [{ type: 'assign_owner', method: 'least_loaded', team: 'East' }],
      }),
    );
    const first = await addLead('Fresh 1');
    expect((await lead(first)).owner_id).toBe(team.repB);
    const second = await addLead('Fresh 2'); // now repA 2, repB 2 → tie broken by id
    expect((await lead(second)).owner_id).toBe(team.repA);
  });

  it('create_task is due after the offset and owned by the record owner', async () => {
    await save(rule({ actions: [{ type: 'create_task', subject: 'Call {title}', dueOffsetDays: 3 }] }));
    const id = await addLead('Task lead', { owner: team.repA });
    const [task] = await rows(engine, 'SELECT * FROM activities');
    expect(task).toMatchObject({
      type: 'task',
      subject: 'Call Task lead',
      owner_id: team.repA,
      lead_id: id,
      done: 0,
    });
    const dueIn = (Date.parse(String(task!.due_at)) - Date.now()) / 86_400_000;
    expect(Math.abs(dueIn - 3)).toBeLessThan(0.01);
  });

  it('add_to_campaign adds the lead once', async () => {
    const campaign = await insert(engine, "INSERT INTO campaigns (name) VALUES ('Expo')", []);
    await save(
      rule({
        conditions: [{ field: 'source', op: 'eq', value: 'event' }],
        actions: [{ type: 'add_to_campaign', campaignId: campaign }],
      }),
    );
    const met = await addLead('Met at expo', { source: 'event' });
    await addLead('From web', { source: 'website' });
    expect(await rows(engine, 'SELECT campaign_id, lead_id, response FROM campaign_members')).toEqual([
      { campaign_id: campaign, lead_id: met, response: 'pending' },
    ]);
  });

  it('notify owner, manager and a given user fills their inboxes; read / unread / count', async () => {
    await save(
      rule({
        actions: [
          { type: 'notify', recipient: 'owner', message: 'New lead {title}' },
          { type: 'notify', recipient: 'manager', message: 'Your rep got {title}' },
          { type: 'notify', recipient: 'user', userId: team.outsider, message: 'FYI {title}' },
        ],
      }),
    );
    const id = await addLead('Inbox lead', { owner: team.repA });
    runtime.actorId = team.repA;
    const inbox = value(await api.listInbox({}));
    expect(inbox).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.rows[0]).toMatchObject({
      message: 'New lead Inbox lead',
      entity: 'lead',
      recordId: id,
      ruleName: 'Test rule',
      readAt: null,
    });
    expect(value(await api.listInbox({ userId: team.manager })).rows[0]!.message).toBe(
      'Your rep got Inbox lead',
    );
    expect(value(await api.inboxUnreadCount(team.outsider))).toBe(1);
    expect(value(await api.markInboxRead([inbox.rows[0]!.id], true)).value).toBe(1);
    expect(value(await api.inboxUnreadCount())).toBe(0);
    expect(value(await api.listInbox({ unreadOnly: true })).total).toBe(0);
    value(await api.markInboxRead(null, false));
    expect(value(await api.inboxUnreadCount())).toBe(1);
  });

  it('escalate_case raises the priority one step and hands the case to the owner’s manager', async () => {
    const customer = await insert(engine, "INSERT INTO customers (name) VALUES ('Acme')", []);
    await save(
      rule({
        entity: 'case',
        trigger: { type: 'field_changed', field: 'type', to: 'complaint' },
        actions: [{ type: 'escalate_case' }],
      }),
    );
    const id = await insert(
      engine,
      "INSERT INTO cases (subject, customer_id, owner_id, priority) VALUES ('Broken', ?, ?, 'normal')",
      [customer, team.repA],
    );
    value(await records.updateRecord('case', id, { type: 'complaint' }, { partial: true }));
    expect((await rows(engine, 'SELECT priority, owner_id FROM cases'))[0]).toEqual({
      priority: 'high',
      owner_id: team.manager,
    });
  });
});

describe('failures and loops', () => {
  it('a failing action rolls the whole change back with a specific message, then logs the failed run', async () => {
    await save(
      rule({
        name: 'Score it',
        actions: [
          { type: 'log_activity', activityType: 'note', subject: 'Seen' },
          { type: 'set_field', field: 'score', value: 500 },
        ],
      }),
    );
    const result = failure(
      await records.createRecord('lead', { name: 'Doomed', source: 'other', status: 'new' }),
    );
    expect(result.code).toBe('workflow_failed');
    expect(result.message).toMatch(/^Rule “Score it” could not set a field: .*score: out_of_range/);
    expect(await count(engine, 'SELECT count(*) AS n FROM leads')).toBe(0);
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(0);
    // Shown from memory at once, written by the next date-rule pass.
    expect(value(await api.listWorkflowRuns({})).rows[0]).toMatchObject({
      id: 0,
      result: 'failed',
      actionsDone: 1,
      ruleName: 'Score it',
    });
    value(await api.runDueDateRules());
    expect(workflowState.pendingFailures).toHaveLength(0);
    expect(await rows(engine, 'SELECT result, message FROM workflow_runs')).toEqual([
      { result: 'failed', message: result.message },
    ]);
  });

  it('a notify with nobody to notify fails the change', async () => {
    await save(rule({ actions: [{ type: 'notify', recipient: 'manager', message: 'x' }] }));
    const result = failure(
      await records.createRecord('lead', {
        name: 'No owner',
        source: 'other',
        status: 'new',
        ownerId: team.outsider,
      }),
    );
    expect(result.message).toBe(
      'Rule “Test rule” could not send a notification: the owner has no manager to notify',
    );
  });

  it('changes made by actions run the rules once more, not again (loop guard)', async () => {
    // Each run updates the lead, which is itself an "updated" event for the same rule.
    await save(
      rule({
        trigger: { type: 'updated' },
        actions: [
          { type: 'set_field', field: 'notes', value: 'touched' },
          { type: 'log_activity', activityType: 'note', subject: 'ping' },
        ],
      }),
    );
    const id = await addLead('Loopy');
    value(await records.updateRecord('lead', id, { status: 'contacted' }, { partial: true }));
    expect(await count(engine, 'SELECT count(*) AS n FROM workflow_runs')).toBe(2);
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(2);
    expect((await lead(id)).notes).toBe('touched');
  });

  it('an undo brings records back without running the "created" rules again', async () => {
    await save(
      rule({
        actions: [
          { type: 'assign_owner', method: 'round_robin', team: 'East' },
          { type: 'notify', recipient: 'owner', message: 'New lead {title}' },
        ],
      }),
    );
    const id = await addLead('Comes back');
    const owner = (await lead(id)).owner_id;
    const removed = value(await records.deleteRecords('lead', { ids: [id] }));
    await engine.undoDelete(removed.undoSeq);
    expect((await lead(id)).owner_id).toBe(owner);
    expect(await count(engine, 'SELECT count(*) AS n FROM inbox_notifications')).toBe(1);
    expect(value(await api.listWorkflowRuns({})).total).toBe(1);
  });

  it('disabled and deleted rules do not run', async () => {
    const saved = await save(
      rule({ actions: [{ type: 'log_activity', activityType: 'note', subject: 'hi' }] }),
    );
    value(await api.setWorkflowRuleEnabled(saved.id, false));
    await addLead('Quiet');
    value(await api.setWorkflowRuleEnabled(saved.id, true));
    await addLead('Loud');
    value(await api.deleteWorkflowRule(saved.id));
    await addLead('Quiet again');
    expect(await count(engine, 'SELECT count(*) AS n FROM activities')).toBe(1);
    expect(value(await api.listWorkflowRules())).toEqual([]);
  });

  it('once the workspace has an admin, only the admin adds, switches, installs or deletes rules', async () => {
    const saved = await save(
      rule({ actions: [{ type: 'log_activity', activityType: 'note', subject: 'a' }] }),
    );
    const admin = await insert(engine, "INSERT INTO users (name, role) VALUES ('Admin Ada', 'admin')", []);
    for (const actor of [team.repA, team.manager]) {
      runtime.actorId = actor;
      expect(failure(await api.saveWorkflowRule(null, rule({ actions: [] }))).code).toBe('forbidden');
      expect(failure(await api.setWorkflowRuleEnabled(saved.id, false)).code).toBe('forbidden');
      expect(failure(await api.deleteWorkflowRule(saved.id)).code).toBe('forbidden');
      expect(failure(await api.installWorkflowTemplate('contract_renewal', { enabled: false })).code).toBe(
        'forbidden',
      );
      // Everyone still sees the rules and their runs.
      expect(value(await api.listWorkflowRules())).toHaveLength(1);
    }
    runtime.actorId = admin;
    value(await api.setWorkflowRuleEnabled(saved.id, false));
    value(await api.deleteWorkflowRule(saved.id));
    expect(value(await api.listWorkflowRules())).toEqual([]);
  });

  it('refuses rules naming unknown fields, teams, stages or actions that do not fit the entity', async () => {
    const bad = [
      rule({
        conditions: [{ field: 'nope', op: 'eq', value: 1 }],
        actions: [{ type: 'log_activity', activityType: 'note', subject: 'x' }],
      }),
      rule({ actions: [{ type: 'assign_owner', method: 'round_robin', team: 'Nowhere' }] }),
      rule({
        trigger: { type: 'stage_entered', stageId: 99 },
        actions: [{ type: 'log_activity', activityType: 'note', subject: 'x' }],
      }),
      rule({ actions: [{ type: 'escalate_case' }] }),
      rule({
        trigger: { type: 'date_reached', field: 'name', offsetDays: 1 },
        actions: [{ type: 'log_activity', activityType: 'note', subject: 'x' }],
      }),
      rule({ actions: [] }),
    ];
    for (const input of bad) expect(failure(await api.saveWorkflowRule(null, input)).code).toBe('validation');
  });
});

describe('test against a record', () => {
  it('reports what would happen and writes nothing', async () => {
    const id = await addLead('Probe', { owner: team.repA, status: 'contacted' });
    const before = await rows(
      engine,
      'SELECT (SELECT count(*) FROM activities) a, (SELECT count(*) FROM inbox_notifications) i, (SELECT owner_id FROM leads) o',
    );
    const probe = rule({
      conditions: [{ field: 'status', op: 'eq', value: 'contacted' }],
      actions: [
        { type: 'assign_owner', method: 'round_robin', team: 'East' },
        { type: 'create_task', subject: 'Call {title}', dueOffsetDays: 1 },
        { type: 'notify', recipient: 'owner', message: 'hi' },
      ],
    });
    const result = value(await api.testWorkflowRule(probe, id));
    expect(result).toMatchObject({ triggerMatched: true, conditionsMatched: true, reason: null });
    expect(result.steps.map((s) => [s.action, s.ok])).toEqual([
      ['assign_owner', true],
      ['create_task', true],
      ['notify', true],
    ]);
    expect(result.steps[0]!.message).toBe('owner → Manager Mei');
    expect(result.changes.map((c) => c.table)).toEqual(['leads', 'activities', 'inbox_notifications']);
    expect(
      await rows(
        engine,
        'SELECT (SELECT count(*) FROM activities) a, (SELECT count(*) FROM inbox_notifications) i, (SELECT owner_id FROM leads) o',
      ),
    ).toEqual(before);

    const miss = value(
      await api.testWorkflowRule({ ...probe, conditions: [{ field: 'status', op: 'eq', value: 'new' }] }, id),
    );
    expect(miss).toMatchObject({
      conditionsMatched: false,
      reason: 'the record does not meet the conditions',
      steps: [],
    });
    const failing = value(
      await api.testWorkflowRule(rule({ actions: [{ type: 'set_field', field: 'score', value: 101 }] }), id),
    );
    expect(failing.steps[0]).toMatchObject({ ok: false });
  });
});

describe('templates', () => {
  it('lists five; round-robin needs a team; installs disabled or enabled', async () => {
    const templates = value(await api.listWorkflowTemplates());
    expect(templates.map((t) => t.key)).toEqual([
      'lead_round_robin',
      'lead_follow_up',
      'contract_renewal',
      'case_sla_escalation',
      'won_onboarding',
    ]);
    expect(failure(await api.installWorkflowTemplate('lead_round_robin', { enabled: true })).code).toBe(
      'validation',
    );
    const off = value(
      await api.installWorkflowTemplate('lead_round_robin', { enabled: false, team: 'East' }),
    ).value;
    expect(off.enabled).toBe(false);
    await addLead('Not yet');
    expect(await count(engine, 'SELECT count(*) AS n FROM leads WHERE owner_id IS NOT NULL')).toBe(0);
    value(await api.setWorkflowRuleEnabled(off.id, true));
    const id = await addLead('Now');
    expect((await lead(id)).owner_id).toBe(team.manager);
  });
});
