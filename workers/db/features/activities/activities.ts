/**
 * Activities (calls, meetings, e-mails, notes, tasks): logging one, ticking it done, the calendar's range
 * query and a user's overdue / due-today list. Each query is shaped for an index of 001-initial-service.sql:
 * the calendar for idx_activities_owner_done_due (or idx_activities_done_due for everyone), "my tasks" for
 * idx_activities_owner_done_due with done = 0.
 */
import type { Database, SqlValue } from 'sql.js';
import type { FieldErrors } from '../../contract';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import {
  ACTIVITY_TYPES,
  type Activity,
  type ActivityType,
  type CalendarPage,
  type CalendarQuery,
  type MyTasks,
} from './api';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;
/** More than a month grid can show legibly; the calendar says when it was cut. */
export const CALENDAR_LIMIT = 2000;
export const OVERDUE_LIMIT = 500;

const SELECT = `SELECT a.id, a.type, a.subject, a.body, a.due_at, a.done, a.done_at, a.customer_id,
  c.name AS customer_name, a.contact_id, a.owner_id, u.name AS owner_name, a.created_at
  FROM activities a LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN users u ON u.id = a.owner_id`;

function toActivity(row: Row): Activity {
  const id = (value: SqlValue | undefined) => (value === null || value === undefined ? null : Number(value));
  const text = (value: SqlValue | undefined) =>
    value === null || value === undefined ? null : String(value);
  return {
    id: Number(row.id),
    type: row.type as ActivityType,
    subject: String(row.subject),
    body: String(row.body),
    dueAt: text(row.due_at),
    done: Number(row.done) === 1,
    doneAt: text(row.done_at),
    customerId: id(row.customer_id),
    customerName: text(row.customer_name),
    contactId: id(row.contact_id),
    ownerId: id(row.owner_id),
    ownerName: text(row.owner_name),
    createdAt: String(row.created_at),
  };
}

export function getActivity(db: Database, id: number): Activity | null {
  const row = one(db, `${SELECT} WHERE a.id = ?`, [id]);
  return row ? toActivity(row) : null;
}

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** An ISO-8601 date-time with an explicit zone (Z or ±hh:mm), normalised to UTC; null if not one. */
export function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The records an activity may point at, each with its existence check. */
const REFERENCES = {
  customerId: 'SELECT 1 FROM customers WHERE id = ?',
  contactId: 'SELECT 1 FROM contacts WHERE id = ?',
  opportunityId: 'SELECT 1 FROM opportunities WHERE id = ?',
  leadId: 'SELECT 1 FROM leads WHERE id = ?',
  caseId: 'SELECT 1 FROM cases WHERE id = ?',
  ownerId: 'SELECT 1 FROM users WHERE id = ?',
} as const;

interface CleanActivity {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: string | null;
  done: boolean;
  refs: Record<keyof typeof REFERENCES, number | null>;
}

/** Checks what the form sent: one field error per offending field, references that exist. */
export function validateActivity(db: Database, input: unknown, actorId: number | null): CleanActivity {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const fields: FieldErrors = {};
  const type = record.type as ActivityType;
  if (type === undefined || type === null || (type as string) === '') fields.type = 'required';
  else if (!ACTIVITY_TYPES.includes(type)) fields.type = 'invalid_choice';

  const subject = typeof record.subject === 'string' ? record.subject.trim() : '';
  if (subject === '') fields.subject = 'required';
  else if ([...subject].length > SUBJECT_MAX) fields.subject = 'too_long';

  const rawBody = record.body ?? '';
  const body = typeof rawBody === 'string' ? rawBody.trim() : '';
  if (typeof rawBody !== 'string') fields.body = 'invalid_choice';
  else if ([...body].length > BODY_MAX) fields.body = 'too_long';

  let dueAt: string | null = null;
  if (record.dueAt !== undefined && record.dueAt !== null && record.dueAt !== '') {
    dueAt = isoInstant(record.dueAt);
    if (dueAt === null) fields.dueAt = 'invalid_date';
  }

  if (record.done !== undefined && typeof record.done !== 'boolean') fields.done = 'invalid_choice';

  const refs = {} as CleanActivity['refs'];
  for (const [key, exists] of Object.entries(REFERENCES) as [keyof typeof REFERENCES, string][]) {
    const raw = record[key] ?? (key === 'ownerId' ? actorId : null);
    refs[key] = null;
    if (raw === null || raw === undefined) continue;
    if (!isId(raw)) fields[key] = 'invalid_choice';
    else if (!one(db, exists, [raw])) fields[key] = 'not_found';
    else refs[key] = raw;
  }
  // A contact of another customer would show this activity on the wrong timeline.
  if (refs.contactId !== null && refs.customerId !== null && fields.contactId === undefined) {
    const owner = one(db, 'SELECT customer_id FROM contacts WHERE id = ?', [refs.contactId]);
    if (Number(owner?.customer_id) !== refs.customerId) fields.contactId = 'invalid_choice';
  }

  if (Object.keys(fields).length > 0) {
    const names = Object.keys(fields).join(', ');
    throw new DomainError('validation', `The activity cannot be saved: check ${names}.`, fields);
  }
  const happened = type === 'call' || type === 'email' || type === 'note';
  return {
    type,
    subject,
    body,
    dueAt,
    done: typeof record.done === 'boolean' ? record.done : happened,
    refs,
  };
}

