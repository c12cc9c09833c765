/**
 * What a rule's actions do to the database, one function per action type. Each returns a description of
 * what it did and the workflow-entity records it changed (so the engine can run rules on those, one level
 * deep). A problem throws `ActionFailure` with the reason; the engine turns it into `workflow_failed`.
 */
import type { BindParams, Database, Statement } from 'sql.js';
import { DomainError } from '../../errors';
import { entityDef } from '../../entities/definitions';
import { definitionWithCustomFields, updateRecord } from '../../entities/records';
import { all, one, type Row } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import type { WorkflowAction, WorkflowEntity } from './api';
import type { StoredRule } from './rule-store';

export class ActionFailure extends Error {}

/** A record a rule or an action touched, with its column images before and after. */
export interface RecordEvent {
  entity: WorkflowEntity;
  id: number;
  before: Row | null;
  after: Row;
}

export interface ActionOutcome {
  message: string;
  events: RecordEvent[];
  changes: { table: string; op: 'insert' | 'update' | 'delete'; id: number }[];
}

/** Lookups one write repeats for every record (10,000 imported leads): made once per write. */
export interface WriteCache {
  teams: Map<string, number[]>;
  userNames: Map<number, string>;
  /** Prepared once, reset after each use, freed by `freeWriteCache` (sql.js leaks unfreed statements). */
  statements: Map<string, Statement>;
}

export const newWriteCache = (): WriteCache => ({
  teams: new Map(),
  userNames: new Map(),
  statements: new Map(),
});

export function freeWriteCache(cache: WriteCache): void {
  for (const statement of cache.statements.values()) statement.free();
  cache.statements.clear();
}

/** The first row of `sql` through the write's statement cache. */
export function cachedRow(db: Database, cache: WriteCache, sql: string, params: BindParams): Row | null {
  let statement = cache.statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.statements.set(sql, statement);
  }
  try {
    statement.bind(params);
    return statement.step() ? statement.getAsObject() : null;
  } finally {
    statement.reset();
  }
}

export interface ActionContext {
  db: Database;
  rule: StoredRule;
  entity: WorkflowEntity;
  record: Row;
  now: string;
  cache: WriteCache;
}

export const ENTITY_TABLES: Record<WorkflowEntity, string> = {
  customer: 'customers',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  order: 'orders',
  contract: 'contracts',
  case: 'cases',
  campaign: 'campaigns',
  activity: 'activities',
};

/** "Open" records per entity, for least-loaded assignment (SQL on alias t). */
const OPEN_RECORDS: Record<WorkflowEntity, string> = {
  customer: "t.stage <> 'lost'",
  contact: '1',
  lead: "t.status NOT IN ('converted', 'unqualified')",
  opportunity: 't.stage_id NOT IN (SELECT id FROM pipeline_stages WHERE is_won = 1 OR is_lost = 1)',
  order: "t.status NOT IN ('completed', 'cancelled')",
  contract: "t.status IN ('draft', 'active')",
  case: "t.status NOT IN ('resolved', 'closed')",
  campaign: "t.status IN ('planned', 'active')",
  activity: 't.done = 0',
};

/** The activities column linking to a record of `entity` (others link through their customer). */
const ACTIVITY_LINKS: Partial<Record<WorkflowEntity, string>> = {
  customer: 'customer_id',
  contact: 'contact_id',
  lead: 'lead_id',
  opportunity: 'opportunity_id',
  case: 'case_id',
};

export function readRow(db: Database, entity: WorkflowEntity, id: number, cache?: WriteCache): Row | null {
  const sql = `SELECT * FROM ${quoteIdentifier(ENTITY_TABLES[entity])} WHERE id = ?`;
  return cache ? cachedRow(db, cache, sql, [id]) : one(db, sql, [id]);
}

export function recordTitle(entity: WorkflowEntity, record: Row): string {
  const def = entityDef(entity);
  const column = def.fields.find((f) => f.key === def.titleField)?.column ?? 'id';
  const title = record[column];
  return title === null || title === undefined || title === '' ? `#${String(record.id)}` : String(title);
}

const fill = (template: string, context: ActionContext) =>
  template.replaceAll('{title}', recordTitle(context.entity, context.record));

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

function userName(context: ActionContext, id: number): string {
  let name = context.cache.userNames.get(id);
  if (name === undefined) {
    name = String(one(context.db, 'SELECT name FROM users WHERE id = ?', [id])?.name ?? `#${id}`);
    context.cache.userNames.set(id, name);
  }
  return name;
}

