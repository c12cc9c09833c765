/**
 * Contracts due for renewal: active contracts whose renewal date — or end date, when no renewal date was
 * set — falls between today and today + N days (both included), and the overdue ones (that date has passed
 * and the contract is still active: nobody renewed, ended or terminated it).
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one } from '../../repositories/sql';
import type { RenewalQuery, RenewalReport } from './api';
import { isIsoDate } from './validate-order';

export const MAX_RENEWAL_DAYS = 3650;
const MAX_ROWS = 1000;

const DUE = 'coalesce(k.renewal_date, k.end_date)';

export function contractsDueForRenewal(db: Database, query: RenewalQuery): RenewalReport {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Partial<RenewalQuery>;
  const days = q.withinDays;
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0 || days > MAX_RENEWAL_DAYS)
    throw new DomainError('validation', `withinDays must be a whole number 0–${MAX_RENEWAL_DAYS}`, {
      withinDays: 'out_of_range',
    });
  if (!isIsoDate(q.today))
    throw new DomainError('validation', 'today must be a date like 2026-03-16', { today: 'invalid_date' });
  const owners = Array.isArray(q.ownerIds) ? q.ownerIds.filter((id) => Number.isSafeInteger(id)) : null;
  const limit =
    typeof q.limit === 'number' && Number.isSafeInteger(q.limit) && q.limit > 0
      ? Math.min(q.limit, MAX_ROWS)
      : 200;

  const params = {
    ':today': q.today,
    ':until': `+${days} days`,
    ':owners': owners === null ? null : JSON.stringify(owners),
    ':limit': limit,
  };
  // Contracts without an owner are nobody's: an owner filter leaves them out, like the other "mine" lists.
  const where = `k.status = 'active' AND ${DUE} IS NOT NULL AND ${DUE} <= date(:today, :until)
    AND (:owners IS NULL OR k.owner_id IN (SELECT value FROM json_each(:owners)))`;
  const counts = one(
    db,
    `SELECT count(*) FILTER (WHERE ${DUE} < :today) AS overdue, count(*) FILTER (WHERE ${DUE} >= :today) AS due
       FROM contracts k WHERE ${where}`,
    { ':today': params[':today'], ':until': params[':until'], ':owners': params[':owners'] },
  )!;
  const rows = all(
    db,
    `SELECT k.id, k.contract_no, k.title, k.customer_id, c.name AS customer_name, u.name AS owner_name,
            k.amount_minor, k.currency, ${DUE} AS due_date,
            CASE WHEN k.renewal_date IS NULL THEN 'end' ELSE 'renewal' END AS due_kind,
            CAST(julianday(${DUE}) - julianday(:today) AS INTEGER) AS days_left
       FROM contracts k JOIN customers c ON c.id = k.customer_id LEFT JOIN users u ON u.id = k.owner_id
      WHERE ${where}
      ORDER BY due_date, k.id
      LIMIT :limit`,
    params,
  );
  const overdue = Number(counts.overdue);
  const due = Number(counts.due);
  return {
    rows: rows.map((row) => ({
      contractId: Number(row.id),
      contractNo: row.contract_no === null ? null : String(row.contract_no),
      title: String(row.title),
      customerId: Number(row.customer_id),
      customerName: String(row.customer_name),
      ownerName: row.owner_name === null ? null : String(row.owner_name),
      amountMinor: Number(row.amount_minor),
      currency: String(row.currency),
      dueDate: String(row.due_date),
      dueKind: row.due_kind === 'end' ? 'end' : 'renewal',
      daysLeft: Number(row.days_left),
      overdue: Number(row.days_left) < 0,
    })),
    overdue,
    due,
    total: overdue + due,
  };
}
