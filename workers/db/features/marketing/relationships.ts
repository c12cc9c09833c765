/**
 * Relationships between customers (table customer_relationships): directed — "A regards B as a friend /
 * colleague / client" — with a health (good / normal / deteriorating) and notes, shown on both customers'
 * pages. Friend and colleague are mutual by nature, so the reverse pair counts as the same relationship;
 * "client" is not (A's client B and B's client A are two different facts).
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import type { CustomerRelationship, RelationshipHealth, RelationshipInput, RelationshipType } from './api';

const TYPES: readonly RelationshipType[] = ['friend', 'colleague', 'client'];
const HEALTHS: readonly RelationshipHealth[] = ['good', 'normal', 'deteriorating'];
const MUTUAL: ReadonlySet<RelationshipType> = new Set(['friend', 'colleague']);
const MAX_NOTES = 2000;

/** Every relationship of `customerId`, as seen from that customer. */
const SELECT_FOR = `SELECT r.id, r.type, r.health, r.notes, r.updated_at,
    CASE WHEN r.customer_id = :customer THEN 'outgoing' ELSE 'incoming' END AS direction,
    o.id AS other_id, o.name AS other_name
  FROM customer_relationships r
  JOIN customers o ON o.id = CASE WHEN r.customer_id = :customer THEN r.related_customer_id ELSE r.customer_id END`;

const toRelationship = (row: Row): CustomerRelationship => ({
  id: Number(row.id),
  direction: row.direction as CustomerRelationship['direction'],
  otherId: Number(row.other_id),
  otherName: String(row.other_name),
  type: row.type as RelationshipType,
  health: row.health as RelationshipHealth,
  notes: String(row.notes ?? ''),
  updatedAt: String(row.updated_at),
});

export function listRelationships(db: Database, customerId: number): CustomerRelationship[] {
  if (!one(db, 'SELECT 1 FROM customers WHERE id = ?', [customerId]))
    throw new DomainError('not_found', `Customer ${customerId} does not exist.`);
  // Two index lookups (uq_customer_relationships, idx_customer_relationships_related) rather than an OR.
  return all(
    db,
    `SELECT * FROM (
       ${SELECT_FOR} WHERE r.customer_id = :customer
       UNION ALL
       ${SELECT_FOR} WHERE r.related_customer_id = :customer)
     ORDER BY direction DESC, other_name, id`,
    { ':customer': customerId },
  ).map(toRelationship);
}

function checkInput(input: RelationshipInput): Required<RelationshipInput> | never {
  const customerId = Number(input?.customerId);
  const relatedCustomerId = Number(input?.relatedCustomerId);
  if (!Number.isSafeInteger(relatedCustomerId) || relatedCustomerId <= 0)
    throw new DomainError('validation', 'Choose the other customer.', { relatedCustomerId: 'required' });
  if (!TYPES.includes(input.type))
    throw new DomainError('validation', 'Choose a relationship type.', { type: 'invalid_choice' });
  if (!HEALTHS.includes(input.health))
    throw new DomainError('validation', 'Choose a health.', { health: 'invalid_choice' });
  const notes = typeof input.notes === 'string' ? input.notes.trim() : '';
  if ([...notes].length > MAX_NOTES)
    throw new DomainError('validation', 'The notes are too long.', { notes: 'too_long' });
  if (customerId === relatedCustomerId)
    throw new DomainError('relationship_self', 'A customer cannot have a relationship with itself.', {
      relatedCustomerId: 'invalid_choice',
    });
  return { id: input.id ?? 0, customerId, relatedCustomerId, type: input.type, health: input.health, notes };
}

export function saveRelationship(db: Database, input: RelationshipInput, now: string): CustomerRelationship {
  const r = checkInput(input);
  for (const id of [r.customerId, r.relatedCustomerId])
    if (!one(db, 'SELECT 1 FROM customers WHERE id = ?', [id]))
      throw new DomainError('not_found', `Customer ${id} does not exist.`, {
        [id === r.customerId ? 'customerId' : 'relatedCustomerId']: 'not_found',
      });
  const clash = one(
    db,
    `SELECT id FROM customer_relationships WHERE id IS NOT :id AND type = :type AND (
       (customer_id = :a AND related_customer_id = :b) OR (:mutual AND customer_id = :b AND related_customer_id = :a))`,
    {
      ':id': r.id || null,
      ':type': r.type,
      ':a': r.customerId,
      ':b': r.relatedCustomerId,
      ':mutual': MUTUAL.has(r.type) ? 1 : 0,
    },
  );
  if (clash)
    throw new DomainError('relationship_exists', 'These two customers already have this relationship.', {
      type: 'duplicate',
    });
  let id = r.id;
  const values = [r.customerId, r.relatedCustomerId, r.type, r.health, r.notes, now];
  if (id) {
    if (
      run(
        db,
        `UPDATE customer_relationships SET customer_id = ?, related_customer_id = ?, type = ?, health = ?,
           notes = ?, updated_at = ? WHERE id = ?`,
        [...values, id],
      ) === 0
    )
      throw new DomainError('not_found', 'This relationship no longer exists.');
  } else {
    id = Number(
      one(
        db,
        `INSERT INTO customer_relationships (customer_id, related_customer_id, type, health, notes, updated_at,
           created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [...values, now],
      )!.id,
    );
  }
  return toRelationship(one(db, `${SELECT_FOR} WHERE r.id = :id`, { ':customer': r.customerId, ':id': id })!);
}

export function deleteRelationship(db: Database, id: number): void {
  if (run(db, 'DELETE FROM customer_relationships WHERE id = ?', [id]) === 0)
    throw new DomainError('not_found', 'This relationship no longer exists.');
}