/** Updates fields of the context's record through the records layer (validation and the entity's rules). */
function updateFields(context: ActionContext, input: Record<string, unknown>): RecordEvent {
  const { db, entity, record, now } = context;
  const id = Number(record.id);
  try {
    updateRecord(db, definitionWithCustomFields(db, entity), id, input, now, true);
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = Object.entries(error.fields ?? {}).map(([key, code]) => `${key}: ${String(code)}`);
      throw new ActionFailure(fields.length > 0 ? `${error.message} (${fields.join(', ')})` : error.message);
    }
    throw error;
  }
  const after = readRow(db, entity, id)!;
  context.record = after;
  return { entity, id, before: record, after };
}

function insertActivity(
  context: ActionContext,
  values: { type: string; subject: string; dueAt: string | null; done: boolean },
): ActionOutcome {
  const { db, entity, record, now } = context;
  const link = ACTIVITY_LINKS[entity];
  const columns: Record<string, string | number | null> = {
    type: values.type,
    subject: fill(values.subject, context).slice(0, 200),
    due_at: values.dueAt,
    done: values.done ? 1 : 0,
    done_at: values.done ? now : null,
    owner_id: record.owner_id === undefined ? null : (record.owner_id as number | null),
    created_at: now,
    updated_at: now,
  };
  if (link) columns[link] = Number(record.id);
  else if (record.customer_id !== undefined) columns.customer_id = record.customer_id as number | null;
  if (entity === 'opportunity' || entity === 'case' || entity === 'contact')
    columns.customer_id = (record.customer_id as number | null) ?? null;
  const names = Object.keys(columns);
  const row = cachedRow(
    db,
    context.cache,
    `INSERT INTO activities (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING *`,
    names.map((name) => columns[name] ?? null),
  )!;
  const id = Number(row.id);
  const what = values.done
    ? `${values.type} “${String(row.subject)}” logged`
    : `task “${String(row.subject)}”`;
  return {
    message: values.dueAt ? `${what} due ${values.dueAt.slice(0, 10)}` : what,
    events: [{ entity: 'activity', id, before: null, after: row }],
    changes: [{ table: 'activities', op: 'insert', id }],
  };
}

/** Active members of `team` by id, read once per write. */
export function teamMembers(db: Database, cache: WriteCache, team: string): number[] {
  let members = cache.teams.get(team);
  if (!members) {
    members = all(db, 'SELECT id FROM users WHERE team = ? AND active = 1 ORDER BY id', [team]).map((row) =>
      Number(row.id),
    );
    cache.teams.set(team, members);
  }
  if (members.length === 0) throw new ActionFailure(`team “${team}” has no active members`);
  return members;
}

/** The next member in turn after the rule's last assignee (the pointer is saved once per write). */
export function roundRobinNext(rule: StoredRule, members: readonly number[]): number {
  const next = members.find((id) => id > (rule.lastAssigneeId ?? 0)) ?? members[0]!;
  rule.lastAssigneeId = next;
  return next;
}

function chooseAssignee(
  context: ActionContext,
  method: 'round_robin' | 'least_loaded',
  team: string,
): number {
  const { db, entity, rule, cache } = context;
  const members = teamMembers(db, cache, team);
  if (method === 'round_robin') return roundRobinNext(rule, members);
  const table = quoteIdentifier(ENTITY_TABLES[entity]);
  const loads = all(
    db,
    `SELECT u.value AS id, (SELECT count(*) FROM ${table} t WHERE t.owner_id = u.value AND ${OPEN_RECORDS[entity]}) AS n
     FROM json_each(?) u ORDER BY n, u.value LIMIT 1`,
    [JSON.stringify(members)],
  );
  return Number(loads[0]!.id);
}

function managerOf(db: Database, userId: number | null): number | null {
  if (userId === null) return null;
  const row = one(db, 'SELECT manager_id FROM users WHERE id = ?', [userId]);
  return row?.manager_id === null || row?.manager_id === undefined ? null : Number(row.manager_id);
}

const ownerOf = (record: Row) =>
  record.owner_id === null || record.owner_id === undefined ? null : Number(record.owner_id);

const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'];

