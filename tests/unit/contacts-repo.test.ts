import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContactInput } from '../../workers/db/contract';
import { DomainError } from '../../workers/db/errors';
import { migrate } from '../../workers/db/migrations';
import {
  deleteContact,
  getContact,
  insertContact,
  listContacts,
  updateContact,
} from '../../workers/db/repositories/contacts';
import { insertCustomer } from '../../workers/db/repositories/customers';

const T0 = '2024-05-01T08:00:00.000Z';
const T1 = '2024-05-02T09:30:00.000Z';

let SQL: SqlJsStatic;
let db: Database;
let acme: number;
let beta: number;

beforeAll(async () => {
  SQL = await initSqlJs();
});

const customer = (name: string) =>
  insertCustomer(
    db,
    {
      kind: 'company',
      name,
      stage: 'new',
      ownerId: null,
      industry: '',
      address: '',
      phone: '',
      email: '',
      notes: '',
    },
    T0,
  );

beforeEach(() => {
  db = new SQL.Database();
  migrate(db);
  db.exec('PRAGMA foreign_keys = ON');
  acme = customer('Acme');
  beta = customer('Beta');
});

const input = (over: Partial<ContactInput> = {}): ContactInput => ({
  customerId: acme,
  name: 'Ann',
  title: '',
  phone: '',
  email: '',
  notes: '',
  isPrimary: false,
  ...over,
});

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const listed = (customerId = acme) => listContacts(db, customerId).map((c) => [c.name, c.isPrimary]);

describe('contacts', () => {
  it('creates a contact and reads it back', () => {
    const id = insertContact(
      db,
      input({
        name: ' 李四 ',
        title: '采购经理',
        phone: '+86-21-5555-0101',
        email: 'li@acme.cn',
        isPrimary: true,
      }),
      T0,
    );
    expect(getContact(db, id)).toEqual({
      id,
      customerId: acme,
      name: '李四',
      title: '采购经理',
      phone: '+86-21-5555-0101',
      email: 'li@acme.cn',
      notes: '',
      isPrimary: true,
      unsubscribed: false,
      doNotContact: false,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(getContact(db, id + 1)).toBeNull();
  });

  it("lists a customer's contacts, primary first, then by name, and only that customer's", () => {
    insertContact(db, input({ name: 'carl' }), T0);
    insertContact(db, input({ name: 'Zoe', isPrimary: true }), T0);
    insertContact(db, input({ name: 'Bea' }), T0);
    insertContact(db, input({ name: 'Other', customerId: beta }), T0);
    expect(listed()).toEqual([
      ['Zoe', true],
      ['Bea', false],
      ['carl', false],
    ]);
    expect(listed(beta)).toEqual([['Other', false]]);
  });

  it('keeps one primary contact per customer: a new primary replaces the old one', () => {
    const ann = insertContact(db, input({ name: 'Ann', isPrimary: true }), T0);
    insertContact(db, input({ name: 'Other primary', customerId: beta, isPrimary: true }), T0);
    const bo = insertContact(db, input({ name: 'Bo', isPrimary: true }), T1);
    expect(listed()).toEqual([
      ['Bo', true],
      ['Ann', false],
    ]);
    expect(getContact(db, ann)?.updatedAt).toBe(T1);
    updateContact(db, ann, input({ name: 'Ann', isPrimary: true }), T1);
    expect(listed()).toEqual([
      ['Ann', true],
      ['Bo', false],
    ]);
    expect(getContact(db, bo)?.isPrimary).toBe(false);
    expect(listed(beta)).toEqual([['Other primary', true]]);
  });

  it('leaves the old primary in place when saving the new one fails', () => {
    insertContact(db, input({ name: 'Ann', isPrimary: true }), T0);
    db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => insertContact(db, input({ name: 'Bo', isPrimary: true }), T1)).toThrow(/disk full/);
    expect(listed()).toEqual([['Ann', true]]);
  });

  it('updates a contact, keeps createdAt and can move it to another customer', () => {
    const id = insertContact(db, input(), T0);
    updateContact(db, id, input({ customerId: beta, name: 'Ann Li', email: 'ann@beta.io' }), T1);
    expect(getContact(db, id)).toMatchObject({
      customerId: beta,
      name: 'Ann Li',
      email: 'ann@beta.io',
      createdAt: T0,
      updatedAt: T1,
    });
    expect(listed()).toEqual([]);
  });

  it('stores the outreach consent flags, and keeps them when a save does not mention them', () => {
    const id = insertContact(db, input({ unsubscribed: true }), T0);
    expect(getContact(db, id)).toMatchObject({ unsubscribed: true, doNotContact: false });
    updateContact(db, id, input({ doNotContact: true }), T1);
    expect(getContact(db, id)).toMatchObject({ unsubscribed: true, doNotContact: true });
    updateContact(db, id, input({ unsubscribed: false, doNotContact: false }), T1);
    expect(getContact(db, id)).toMatchObject({ unsubscribed: false, doNotContact: false });
    const error = caught(() =>
      insertContact(db, { ...input(), unsubscribed: 'yes' } as unknown as ContactInput, T0),
    );
    expect(error.fields).toEqual({ unsubscribed: 'invalid_choice' });
  });

  it('rejects invalid fields with one code per field', () => {
    const error = caught(() => insertContact(db, input({ name: '', email: 'ann@', phone: 'abc' }), T0));
    expect(error).toMatchObject({
      code: 'validation',
      fields: { name: 'required', email: 'invalid_email', phone: 'invalid_phone' },
    });
    expect(listed()).toEqual([]);
  });

  it('rejects a customer that does not exist', () => {
    expect(caught(() => insertContact(db, input({ customerId: 999 }), T0)).fields).toEqual({
      customerId: 'not_found',
    });
    const id = insertContact(db, input(), T0);
    expect(caught(() => updateContact(db, id, input({ customerId: 999 }), T1)).fields).toEqual({
      customerId: 'not_found',
    });
    expect(caught(() => listContacts(db, 999)).code).toBe('not_found');
  });

  it('says not_found when updating or deleting a contact that is gone', () => {
    const id = insertContact(db, input(), T0);
    deleteContact(db, id);
    expect(getContact(db, id)).toBeNull();
    expect(caught(() => deleteContact(db, id)).code).toBe('not_found');
    expect(caught(() => updateContact(db, id, input(), T1)).code).toBe('not_found');
  });
});
