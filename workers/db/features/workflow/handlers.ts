/**
 * Implements {@link WorkflowApi} in the DB worker. `workflowState` is this tab's engine state (the
 * DerivedState registered in db.worker.ts shares it).
 */
import type { Database } from 'sql.js';
import { requirePermission } from '../../permission-checks';
import { guard, nowIso, runtime } from '../../runtime';
import type { WorkflowApi } from './api';
import { runDueDateRules } from './date-rules';
import { createWorkflowState } from './engine';
import { listInbox, listRuns, markRead, unreadCount } from './inbox';
import { deleteRule, listRules, publicRule, saveRule, setEnabled } from './rule-store';
import { listTemplates, templateRule } from './templates';
import { testRule } from './test-rule';

export const workflowState = createWorkflowState();

const userOf = (userId?: number | null) => (userId === undefined ? runtime.actorId : userId);

/** Rules act on everyone's records: only an admin adds, changes, switches or removes them. */
const mayEditRules = (db: Database) => requirePermission(db, runtime.actorId, 'automation.edit');

export const workflowHandlers: WorkflowApi = {
  listWorkflowRules: (entity) => guard((e) => e.read((db) => listRules(db, entity).map(publicRule))),
  saveWorkflowRule: (id, input) =>
    guard((e) =>
      e.write((db) => {
        mayEditRules(db);
        return publicRule(saveRule(db, id, input, runtime.actorId, nowIso()));
      }),
    ),
  deleteWorkflowRule: (id) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => {
        mayEditRules(db);
        deleteRule(db, id);
      });
      return { undoSeq: seq, removedRows: 1 };
    }),
  setWorkflowRuleEnabled: (id, enabled) =>
    guard((e) =>
      e.write((db) => {
        mayEditRules(db);
        return publicRule(setEnabled(db, id, enabled, nowIso()));
      }),
    ),
  testWorkflowRule: (rule, recordId) => guard((e) => e.read((db) => testRule(db, rule, recordId, nowIso()))),
  listWorkflowRuns: (query) =>
    guard((e) => e.read((db) => listRuns(db, query, workflowState.pendingFailures))),

  listInbox: (query) => guard((e) => e.read((db) => listInbox(db, userOf(query.userId), query))),
  markInboxRead: (ids, read, userId) =>
    guard((e) => e.write((db) => markRead(db, userOf(userId), ids, read, nowIso()))),
  inboxUnreadCount: (userId) => guard((e) => e.read((db) => unreadCount(db, userOf(userId)))),

  runDueDateRules: (now) =>
    guard(async (e) => {
      const at = now ?? nowIso();
      // The mutation may run again (another tab wrote first): it logs the queue as it is each time, and
      // only once the write is durable are those entries dropped (new failures queue behind them).
      let logged = 0;
      try {
        const { value } = await e.write((db) => {
          logged = workflowState.pendingFailures.length;
          return runDueDateRules(db, workflowState, at);
        });
        workflowState.pendingFailures.splice(0, logged);
        return value;
      } catch (error) {
        workflowState.nextWriteDepth = 0;
        throw error;
      }
    }),
  listWorkflowTemplates: () => guard((e) => e.read((db) => listTemplates(db))),
  installWorkflowTemplate: (key, options) =>
    guard((e) =>
      e.write((db) => {
        mayEditRules(db);
        return publicRule(saveRule(db, null, templateRule(db, key, options), runtime.actorId, nowIso()));
      }),
    ),
};
