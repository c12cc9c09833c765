/**
 * Merging a colleague's `.sqlite` into mine (team hand-off): customers and their contacts.
 *
 * Their customers are matched to mine by normalized email, then phone digits, then id when the name is
 * also equal. Unmatched ones are added with their contacts (new ids; the owner is my user with the same
 * email or name, else none). For matched ones the fields that differ are conflicts the user settles field
 * by field; their contacts I lack are added. The plan is computed twice — for the preview, and again
 * inside the write transaction with the user's choices — so a change made in between (another tab) is
 * seen rather than overwritten by a stale preview.
 */
import type { Database } from 'sql.js';
import type { Contact, Customer, CustomerInput } from '../../contract';
import { DomainError } from '../../errors';
import { getCustomer, insertCustomer, updateCustomer } from '../../repositories/customers';
import { insertContact, listContacts } from '../../repositories/contacts';
import { all, atomically, one, type Row } from '../../repositories/sql';
import { validateContactInput, validateCustomerInput } from '../../validation';
import type {
  MergeAddition,
  MergeChoices,
  MergeConflict,
  MergeField,
  MergeMatch,
  MergePreview,
  MergeReport,
  MergeSkip,
} from './api';

interface TheirContact {
  name: string;
  title: string;
  phone: string;
  email: string;
  notes: string;
  isPrimary: boolean;
}

interface TheirCustomer {
  id: number;
  fields: Omit<CustomerInput, 'ownerId'>;
  ownerName: string | null;
  ownerEmail: string | null;
  contacts: TheirContact[];
}

interface Owner {
  id: number;
  name: string;
}

type PlanItem =
  | { kind: 'add'; theirs: TheirCustomer; owner: Owner | null }
  | {
      kind: 'match';
      theirs: TheirCustomer;
      mine: Customer;
      matchedBy: MergeMatch['matchedBy'];
      /** My user standing for their owner; undefined when their owner is not one of my users. */
      owner: Owner | null | undefined;
      conflicts: MergeConflict[];
      newContacts: TheirContact[];
    }
  | { kind: 'skip'; skip: MergeSkip };

const TEXT_FIELDS = ['kind', 'name', 'stage', 'industry', 'address', 'phone', 'email', 'notes'] as const;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
const lower = (value: string) => value.trim().toLowerCase();
/** Phone numbers compare by their digits (full-width folded); fewer than 6 digits identify nothing. */
export function phoneDigits(phone: string): string {
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  return digits.length >= 6 ? digits : '';
}

/** Formatting ("+86 138-0013-8000" vs "+8613800138000") is no difference worth a choice. */
const allDigits = (phone: string) => phone.normalize('NFKC').replace(/\D/g, '');

function readTheirs(theirs: Database): TheirCustomer[] {
  const contacts = new Map<number, TheirContact[]>();
  for (const row of all(
    theirs,
    'SELECT customer_id, name, title, phone, email, notes, is_primary FROM contacts ORDER BY customer_id, is_primary DESC, id',
  )) {
    const list = contacts.get(Number(row.customer_id)) ?? [];
    list.push({
      name: text(row.name),
      title: text(row.title),
      phone: text(row.phone),
      email: text(row.email),
      notes: text(row.notes),
      isPrimary: row.is_primary === 1,
    });
    contacts.set(Number(row.customer_id), list);
  }
  const rows = all(
    theirs,
    `SELECT c.id, c.kind, c.name, c.stage, c.industry, c.address, c.phone, c.email, c.notes,
       u.name AS owner_name, u.email AS owner_email
     FROM customers c LEFT JOIN users u ON u.id = c.owner_id ORDER BY c.id`,
  );
  return rows.map((row: Row) => ({
    id: Number(row.id),
    fields: {
      kind: text(row.kind) as CustomerInput['kind'],
      name: text(row.name),
      stage: text(row.stage) as CustomerInput['stage'],
      industry: text(row.industry),
      address: text(row.address),
      phone: text(row.phone),
      email: text(row.email),
      notes: text(row.notes),
    },
    ownerName: row.owner_name === null ? null : text(row.owner_name),
    ownerEmail: row.owner_email === null ? null : text(row.owner_email),
    contacts: contacts.get(Number(row.id)) ?? [],
  }));
}

/** Finds my customers and users for theirs; my phone numbers are indexed by digits on first need. */
class Mine {
  #phones: Map<string, number> | null = null;
  readonly #usersByEmail = new Map<string, Owner>();
  readonly #usersByName = new Map<string, Owner>();

