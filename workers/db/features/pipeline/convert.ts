/**
 * Converting a lead in one step into a customer (new, or one that already exists), a contact and optionally
 * an opportunity, inside one durable write: if any step fails nothing is kept.
 *
 * Before converting, the dialog asks for the customers the lead may already be: the same email (case
 * ignored), the same phone digits (formatting ignored) or the same name (case and spacing ignored), the
 * keys the import uses to spot duplicate customers (features/import/resolve.ts). A lead is converted once;
 * a second conversion is refused so it cannot create a second customer.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { insertContact } from '../../repositories/contacts';
import { customerExists, insertCustomer } from '../../repositories/customers';
import { all, one, run, type Row } from '../../repositories/sql';
import type {
  ConvertLeadInput,
  DuplicateCustomer,
  DuplicateReason,
  LeadConversion,
  LeadConversionPreview,
} from './api';
import { listStages } from './stages';

const MAX_DUPLICATES = 10;
const NAME_MAX = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const normalizeName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ');
const phoneDigits = (phone: string) => phone.normalize('NFKC').replace(/\D/g, '');
/** Stored phones keep the user's separators; this strips the ones validation allows, inside SQLite. */
const DIGITS_OF_PHONE =
  "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

interface LeadRow {
  id: number;
  name: string;
  company: string;
  title: string;
  email: string;
  phone: string;
  ownerId: number | null;
  status: string;
  convertedAt: string | null;
  convertedCustomerId: number | null;
}

function readLead(db: Database, leadId: unknown): LeadRow {
  const row =
    typeof leadId === 'number' && Number.isSafeInteger(leadId)
      ? one(
          db,
          `SELECT id, name, company, title, email, phone, owner_id, status, converted_at, converted_customer_id
           FROM leads WHERE id = ?`,
          [leadId],
        )
      : null;
  if (!row) throw new DomainError('not_found', `Lead ${String(leadId)} does not exist.`);
  return {
    id: Number(row.id),
    name: String(row.name),
    company: String(row.company),
    title: String(row.title),
    email: String(row.email),
    phone: String(row.phone),
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    status: String(row.status),
    convertedAt: row.converted_at === null ? null : String(row.converted_at),
    convertedCustomerId: row.converted_customer_id === null ? null : Number(row.converted_customer_id),
  };
}

const customerNameOf = (lead: LeadRow) => normalizeName(lead.company) || normalizeName(lead.name);
const isConverted = (lead: LeadRow) => lead.status === 'converted' || lead.convertedAt !== null;

export function findDuplicateCustomers(db: Database, lead: LeadRow): DuplicateCustomer[] {
  const found = new Map<number, { row: Row; matchedBy: DuplicateReason[] }>();
  const add = (rows: Row[], reason: DuplicateReason) => {
    for (const row of rows) {
      const id = Number(row.id);
      const entry = found.get(id) ?? { row, matchedBy: [] };
      entry.matchedBy.push(reason);
      found.set(id, entry);
    }
  };
  const columns = 'id, name, email, phone';
  const email = lead.email.trim();
  if (email !== '') {
    add(
      all(db, `SELECT ${columns} FROM customers WHERE email = ? ORDER BY id LIMIT ?`, [
        email,
        MAX_DUPLICATES,
      ]),
      'email',
    );
  }
  const digits = phoneDigits(lead.phone);
  if (digits.length >= 5) {
    // A scan of the customers with a phone, done in SQLite's C code (~0.2 s per million rows).
    add(
      all(
        db,
        `SELECT ${columns} FROM customers WHERE phone <> '' AND ${DIGITS_OF_PHONE} = ? ORDER BY id LIMIT ?`,
        [digits, MAX_DUPLICATES],
      ),
      'phone',
    );
  }
  const name = customerNameOf(lead);
  if (name !== '') {
    // customers.name is COLLATE NOCASE and indexed.
    add(
      all(db, `SELECT ${columns} FROM customers WHERE name = ? ORDER BY id LIMIT ?`, [name, MAX_DUPLICATES]),
      'name',
    );
  }
  return [...found.values()]
    .sort((a, b) => b.matchedBy.length - a.matchedBy.length || Number(a.row.id) - Number(b.row.id))
    .slice(0, MAX_DUPLICATES)
    .map(({ row, matchedBy }) => ({
      id: Number(row.id),
      name: String(row.name),
      email: String(row.email),
      phone: String(row.phone),
      matchedBy,
    }));
}

export function previewLeadConversion(db: Database, leadId: number): LeadConversionPreview {
  const lead = readLead(db, leadId);
  return {
    lead: {
      id: lead.id,
      name: lead.name,
      company: lead.company,
      title: lead.title,
      email: lead.email,
      phone: lead.phone,
      ownerId: lead.ownerId,
    },
    convertedCustomerId: lead.convertedCustomerId,
    alreadyConverted: isConverted(lead),
    customerName: customerNameOf(lead),
    duplicates: isConverted(lead) ? [] : findDuplicateCustomers(db, lead),
    stages: listStages(db).filter((stage) => stage.kind === 'open'),
  };
}

