/**
 * The set-based path for a rule that fires on many records of one write (an import of 10,000 leads): each
 * action runs as one SQL statement over all of them instead of one statement per record, with the same
 * result as running the records one by one in order — round-robin turns follow the record order, a notify
 * after an assignment reaches the new owner, and one record the action cannot handle fails the whole write
 * with the same message. Only actions whose effect SQL can state exactly take this path; a rule with any
 * other action, or whose changes another enabled rule would react to, runs record by record (engine.ts).
 */
import type { Database } from 'sql.js';
import { entityDef } from '../../entities/definitions';
import { all, jsonBytes, one } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import type { WorkflowAction } from './api';
import { ActionFailure, ENTITY_TABLES, roundRobinNext, teamMembers, type WriteCache } from './actions';
import type { StoredRule } from './rule-store';

/** Below this many records the per-record path is as quick and simpler to follow in the run log. */
export const BATCH_MIN_RECORDS = 50;

type BatchAction = Extract<WorkflowAction, { type: 'assign_owner' | 'add_to_campaign' | 'notify' }>;

const isBatchAction = (action: WorkflowAction): action is BatchAction =>
  (action.type === 'assign_owner' && action.method === 'round_robin') ||
  action.type === 'add_to_campaign' ||
  action.type === 'notify';

/**
 * Can `rule` run set-based on this many records? Its actions must all be batchable, and no enabled rule
 * may react to the updates an assignment makes (at depth 0 those would run once more, record by record).
 */
export function canBatch(
  rule: StoredRule,
  count: number,
  rules: readonly StoredRule[],
  depth: number,
): boolean {
  if (count < BATCH_MIN_RECORDS || !rule.actions.every(isBatchAction)) return false;
  if (depth > 0 || !rule.actions.some((action) => action.type === 'assign_owner')) return true;
  return !rules.some((other) => other.entity === rule.entity && other.trigger.type !== 'created');
}

export interface BatchOutcome {
  /** Per record, in order: what each action did (the run log's message parts). */
  messages: Map<number, string[]>;
  failure: { recordId: number; done: number; message: string } | null;
}

const VERBS: Record<BatchAction['type'], string> = {
  assign_owner: 'assign an owner',
  add_to_campaign: 'add the record to a campaign',
  notify: 'send a notification',
};

function userNames(db: Database, ids: Iterable<number>, cache: WriteCache): Map<number, string> {
  const missing = [...new Set(ids)].filter((id) => !cache.userNames.has(id));
  if (missing.length > 0) {
    for (const row of all(db, 'SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))', [
      JSON.stringify(missing),
    ]))
      cache.userNames.set(Number(row.id), String(row.name));
  }
  return cache.userNames;
}

