/**
 * "Test against a record": the rule's trigger and conditions evaluated for one record, and its actions run
 * in a savepoint that is rolled back — what would happen, with nothing written.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { definitionWithCustomFields } from '../../entities/records';
import type { WorkflowRuleInput, WorkflowTestResult } from './api';
import { ActionFailure, freeWriteCache, newWriteCache, readRow, runAction } from './actions';
import { matchingIds } from './engine';
import { checkRule, type StoredRule } from './rule-store';

function triggerApplies(
  db: Database,
  rule: StoredRule,
  record: Record<string, unknown>,
  now: string,
): string | null {
  const { trigger } = rule;
  switch (trigger.type) {
    case 'created':
    case 'updated':
      return null;
    case 'field_changed': {
      if (trigger.to === undefined) return null;
      const column = definitionWithCustomFields(db, rule.entity).fields.find(
        (f) => f.key === trigger.field,
      )?.column;
      const want = typeof trigger.to === 'boolean' ? (trigger.to ? 1 : 0) : trigger.to;
      return column && String(record[column]) === String(want)
        ? null
        : `${trigger.field} is not ${String(trigger.to)} on this record`;
    }
    case 'stage_entered':
      return Number(record.stage_id) === trigger.stageId ? null : 'the record is not in that stage';
    case 'date_reached': {
      const column = definitionWithCustomFields(db, rule.entity).fields.find(
        (f) => f.key === trigger.field,
      )?.column;
      const value = column ? record[column] : null;
      if (typeof value !== 'string' || value === '') return `the record has no ${trigger.field}`;
      const due =
        Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) + trigger.offsetDays * 86_400_000;
      return due <= Date.parse(now) ? null : `not due until ${new Date(due).toISOString().slice(0, 10)}`;
    }
  }
}

export function testRule(
  db: Database,
  input: WorkflowRuleInput,
  recordId: number,
  now: string,
): WorkflowTestResult {
  checkRule(db, input);
  const record = readRow(db, input.entity, recordId);
  if (!record) throw new DomainError('not_found', `${input.entity} ${recordId} does not exist`);
  const rule: StoredRule = {
    ...input,
    id: 0,
    position: 0,
    ownerId: null,
    lastRunAt: null,
    createdAt: now,
    updatedAt: now,
    armedAt: now,
    lastAssigneeId: null,
  };
  const notTriggered = triggerApplies(db, rule, record, now);
  const conditionsMatched = matchingIds(db, rule, [recordId]).has(recordId);
  const result: WorkflowTestResult = {
    triggerMatched: notTriggered === null,
    conditionsMatched,
    reason: notTriggered ?? (conditionsMatched ? null : 'the record does not meet the conditions'),
    steps: [],
    changes: [],
  };
  if (result.reason !== null) return result;
  const cache = newWriteCache();
  db.exec('SAVEPOINT workflow_test');
  try {
    const context = { db, rule, entity: rule.entity, record, now, cache };
    for (const action of rule.actions) {
      try {
        const outcome = runAction(context, action);
        result.steps.push({ action: action.type, ok: true, message: outcome.message });
        result.changes.push(...outcome.changes);
      } catch (error) {
        const message =
          error instanceof ActionFailure || error instanceof DomainError ? error.message : String(error);
        result.steps.push({ action: action.type, ok: false, message });
        break;
      }
    }
  } finally {
    freeWriteCache(cache);
    db.exec('ROLLBACK TO workflow_test');
    db.exec('RELEASE workflow_test');
  }
  return result;
}