export function runAction(context: ActionContext, action: WorkflowAction): ActionOutcome {
  const { db, entity, now, rule } = context;
  const table = ENTITY_TABLES[entity];
  const updated = (event: RecordEvent, message: string): ActionOutcome => ({
    message,
    events: [event],
    changes: [{ table, op: 'update', id: event.id }],
  });
  switch (action.type) {
    case 'set_field':
      return updated(
        updateFields(context, { [action.field]: action.value }),
        `${action.field} → ${String(action.value)}`,
      );
    case 'assign_owner': {
      // The owner is an active user just read, and no entity rule depends on it: one statement, not the
      // whole records layer (an import assigns thousands).
      const owner = chooseAssignee(context, action.method, action.team);
      const id = Number(context.record.id);
      const stamp = Object.hasOwn(context.record, 'updated_at') ? ', updated_at = :now' : '';
      const after = cachedRow(
        db,
        context.cache,
        `UPDATE ${quoteIdentifier(table)} SET owner_id = :owner${stamp} WHERE id = :id RETURNING *`,
        stamp ? { ':owner': owner, ':now': now, ':id': id } : { ':owner': owner, ':id': id },
      )!;
      const before = context.record;
      context.record = after;
      return updated({ entity, id, before, after }, `owner → ${userName(context, owner)}`);
    }
    case 'create_task':
      return insertActivity(context, {
        type: 'task',
        subject: action.subject,
        dueAt: addDays(now, action.dueOffsetDays),
        done: false,
      });
    case 'log_activity':
      return insertActivity(context, {
        type: action.activityType,
        subject: action.subject,
        dueAt: null,
        done: true,
      });
    case 'add_to_campaign': {
      if (!cachedRow(db, context.cache, 'SELECT 1 FROM campaigns WHERE id = ?', [action.campaignId]))
        throw new ActionFailure(`campaign ${action.campaignId} does not exist`);
      const column = `${entity}_id`;
      const member = cachedRow(
        db,
        context.cache,
        `INSERT INTO campaign_members (campaign_id, ${column}, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING id`,
        [action.campaignId, Number(context.record.id), now, now],
      );
      return {
        message: member
          ? `added to campaign ${action.campaignId}`
          : `already in campaign ${action.campaignId}`,
        events: [],
        changes: member ? [{ table: 'campaign_members', op: 'insert', id: Number(member.id) }] : [],
      };
    }
    case 'notify': {
      const owner = ownerOf(context.record);
      const recipient =
        action.recipient === 'user'
          ? Number(action.userId)
          : action.recipient === 'owner'
            ? owner
            : managerOf(db, owner);
      if (
        recipient === null ||
        !cachedRow(db, context.cache, 'SELECT 1 FROM users WHERE id = ?', [recipient])
      )
        throw new ActionFailure(
          action.recipient === 'manager'
            ? 'the owner has no manager to notify'
            : `there is no ${action.recipient} to notify`,
        );
      const row = cachedRow(
        db,
        context.cache,
        `INSERT INTO inbox_notifications (user_id, message, entity, record_id, rule_id, rule_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          recipient,
          fill(action.message, context),
          entity,
          Number(context.record.id),
          rule.id > 0 ? rule.id : null,
          rule.name,
          now,
        ],
      )!;
      return {
        message: `${userName(context, recipient)} notified`,
        events: [],
        changes: [{ table: 'inbox_notifications', op: 'insert', id: Number(row.id) }],
      };
    }
    case 'escalate_case': {
      if (entity !== 'case') throw new ActionFailure('only a case can be escalated');
      const priority = String(context.record.priority);
      const raised =
        CASE_PRIORITIES[Math.min(CASE_PRIORITIES.indexOf(priority) + 1, CASE_PRIORITIES.length - 1)]!;
      const manager = managerOf(db, ownerOf(context.record));
      const input: Record<string, unknown> = { priority: raised };
      if (manager !== null) input.ownerId = manager;
      const event = updateFields(context, input);
      return updated(
        event,
        manager !== null
          ? `priority → ${raised}, owner → ${userName(context, manager)}`
          : `priority → ${raised} (the owner has no manager)`,
      );
    }
  }
}

/** `NOT EXISTS` activity on the record (the "nobody has followed up yet" condition), alias t. */
export function noActivityTerm(entity: WorkflowEntity): string | null {
  const link = ACTIVITY_LINKS[entity];
  return link ? `NOT EXISTS (SELECT 1 FROM activities a WHERE a.${link} = t.id)` : null;
}