/** Runs the rule's actions over `ids` (all exist and match its conditions), action by action. */
export function runActionsBatch(
  db: Database,
  rule: StoredRule,
  ids: readonly number[],
  now: string,
  cache: WriteCache,
): BatchOutcome {
  const messages = new Map<number, string[]>(ids.map((id) => [id, []]));
  const table = quoteIdentifier(ENTITY_TABLES[rule.entity]);
  const idsJson = jsonBytes(ids);
  for (const [done, action] of (rule.actions as BatchAction[]).entries()) {
    try {
      switch (action.type) {
        case 'assign_owner': {
          const members = teamMembers(db, cache, action.team);
          const owners = ids.map(() => roundRobinNext(rule, members));
          const stamped = one(db, "SELECT 1 AS ok FROM pragma_table_info(?) WHERE name = 'updated_at'", [
            ENTITY_TABLES[rule.entity],
          ]);
          const stamp = stamped ? ', updated_at = :now' : '';
          db.run(
            `UPDATE ${table} SET owner_id = json_extract(j.value, '$[1]')${stamp}
             FROM json_each(CAST(:pairs AS TEXT)) j WHERE ${table}.id = json_extract(j.value, '$[0]')`,
            {
              ':pairs': jsonBytes(ids.map((id, i) => [id, owners[i]])),
              ...(stamp ? { ':now': now } : {}),
            },
          );
          const names = userNames(db, owners, cache);
          ids.forEach((id, i) => messages.get(id)!.push(`owner → ${names.get(owners[i]!)!}`));
          break;
        }
        case 'add_to_campaign': {
          if (!one(db, 'SELECT 1 AS ok FROM campaigns WHERE id = ?', [action.campaignId]))
            throw new RecordFailure(ids[0]!, `campaign ${action.campaignId} does not exist`);
          const column = quoteIdentifier(`${rule.entity}_id`);
          // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
          const added = new Set(
            all(
              db,
              `INSERT INTO campaign_members (campaign_id, ${column}, created_at, updated_at)
               SELECT :campaign, j.value, :now, :now FROM json_each(CAST(:ids AS TEXT)) j WHERE true ORDER BY j.key
               ON CONFLICT DO NOTHING RETURNING ${column} AS id`,
              { ':campaign': action.campaignId, ':ids': idsJson, ':now': now },
            ).map((row) => Number(row.id)),
          );
          for (const id of ids)
            messages
              .get(id)!
              .push(
                added.has(id)
                  ? `added to campaign ${action.campaignId}`
                  : `already in campaign ${action.campaignId}`,
              );
          break;
        }
        case 'notify':
          notifyAll(db, rule, action, ids, idsJson, now, cache, messages);
          break;
      }
    } catch (error) {
      if (!(error instanceof ActionFailure)) throw error;
      const recordId = error instanceof RecordFailure ? error.recordId : ids[0]!;
      return {
        messages,
        failure: {
          recordId,
          done,
          message: `Rule “${rule.name}” could not ${VERBS[action.type]}: ${error.message}`,
        },
      };
    }
  }
  return { messages, failure: null };
}

class RecordFailure extends ActionFailure {
  constructor(
    readonly recordId: number,
    message: string,
  ) {
    super(message);
  }
}

function notifyAll(
  db: Database,
  rule: StoredRule,
  action: Extract<BatchAction, { type: 'notify' }>,
  ids: readonly number[],
  idsJson: Uint8Array,
  now: string,
  cache: WriteCache,
  messages: Map<number, string[]>,
): void {
  const table = quoteIdentifier(ENTITY_TABLES[rule.entity]);
  const def = entityDef(rule.entity);
  const titleColumn = quoteIdentifier(def.fields.find((f) => f.key === def.titleField)?.column ?? 'id');
  const recipient =
    action.recipient === 'user'
      ? ':user'
      : action.recipient === 'owner'
        ? 't.owner_id'
        : '(SELECT manager_id FROM users WHERE id = t.owner_id)';
  const params = { ':ids': idsJson, ...(action.recipient === 'user' ? { ':user': action.userId } : {}) };
  // The first record, in order, without someone to notify fails the write, as record by record would.
  const orphan = one(
    db,
    `SELECT t.id FROM json_each(CAST(:ids AS TEXT)) j JOIN ${table} t ON t.id = j.value
     WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = ${recipient}) ORDER BY j.key LIMIT 1`,
    params,
  );
  if (orphan)
    throw new RecordFailure(
      Number(orphan.id),
      action.recipient === 'manager'
        ? 'the owner has no manager to notify'
        : `there is no ${action.recipient} to notify`,
    );
  // recordTitle's rule in SQL: the title, or #id when it is empty.
  const rows = all(
    db,
    `INSERT INTO inbox_notifications (user_id, message, entity, record_id, rule_id, rule_name, created_at)
     SELECT ${recipient}, replace(:message, '{title}',
              CASE WHEN t.${titleColumn} IS NULL OR t.${titleColumn} = '' THEN '#' || t.id ELSE t.${titleColumn} END),
            :entity, t.id, :rule, :ruleName, :now
     FROM json_each(CAST(:ids AS TEXT)) j JOIN ${table} t ON t.id = j.value ORDER BY j.key
     RETURNING record_id, user_id`,
    {
      ...params,
      ':message': action.message,
      ':entity': rule.entity,
      ':rule': rule.id > 0 ? rule.id : null,
      ':ruleName': rule.name,
      ':now': now,
    },
  );
  const names = userNames(
    db,
    rows.map((row) => Number(row.user_id)),
    cache,
  );
  for (const row of rows)
    messages.get(Number(row.record_id))!.push(`${names.get(Number(row.user_id))!} notified`);
}
