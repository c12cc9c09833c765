/**
 * Approvals: a discount above the threshold opens a request, the won stage waits for its approval (on every
 * path: the pipeline move, the record form, the SQL-level write), decisions and their comment, re-opening
 * on a change, and the DB worker refusing what roles may not do (permissions.ts).
 * A real persistence engine in fake IndexedDB with the approval gate and the audit trail, as the worker.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalsHandlers as api } from '../../workers/db/features/approvals/handlers';
import { createApprovalGate } from '../../workers/db/features/approvals/gate';
import { createAuditTrail } from '../../workers/db/features/history/audit-trail';
import { pipelineHandlers as pipeline } from '../../workers/db/features/pipeline/handlers';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { one } from '../../workers/db/repositories/sql';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { closeWorkspace, failure, insert, value } from './history-setup';

let SQL: SqlJsStatic | null = null;
let counter = 0;
let engine: PersistenceEngine;
let admin: number, manager: number, otherManager: number, rep: number, customer: number;

async function openWorkspace(): Promise<PersistenceEngine> {
  SQL ??= await initSqlJs();
  const name = `approvals-${++counter}-${Date.now()}`;
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 5, 1, 9, 0, 0) + tick++ * 1000).toISOString();
  const { engine: opened } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    derived: [createApprovalGate(() => runtime.actorId, now), createAuditTrail(() => runtime.actorId, now)],
  });
  runtime.engine = opened;
  runtime.actorId = null;
  return opened;
}

const stage = (code: string) =>
  engine.read((db) => Number(one(db, 'SELECT id FROM pipeline_stages WHERE code = ?', [code])!.id));

async function addOpportunity(name: string, discountBp: number): Promise<number> {
  runtime.actorId = rep;
  const created = value(
    await records.createRecord('opportunity', {
      name,
      customerId: customer,
      stageId: await stage('negotiation'),
      amountMinor: 1_000_000,
      discountBp,
      ownerId: rep,
    }),
  );
  return Number(created.value.id);
}

beforeEach(async () => {
  engine = await openWorkspace();
  admin = await insert(engine, "INSERT INTO users (name, role) VALUES ('Admin', 'admin')", []);
  manager = await insert(engine, "INSERT INTO users (name, role) VALUES ('王经理', 'manager')", []);
  otherManager = await insert(
    engine,
    "INSERT INTO users (name, role) VALUES ('Other manager', 'manager')",
    [],
  );
  rep = await insert(engine, "INSERT INTO users (name, role, manager_id) VALUES ('李销售', 'rep', ?)", [
    manager,
  ]);
  customer = await insert(engine, "INSERT INTO customers (name, owner_id) VALUES ('上海贸易', ?)", [rep]);
});
afterEach(() => closeWorkspace(engine));

describe('opening requests', () => {
  it('opens a pending request assigned to the owner’s manager when a discount above 15 % is saved', async () => {
    const id = await addOpportunity('Big deal', 2000);
    const state = value(await api.recordApprovals('opportunity', id));
    expect(state.state).toBe('pending');
    expect(state.thresholdBp).toBe(1500);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({
      status: 'pending',
      discountBp: 2000,
      requestedBy: rep,
      requestedByName: '李销售',
      approverId: manager,
      recordName: 'Big deal',
    });
  });

  it('opens none at exactly the threshold, and one just above it', async () => {
    const atThreshold = await addOpportunity('At 15 %', 1500);
    expect(value(await api.recordApprovals('opportunity', atThreshold))).toMatchObject({
      state: 'not_needed',
      history: [],
    });
    const above = await addOpportunity('At 15.01 %', 1501);
    expect(value(await api.recordApprovals('opportunity', above)).state).toBe('pending');
  });

  it('follows the threshold setting, which only admins may change', async () => {
    runtime.actorId = manager;
    expect(failure(await api.saveApprovalSettings({ discountThresholdBp: 2500 })).code).toBe('forbidden');
    runtime.actorId = admin;
    expect(failure(await api.saveApprovalSettings({ discountThresholdBp: 10_001 })).code).toBe('validation');
    value(await api.saveApprovalSettings({ discountThresholdBp: 2500 }));
    expect(value(await api.approvalSettings())).toEqual({ discountThresholdBp: 2500 });
    const id = await addOpportunity('Under the new threshold', 2000);
    expect(value(await api.recordApprovals('opportunity', id)).state).toBe('not_needed');
  });

  it('assigns to any manager when the owner has no manager', async () => {
    await insert(engine, 'UPDATE users SET manager_id = NULL WHERE id = ?', [rep]);
    const id = await addOpportunity('Unassigned', 3000);
    expect(value(await api.recordApprovals('opportunity', id)).history[0]!.approverId).toBeNull();
    runtime.actorId = otherManager;
    expect(value(await api.listApprovals({ decidableBy: otherManager })).map((a) => a.recordId)).toEqual([
      id,
    ]);
  });
});

describe('winning waits for the approval', () => {
  it('refuses the won stage on the board and in the form until approved, then allows it', async () => {
    const id = await addOpportunity('Needs approval', 2000);
    const won = await stage('won');
    const refused = failure(await pipeline.moveOpportunity(id, won));
    expect(refused.code).toBe('approval_required');
    expect(refused.message).toContain('20 %');
    expect(
      failure(await records.updateRecord('opportunity', id, { stageId: won }, { partial: true })).code,
    ).toBe('approval_required');
    // The refusal rolled the whole write back.
    expect(
      await engine.read((db) => one(db, 'SELECT stage_id FROM opportunities WHERE id = ?', [id])!.stage_id),
    ).toBe(await stage('negotiation'));

    runtime.actorId = manager;
    const [request] = value(await api.listApprovals({ decidableBy: manager }));
    value(await api.decideApproval(request!.id, 'approved', '  Strategic customer  '));
    const state = value(await api.recordApprovals('opportunity', id));
    expect(state.state).toBe('approved');
    expect(state.history[0]).toMatchObject({ comment: 'Strategic customer', decidedBy: manager });
    expect(state.history[0]!.decidedAt).not.toBeNull();

    runtime.actorId = rep;
    expect(value(await pipeline.moveOpportunity(id, won)).value.stageId).toBe(won);
  });

  it('refuses a raw write to the won stage as well (one gate for every path)', async () => {
    const id = await addOpportunity('Console', 5000);
    const won = await stage('won');
    await expect(
      insert(engine, 'UPDATE opportunities SET stage_id = ? WHERE id = ?', [won, id]),
    ).rejects.toThrow(/approval/);
  });

  it('lets a deal with a discount at or below the threshold be won without any request', async () => {
    const id = await addOpportunity('Small discount', 1000);
    expect(value(await pipeline.moveOpportunity(id, await stage('won'))).value.stageId).toBe(
      await stage('won'),
    );
  });

  it('keeps refusing after a rejection', async () => {
    const id = await addOpportunity('Rejected', 4000);
    runtime.actorId = manager;
    const [request] = value(await api.listApprovals());
    value(await api.decideApproval(request!.id, 'rejected', 'Too generous'));
    expect(value(await api.recordApprovals('opportunity', id)).state).toBe('rejected');
    expect(failure(await pipeline.moveOpportunity(id, await stage('won'))).code).toBe('approval_required');
  });
});

describe('deciding', () => {
  it('requires a comment to reject, and decides a request only once', async () => {
    await addOpportunity('Deal', 2000);
    runtime.actorId = manager;
    const [request] = value(await api.listApprovals());
    const noComment = failure(await api.decideApproval(request!.id, 'rejected', '   '));
    expect(noComment.code).toBe('validation');
    expect((noComment as { fields?: unknown }).fields).toEqual({ comment: 'required' });
    value(await api.decideApproval(request!.id, 'approved', ''));
    expect(failure(await api.decideApproval(request!.id, 'rejected', 'changed my mind')).code).toBe(
      'approval_decided',
    );
    expect(value(await api.listApprovals())).toEqual([]);
    expect(value(await api.listApprovals({ status: 'all' })).map((a) => a.status)).toEqual(['approved']);
  });

  it('refuses a decision by a rep, or by a manager the request is not assigned to; an admin may decide', async () => {
    await addOpportunity('Deal', 2000);
    const [request] = value(await api.listApprovals());
    runtime.actorId = rep;
    expect(failure(await api.decideApproval(request!.id, 'approved', '')).code).toBe('forbidden');
    expect(value(await api.listApprovals({ decidableBy: rep }))).toEqual([]);
    runtime.actorId = otherManager;
    expect(failure(await api.decideApproval(request!.id, 'approved', '')).code).toBe('forbidden');
    runtime.actorId = admin;
    expect(value(await api.decideApproval(request!.id, 'rejected', 'No')).value.status).toBe('rejected');
  });
});

describe('changing the discount again', () => {
  it('re-opens an approved request as a new one, keeping the history', async () => {
    const id = await addOpportunity('Deal', 2000);
    runtime.actorId = manager;
    const [first] = value(await api.listApprovals());
    value(await api.decideApproval(first!.id, 'approved', 'ok'));
    runtime.actorId = rep;
    value(await records.updateRecord('opportunity', id, { discountBp: 2500 }, { partial: true }));
    const state = value(await api.recordApprovals('opportunity', id));
    expect(state.state).toBe('pending');
    expect(state.history.map((a) => [a.status, a.discountBp])).toEqual([
      ['pending', 2500],
      ['approved', 2000],
    ]);
    expect(failure(await pipeline.moveOpportunity(id, await stage('won'))).code).toBe('approval_required');
  });

  it('updates a pending request in place, and withdraws it when the discount drops to the threshold', async () => {
    const id = await addOpportunity('Deal', 2000);
    value(await records.updateRecord('opportunity', id, { discountBp: 3000 }, { partial: true }));
    let state = value(await api.recordApprovals('opportunity', id));
    expect(state.history.map((a) => [a.status, a.discountBp])).toEqual([['pending', 3000]]);
    value(await records.updateRecord('opportunity', id, { discountBp: 1500 }, { partial: true }));
    state = value(await api.recordApprovals('opportunity', id));
    expect(state.state).toBe('not_needed');
    expect(state.history.map((a) => a.status)).toEqual(['withdrawn']);
    expect(value(await pipeline.moveOpportunity(id, await stage('won'))).value.stageId).toBe(
      await stage('won'),
    );
  });

  it('does not touch the request when other fields change', async () => {
    const id = await addOpportunity('Deal', 2000);
    const before = value(await api.recordApprovals('opportunity', id)).history;
    value(await records.updateRecord('opportunity', id, { notes: 'called' }, { partial: true }));
    expect(value(await api.recordApprovals('opportunity', id)).history).toEqual(before);
  });

  it('asks for a missing request (a discount left above a lowered threshold) on demand, once', async () => {
    const id = await addOpportunity('Old deal', 1000);
    runtime.actorId = admin;
    value(await api.saveApprovalSettings({ discountThresholdBp: 500 }));
    expect(value(await api.recordApprovals('opportunity', id))).toMatchObject({
      state: 'missing',
      history: [],
    });
    expect(failure(await pipeline.moveOpportunity(id, await stage('won'))).code).toBe('approval_required');
    runtime.actorId = rep;
    expect(value(await api.requestApproval('opportunity', id)).value).toMatchObject({
      status: 'pending',
      discountBp: 1000,
      approverId: manager,
    });
    expect(failure(await api.requestApproval('opportunity', id)).code).toBe('validation');
  });

  it('deletes the requests with their opportunity', async () => {
    const id = await addOpportunity('Deal', 2000);
    value(await records.deleteRecords('opportunity', { ids: [id] }));
    expect(await engine.read((db) => one(db, 'SELECT count(*) AS n FROM approvals')!.n)).toBe(0);
  });
});

describe('roles in the DB worker', () => {
  it('lets only admins create, edit or delete users', async () => {
    for (const actor of [rep, manager]) {
      runtime.actorId = actor;
      expect(failure(await records.createRecord('user', { name: 'New', role: 'rep' })).code).toBe(
        'forbidden',
      );
      expect(
        failure(await records.updateRecord('user', rep, { role: 'admin' }, { partial: true })).code,
      ).toBe('forbidden');
      expect(failure(await records.deleteRecords('user', { ids: [otherManager] })).code).toBe('forbidden');
    }
    runtime.actorId = admin;
    value(await records.updateRecord('user', rep, { team: '华东' }, { partial: true }));
    // Reading users stays open to everyone.
    runtime.actorId = rep;
    expect(value(await records.getRecord('user', rep)).team).toBe('华东');
  });

  it('refuses nothing while the workspace has no admin (still being set up), nor without an acting user', async () => {
    runtime.actorId = null;
    value(await records.updateRecord('user', rep, { team: 'East' }, { partial: true }));
    await insert(engine, "UPDATE users SET role = 'manager' WHERE role = 'admin'", []);
    runtime.actorId = rep;
    value(await records.updateRecord('user', rep, { team: 'West' }, { partial: true }));
    await insert(engine, "UPDATE users SET role = 'admin' WHERE id = ?", [admin]);
    expect(failure(await records.updateRecord('user', rep, { team: 'North' }, { partial: true })).code).toBe(
      'forbidden',
    );
  });

  it('lets reps not configure the pipeline stages', async () => {
    runtime.actorId = rep;
    const stages = value(await pipeline.listStages());
    const input = stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability }));
    expect(failure(await pipeline.saveStages(input)).code).toBe('forbidden');
    runtime.actorId = manager;
    value(await pipeline.saveStages(input));
  });
});
