/**
 * The approval gate: a derived state (EngineOptions.derived) that runs inside every write's transaction,
 * whatever code made it — the record form, bulk edit, the pipeline board, an import, the SQL console.
 *
 * - An opportunity created with, or changed to, a discount above the threshold gets a pending request
 *   (a pending one is re-opened for the new discount; a decided one is followed by a new request); a
 *   discount lowered to the threshold or below withdraws the pending request.
 * - An opportunity entering the won stage with an unapproved discount above the threshold fails the whole
 *   write with DomainError('approval_required') — one rule for every path, rather than one check in the
 *   pipeline move and another in rules.ts that a bulk edit or the console would bypass.
 * - A deleted opportunity takes its requests with it (captured in the same log record, so undo restores them).
 *
 * Writes replayed from the log (start-up, other tabs) already carry the requests: no afterApply.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Change } from '../../persistence/idb-store';
import type { BeforeImages, DerivedState } from '../../persistence/types';
import { one, run } from '../../repositories/sql';
import { refuseUnapprovedWin, syncDiscountApproval } from './approvals';

function parse(json: string | null): Record<string, SqlValue> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, SqlValue>) : null;
  } catch {
    return null;
  }
}

export function createApprovalGate(actorId: () => number | null, now: () => string): DerivedState {
  return {
    afterWrite(db: Database, changes: readonly Change[], before: BeforeImages): void {
      const touched = new Set<number>();
      const deleted = new Set<number>();
      for (const [table, op, id] of changes) {
        if (table !== 'opportunities') continue;
        if (op === 'd') deleted.add(id);
        else touched.add(id);
      }
      if (touched.size === 0 && deleted.size === 0) return;
      const at = now();
      for (const id of deleted)
        if (!touched.has(id))
          run(db, "DELETE FROM approvals WHERE entity = 'opportunity' AND record_id = ?", [id]);
      for (const id of touched) {
        const current = one(
          db,
          `SELECT o.discount_bp, o.stage_id, s.is_won FROM opportunities o
           LEFT JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.id = ?`,
          [id],
        );
        if (!current) {
          run(db, "DELETE FROM approvals WHERE entity = 'opportunity' AND record_id = ?", [id]);
          continue;
        }
        // No "before" image: the row was inserted in this write.
        const previous = parse(before('opportunities', id));
        const discount = Number(current.discount_bp);
        const discountChanged = previous === null ? discount > 0 : Number(previous.discount_bp) !== discount;
        if (discountChanged) syncDiscountApproval(db, id, discount, actorId(), at);
        const enteredStage = previous === null || Number(previous.stage_id) !== Number(current.stage_id);
        if (enteredStage && Number(current.is_won) === 1) refuseUnapprovedWin(db, id, discount);
      }
    },
  };
}