interface OpportunityPlan {
  name: string;
  amountMinor: number;
  stageId: number;
  probability: number;
  expectedClose: string | null;
}

/** Checks the opportunity part before anything is written, so every field problem is reported at once. */
function planOpportunity(
  db: Database,
  input: ConvertLeadInput,
  fallbackName: string,
): OpportunityPlan | null {
  if (input.createOpportunity !== true) return null;
  const fields: Record<string, 'required' | 'too_long' | 'invalid_choice' | 'not_found' | 'out_of_range'> =
    {};
  const name =
    typeof input.opportunityName === 'string' ? input.opportunityName.trim() || fallbackName : fallbackName;
  if ([...name].length > NAME_MAX) fields.opportunityName = 'too_long';
  const amount = input.amountMinor ?? 0;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
    fields.amountMinor = 'out_of_range';
  const stage =
    typeof input.stageId === 'number' && Number.isSafeInteger(input.stageId)
      ? one(db, 'SELECT id, probability, is_won, is_lost FROM pipeline_stages WHERE id = ?', [input.stageId])
      : null;
  if (!stage)
    fields.stageId = input.stageId === undefined || input.stageId === null ? 'required' : 'not_found';
  // A lead becomes a deal in progress; it is won or lost later on the board, with a date and a reason.
  else if (stage.is_won === 1 || stage.is_lost === 1) fields.stageId = 'invalid_choice';
  const expected = typeof input.expectedClose === 'string' ? input.expectedClose.trim() : '';
  if (expected !== '' && (!DATE.test(expected) || Number.isNaN(Date.parse(expected)))) {
    fields.expectedClose = 'invalid_choice';
  }
  if (Object.keys(fields).length > 0) {
    throw new DomainError('validation', 'The opportunity has invalid fields.', fields);
  }
  return {
    name,
    amountMinor: amount,
    stageId: Number(stage!.id),
    probability: Number(stage!.probability),
    expectedClose: expected === '' ? null : expected,
  };
}

export function convertLead(
  db: Database,
  leadId: number,
  input: ConvertLeadInput,
  actorId: number | null,
  now: string,
): LeadConversion {
  const lead = readLead(db, leadId);
  if (isConverted(lead)) {
    throw new DomainError(
      'lead_already_converted',
      `Lead ${lead.id} was converted already; it is not converted twice.`,
    );
  }
  const target = input?.customer;
  const customerName = customerNameOf(lead);
  const opportunity = planOpportunity(
    db,
    input ?? { customer: 'new', createOpportunity: false },
    customerName,
  );
  const ownerId = lead.ownerId ?? actorId;

  let customerId: number;
  if (target === 'new') {
    customerId = insertCustomer(
      db,
      {
        kind: normalizeName(lead.company) !== '' ? 'company' : 'person',
        name: customerName,
        stage: 'prospect',
        ownerId,
        industry: '',
        address: '',
        phone: lead.phone,
        email: lead.email,
        notes: '',
      },
      now,
    );
  } else if (typeof target === 'number' && Number.isSafeInteger(target) && customerExists(db, target)) {
    customerId = target;
  } else {
    throw new DomainError('validation', `Customer ${String(target)} does not exist.`, {
      customer: 'not_found',
    });
  }

  const hasPrimary = one(db, 'SELECT 1 FROM contacts WHERE customer_id = ? AND is_primary = 1', [customerId]);
  const contactId = insertContact(
    db,
    {
      customerId,
      name: lead.name,
      title: lead.title,
      phone: lead.phone,
      email: lead.email,
      notes: '',
      isPrimary: hasPrimary === null,
    },
    now,
  );

  let opportunityId: number | null = null;
  if (opportunity) {
    const row = one(
      db,
      `INSERT INTO opportunities (name, customer_id, contact_id, lead_id, stage_id, amount_minor, currency,
         probability, expected_close, owner_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?) RETURNING id`,
      [
        opportunity.name,
        customerId,
        contactId,
        lead.id,
        opportunity.stageId,
        opportunity.amountMinor,
        opportunity.probability,
        opportunity.expectedClose,
        ownerId,
        now,
        now,
      ],
    );
    opportunityId = Number(row?.id);
  }

  run(
    db,
    `UPDATE leads SET status = 'converted', converted_at = ?, converted_customer_id = ?, converted_contact_id = ?,
       converted_opportunity_id = ?, updated_at = ? WHERE id = ?`,
    [now, customerId, contactId, opportunityId, now, lead.id],
  );
  return { customerId, contactId, opportunityId };
}