export function logActivity(db: Database, input: unknown, actorId: number | null, now: string): Activity {
  const v = validateActivity(db, input, actorId);
  const happened = v.type === 'call' || v.type === 'email' || v.type === 'note';
  // What happened without a stated time happened now; a plan without a time stays undated.
  const dueAt = v.dueAt ?? (happened ? now : null);
  const row = one(
    db,
    `INSERT INTO activities (type, subject, body, due_at, done, done_at, customer_id, contact_id,
       opportunity_id, lead_id, case_id, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      v.type,
      v.subject,
      v.body,
      dueAt,
      v.done ? 1 : 0,
      v.done ? now : null,
      v.refs.customerId,
      v.refs.contactId,
      v.refs.opportunityId,
      v.refs.leadId,
      v.refs.caseId,
      v.refs.ownerId,
      now,
      now,
    ],
  );
  return getActivity(db, Number(row?.id))!;
}

export function setActivityDone(db: Database, id: unknown, done: unknown, now: string): Activity {
  if (!isId(id)) throw new DomainError('validation', 'An activity id is a positive whole number.');
  if (typeof done !== 'boolean') {
    throw new DomainError('validation', 'Done is true or false.', { done: 'invalid_choice' });
  }
  if (!one(db, 'SELECT 1 FROM activities WHERE id = ?', [id])) {
    throw new DomainError('not_found', `activity ${id} does not exist`);
  }
  // Only a real change is written: ticking a done activity again keeps its done time and makes no history.
  run(
    db,
    `UPDATE activities SET done = ?, done_at = CASE WHEN ? THEN ? END, updated_at = ?
     WHERE id = ? AND done <> ?`,
    [done ? 1 : 0, done ? 1 : 0, now, now, id, done ? 1 : 0],
  );
  return getActivity(db, id)!;
}

function ownerFilter(ownerIds: unknown): number[] | null {
  if (ownerIds === null || ownerIds === undefined) return null;
  if (!Array.isArray(ownerIds) || !ownerIds.every(isId) || ownerIds.length > 1000) {
    throw new DomainError('validation', 'Owners are a list of user ids, or null for everyone.', {
      ownerIds: 'invalid_choice',
    });
  }
  return ownerIds;
}

export function calendar(db: Database, query: CalendarQuery, limit = CALENDAR_LIMIT): CalendarPage {
  const from = isoInstant(query?.from);
  const to = isoInstant(query?.to);
  const fields: FieldErrors = {};
  if (!from) fields.from = 'invalid_date';
  if (!to) fields.to = 'invalid_date';
  if (from && to && from >= to) fields.to = 'invalid_date';
  if (Object.keys(fields).length > 0) {
    throw new DomainError('validation', 'The calendar range needs two ISO instants, from before to.', fields);
  }
  const owners = ownerFilter(query.ownerIds);
  // `done IN (0, 1)` lets SQLite seek both halves of the (owner, done, due) and (done, due) indexes.
  const ownerTerm = owners ? `a.owner_id IN (${owners.map(() => '?').join(', ')}) AND ` : '';
  const rows = all(
    db,
    `${SELECT} WHERE ${ownerTerm}a.done IN (0, 1) AND a.due_at >= ? AND a.due_at < ?
       AND a.type IN ('task', 'meeting')
     ORDER BY a.due_at, a.id LIMIT ?`,
    [...(owners ?? []), from, to, limit + 1],
  );
  return { events: rows.slice(0, limit).map(toActivity), truncated: rows.length > limit };
}

/** Local midnight of a `YYYY-MM-DD` date and of the next day, as UTC instants. */
export function localDayBounds(day: unknown): { start: string; end: string } | null {
  if (typeof day !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const start = new Date(year, month, date);
  if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== date) return null;
  return { start: start.toISOString(), end: new Date(year, month, date + 1).toISOString() };
}

export function myTasks(db: Database, ownerId: unknown, today: unknown): MyTasks {
  if (!isId(ownerId)) {
    throw new DomainError('validation', 'Choose whose tasks to show.', { ownerId: 'required' });
  }
  const bounds = localDayBounds(today);
  if (!bounds) {
    throw new DomainError('validation', 'Today is a calendar date (YYYY-MM-DD).', { today: 'invalid_date' });
  }
  const overdue = all(
    db,
    `${SELECT} WHERE a.owner_id = ? AND a.done = 0 AND a.due_at < ? ORDER BY a.due_at, a.id LIMIT ?`,
    [ownerId, bounds.start, OVERDUE_LIMIT],
  ).map(toActivity);
  const overdueTotal =
    overdue.length < OVERDUE_LIMIT
      ? overdue.length
      : Number(
          one(db, 'SELECT count(*) AS n FROM activities WHERE owner_id = ? AND done = 0 AND due_at < ?', [
            ownerId,
            bounds.start,
          ])?.n ?? 0,
        );
  const today_ = all(
    db,
    `${SELECT} WHERE a.owner_id = ? AND a.done IN (0, 1) AND a.due_at >= ? AND a.due_at < ?
     ORDER BY a.due_at, a.id`,
    [ownerId, bounds.start, bounds.end],
  ).map(toActivity);
  return { overdue, today: today_, overdueTotal };
}
