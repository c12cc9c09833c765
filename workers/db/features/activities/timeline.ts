/**
 * A customer's timeline: everything that touched it — activities, contacts, opportunities, orders,
 * contracts, cases, campaign memberships, relationships (both directions) and changes of its own fields
 * from the audit log — newest first, a page at a time.
 *
 * One UNION ALL with one ORDER BY: SQLite merges compound selects ordered by the same key, pulling rows from
 * each part only as the merge needs them, so every part should deliver its rows already in order from a
 * `customer_id`-leading index (orders through idx_orders_customer_date, changes through idx_audit_log_row).
 * A customer with thousands of orders therefore costs a page, not a sort of all of them.
 *
 * Paging is by cursor, not offset: (at, kind rank, row id) is unique and totally ordered, so the next page
 * starts strictly after the last event shown — no gaps or repeats when rows are added meanwhile.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { all, type Row } from '../../repositories/sql';
import {
  TIMELINE_KINDS,
  type ActivityType,
  type FieldChange,
  type TimelineEvent,
  type TimelineKind,
  type TimelineLink,
  type TimelinePage,
  type TimelineQuery,
} from './api';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
const DETAIL_CHARS = 300;

/**
 * Each part's SELECT, all with the same columns. `:at/:rank/:id` are the cursor; the `at <= :at` term is
 * separate so SQLite can use it as the index range. Fixed text only: the kinds a caller picks choose among
 * these, nothing of the input is ever spliced in.
 */
const after = (at: string, rank: number, id: string) =>
  `${at} <= :at AND (${at} < :at OR ${rank} < :rank OR (${rank} = :rank AND ${id} < :id))`;

interface Part {
  kind: TimelineKind;
  sql: string;
}

const COLUMNS = [
  'rank',
  'row_id',
  'at',
  'title',
  'detail',
  'status',
  'amount',
  'currency',
  'link_id',
  'who_id',
  'done',
  'due_at',
  'before_json',
  'after_json',
] as const;
type Column = (typeof COLUMNS)[number];

/** `SELECT <expr> AS <column>, …` in the shared column order (unset columns are NULL). */
function select(values: Partial<Record<Column, string>>): string {
  return `SELECT ${COLUMNS.map((column) => `${values[column] ?? 'NULL'} AS ${column}`).join(', ')}`;
}

