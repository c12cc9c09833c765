/**
 * The workflow engine: a DerivedState whose `afterWrite` runs the enabled rules on the records a write
 * created or updated, inside that write's transaction (their changes are logged with it; a failing action
 * throws `workflow_failed` and the whole write rolls back). Records changed by actions run the rules once
 * more, but what those second-level actions change does not (the loop guard). Date rules run from
 * `runDueDateRules` (features/workflow/date-rules.ts).
 *
 * Failed runs cannot be logged in the write they rolled back: they wait in `pendingFailures` (this tab's
 * memory, shown by listWorkflowRuns) until the next date-rule pass (every minute) writes them.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { filterTerms } from '../../entities/query';
import { definitionWithCustomFields } from '../../entities/records';
import { all, jsonBytes, run, type Row } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import type { Change } from '../../persistence/idb-store';
import type { BeforeImages, DerivedState, WriteKind } from '../../persistence/types';
import type { WorkflowAction, WorkflowEntity, WorkflowRun } from './api';
import {
  ActionFailure,
  ENTITY_TABLES,
  noActivityTerm,
  freeWriteCache,
  newWriteCache,
  readRow,
  runAction,
  type WriteCache,
  type ActionOutcome,
  type RecordEvent,
} from './actions';
import { canBatch, runActionsBatch } from './batch';
import { enabledRules, type StoredRule } from './rule-store';

const TABLE_ENTITIES = new Map<string, WorkflowEntity>(
  Object.entries(ENTITY_TABLES).map(([entity, table]) => [table, entity as WorkflowEntity]),
);

export type RunRecord = Omit<WorkflowRun, 'id'>;

export interface WorkflowEngineState {
  /** Failed runs of rolled-back writes, to be logged by the next date-rule pass. */
  pendingFailures: RunRecord[];
  /** Set by a date-rule pass for its own write: the changes it made are already one level deep. */
  nextWriteDepth: number;
}

export function createWorkflowState(): WorkflowEngineState {
  return { pendingFailures: [], nextWriteDepth: 0 };
}

const VERBS: Record<WorkflowAction['type'], string> = {
  set_field: 'set a field',
  assign_owner: 'assign an owner',
  create_task: 'create a task',
  log_activity: 'log an activity',
  add_to_campaign: 'add the record to a campaign',
  notify: 'send a notification',
  escalate_case: 'escalate the case',
};

function parse(json: string | null): Row | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Row) : null;
}

/** Created and updated workflow-entity records of a write (a row changed twice counts once). */
export function eventsFromChanges(changes: readonly Change[], before: BeforeImages): RecordEvent[] {
  const rows = new Map<
    string,
    { entity: WorkflowEntity; id: number; inserted: boolean; row: string | null }
  >();
  for (const [table, op, id, row] of changes) {
    const entity = TABLE_ENTITIES.get(table);
    if (!entity) continue;
    const key = `${table}\u0000${id}`;
    if (op === 'd') {
      rows.delete(key);
      continue;
    }
    const seen = rows.get(key);
    rows.set(key, { entity, id, inserted: seen ? seen.inserted : op === 'i', row });
  }
  const events: RecordEvent[] = [];
  for (const { entity, id, inserted, row } of rows.values()) {
    const after = parse(row);
    if (!after) continue;
    events.push({ entity, id, before: inserted ? null : parse(before(ENTITY_TABLES[entity], id)), after });
  }
  return events;
}

const same = (a: unknown, b: unknown) =>
  a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));

function columnOf(db: Database, entity: WorkflowEntity, key: string): string | null {
  return (
    definitionWithCustomFields(db, entity).fields.find((f) => f.key === key && !f.customId)?.column ?? null
  );
}

