/**
 * Moving an opportunity to another stage (the board's drag and drop and keyboard move).
 *
 * The deal takes the new stage's probability: a stage's probability is what the team agreed a deal there is
 * worth, and a deal dragged forward should not keep the odds of where it was. Entering the won or lost
 * stage closes the deal: closed_at is set to now and the reason recorded (won: optional; lost: required, so
 * the team can learn from it); the reason of the other outcome is cleared. Moving back to an open stage
 * reopens it: closed_at and both reasons are cleared (the audit log keeps what they were).
 * Moving to the stage the deal is already in changes nothing.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { one, run } from '../../repositories/sql';
import type { MovedOpportunity, MoveOptions } from './api';
import { cardById } from './board';

export const REASON_MAX = 500;

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function moveOpportunity(
  db: Database,
  id: number,
  stageId: number,
  options: MoveOptions | undefined,
  now: string,
): MovedOpportunity {
  if (!isId(id)) throw new DomainError('not_found', `Opportunity ${String(id)} does not exist.`);
  const current = one(db, 'SELECT stage_id, closed_at FROM opportunities WHERE id = ?', [id]);
  if (!current) throw new DomainError('not_found', `Opportunity ${id} does not exist.`);
  const stage = isId(stageId)
    ? one(db, 'SELECT id, name, probability, is_won, is_lost FROM pipeline_stages WHERE id = ?', [stageId])
    : null;
  if (!stage) {
    throw new DomainError('validation', `Stage ${String(stageId)} does not exist.`, { stageId: 'not_found' });
  }
  const rawReason = options?.reason;
  if (rawReason !== undefined && rawReason !== null && typeof rawReason !== 'string') {
    throw new DomainError('validation', 'The reason must be text.', { reason: 'invalid_choice' });
  }
  const reason = (rawReason ?? '').trim();
  if ([...reason].length > REASON_MAX) {
    throw new DomainError('validation', `The reason is longer than ${REASON_MAX} characters.`, {
      reason: 'too_long',
    });
  }

  if (Number(current.stage_id) !== stageId) {
    const won = stage.is_won === 1;
    const lost = stage.is_lost === 1;
    if (lost && reason === '') {
      throw new DomainError(
        'pipeline_reason_required',
        `Say why opportunity ${id} was lost before moving it to “${String(stage.name)}”.`,
        { reason: 'required' },
      );
    }
    run(
      db,
      `UPDATE opportunities SET stage_id = ?, probability = ?, closed_at = ?, won_reason = ?, lost_reason = ?,
         updated_at = ? WHERE id = ?`,
      [
        stageId,
        Number(stage.probability),
        won || lost ? now : null,
        won ? reason : '',
        lost ? reason : '',
        now,
        id,
      ],
    );
  }
  const after = one(db, 'SELECT stage_id, closed_at FROM opportunities WHERE id = ?', [id])!;
  return {
    card: cardById(db, id)!,
    stageId: Number(after.stage_id),
    closedAt: after.closed_at === null ? null : String(after.closed_at),
  };
}
