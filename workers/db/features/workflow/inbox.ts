/** The in-app inbox `notify` actions fill, and the log of rule runs. */
import type { Database } from 'sql.js';
import { all, one, run, type Row } from '../../repositories/sql';
import type {
  InboxNotification,
  InboxPage,
  InboxQuery,
  WorkflowEntity,
  WorkflowRun,
  WorkflowRunPage,
  WorkflowRunQuery,
} from './api';
import type { RunRecord } from './engine';

const pageSize = (limit: unknown) =>
  Math.min(Math.max(Number.isSafeInteger(limit) ? Number(limit) : 50, 1), 500);
const start = (offset: unknown) => Math.max(Number.isSafeInteger(offset) ? Number(offset) : 0, 0);

const toNotification = (row: Row): InboxNotification => ({
  id: Number(row.id),
  userId: Number(row.user_id),
  message: String(row.message),
  entity: row.entity === null ? null : (String(row.entity) as WorkflowEntity),
  recordId: row.record_id === null ? null : Number(row.record_id),
  ruleId: row.rule_id === null ? null : Number(row.rule_id),
  ruleName: String(row.rule_name),
  createdAt: String(row.created_at),
  readAt: row.read_at === null ? null : String(row.read_at),
});

export function unreadCount(db: Database, userId: number | null): number {
  if (userId === null) return 0;
  return Number(
    one(db, 'SELECT count(*) AS n FROM inbox_notifications WHERE user_id = ? AND read_at IS NULL', [userId])
      ?.n ?? 0,
  );
}

export function listInbox(db: Database, userId: number | null, query: InboxQuery): InboxPage {
  const offset = start(query.offset);
  if (userId === null) return { rows: [], total: 0, unread: 0, offset };
  const where = `user_id = ?${query.unreadOnly ? ' AND read_at IS NULL' : ''}`;
  const rows = all(
    db,
    `SELECT * FROM inbox_notifications WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [userId, pageSize(query.limit), offset],
  ).map(toNotification);
  const total = Number(
    one(db, `SELECT count(*) AS n FROM inbox_notifications WHERE ${where}`, [userId])?.n ?? 0,
  );
  return { rows, total, unread: unreadCount(db, userId), offset };
}

export function markRead(
  db: Database,
  userId: number | null,
  ids: number[] | null,
  read: boolean,
  now: string,
): number {
  if (userId === null) return 0;
  const set = read ? 'read_at = coalesce(read_at, ?)' : 'read_at = NULL';
  const params = read ? [now, userId] : [userId];
  if (ids === null) return run(db, `UPDATE inbox_notifications SET ${set} WHERE user_id = ?`, params);
  return run(
    db,
    `UPDATE inbox_notifications SET ${set} WHERE user_id = ? AND id IN (SELECT value FROM json_each(?))`,
    [...params, JSON.stringify(ids.filter(Number.isSafeInteger))],
  );
}

const toRun = (row: Row): WorkflowRun => ({
  id: Number(row.id),
  ruleId: row.rule_id === null ? null : Number(row.rule_id),
  ruleName: String(row.rule_name),
  entity: String(row.entity) as WorkflowEntity,
  recordId: Number(row.record_id),
  trigger: String(row.trigger_type) as WorkflowRun['trigger'],
  actionsDone: Number(row.actions_done),
  result: row.result === 'failed' ? 'failed' : 'ok',
  message: String(row.message),
  at: String(row.at),
});

/** Logged runs, newest first; failed runs not yet logged (this tab's memory) come first, with id 0. */
export function listRuns(
  db: Database,
  query: WorkflowRunQuery,
  pending: readonly RunRecord[],
): WorkflowRunPage {
  const offset = start(query.offset);
  const ruleId = query.ruleId ?? null;
  const where = ruleId === null ? '' : 'WHERE rule_id = ?';
  const params = ruleId === null ? [] : [ruleId];
  const unlogged = pending
    .filter((r) => ruleId === null || r.ruleId === ruleId)
    .map((r) => ({ ...r, id: 0 }))
    .reverse();
  const limit = pageSize(query.limit);
  const fromMemory = unlogged.slice(offset, offset + limit);
  const rows = all(db, `SELECT * FROM workflow_runs ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, [
    ...params,
    limit - fromMemory.length,
    Math.max(offset - unlogged.length, 0),
  ]).map(toRun);
  const total =
    Number(one(db, `SELECT count(*) AS n FROM workflow_runs ${where}`, params)?.n ?? 0) + unlogged.length;
  return { rows: [...fromMemory, ...rows], total, offset };
}
