/**
 * Approval requests in the database: the threshold setting, opening / re-opening / withdrawing a request
 * when an opportunity's discount changes, whether a discount is approved, the lists and the decision.
 * The gate (gate.ts) calls `syncDiscountApproval` and `refuseUnapprovedWin` on every write.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import type {
  Approval,
  ApprovalDecision,
  ApprovalListQuery,
  ApprovalSettings,
  ApprovalStatus,
  RecordApprovals,
} from './api';

export const THRESHOLD_KEY = 'approvals.discount_threshold_bp';
export const DEFAULT_THRESHOLD_BP = 1500;
export const COMMENT_MAX = 1000;

export function discountThreshold(db: Database): number {
  const raw = one(db, 'SELECT value FROM app_settings WHERE key = ?', [THRESHOLD_KEY])?.value;
  const value = Number(raw);
  return raw !== undefined && raw !== null && Number.isInteger(value) && value >= 0 && value <= 10000
    ? value
    : DEFAULT_THRESHOLD_BP;
}

export function saveSettings(db: Database, settings: ApprovalSettings, now: string): ApprovalSettings {
  const value = settings?.discountThresholdBp;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10000)
    throw new DomainError('validation', 'The threshold is a discount between 0 % and 100 %.', {
      discountThresholdBp: 'out_of_range',
    });
  run(
    db,
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [THRESHOLD_KEY, String(value), now],
  );
  return { discountThresholdBp: value };
}

const SELECT_APPROVALS = `
  SELECT a.*, coalesce(o.name, '') AS record_name, coalesce(r.name, '') AS requested_by_name,
         coalesce(m.name, '') AS approver_name, coalesce(d.name, '') AS decided_by_name
  FROM approvals a
  LEFT JOIN opportunities o ON a.entity = 'opportunity' AND o.id = a.record_id
  LEFT JOIN users r ON r.id = a.requested_by
  LEFT JOIN users m ON m.id = a.approver_id
  LEFT JOIN users d ON d.id = a.decided_by`;

const idOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toApproval(row: Row): Approval {
  return {
    id: Number(row.id),
    entity: 'opportunity',
    recordId: Number(row.record_id),
    recordName: String(row.record_name ?? ''),
    discountBp: Number(row.discount_bp),
    status: String(row.status) as ApprovalStatus,
    requestedBy: idOrNull(row.requested_by),
    requestedByName: String(row.requested_by_name ?? ''),
    approverId: idOrNull(row.approver_id),
    approverName: String(row.approver_name ?? ''),
    comment: String(row.comment ?? ''),
    decidedBy: idOrNull(row.decided_by),
    decidedByName: String(row.decided_by_name ?? ''),
    decidedAt: row.decided_at === null ? null : String(row.decided_at),
    createdAt: String(row.created_at),
  };
}

export function approvalById(db: Database, id: number): Approval | null {
  const row = one(db, `${SELECT_APPROVALS} WHERE a.id = ?`, [id]);
  return row ? toApproval(row) : null;
}

/** The owner's manager when they may decide (a manager or admin), else null (any manager or admin). */
function approverFor(db: Database, ownerId: number | null): number | null {
  if (ownerId === null) return null;
  const manager = one(
    db,
    `SELECT m.id FROM users o JOIN users m ON m.id = o.manager_id
     WHERE o.id = ? AND m.active = 1 AND m.role IN ('manager', 'admin')`,
    [ownerId],
  );
  return manager ? Number(manager.id) : null;
}

const latestRequest = (db: Database, opportunityId: number) =>
  one(
    db,
    `SELECT id, status, discount_bp FROM approvals WHERE entity = 'opportunity' AND record_id = ?
     ORDER BY id DESC LIMIT 1`,
    [opportunityId],
  );

/** Opens a pending request for the opportunity's current discount (or re-opens the pending one). */
export function openRequest(
  db: Database,
  opportunityId: number,
  actorId: number | null,
  now: string,
): number {
  const opportunity = one(db, 'SELECT discount_bp, owner_id FROM opportunities WHERE id = ?', [
    opportunityId,
  ]);
  if (!opportunity) throw new DomainError('not_found', `Opportunity ${opportunityId} does not exist.`);
  const approver = approverFor(db, idOrNull(opportunity.owner_id));
  const requester =
    actorId !== null && one(db, 'SELECT 1 FROM users WHERE id = ?', [actorId]) ? actorId : null;
  const latest = latestRequest(db, opportunityId);
  if (latest?.status === 'pending') {
    run(
      db,
      `UPDATE approvals SET discount_bp = ?, requested_by = ?, approver_id = ?, created_at = ?, updated_at = ?
       WHERE id = ?`,
      [Number(opportunity.discount_bp), requester, approver, now, now, Number(latest.id)],
    );
    return Number(latest.id);
  }
  const row = one(
    db,
    `INSERT INTO approvals (entity, record_id, discount_bp, requested_by, approver_id, status, created_at, updated_at)
     VALUES ('opportunity', ?, ?, ?, ?, 'pending', ?, ?) RETURNING id`,
    [opportunityId, Number(opportunity.discount_bp), requester, approver, now, now],
  );
  return Number(row!.id);
}

