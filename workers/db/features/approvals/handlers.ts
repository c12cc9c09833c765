/** Implements {@link ApprovalsApi} in the DB worker. */
import { DomainError } from '../../errors';
import { requirePermission } from '../../permission-checks';
import { guard, nowIso, runtime } from '../../runtime';
import type { ApprovalsApi } from './api';
import {
  approvalById,
  approvalState,
  decide,
  discountThreshold,
  listApprovals,
  openRequest,
  recordApprovals,
  saveSettings,
} from './approvals';
import { one } from '../../repositories/sql';

function onlyOpportunities(entity: unknown): void {
  if (entity !== 'opportunity') throw new DomainError('validation', 'Only opportunities need approvals.');
}

export const approvalsHandlers: ApprovalsApi = {
  listApprovals: (query) => guard((e) => e.read((db) => listApprovals(db, query ?? {}))),

  recordApprovals: (entity, recordId) =>
    guard((e) =>
      e.read((db) => {
        onlyOpportunities(entity);
        return recordApprovals(db, recordId);
      }),
    ),

  requestApproval: (entity, recordId) =>
    guard((e) =>
      e.write((db) => {
        onlyOpportunities(entity);
        const discount = one(db, 'SELECT discount_bp FROM opportunities WHERE id = ?', [recordId]);
        if (!discount) throw new DomainError('not_found', `Opportunity ${recordId} does not exist.`);
        if (approvalState(db, recordId, Number(discount.discount_bp)) !== 'missing')
          throw new DomainError('validation', 'This discount needs no new request.');
        return approvalById(db, openRequest(db, recordId, runtime.actorId, nowIso()))!;
      }),
    ),

  decideApproval: (id, decision, comment) =>
    guard((e) =>
      e.write((db) => {
        const approval = approvalById(db, id);
        if (!approval) throw new DomainError('not_found', `Approval ${String(id)} does not exist.`);
        requirePermission(db, runtime.actorId, 'approval.decide', { approverId: approval.approverId });
        return decide(db, id, decision, comment, runtime.actorId, nowIso());
      }),
    ),

  approvalSettings: () => guard((e) => e.read((db) => ({ discountThresholdBp: discountThreshold(db) }))),

  saveApprovalSettings: (settings) =>
    guard((e) =>
      e.write((db) => {
        requirePermission(db, runtime.actorId, 'settings.edit');
        return saveSettings(db, settings, nowIso());
      }),
    ),
};
