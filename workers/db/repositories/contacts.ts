/**
 * Contacts: the people at a customer. A customer has at most one primary contact (enforced by the unique
 * index uq_contacts_primary); saving a contact as primary demotes the previous one in the same savepoint.
 */
import type { Database } from 'sql.js';
import type { Contact, ContactInput } from '../contract';
import { DomainError } from '../errors';
import { validateContactInput } from '../validation';
import { customerExists } from './customers';
import { all, atomically, exists, one, run, type Row } from './sql';

const COLUMNS =
  'id, customer_id, name, title, phone, email, notes, is_primary, unsubscribed, do_not_contact, created_at, updated_at';

function toContact(row: Row): Contact {
  return {
    id: Number(row.id),
    customerId: Number(row.customer_id),
    name: String(row.name),
    title: String(row.title),
    phone: String(row.phone),
    email: String(row.email),
    notes: String(row.notes),
    isPrimary: row.is_primary === 1,
    unsubscribed: row.unsubscribed === 1,
    doNotContact: row.do_not_contact === 1,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function notFound(what: string, id: number): DomainError {
  return new DomainError('not_found', `${what} ${id} does not exist.`);
}

/** Primary contact first, then by name. Throws not_found when the customer is gone (e.g. deleted in another tab). */
export function listContacts(db: Database, customerId: number): Contact[] {
  if (!customerExists(db, customerId)) throw notFound('Customer', customerId);
  return all(db, `SELECT ${COLUMNS} FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, name, id`, [
    customerId,
  ]).map(toContact);
}

export function getContact(db: Database, id: number): Contact | null {
  const row = one(db, `SELECT ${COLUMNS} FROM contacts WHERE id = ?`, [id]);
  return row === null ? null : toContact(row);
}

function checked(db: Database, input: unknown): ContactInput {
  const result = validateContactInput(input);
  if ('fields' in result)
    throw new DomainError('validation', 'The contact has invalid fields.', result.fields);
  if (!customerExists(db, result.value.customerId)) {
    throw new DomainError('validation', `Customer ${result.value.customerId} does not exist.`, {
      customerId: 'not_found',
    });
  }
  return result.value;
}

function demoteOtherPrimaries(db: Database, customerId: number, keepId: number, now: string): void {
  run(
    db,
    'UPDATE contacts SET is_primary = 0, updated_at = ? WHERE customer_id = ? AND is_primary = 1 AND id <> ?',
    [now, customerId, keepId],
  );
}

export function insertContact(db: Database, input: ContactInput, now: string): number {
  const v = checked(db, input);
  return atomically(db, () => {
    if (v.isPrimary) demoteOtherPrimaries(db, v.customerId, 0, now);
    const row = one(
      db,
      `INSERT INTO contacts (customer_id, name, title, phone, email, notes, is_primary, unsubscribed,
         do_not_contact, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        v.customerId,
        v.name,
        v.title,
        v.phone,
        v.email,
        v.notes,
        v.isPrimary ? 1 : 0,
        v.unsubscribed ? 1 : 0,
        v.doNotContact ? 1 : 0,
        now,
        now,
      ],
    );
    return Number(row?.id);
  });
}

/** May move the contact to another customer (customerId changes). */
export function updateContact(db: Database, id: number, input: ContactInput, now: string): void {
  if (!exists(db, 'contacts', id)) throw notFound('Contact', id);
  const v = checked(db, input);
  atomically(db, () => {
    if (v.isPrimary) demoteOtherPrimaries(db, v.customerId, id, now);
    run(
      db,
      `UPDATE contacts SET customer_id = ?, name = ?, title = ?, phone = ?, email = ?, notes = ?, is_primary = ?,
         unsubscribed = coalesce(?, unsubscribed), do_not_contact = coalesce(?, do_not_contact),
         updated_at = ? WHERE id = ?`,
      [
        v.customerId,
        v.name,
        v.title,
        v.phone,
        v.email,
        v.notes,
        v.isPrimary ? 1 : 0,
        v.unsubscribed === undefined ? null : v.unsubscribed ? 1 : 0,
        v.doNotContact === undefined ? null : v.doNotContact ? 1 : 0,
        now,
        id,
      ],
    );
  });
}

export function deleteContact(db: Database, id: number): void {
  if (run(db, 'DELETE FROM contacts WHERE id = ?', [id]) === 0) throw notFound('Contact', id);
}