/** Does the rule's trigger fire for this change? (Date triggers never do: they wait for their date.) */
export function triggerFires(db: Database, rule: StoredRule, event: RecordEvent): boolean {
  const { trigger } = rule;
  switch (trigger.type) {
    case 'created':
      return event.before === null;
    case 'updated':
      return event.before !== null;
    case 'field_changed': {
      const column = columnOf(db, rule.entity, trigger.field);
      if (!column || event.before === null || same(event.before[column], event.after[column])) return false;
      if (trigger.to === undefined) return true;
      const value = typeof trigger.to === 'boolean' ? (trigger.to ? 1 : 0) : trigger.to;
      return same(event.after[column], value);
    }
    case 'stage_entered':
      return (
        same(event.after.stage_id, trigger.stageId) &&
        (event.before === null || !same(event.before.stage_id, trigger.stageId))
      );
    case 'date_reached':
      return false;
  }
}

/** WHERE terms (alias t) and parameters of the rule's conditions, the list's own filter builder. */
export function conditionSql(
  db: Database,
  rule: Pick<StoredRule, 'entity' | 'conditions' | 'requireNoActivity'>,
) {
  const { terms, params } = filterTerms(definitionWithCustomFields(db, rule.entity), {
    conditions: rule.conditions,
  });
  const noActivity = rule.requireNoActivity ? noActivityTerm(rule.entity) : null;
  if (noActivity) terms.push(noActivity);
  return { terms, params };
}

/** Of `ids`, those matching the rule's conditions (one query for the whole batch). */
export function matchingIds(db: Database, rule: StoredRule, ids: readonly number[]): Set<number> {
  const { terms, params } = conditionSql(db, rule);
  if (terms.length === 0) return new Set(ids);
  const rows = all(
    db,
    `SELECT t.id FROM ${quoteIdentifier(ENTITY_TABLES[rule.entity])} t
     WHERE t.id IN (SELECT value FROM json_each(CAST(:ids AS TEXT))) AND ${terms.join(' AND ')}`,
    { ...params, ':ids': jsonBytes(ids) },
  );
  return new Set(rows.map((row) => Number(row.id)));
}

/**
 * Runs the rule's actions on one record, in order. Returns what they did; a failing action throws
 * `ActionFailure` wrapped in a DomainError('workflow_failed') naming the rule and the action.
 */
export function runActions(
  db: Database,
  rule: StoredRule,
  recordId: number,
  now: string,
  cache: WriteCache,
): { outcomes: ActionOutcome[]; failure: { done: number; message: string } | null } {
  const record = readRow(db, rule.entity, recordId, cache);
  if (!record) return { outcomes: [], failure: null };
  const context = { db, rule, entity: rule.entity, record, now, cache };
  const outcomes: ActionOutcome[] = [];
  for (const action of rule.actions) {
    try {
      outcomes.push(runAction(context, action));
    } catch (error) {
      if (!(error instanceof ActionFailure)) throw error;
      return {
        outcomes,
        failure: {
          done: outcomes.length,
          message: `Rule “${rule.name}” could not ${VERBS[action.type]}: ${error.message}`,
        },
      };
    }
  }
  return { outcomes, failure: null };
}

/** Writes run records in one statement (an import logs thousands; one statement per row costs seconds). */
export function logRuns(db: Database, runRecords: readonly RunRecord[]): void {
  if (runRecords.length === 0) return;
  const rows = runRecords.map((r) => [
    r.ruleId !== null && r.ruleId > 0 ? r.ruleId : null,
    r.ruleName,
    r.entity,
    r.recordId,
    r.trigger,
    r.actionsDone,
    r.result,
    r.message,
    r.at,
  ]);
  run(
    db,
    `INSERT INTO workflow_runs (rule_id, rule_name, entity, record_id, trigger_type, actions_done, result, message, at)
     SELECT v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, v ->> 5, v ->> 6, v ->> 7, v ->> 8
     FROM (SELECT value AS v FROM json_each(CAST(? AS TEXT)))`,
    [jsonBytes(rows)],
  );
}

export const logRun = (db: Database, runRecord: RunRecord): void => logRuns(db, [runRecord]);

