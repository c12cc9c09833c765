/**
 * Date rules ("30 days before a contract ends"): `runDueDateRules` fires each enabled date rule for the
 * records whose date + offset has come, at most once per (rule, record, date) — the firing row's UNIQUE
 * key is written in the same transaction as the actions, so a second tab (or the next minute) finds it and
 * does nothing. Dates that came due while the app was closed fire on the next pass (catch-up). History
 * does not flood in: a date (or its due day, if later) more than `GRACE_DAYS` older than the moment the
 * rule was switched on never fires — a renewal reminder installed today covers contracts ending in the
 * next 30 days, not the ones that ended years ago. Each firing runs in a savepoint: a failing one is rolled
 * back alone, logged as a failed run, and not retried.
 *
 * Cost: one range scan of the date column's index per rule (bounded by the arming time), plus one
 * firing lookup per due record.
 */
import type { Database } from 'sql.js';
import { definitionWithCustomFields } from '../../entities/records';
import { all, run } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import type { DueRunSummary } from './api';
import { ENTITY_TABLES, freeWriteCache, newWriteCache, type WriteCache } from './actions';
import { conditionSql, logRun, logRuns, markRuleRun, runActions, type WorkflowEngineState } from './engine';
import { enabledRules } from './rule-store';

export const GRACE_DAYS = 7;

/** At most this many firings per rule per pass; the rest follow a minute later. */
export const MAX_FIRINGS_PER_PASS = 2000;

const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export function runDueDateRules(db: Database, state: WorkflowEngineState, now: string): DueRunSummary {
  const cache = newWriteCache();
  try {
    return runPass(db, state, now, cache);
  } finally {
    freeWriteCache(cache);
  }
}

function runPass(db: Database, state: WorkflowEngineState, now: string, cache: WriteCache): DueRunSummary {
  // Failed runs of rolled-back writes; the caller drops them from the queue once this write is durable.
  logRuns(db, state.pendingFailures);
  const rules = enabledRules(db).filter((rule) => rule.trigger.type === 'date_reached' && rule.armedAt);
  const summary: DueRunSummary = { rules: rules.length, fired: 0, failed: 0 };
  for (const rule of rules) {
    if (rule.trigger.type !== 'date_reached') continue;
    const { field: key, offsetDays } = rule.trigger;
    const field = definitionWithCustomFields(db, rule.entity).fields.find(
      (f) => f.key === key && !f.customId,
    );
    if (!field) continue;
    const column = `t.${quoteIdentifier(field.column)}`;
    // date + offset ≤ now  ⇔  date ≤ now − offset (so the column's index serves the range).
    const cut = (iso: string) => (field.type === 'date' ? iso.slice(0, 10) : iso);
    const { terms, params } = conditionSql(db, rule);
    const due = all(
      db,
      `SELECT t.id, ${column} AS due FROM ${quoteIdentifier(ENTITY_TABLES[rule.entity])} t
       WHERE ${column} >= :lower AND ${column} <= :upper ${terms.map((term) => `AND ${term}`).join(' ')}
         AND NOT EXISTS (SELECT 1 FROM workflow_firings f
                         WHERE f.rule_id = :rule AND f.record_id = t.id AND f.due_date = ${column})
       ORDER BY ${column} LIMIT ${MAX_FIRINGS_PER_PASS}`,
      {
        ...params,
        ':lower': cut(shift(rule.armedAt!, -GRACE_DAYS - Math.max(offsetDays, 0))),
        ':upper': cut(shift(now, -offsetDays)),
        ':rule': rule.id,
      },
    );
    for (const row of due) {
      const recordId = Number(row.id);
      const dueDate = String(row.due);
      const fire = () =>
        run(
          db,
          'INSERT OR IGNORE INTO workflow_firings (rule_id, record_id, due_date, fired_at) VALUES (?, ?, ?, ?)',
          [rule.id, recordId, dueDate, now],
        );
      db.exec('SAVEPOINT workflow_firing');
      if (fire() === 0) {
        db.exec('RELEASE workflow_firing');
        continue;
      }
      let result;
      try {
        result = runActions(db, rule, recordId, now, cache);
      } catch (error) {
        db.exec('ROLLBACK TO workflow_firing');
        db.exec('RELEASE workflow_firing');
        throw error;
      }
      const base = {
        ruleId: rule.id,
        ruleName: rule.name,
        entity: rule.entity,
        recordId,
        trigger: 'date_reached' as const,
        at: now,
      };
      if (result.failure) {
        db.exec('ROLLBACK TO workflow_firing');
        db.exec('RELEASE workflow_firing');
        fire();
        logRun(db, {
          ...base,
          actionsDone: result.failure.done,
          result: 'failed',
          message: result.failure.message,
        });
        summary.failed += 1;
        continue;
      }
      db.exec('RELEASE workflow_firing');
      const message = result.outcomes.map((outcome) => outcome.message).join('; ');
      logRun(db, { ...base, actionsDone: result.outcomes.length, result: 'ok', message });
      summary.fired += 1;
    }
    if (due.length > 0) markRuleRun(db, rule, now);
  }
  // The actions' own changes reach the event rules at the second (last) level.
  if (summary.fired > 0) state.nextWriteDepth = 1;
  return summary;
}