const PARTS: Part[] = [
  {
    // Dated activities come in due order straight from idx_activities_customer_due; the few undated ones
    // (a task without a due time) are placed at their creation.
    kind: 'activity',
    sql: `${select({
      rank: '1',
      row_id: 'a.id',
      at: 'a.due_at',
      title: 'a.subject',
      detail: `substr(a.body, 1, ${DETAIL_CHARS})`,
      status: 'a.type',
      link_id: 'a.id',
      who_id: 'a.owner_id',
      done: 'a.done',
      due_at: 'a.due_at',
    })}
      FROM activities a
      WHERE a.customer_id = :customer AND a.due_at IS NOT NULL AND ${after('a.due_at', 1, 'a.id')}
      UNION ALL
      ${select({
        rank: '1',
        row_id: 'a.id',
        at: 'a.created_at',
        title: 'a.subject',
        detail: `substr(a.body, 1, ${DETAIL_CHARS})`,
        status: 'a.type',
        link_id: 'a.id',
        who_id: 'a.owner_id',
        done: 'a.done',
        due_at: 'NULL',
      })}
      FROM activities a
      WHERE a.customer_id = :customer AND a.due_at IS NULL AND ${after('a.created_at', 1, 'a.id')}`,
  },
  {
    kind: 'contact',
    sql: `${select({
      rank: '2',
      row_id: 'k.id',
      at: 'k.created_at',
      title: 'k.name',
      detail: 'k.title',
      status: "CASE k.is_primary WHEN 1 THEN 'primary' END",
      link_id: 'k.id',
    })}
      FROM contacts k
      WHERE k.customer_id = :customer AND ${after('k.created_at', 2, 'k.id')}`,
  },
  {
    kind: 'opportunity',
    sql: `${select({
      rank: '3',
      row_id: 'o.id',
      at: 'o.created_at',
      title: 'o.name',
      detail: "coalesce(s.name, '')",
      status: "CASE WHEN s.code IS NOT NULL THEN 'stage:' || s.code END",
      amount: 'o.amount_minor',
      currency: 'o.currency',
      link_id: 'o.id',
      who_id: 'o.owner_id',
    })}
      FROM opportunities o LEFT JOIN pipeline_stages s ON s.id = o.stage_id
      WHERE o.customer_id = :customer AND ${after('o.created_at', 3, 'o.id')}`,
  },
  {
    kind: 'order',
    sql: `${select({
      rank: '4',
      row_id: 'r.id',
      at: 'r.order_date',
      title: "coalesce(r.order_no, '')",
      detail: `substr(r.notes, 1, ${DETAIL_CHARS})`,
      status: 'r.status',
      amount: 'r.total_minor',
      currency: 'r.currency',
      link_id: 'r.id',
      who_id: 'r.owner_id',
    })}
      FROM orders r
      WHERE r.customer_id = :customer AND ${after('r.order_date', 4, 'r.id')}`,
  },
  {
    kind: 'contract',
    sql: `${select({
      rank: '5',
      row_id: 't.id',
      at: 't.start_date',
      title: "CASE WHEN t.title <> '' THEN t.title ELSE coalesce(t.contract_no, '') END",
      detail: `substr(t.notes, 1, ${DETAIL_CHARS})`,
      status: 't.status',
      amount: 't.amount_minor',
      currency: 't.currency',
      link_id: 't.id',
      who_id: 't.owner_id',
    })}
      FROM contracts t
      WHERE t.customer_id = :customer AND ${after('t.start_date', 5, 't.id')}`,
  },
  {
    kind: 'case',
    sql: `${select({
      rank: '6',
      row_id: 's.id',
      at: 's.created_at',
      title: 's.subject',
      detail: `substr(s.description, 1, ${DETAIL_CHARS})`,
      status: 's.status',
      link_id: 's.id',
      who_id: 's.owner_id',
    })}
      FROM cases s
      WHERE s.customer_id = :customer AND ${after('s.created_at', 6, 's.id')}`,
  },
  {
    kind: 'campaign',
    sql: `${select({
      rank: '7',
      row_id: 'm.id',
      at: 'm.created_at',
      title: 'g.name',
      status: 'm.response',
      link_id: 'g.id',
      who_id: 'g.owner_id',
    })}
      FROM campaign_members m JOIN campaigns g ON g.id = m.campaign_id
      WHERE m.customer_id = :customer AND ${after('m.created_at', 7, 'm.id')}`,
  },
  {
    // This customer's view of another ("regards them as a client"), then others' view of this one.
    kind: 'relationship',
    sql: `${select({
      rank: '8',
      row_id: 'l.id',
      at: 'l.created_at',
      title: 'c.name',
      detail: `substr(l.notes, 1, ${DETAIL_CHARS})`,
      status: 'l.type',
      link_id: 'l.related_customer_id',
    })}
      FROM customer_relationships l JOIN customers c ON c.id = l.related_customer_id
      WHERE l.customer_id = :customer AND ${after('l.created_at', 8, 'l.id')}
      UNION ALL
      ${select({
        rank: '8',
        row_id: 'l.id',
        at: 'l.created_at',
        title: 'c.name',
        detail: `substr(l.notes, 1, ${DETAIL_CHARS})`,
        status: "l.type || ':in'",
        link_id: 'l.customer_id',
      })}
      FROM customer_relationships l JOIN customers c ON c.id = l.customer_id
      WHERE l.related_customer_id = :customer AND ${after('l.created_at', 8, 'l.id')}`,
  },
  {
    kind: 'change',
    sql: `${select({
      rank: '9',
      row_id: 'h.id',
      at: 'h.at',
      title: "''",
      detail: "''",
      status: 'h.action',
      who_id: 'h.user_id',
      before_json: 'h.before_json',
      after_json: 'h.after_json',
    })}
      FROM audit_log h
      WHERE h.table_name = 'customers' AND h.row_id = :customer AND h.action IN ('insert', 'update')
        AND ${after('h.at', 9, 'h.id')}`,
  },
];

const KIND_BY_RANK = new Map(PARTS.map((part, index) => [index + 1, part.kind]));

const LINK_ENTITY: Record<TimelineKind, TimelineLink['entity']> = {
  activity: 'activity',
  contact: 'contact',
  opportunity: 'opportunity',
  order: 'order',
  contract: 'contract',
  case: 'case',
  campaign: 'campaign',
  relationship: 'customer',
  change: 'customer', // never used: a change has no link (it is about the page it is shown on)
};

/** Above any ISO date or instant, so the first page starts at the newest event. */
const NEWEST = { at: '\uffff', rank: 99, id: Number.MAX_SAFE_INTEGER };

function encodeCursor(at: string, rank: number, id: number): string {
  return JSON.stringify([at, rank, id]);
}

function decodeCursor(cursor: unknown): { at: string; rank: number; id: number } {
  if (cursor === undefined || cursor === null || cursor === '') return NEWEST;
  try {
    const value: unknown = typeof cursor === 'string' ? JSON.parse(cursor) : null;
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'string' &&
      Number.isSafeInteger(value[1]) &&
      Number.isSafeInteger(value[2])
    ) {
      return { at: value[0], rank: value[1] as number, id: value[2] as number };
    }
  } catch {
    // falls through to the error below
  }
  throw new DomainError('validation', 'The timeline cursor is not one this app handed out.', {
    before: 'invalid_choice',
  });
}

