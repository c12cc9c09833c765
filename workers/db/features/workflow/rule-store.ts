/**
 * Workflow rules as rows: reading them back (trigger and actions as JSON), checking a rule before it is
 * saved (fields of the entity, stage, team, campaign and users exist), saving, enabling and deleting.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { entityDef } from '../../entities/definitions';
import { filterTerms } from '../../entities/query';
import { definitionWithCustomFields } from '../../entities/records';
import { all, one, run, type Row } from '../../repositories/sql';
import {
  ACTION_TYPES,
  DATE_TRIGGER_FIELDS,
  TRIGGER_TYPES,
  WORKFLOW_ENTITIES,
  type WorkflowAction,
  type WorkflowEntity,
  type WorkflowRule,
  type WorkflowRuleInput,
  type WorkflowTrigger,
} from './api';

/** A rule as the engine uses it: the row plus its round-robin pointer and arming time. */
export interface StoredRule extends WorkflowRule {
  armedAt: string | null;
  lastAssigneeId: number | null;
}

const RULE_COLUMNS = `id, name, entity, trigger_json, conditions, actions, enabled, require_no_activity,
  position, owner_id, last_run_at, created_at, updated_at, armed_at, last_assignee_id`;

function toRule(row: Row): StoredRule {
  return {
    id: Number(row.id),
    name: String(row.name),
    entity: String(row.entity) as WorkflowEntity,
    trigger: JSON.parse(String(row.trigger_json)) as WorkflowTrigger,
    conditions: JSON.parse(String(row.conditions)) as WorkflowRule['conditions'],
    actions: JSON.parse(String(row.actions)) as WorkflowAction[],
    enabled: Number(row.enabled) === 1,
    requireNoActivity: Number(row.require_no_activity) === 1,
    position: Number(row.position),
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    lastRunAt: row.last_run_at === null ? null : String(row.last_run_at),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    armedAt: row.armed_at === null ? null : String(row.armed_at),
    lastAssigneeId: row.last_assignee_id === null ? null : Number(row.last_assignee_id),
  };
}

export function publicRule(rule: StoredRule): WorkflowRule {
  const { armedAt: _armed, lastAssigneeId: _last, ...shown } = rule;
  return shown;
}

export function listRules(db: Database, entity?: WorkflowEntity | null): StoredRule[] {
  return entity
    ? all(db, `SELECT ${RULE_COLUMNS} FROM workflow_rules WHERE entity = ? ORDER BY position, id`, [
        entity,
      ]).map(toRule)
    : all(db, `SELECT ${RULE_COLUMNS} FROM workflow_rules ORDER BY entity, position, id`).map(toRule);
}

export function enabledRules(db: Database): StoredRule[] {
  return all(db, `SELECT ${RULE_COLUMNS} FROM workflow_rules WHERE enabled = 1 ORDER BY position, id`).map(
    toRule,
  );
}

export function getRule(db: Database, id: number): StoredRule {
  const row = one(db, `SELECT ${RULE_COLUMNS} FROM workflow_rules WHERE id = ?`, [id]);
  if (!row) throw new DomainError('not_found', `workflow rule ${id} does not exist`);
  return toRule(row);
}

const invalid = (message: string) => new DomainError('validation', message);
const exists = (db: Database, sql: string, params: (string | number)[]) => one(db, sql, params) !== null;

function checkTrigger(db: Database, entity: WorkflowEntity, trigger: WorkflowTrigger): void {
  if (!trigger || !TRIGGER_TYPES.includes(trigger.type)) throw invalid('The rule needs a trigger.');
  const def = definitionWithCustomFields(db, entity);
  if (trigger.type === 'field_changed' && !def.fields.some((f) => f.key === trigger.field && !f.customId))
    throw invalid(`“${String(trigger.field)}” is not a field of ${entity}.`);
  if (trigger.type === 'stage_entered') {
    if (entity !== 'opportunity') throw invalid('Only opportunities enter pipeline stages.');
    if (!exists(db, 'SELECT 1 FROM pipeline_stages WHERE id = ?', [trigger.stageId]))
      throw invalid(`Pipeline stage ${trigger.stageId} does not exist.`);
  }
  if (trigger.type === 'date_reached') {
    if (!DATE_TRIGGER_FIELDS[entity].includes(trigger.field))
      throw invalid(`“${String(trigger.field)}” is not a date a ${entity} rule can wait for.`);
    if (!Number.isSafeInteger(trigger.offsetDays) || Math.abs(trigger.offsetDays) > 3650)
      throw invalid('The offset is a whole number of days (at most ten years).');
  }
}

