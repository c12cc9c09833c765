/**
 * The set-based path (features/workflow/batch.ts) a rule takes when it fires on many records of one write:
 * the same owners, campaign members, notifications and run-log lines as record by record, and the same
 * all-or-nothing failure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_MIN_RECORDS } from '../../workers/db/features/workflow/batch';
import type { WorkflowRuleInput } from '../../workers/db/features/workflow/api';
import { workflowHandlers as api } from '../../workers/db/features/workflow/handlers';
import { DomainError } from '../../workers/db/errors';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { closeWorkspace, insert, value } from './history-setup';
import { count, openWorkflowWorkspace, rows } from './workflow-setup';

let engine: PersistenceEngine | null = null;
afterEach(() => {
  if (engine) closeWorkspace(engine);
  engine = null;
});

const rule = (input: Partial<WorkflowRuleInput> & Pick<WorkflowRuleInput, 'actions'>): WorkflowRuleInput => ({
  name: 'Rule',
  entity: 'lead',
  trigger: { type: 'created' },
  conditions: [],
  enabled: true,
  ...input,
});

/** Leads inserted in one write, as an import does; every third one comes from an event. */
async function importLeads(target: PersistenceEngine, n: number, start = 0): Promise<void> {
  await target.write((db) => {
    const stmt = db.prepare('INSERT INTO leads (name, source, status) VALUES (?, ?, ?)');
    try {
      for (let i = start; i < start + n; i++)
        stmt.run([`Lead ${i}`, i % 3 === 0 ? 'event' : 'website', 'new']);
    } finally {
      stmt.free();
    }
  });
}

/** Round-robin, then a notification to the new owner; event leads into a campaign. */
async function installRules(target: PersistenceEngine): Promise<void> {
  const campaign = await insert(target, "INSERT INTO campaigns (name) VALUES ('Expo')", []);
  value(
    await api.saveWorkflowRule(
      null,
      rule({
        name: 'Assign and welcome',
        actions: [
          { type: 'assign_owner', method: 'round_robin', team: 'East' },
          { type: 'notify', recipient: 'owner', message: 'New lead {title}' },
        ],
      }),
    ),
  );
  value(
    await api.saveWorkflowRule(
      null,
      rule({
        name: 'Expo',
        conditions: [{ field: 'source', op: 'eq', value: 'event' }],
        actions: [{ type: 'add_to_campaign', campaignId: campaign }],
      }),
    ),
  );
}

/** What the rules left, per lead in id order, comparable between two workspaces (ids differ by offset). */
async function outcome(target: PersistenceEngine) {
  const leads = await rows(
    target,
    `SELECT l.id, l.name, u.name AS owner,
            (SELECT count(*) FROM campaign_members m WHERE m.lead_id = l.id) AS member,
            (SELECT group_concat(n.message || ' → ' || nu.name) FROM inbox_notifications n
              JOIN users nu ON nu.id = n.user_id WHERE n.record_id = l.id) AS notified
     FROM leads l LEFT JOIN users u ON u.id = l.owner_id ORDER BY l.id`,
  );
  const runs = await rows(
    target,
    `SELECT rule_name, record_id, actions_done, result, message FROM workflow_runs ORDER BY rule_name, record_id`,
  );
  const first = Number(leads[0]!.id);
  type Line = Record<string, unknown>;
  return {
    leads: leads.map((lead): Line => ({ ...lead, id: Number(lead.id) - first })),
    runs: runs.map((run): Line => ({ ...run, record_id: Number(run.record_id) - first })),
  };
}

describe('rules over many records of one write', () => {
  it('leave the same owners, members, notifications and run log as record by record', async () => {
    const n = BATCH_MIN_RECORDS * 2 + 7;
    engine = (await openWorkflowWorkspace()).engine;
    await installRules(engine);
    await importLeads(engine, n);
    const together = await outcome(engine);

    // The same leads written one per write take the record-by-record path.
    closeWorkspace(engine);
    engine = (await openWorkflowWorkspace()).engine;
    await installRules(engine);
    for (let i = 0; i < n; i++) await importLeads(engine, 1, i);
    const oneByOne = await outcome(engine);

    expect(together).toEqual(oneByOne);
    // And what that is: East's members in turn (manager, rep A, rep B), the owner told with the title
    // by the lead's name, every event lead in the campaign, one run line per rule and lead.
    expect(together.leads.slice(0, 3).map((lead) => lead.owner)).toEqual(['Manager Mei', 'Rep An', 'Rep Bo']);
    expect(together.leads[1]).toMatchObject({ notified: 'New lead Lead 1 → Rep An', member: 0 });
    expect(together.leads[3]!.member).toBe(1);
    expect(together.runs).toHaveLength(n + Math.ceil(n / 3));
    expect(together.runs.find((run) => run.rule_name === 'Assign and welcome')).toMatchObject({
      actions_done: 2,
      result: 'ok',
      message: 'owner → Manager Mei; Manager Mei notified',
    });
  });

  it('a record the action cannot handle refuses the whole write, naming the rule', async () => {
    const opened = await openWorkflowWorkspace();
    engine = opened.engine;
    value(
      await api.saveWorkflowRule(
        null,
        rule({
          name: 'Tell the manager',
          actions: [
            { type: 'assign_owner', method: 'round_robin', team: 'East' },
            { type: 'notify', recipient: 'manager', message: 'Lead {title}' },
          ],
        }),
      ),
    );
    // The first lead goes to the manager, who has no manager: the write fails as record by record would.
    const attempt = importLeads(engine, BATCH_MIN_RECORDS + 1);
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toThrow(
      'Rule “Tell the manager” could not send a notification: the owner has no manager to notify',
    );
    expect(await count(engine, 'SELECT count(*) AS n FROM leads')).toBe(0);
    expect(await count(engine, 'SELECT count(*) AS n FROM inbox_notifications')).toBe(0);
  });
});