function parseImage(json: SqlValue | undefined): Record<string, SqlValue> {
  if (typeof json !== 'string') return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, SqlValue>) : {};
  } catch {
    return {};
  }
}

const asText = (value: SqlValue | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

/** The audit row's changed columns; owner ids become names (a removed user stays as its number). */
function fieldChanges(db: Database, row: Row, userNames: Map<number, string>): FieldChange[] {
  const before = parseImage(row.before_json);
  const after = parseImage(row.after_json);
  const ownerName = (value: SqlValue | undefined) => {
    if (value === null || value === undefined) return null;
    const id = Number(value);
    if (!userNames.has(id)) {
      const found = all(db, 'SELECT name FROM users WHERE id = ?', [id])[0];
      userNames.set(id, found ? String(found.name) : `#${id}`);
    }
    return userNames.get(id)!;
  };
  return Object.keys(after).map((field) =>
    field === 'owner_id'
      ? { field, before: ownerName(before[field]), after: ownerName(after[field]) }
      : { field, before: asText(before[field]), after: asText(after[field]) },
  );
}

function validKinds(kinds: unknown): Set<TimelineKind> {
  if (kinds === undefined || kinds === null) return new Set(TIMELINE_KINDS);
  if (!Array.isArray(kinds) || !kinds.every((k) => TIMELINE_KINDS.includes(k as TimelineKind))) {
    throw new DomainError('validation', `Timeline kinds are some of: ${TIMELINE_KINDS.join(', ')}.`, {
      kinds: 'invalid_choice',
    });
  }
  return new Set(kinds as TimelineKind[]);
}

export function customerTimeline(db: Database, customerId: unknown, query: TimelineQuery = {}): TimelinePage {
  if (!(typeof customerId === 'number' && Number.isSafeInteger(customerId) && customerId > 0)) {
    throw new DomainError('validation', 'A customer id is a positive whole number.');
  }
  if (all(db, 'SELECT 1 FROM customers WHERE id = ?', [customerId]).length === 0) {
    throw new DomainError('not_found', `customer ${customerId} does not exist`);
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new DomainError('validation', `A timeline page has 1 to ${MAX_PAGE} events.`, {
      limit: 'invalid_choice',
    });
  }
  const kinds = validKinds(query.kinds);
  const parts = PARTS.filter((part) => kinds.has(part.kind));
  if (parts.length === 0) return { events: [], next: null };
  const cursor = decodeCursor(query.before);
  const rows = all(
    db,
    `${parts.map((part) => part.sql).join('\nUNION ALL\n')}
     ORDER BY at DESC, rank DESC, row_id DESC LIMIT :limit`,
    {
      ':customer': customerId,
      ':at': cursor.at,
      ':rank': cursor.rank,
      ':id': cursor.id,
      ':limit': limit + 1,
    },
  );

  const userNames = new Map<number, string>();
  const whoIds = [
    ...new Set(rows.map((row) => row.who_id).filter((id): id is number => typeof id === 'number')),
  ];
  if (whoIds.length > 0) {
    for (const user of all(
      db,
      `SELECT id, name FROM users WHERE id IN (${whoIds.map(() => '?').join(', ')})`,
      whoIds,
    ))
      userNames.set(Number(user.id), String(user.name));
  }

  const events = rows.slice(0, limit).map((row): TimelineEvent => {
    const rank = Number(row.rank);
    const kind = KIND_BY_RANK.get(rank)!;
    const id = Number(row.row_id);
    const at = String(row.at);
    const whoId = row.who_id === null ? null : Number(row.who_id);
    return {
      key: `${kind}:${id}`,
      kind,
      at,
      title: String(row.title ?? ''),
      detail: String(row.detail ?? ''),
      status: asText(row.status),
      amount:
        row.amount === null ? null : { minor: Number(row.amount), currency: String(row.currency ?? 'CNY') },
      link: row.link_id === null ? null : { entity: LINK_ENTITY[kind], id: Number(row.link_id) },
      who: whoId === null ? null : (userNames.get(whoId) ?? null),
      activity:
        kind === 'activity'
          ? {
              id,
              type: row.status as ActivityType,
              done: Number(row.done) === 1,
              dueAt: asText(row.due_at),
            }
          : null,
      changes: kind === 'change' ? fieldChanges(db, row, userNames) : null,
      cursor: encodeCursor(at, rank, id),
    };
  });
  return { events, next: rows.length > limit ? events[events.length - 1]!.cursor : null };
}
