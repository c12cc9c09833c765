/**
 * Approvals' part of the DB worker API (see `workers/db/api.ts`): requests for a manager's decision (today:
 * an opportunity's discount above the workspace threshold), their list, the decision, and the threshold
 * setting. Types only.
 */
import type { Result, Written } from '../../contract';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type ApprovalDecision = 'approved' | 'rejected';

export interface Approval {
  id: number;
  entity: 'opportunity';
  recordId: number;
  /** The record's title (the opportunity's name); '' when the record is gone. */
  recordName: string;
  /** The discount asked for, in basis points (1500 = 15 %). */
  discountBp: number;
  status: ApprovalStatus;
  requestedBy: number | null;
  requestedByName: string;
  /** The owner's manager; null = any manager or admin may decide. */
  approverId: number | null;
  approverName: string;
  comment: string;
  decidedBy: number | null;
  decidedByName: string;
  decidedAt: string | null;
  createdAt: string;
}

/**
 * Where an opportunity stands: `not_needed` (discount at or below the threshold), `missing` (above it with
 * no request for the current discount — data from before the threshold, or the threshold was lowered),
 * else the state of the request for the current discount.
 */
export type ApprovalState = 'not_needed' | 'missing' | 'pending' | 'approved' | 'rejected';

export interface RecordApprovals {
  state: ApprovalState;
  discountBp: number;
  thresholdBp: number;
  /** Newest first. */
  history: Approval[];
}

export interface ApprovalListQuery {
  /** 'pending' (default) or every request. */
  status?: 'pending' | 'all';
  /** Only requests the given user may decide (assigned to them, or to any manager). */
  decidableBy?: number | null;
}

export interface ApprovalSettings {
  /** An opportunity whose discount is above this (basis points) needs approval. */
  discountThresholdBp: number;
}

export interface ApprovalsApi {
  listApprovals(query?: ApprovalListQuery): Promise<Result<Approval[]>>;
  recordApprovals(entity: 'opportunity', recordId: number): Promise<Result<RecordApprovals>>;
  /** Asks for a decision on the current discount when none is open (the `missing` state). */
  requestApproval(entity: 'opportunity', recordId: number): Promise<Result<Written<Approval>>>;
  /** Managers (their team's or unassigned requests) and admins; a rejection needs a comment. */
  decideApproval(id: number, decision: ApprovalDecision, comment: string): Promise<Result<Written<Approval>>>;
  approvalSettings(): Promise<Result<ApprovalSettings>>;
  /** Admins only. */
  saveApprovalSettings(settings: ApprovalSettings): Promise<Result<Written<ApprovalSettings>>>;
}
