/**
 * Pipeline stages: reading them in board order and saving the whole configuration at once (rename,
 * probability, reorder, add, delete). Saving is all-or-nothing: every problem is reported per field first,
 * then the rows are rewritten in one savepoint.
 *
 * Rules: names are required, at most {@link STAGE_NAME_MAX} characters and unique; probability is a whole
 * number 0–100; a stage that opportunities use cannot be deleted; a stored stage keeps its kind (changing an
 * open stage with deals into "won" would close them without a date or reason); exactly one won and one lost
 * stage and at least one open stage remain. Renaming a seeded stage drops its code, so the UI stops
 * translating it and shows the user's name. Changing a stage's probability moves the deals that still had the
 * old stage probability along with it; deals with their own probability keep it.
 */
import type { Database } from 'sql.js';
import type { FieldErrors } from '../../contract';
import { DomainError } from '../../errors';
import { all, atomically, run, type Row } from '../../repositories/sql';
import type { PipelineStage, StageKind } from './api';

export const STAGE_NAME_MAX = 60;
export const MAX_STAGES = 30;

export function toStage(row: Row): PipelineStage {
  return {
    id: Number(row.id),
    code: row.code === null ? null : String(row.code),
    name: String(row.name),
    position: Number(row.position),
    probability: Number(row.probability),
    kind: row.is_won === 1 ? 'won' : row.is_lost === 1 ? 'lost' : 'open',
    opportunityCount: Number(row.opportunity_count ?? 0),
  };
}

export function listStages(db: Database): PipelineStage[] {
  return all(
    db,
    `SELECT s.id, s.code, s.name, s.position, s.probability, s.is_won, s.is_lost,
       (SELECT count(*) FROM opportunities o WHERE o.stage_id = s.id) AS opportunity_count
     FROM pipeline_stages s ORDER BY s.position, s.id`,
  ).map(toStage);
}

const KINDS: readonly StageKind[] = ['open', 'won', 'lost'];

interface CleanStage {
  id: number | null;
  name: string;
  probability: number;
  kind: StageKind;
}

/** Field keys are `name.<index>` / `probability.<index>` / `kind.<index>` (index in the list sent). */
function validate(input: unknown, stored: Map<number, PipelineStage>): CleanStage[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_STAGES) {
    throw new DomainError('validation', `Send between 1 and ${MAX_STAGES} stages.`, {
      stages: 'invalid_choice',
    });
  }
  const fields: FieldErrors = {};
  const seenNames = new Map<string, number>();
  const seenIds = new Set<number>();
  const clean = input.map((raw: unknown, index): CleanStage => {
    const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const id = typeof item.id === 'number' ? item.id : null;
    const existing = id === null ? undefined : stored.get(id);
    if (id !== null && (!existing || seenIds.has(id))) fields[`id.${index}`] = 'not_found';
    if (id !== null) seenIds.add(id);

    const name = typeof item.name === 'string' ? item.name.trim() : '';
    if (name === '') fields[`name.${index}`] = 'required';
    else if ([...name].length > STAGE_NAME_MAX) fields[`name.${index}`] = 'too_long';
    else {
      const key = name.toLowerCase();
      const first = seenNames.get(key);
      if (first !== undefined) fields[`name.${index}`] = 'duplicate';
      else seenNames.set(key, index);
    }

    const probability = item.probability;
    const validProbability =
      typeof probability === 'number' &&
      Number.isInteger(probability) &&
      probability >= 0 &&
      probability <= 100;
    if (!validProbability) fields[`probability.${index}`] = 'out_of_range';

    let kind: StageKind = existing?.kind ?? 'open';
    if (item.kind !== undefined && item.kind !== null) {
      if (!KINDS.includes(item.kind as StageKind)) fields[`kind.${index}`] = 'invalid_choice';
      else if (existing && item.kind !== existing.kind) fields[`kind.${index}`] = 'invalid_choice';
      else kind = item.kind as StageKind;
    }
    return { id, name, probability: validProbability ? (probability as number) : 0, kind };
  });
  if (Object.keys(fields).length > 0) {
    throw new DomainError('validation', 'Some stages have invalid fields.', fields);
  }

  const removed = [...stored.values()].filter((stage) => !seenIds.has(stage.id));
  const inUse = removed.filter((stage) => stage.opportunityCount > 0);
  if (inUse.length > 0) {
    const detail = inUse.map((stage) => `“${stage.name}” (${stage.opportunityCount})`).join(', ');
    throw new DomainError(
      'pipeline_stage_in_use',
      `Opportunities still use ${detail}; move them to another stage before deleting it.`,
    );
  }
  const count = (kind: StageKind) => clean.filter((stage) => stage.kind === kind).length;
  if (count('won') !== 1 || count('lost') !== 1 || count('open') < 1) {
    throw new DomainError(
      'pipeline_stage_kinds',
      `The pipeline needs exactly one won and one lost stage and at least one open stage (got ${count('won')} won, ${count('lost')} lost, ${count('open')} open).`,
    );
  }
  return clean;
}

export function saveStages(db: Database, input: unknown, now: string): PipelineStage[] {
  const stored = new Map(listStages(db).map((stage) => [stage.id, stage]));
  const stages = validate(input, stored);
  const kept = new Set(stages.flatMap((stage) => (stage.id === null ? [] : [stage.id])));
  atomically(db, () => {
    for (const stage of stored.values()) {
      if (!kept.has(stage.id)) run(db, 'DELETE FROM pipeline_stages WHERE id = ?', [stage.id]);
    }
    // Names are UNIQUE: park the kept rows under names no user can type before the final names are
    // written, so swapping two names in one save does not collide halfway.
    for (const id of kept) run(db, 'UPDATE pipeline_stages SET name = ? WHERE id = ?', [`\u0000${id}`, id]);
    stages.forEach((stage, index) => {
      const position = index + 1;
      if (stage.id === null) {
        run(
          db,
          `INSERT INTO pipeline_stages (code, name, position, probability, is_won, is_lost)
           VALUES (NULL, ?, ?, ?, ?, ?)`,
          [
            stage.name,
            position,
            stage.probability,
            stage.kind === 'won' ? 1 : 0,
            stage.kind === 'lost' ? 1 : 0,
          ],
        );
        return;
      }
      const before = stored.get(stage.id)!;
      const renamed = stage.name !== before.name;
      run(
        db,
        `UPDATE pipeline_stages SET name = ?, position = ?, probability = ?,
           code = CASE WHEN ? THEN NULL ELSE code END WHERE id = ?`,
        [stage.name, position, stage.probability, renamed ? 1 : 0, stage.id],
      );
      if (stage.probability !== before.probability) {
        run(
          db,
          'UPDATE opportunities SET probability = ?, updated_at = ? WHERE stage_id = ? AND probability = ?',
          [stage.probability, now, stage.id, before.probability],
        );
      }
    });
  });
  return listStages(db);
}