function checkAction(db: Database, entity: WorkflowEntity, action: WorkflowAction, n: number): void {
  const where = `Action ${n}`;
  if (!action || !ACTION_TYPES.includes(action.type)) throw invalid(`${where} has no known type.`);
  const def = entityDef(entity);
  const hasOwner = def.fields.some((f) => f.key === 'ownerId');
  switch (action.type) {
    case 'set_field': {
      const field = definitionWithCustomFields(db, entity).fields.find((f) => f.key === action.field);
      if (!field || field.readOnly) throw invalid(`${where}: “${String(action.field)}” cannot be set.`);
      return;
    }
    case 'assign_owner':
      if (!hasOwner) throw invalid(`${where}: a ${entity} has no owner.`);
      if (!['round_robin', 'least_loaded'].includes(action.method))
        throw invalid(`${where}: choose round robin or least loaded.`);
      if (!exists(db, 'SELECT 1 FROM users WHERE team = ? AND active = 1', [String(action.team)]))
        throw invalid(`${where}: team “${String(action.team)}” has no active members.`);
      return;
    case 'create_task':
    case 'log_activity':
      if (typeof action.subject !== 'string' || action.subject.trim() === '')
        throw invalid(`${where} needs a subject.`);
      if (action.type === 'create_task' && !Number.isSafeInteger(action.dueOffsetDays))
        throw invalid(`${where}: the due date offset is a whole number of days.`);
      if (
        action.type === 'log_activity' &&
        !['call', 'meeting', 'email', 'note', 'task'].includes(action.activityType)
      )
        throw invalid(`${where}: unknown activity type.`);
      return;
    case 'add_to_campaign':
      if (!['customer', 'contact', 'lead'].includes(entity))
        throw invalid(`${where}: only customers, contacts and leads join campaigns.`);
      if (!exists(db, 'SELECT 1 FROM campaigns WHERE id = ?', [action.campaignId]))
        throw invalid(`${where}: campaign ${action.campaignId} does not exist.`);
      return;
    case 'notify':
      if (typeof action.message !== 'string' || action.message.trim() === '')
        throw invalid(`${where} needs a message.`);
      if (action.recipient === 'user') {
        if (!exists(db, 'SELECT 1 FROM users WHERE id = ?', [Number(action.userId)]))
          throw invalid(`${where}: user ${String(action.userId)} does not exist.`);
      } else if (!['owner', 'manager'].includes(action.recipient) || !hasOwner)
        throw invalid(`${where}: a ${entity} has no owner to notify.`);
      return;
    case 'escalate_case':
      if (entity !== 'case') throw invalid(`${where}: only cases are escalated.`);
      return;
  }
}

/** Throws a validation error naming the first problem of `input`. */
export function checkRule(db: Database, input: WorkflowRuleInput): void {
  if (typeof input?.name !== 'string' || input.name.trim() === '') throw invalid('The rule needs a name.');
  if (!WORKFLOW_ENTITIES.includes(input.entity))
    throw invalid('Choose what kind of record the rule watches.');
  checkTrigger(db, input.entity, input.trigger);
  if (!Array.isArray(input.conditions)) throw invalid('Conditions must be a list.');
  // The same builder as the lists: an unknown field or operator fails here, not at run time.
  filterTerms(definitionWithCustomFields(db, input.entity), { conditions: input.conditions });
  if (!Array.isArray(input.actions) || input.actions.length === 0)
    throw invalid('The rule needs at least one action.');
  if (input.actions.length > 20) throw invalid('At most 20 actions per rule.');
  input.actions.forEach((action, index) => checkAction(db, input.entity, action, index + 1));
}

export function saveRule(
  db: Database,
  id: number | null,
  input: WorkflowRuleInput,
  ownerId: number | null,
  now: string,
): StoredRule {
  checkRule(db, input);
  const values = [
    input.name.trim(),
    input.entity,
    input.trigger.type === 'date_reached'
      ? 'scheduled'
      : input.trigger.type === 'updated'
        ? 'updated'
        : input.trigger.type === 'created'
          ? 'created'
          : 'field_changed',
    JSON.stringify(input.trigger),
    JSON.stringify(input.conditions),
    JSON.stringify(input.actions),
    input.enabled ? 1 : 0,
    input.requireNoActivity ? 1 : 0,
  ];
  if (id === null) {
    const position = Number(
      one(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM workflow_rules WHERE entity = ?', [
        input.entity,
      ])?.p ?? 1,
    );
    const ownerExists = ownerId !== null && exists(db, 'SELECT 1 FROM users WHERE id = ?', [ownerId]);
    const row = one(
      db,
      `INSERT INTO workflow_rules (name, entity, event, trigger_json, conditions, actions, enabled,
         require_no_activity, position, owner_id, armed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [...values, position, ownerExists ? ownerId : null, input.enabled ? now : null, now, now],
    );
    return getRule(db, Number(row?.id));
  }
  const previous = getRule(db, id);
  run(
    db,
    `UPDATE workflow_rules SET name = ?, entity = ?, event = ?, trigger_json = ?, conditions = ?, actions = ?,
       enabled = ?, require_no_activity = ?, armed_at = ?, updated_at = ? WHERE id = ?`,
    [...values, armedAt(previous, input.enabled, now), now, id],
  );
  return getRule(db, id);
}

/** Switching a rule on (again) arms it now; staying on keeps the time it was armed. */
const armedAt = (previous: StoredRule, enabled: boolean, now: string): string | null =>
  !enabled ? null : previous.enabled && previous.armedAt ? previous.armedAt : now;

export function setEnabled(db: Database, id: number, enabled: boolean, now: string): StoredRule {
  const previous = getRule(db, id);
  run(db, 'UPDATE workflow_rules SET enabled = ?, armed_at = ?, updated_at = ? WHERE id = ?', [
    enabled ? 1 : 0,
    armedAt(previous, enabled, now),
    now,
    id,
  ]);
  return getRule(db, id);
}

export function deleteRule(db: Database, id: number): void {
  getRule(db, id);
  run(db, 'DELETE FROM workflow_rules WHERE id = ?', [id]);
}
