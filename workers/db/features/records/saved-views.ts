/**
 * Saved views: a named filter + sort + columns + grouping of one list, private to its owner or shared
 * (owner NULL). The table's `sort` JSON also carries the grouping (`{ field, direction, groupBy }`), so
 * version 1's schema holds it without a migration.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { VIEW_ENTITIES, type EntityName } from '../../entities/types';
import type { SavedView, SavedViewInput } from './api';

function parse<T>(json: unknown, fallback: T): T {
  try {
    const value: unknown = JSON.parse(String(json));
    return (value ?? fallback) as T;
  } catch {
    return fallback;
  }
}

function toView(row: Row): SavedView {
  const sort = parse<{ field?: string; direction?: 'asc' | 'desc'; groupBy?: string | null }>(row.sort, {});
  return {
    id: Number(row.id),
    entity: row.entity as EntityName,
    name: String(row.name),
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    filter: parse(row.filter, {}),
    sort: sort.field ? { field: sort.field, direction: sort.direction === 'desc' ? 'desc' : 'asc' } : null,
    columns: parse<string[]>(row.columns, []),
    groupBy: typeof sort.groupBy === 'string' ? sort.groupBy : null,
  };
}

/** The actor's own views and the shared ones. */
export function listSavedViews(db: Database, entity: EntityName, actorId: number | null): SavedView[] {
  return all(
    db,
    `SELECT * FROM saved_views WHERE entity = ? AND (owner_id IS NULL OR owner_id IS ?) ORDER BY position, name, id`,
    [entity, actorId],
  ).map(toView);
}

export function saveView(
  db: Database,
  input: SavedViewInput,
  actorId: number | null,
  now: string,
): SavedView {
  if (!VIEW_ENTITIES.includes(input?.entity))
    throw new DomainError('validation', 'Views cannot be saved for this list.', { entity: 'invalid_choice' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') throw new DomainError('validation', 'A view needs a name.', { name: 'required' });
  if ([...name].length > 100)
    throw new DomainError('validation', 'The name is too long.', { name: 'too_long' });
  const ownerId = input.shared ? null : actorId;
  const values = [
    JSON.stringify(input.filter ?? {}),
    JSON.stringify({ ...(input.sort ?? {}), groupBy: input.groupBy ?? null }),
    JSON.stringify(Array.isArray(input.columns) ? input.columns.map(String) : []),
  ];
  const taken = one(
    db,
    'SELECT id FROM saved_views WHERE entity = ? AND name = ? AND owner_id IS ? AND id IS NOT ?',
    [input.entity, name, ownerId, input.id ?? null],
  );
  if (taken)
    throw new DomainError('validation', `A view named "${name}" exists already.`, { name: 'name_taken' });
  let id = input.id;
  if (id !== undefined) {
    if (
      run(
        db,
        'UPDATE saved_views SET name = ?, owner_id = ?, filter = ?, sort = ?, columns = ?, updated_at = ? WHERE id = ?',
        [name, ownerId, ...values, now, id],
      ) === 0
    )
      throw new DomainError('not_found', `View ${id} does not exist.`);
  } else {
    id = Number(
      one(
        db,
        `INSERT INTO saved_views (entity, name, owner_id, filter, sort, columns, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [input.entity, name, ownerId, ...values, now, now],
      )?.id,
    );
  }
  return toView(one(db, 'SELECT * FROM saved_views WHERE id = ?', [id])!);
}
