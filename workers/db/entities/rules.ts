/**
 * What each record type does beyond storing its fields, applied on every create and update through the
 * generic record API (forms, bulk edit): the service-level deadline of a case, a deal's probability and
 * close date following its stage, the done time of a task, the one primary contact.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../errors';
import { one, run } from '../repositories/sql';
import type { EntityName } from './types';
import type { OrderStatus } from '../features/orders/api';
import { moveStockForStatusChange, refuseDeletingStockHolders } from '../features/orders/save-order';

/**
 * Hours from a case's creation to its SLA deadline, by priority. One table for the app and the demo data
 * (whose knowledge-base article on response times quotes it).
 */
export const SLA_HOURS: Record<'urgent' | 'high' | 'normal' | 'low', number> = {
  urgent: 4,
  high: 24,
  normal: 72,
  low: 168,
};

type Columns = Record<string, SqlValue>;

const changed = (columns: Columns, previous: Columns | null, column: string) =>
  previous === null || columns[column] !== previous[column];

function slaDue(createdAt: string, priority: string): string {
  return new Date(
    Date.parse(createdAt) + (SLA_HOURS[priority as keyof typeof SLA_HOURS] ?? 72) * 3_600_000,
  ).toISOString();
}

const RULES: Partial<
  Record<EntityName, (db: Database, c: Columns, previous: Columns | null, now: string) => void>
> = {
  case(_db, c, previous, now) {
    if (changed(c, previous, 'priority'))
      c.sla_due = slaDue(String(previous?.created_at ?? now), String(c.priority ?? 'normal'));
    const finished = c.status === 'resolved' || c.status === 'closed';
    if (
      finished &&
      (previous === null || previous.resolved_at === null || previous.resolved_at === undefined)
    )
      c.resolved_at = now;
    if (!finished) c.resolved_at = null;
    if (c.csat !== null && c.csat !== undefined && c.status !== 'closed' && c.status !== 'resolved')
      throw new DomainError(
        'validation',
        'A satisfaction score is given when the case is resolved or closed.',
        {
          csat: 'csat_when_closed',
        },
      );
  },

  activity(_db, c, previous, now) {
    if (Number(c.done) === 1 && (previous === null || Number(previous.done) !== 1)) c.done_at = now;
    if (Number(c.done) !== 1) c.done_at = null;
  },

  opportunity(db, c, previous, now) {
    if (!changed(c, previous, 'stage_id')) return;
    const stage = one(db, 'SELECT probability, is_won, is_lost FROM pipeline_stages WHERE id = ?', [
      c.stage_id ?? null,
    ]);
    if (!stage) return;
    // A new stage brings its probability unless the user set one in this same change.
    if (previous === null ? !c.probability : c.probability === previous.probability)
      c.probability = stage.probability ?? 0;
    const closed = Number(stage.is_won) === 1 || Number(stage.is_lost) === 1;
    c.closed_at = closed ? (previous?.closed_at ?? now) : null;
  },

  lead(_db, c, previous) {
    if (c.status === 'converted' && (previous === null || previous.status !== 'converted'))
      throw new DomainError('validation', 'A lead becomes "converted" by converting it.', {
        status: 'converted_by_conversion',
      });
  },

  contact(db, c, previous) {
    // One primary contact per customer (uq_contacts_primary): the new one takes over.
    if (Number(c.is_primary) === 1 && changed(c, previous, 'is_primary'))
      run(db, 'UPDATE contacts SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1 AND id IS NOT ?', [
        c.customer_id ?? null,
        c.id ?? null,
      ]);
  },

  order(db, c, previous, now) {
    // A new order from the generic form has no lines yet, so only a status change of an existing one moves stock.
    if (previous !== null && c.status !== previous.status)
      moveStockForStatusChange(
        db,
        Number(c.id),
        previous.status as OrderStatus,
        c.status as OrderStatus,
        now,
      );
  },

  user(_db, c) {
    if (c.id !== undefined && c.manager_id !== null && c.manager_id === c.id)
      throw new DomainError('validation', 'A user cannot be their own manager.', {
        managerId: 'own_manager',
      });
  },
};

export function applyRules(
  db: Database,
  entity: EntityName,
  columns: Columns,
  previous: Columns | null,
  now: string,
): void {
  RULES[entity]?.(db, columns, previous, now);
}

/** Refuses deletes that would break what other records depend on, with a message naming it. */
export function checkDelete(db: Database, entity: EntityName, ids: readonly number[]): void {
  if (entity === 'order') return refuseDeletingStockHolders(db, ids);
  if (entity !== 'product') return;
  const lines = Number(
    one(db, 'SELECT count(*) AS n FROM order_lines WHERE product_id IN (SELECT value FROM json_each(?))', [
      JSON.stringify(ids),
    ])?.n ?? 0,
  );
  if (lines > 0)
    throw new DomainError('in_use', `The product appears on ${lines} order lines; deactivate it instead.`);
}