/**
 * After the discount of an opportunity changed (or it was created with one): above the threshold, a request
 * is opened or re-opened; at or below it, a pending request is withdrawn.
 */
export function syncDiscountApproval(
  db: Database,
  opportunityId: number,
  discountBp: number,
  actorId: number | null,
  now: string,
): void {
  if (discountBp > discountThreshold(db)) {
    openRequest(db, opportunityId, actorId, now);
    return;
  }
  run(
    db,
    `UPDATE approvals SET status = 'withdrawn', decided_at = ?, updated_at = ?
     WHERE entity = 'opportunity' AND record_id = ? AND status = 'pending'`,
    [now, now, opportunityId],
  );
}

export function approvalState(
  db: Database,
  opportunityId: number,
  discountBp: number,
): RecordApprovals['state'] {
  if (discountBp <= discountThreshold(db)) return 'not_needed';
  const latest = latestRequest(db, opportunityId);
  if (!latest || latest.status === 'withdrawn' || Number(latest.discount_bp) !== discountBp) return 'missing';
  return String(latest.status) as RecordApprovals['state'];
}

/**
 * Decision: the check sits in the approval gate, a derived state that
 * sees every write, so the pipeline board, the record form, bulk edit and the SQL console all meet the same
 * rule. An opportunity whose discount is above the threshold enters the won stage only once a manager
 * approved that discount.
 */
export function refuseUnapprovedWin(db: Database, opportunityId: number, discountBp: number): void {
  const state = approvalState(db, opportunityId, discountBp);
  if (state === 'not_needed' || state === 'approved') return;
  const percent = `${(discountBp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
  throw new DomainError(
    'approval_required',
    state === 'rejected'
      ? `The ${percent} discount of opportunity ${opportunityId} was rejected; lower it or ask again before winning the deal.`
      : `The ${percent} discount of opportunity ${opportunityId} needs a manager's approval before the deal can be won.`,
  );
}

export function recordApprovals(db: Database, opportunityId: number): RecordApprovals {
  const opportunity = one(db, 'SELECT discount_bp FROM opportunities WHERE id = ?', [opportunityId]);
  if (!opportunity) throw new DomainError('not_found', `Opportunity ${opportunityId} does not exist.`);
  const discountBp = Number(opportunity.discount_bp);
  return {
    state: approvalState(db, opportunityId, discountBp),
    discountBp,
    thresholdBp: discountThreshold(db),
    history: all(
      db,
      `${SELECT_APPROVALS} WHERE a.entity = 'opportunity' AND a.record_id = ? ORDER BY a.id DESC`,
      [opportunityId],
    ).map(toApproval),
  };
}

export function listApprovals(db: Database, query: ApprovalListQuery = {}): Approval[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (query.status !== 'all') where.push("a.status = 'pending'");
  if (typeof query.decidableBy === 'number') {
    const role = one(db, 'SELECT role FROM users WHERE id = ?', [query.decidableBy])?.role;
    if (role === 'manager') {
      where.push('(a.approver_id IS NULL OR a.approver_id = ?)');
      params.push(query.decidableBy);
    } else if (role !== 'admin') where.push('0');
  }
  return all(
    db,
    `${SELECT_APPROVALS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT 500`,
    params,
  ).map(toApproval);
}

/** Who may decide is checked by the caller (handlers.ts, with the acting user's role). */
export function decide(
  db: Database,
  id: number,
  decision: ApprovalDecision,
  comment: unknown,
  actorId: number | null,
  now: string,
): Approval {
  const approval = Number.isSafeInteger(id) ? approvalById(db, id) : null;
  if (!approval) throw new DomainError('not_found', `Approval ${String(id)} does not exist.`);
  if (decision !== 'approved' && decision !== 'rejected')
    throw new DomainError('validation', 'Approve or reject.', { decision: 'invalid_choice' });
  if (comment !== undefined && comment !== null && typeof comment !== 'string')
    throw new DomainError('validation', 'The comment must be text.', { comment: 'invalid_choice' });
  const text = (comment ?? '').trim();
  if ([...text].length > COMMENT_MAX)
    throw new DomainError('validation', `The comment is longer than ${COMMENT_MAX} characters.`, {
      comment: 'too_long',
    });
  if (decision === 'rejected' && text === '')
    throw new DomainError('validation', 'Say why the discount is rejected.', { comment: 'required' });
  if (approval.status !== 'pending')
    throw new DomainError('approval_decided', `Approval ${id} is already ${approval.status}.`);
  const decider = actorId !== null && one(db, 'SELECT 1 FROM users WHERE id = ?', [actorId]) ? actorId : null;
  run(
    db,
    `UPDATE approvals SET status = ?, comment = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?`,
    [decision, text, decider, now, now, id],
  );
  return approvalById(db, id)!;
}