/** After a rule ran: its last run time and, for round-robin assignment, who got the last record. */
export function markRuleRun(db: Database, rule: StoredRule, now: string): void {
  run(db, 'UPDATE workflow_rules SET last_run_at = ?, last_assignee_id = ? WHERE id = ?', [
    now,
    rule.lastAssigneeId,
    rule.id,
  ]);
}

/** Runs the event rules on `events`; at depth 0 the records the actions changed get one more pass. */
function runEventRules(
  db: Database,
  state: WorkflowEngineState,
  rules: StoredRule[],
  events: RecordEvent[],
  depth: number,
  now: string,
  cache: WriteCache,
): void {
  const caused: RecordEvent[] = [];
  const done: RunRecord[] = [];
  for (const rule of rules) {
    const fired = events.filter((event) => event.entity === rule.entity && triggerFires(db, rule, event));
    if (fired.length === 0) continue;
    const matched = matchingIds(
      db,
      rule,
      fired.map((event) => event.id),
    );
    let ran = false;
    const ids = fired.filter((event) => matched.has(event.id)).map((event) => event.id);
    if (canBatch(rule, ids.length, rules, depth)) {
      const base = { ruleId: rule.id, ruleName: rule.name, entity: rule.entity, trigger: rule.trigger.type };
      const { messages, failure } = runActionsBatch(db, rule, ids, now, cache);
      if (failure) {
        state.pendingFailures.push({
          ...base,
          recordId: failure.recordId,
          actionsDone: failure.done,
          result: 'failed',
          message: failure.message,
          at: now,
        });
        throw new DomainError('workflow_failed', failure.message);
      }
      for (const id of ids) {
        const message = messages.get(id)!.join('; ');
        done.push({
          ...base,
          recordId: id,
          actionsDone: rule.actions.length,
          result: 'ok',
          message,
          at: now,
        });
      }
      markRuleRun(db, rule, now);
      continue;
    }
    for (const event of fired) {
      if (!matched.has(event.id)) continue;
      const { outcomes, failure } = runActions(db, rule, event.id, now, cache);
      const base = { ruleId: rule.id, ruleName: rule.name, entity: rule.entity, recordId: event.id };
      if (failure) {
        state.pendingFailures.push({
          ...base,
          trigger: rule.trigger.type,
          actionsDone: failure.done,
          result: 'failed',
          message: failure.message,
          at: now,
        });
        throw new DomainError('workflow_failed', failure.message);
      }
      const message = outcomes.map((outcome) => outcome.message).join('; ');
      done.push({
        ...base,
        trigger: rule.trigger.type,
        actionsDone: outcomes.length,
        result: 'ok',
        message,
        at: now,
      });
      for (const outcome of outcomes) caused.push(...outcome.events);
      ran = true;
    }
    if (ran) markRuleRun(db, rule, now);
  }
  logRuns(db, done);
  if (depth === 0 && caused.length > 0) runEventRules(db, state, rules, caused, 1, now, cache);
}

export function createWorkflowEngine(state: WorkflowEngineState, now: () => string): DerivedState {
  return {
    afterWrite(db: Database, changes: readonly Change[], before: BeforeImages, write: WriteKind): void {
      const depth = state.nextWriteDepth;
      state.nextWriteDepth = 0;
      // An undo brings back what was there: re-running "created" rules would assign, notify and add to
      // campaigns a second time.
      if (write.restoring) return;
      if (!changes.some(([table]) => TABLE_ENTITIES.has(table))) return;
      const rules = enabledRules(db).filter((rule) => rule.trigger.type !== 'date_reached');
      if (rules.length === 0) return;
      const events = eventsFromChanges(changes, before);
      if (events.length === 0) return;
      const cache = newWriteCache();
      try {
        runEventRules(db, state, rules, events, depth, now(), cache);
      } finally {
        freeWriteCache(cache);
      }
    },
  };
}