  constructor(private readonly db: Database) {
    for (const row of all(db, 'SELECT id, name, email FROM users ORDER BY id')) {
      const user = { id: Number(row.id), name: text(row.name) };
      const email = lower(text(row.email));
      if (email && !this.#usersByEmail.has(email)) this.#usersByEmail.set(email, user);
      if (!this.#usersByName.has(lower(user.name))) this.#usersByName.set(lower(user.name), user);
    }
  }

  owner(theirs: TheirCustomer): Owner | null | undefined {
    if (theirs.ownerName === null) return null;
    const byEmail = theirs.ownerEmail ? this.#usersByEmail.get(lower(theirs.ownerEmail)) : undefined;
    return byEmail ?? this.#usersByName.get(lower(theirs.ownerName));
  }

  match(theirs: TheirCustomer): { id: number; by: MergeMatch['matchedBy'] } | null {
    const email = theirs.fields.email;
    if (email) {
      // customers.email is COLLATE NOCASE, so this compares case-insensitively through its index.
      const row = one(this.db, 'SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1', [email]);
      if (row) return { id: Number(row.id), by: 'email' };
    }
    const digits = phoneDigits(theirs.fields.phone);
    const byPhone = digits ? this.phones().get(digits) : undefined;
    if (byPhone !== undefined) return { id: byPhone, by: 'phone' };
    const sameId = one(this.db, 'SELECT id FROM customers WHERE id = ? AND name = ?', [
      theirs.id,
      theirs.fields.name,
    ]);
    return sameId ? { id: Number(sameId.id), by: 'id' } : null;
  }

  private phones(): Map<string, number> {
    if (!this.#phones) {
      this.#phones = new Map();
      for (const row of all(this.db, "SELECT id, phone FROM customers WHERE phone <> '' ORDER BY id")) {
        const digits = phoneDigits(text(row.phone));
        if (digits && !this.#phones.has(digits)) this.#phones.set(digits, Number(row.id));
      }
    }
    return this.#phones;
  }
}

function conflictsOf(
  mine: Customer,
  theirs: TheirCustomer,
  owner: Owner | null | undefined,
): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  for (const field of TEXT_FIELDS) {
    const [a, b] = [mine[field], theirs.fields[field]];
    const same =
      field === 'email' ? lower(a) === lower(b) : field === 'phone' ? allDigits(a) === allDigits(b) : a === b;
    if (!same) conflicts.push({ field, mine: a, theirs: b });
  }
  // Their owner who is not one of my users cannot be assigned, so it is no choice to offer.
  if (owner !== undefined && (owner?.id ?? null) !== mine.ownerId)
    conflicts.push({ field: 'owner', mine: mine.ownerName ?? '', theirs: owner?.name ?? '' });
  return conflicts;
}

function sameContact(a: Contact, b: TheirContact): boolean {
  if (lower(a.name) === lower(b.name)) return true;
  if (a.email && b.email && lower(a.email) === lower(b.email)) return true;
  const digits = phoneDigits(b.phone);
  return digits !== '' && phoneDigits(a.phone) === digits;
}

function invalidFields(input: CustomerInput): string | null {
  const result = validateCustomerInput(input);
  return 'fields' in result ? Object.keys(result.fields).join(', ') : null;
}

/** What merging `theirs` into `mine` would do, customer by customer. Reads only. */
function plan(mine: Database, theirs: Database): PlanItem[] {
  const index = new Mine(mine);
  const claimed = new Set<number>();
  return readTheirs(theirs).map((customer): PlanItem => {
    const found = index.match(customer);
    const owner = index.owner(customer);
    if (!found) {
      const invalid = invalidFields({ ...customer.fields, ownerId: owner?.id ?? null });
      if (invalid) {
        return {
          kind: 'skip',
          skip: { theirsId: customer.id, name: customer.fields.name, reason: 'invalid', detail: invalid },
        };
      }
      return { kind: 'add', theirs: customer, owner: owner ?? null };
    }
    if (claimed.has(found.id)) {
      return {
        kind: 'skip',
        skip: { theirsId: customer.id, name: customer.fields.name, reason: 'matched_twice', detail: '' },
      };
    }
    claimed.add(found.id);
    const current = getCustomer(mine, found.id)!;
    const existing = listContacts(mine, found.id);
    return {
      kind: 'match',
      theirs: customer,
      mine: current,
      matchedBy: found.by,
      owner,
      conflicts: conflictsOf(current, customer, owner),
      newContacts: customer.contacts.filter(
        (contact) => !existing.some((have) => sameContact(have, contact)),
      ),
    };
  });
}

export function previewMerge(
  mine: Database,
  theirs: Database,
  token: string,
  fileName: string,
): MergePreview {
  const additions: MergeAddition[] = [];
  const matches: MergeMatch[] = [];
  const skipped: MergeSkip[] = [];
  for (const item of plan(mine, theirs)) {
    if (item.kind === 'skip') {
      skipped.push(item.skip);
      continue;
    }
    if (item.kind === 'add') {
      additions.push({
        theirsId: item.theirs.id,
        name: item.theirs.fields.name,
        contacts: item.theirs.contacts.length,
        owner: item.owner?.name ?? null,
      });
    } else {
      matches.push({
        theirsId: item.theirs.id,
        mineId: item.mine.id,
        mineName: item.mine.name,
        theirsName: item.theirs.fields.name,
        matchedBy: item.matchedBy,
        conflicts: item.conflicts,
        newContacts: item.newContacts.length,
      });
    }
  }
  const customers = Number(theirs.exec('SELECT count(*) FROM customers')[0]?.values[0]?.[0] ?? 0);
  const contacts = Number(theirs.exec('SELECT count(*) FROM contacts')[0]?.values[0]?.[0] ?? 0);
  return { token, fileName, theirs: { customers, contacts }, additions, matches, skipped };
}

/** Inserts contacts that validate; returns how many were added and how many were left out. */
function addContacts(
  db: Database,
  customerId: number,
  contacts: TheirContact[],
  keepPrimary: boolean,
  now: string,
) {
  let added = 0;
  let invalid = 0;
  for (const contact of contacts) {
    const input = { ...contact, customerId, isPrimary: keepPrimary && contact.isPrimary };
    if ('fields' in validateContactInput(input)) {
      invalid++;
      continue;
    }
    insertContact(db, input, now);
    added++;
  }
  return { added, invalid };
}

/**
 * Applies the merge inside the caller's transaction (`engine.write`). Each customer goes in its own
 * savepoint, so one that fails validation is reported as skipped without undoing the others.
 */
export function applyMerge(
  mine: Database,
  theirs: Database,
  choices: MergeChoices,
  now: string,
): MergeReport {
  const report: MergeReport = {
    added: [],
    updated: [],
    unchanged: 0,
    skipped: [],
    contactsAdded: 0,
    contactsSkipped: 0,
  };
  for (const item of plan(mine, theirs)) {
    if (item.kind === 'skip') {
      report.skipped.push(item.skip);
      continue;
    }
    try {
      atomically(mine, () => {
        if (item.kind === 'add') {
          const id = insertCustomer(mine, { ...item.theirs.fields, ownerId: item.owner?.id ?? null }, now);
          const contacts = addContacts(mine, id, item.theirs.contacts, true, now);
          report.added.push(item.theirs.fields.name);
          report.contactsAdded += contacts.added;
          report.contactsSkipped += contacts.invalid;
          return;
        }
        const chosen = choices[item.theirs.id] ?? {};
        const input: CustomerInput = { ...item.mine };
        let changed = false;
        for (const conflict of item.conflicts) {
          if (chosen[conflict.field] !== 'theirs') continue;
          changed = true;
          if (conflict.field === 'owner') input.ownerId = item.owner?.id ?? null;
          else setField(input, conflict.field, item.theirs.fields[conflict.field]);
        }
        if (changed) updateCustomer(mine, item.mine.id, pick(input), now);
        const hasPrimary = listContacts(mine, item.mine.id).some((contact) => contact.isPrimary);
        const contacts = addContacts(mine, item.mine.id, item.newContacts, !hasPrimary, now);
        report.contactsAdded += contacts.added;
        report.contactsSkipped += contacts.invalid;
        if (changed || contacts.added > 0) report.updated.push(item.mine.name);
        else report.unchanged++;
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.skipped.push({
        theirsId: item.theirs.id,
        name: item.theirs.fields.name,
        reason: 'invalid',
        detail: error.fields ? Object.keys(error.fields).join(', ') : error.message,
      });
    }
  }
  return report;
}

function setField(input: CustomerInput, field: Exclude<MergeField, 'owner'>, value: string): void {
  (input as unknown as Record<string, string>)[field] = value;
}

const pick = (input: CustomerInput): CustomerInput => ({
  kind: input.kind,
  name: input.name,
  stage: input.stage,
  ownerId: input.ownerId,
  industry: input.industry,
  address: input.address,
  phone: input.phone,
  email: input.email,
  notes: input.notes,
});
