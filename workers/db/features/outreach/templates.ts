/**
 * Email and survey templates: storage, validation (every {{field}} must be a documented merge field), and
 * the merge values of one contact (its customer, the customer's owner, the customer's most recent open
 * opportunity — or most recent one when none is open).
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { TEMPLATE_KINDS, type EmailTemplate, type TemplateInput, type TemplatePreview } from './api';
import { emptyMergeValues, renderMerge, unknownMergeFields, type MergeValues } from './merge';

const toTemplate = (row: Row): EmailTemplate => ({
  id: Number(row.id),
  name: String(row.name),
  subject: String(row.subject),
  body: String(row.body),
  kind: row.kind as EmailTemplate['kind'],
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

export const listTemplates = (db: Database): EmailTemplate[] =>
  all(db, 'SELECT * FROM email_templates ORDER BY kind, name').map(toTemplate);

export function getTemplate(db: Database, id: number): EmailTemplate {
  const row = one(db, 'SELECT * FROM email_templates WHERE id = ?', [id]);
  if (!row) throw new DomainError('not_found', `Template ${id} does not exist.`);
  return toTemplate(row);
}

function validate(db: Database, input: TemplateInput, id: number | null): TemplateInput {
  const name = String(input?.name ?? '').trim();
  const subject = String(input?.subject ?? '').trim();
  const body = String(input?.body ?? '');
  const fields: Record<string, 'required' | 'too_long' | 'invalid_choice' | 'name_taken'> = {};
  if (name === '') fields.name = 'required';
  else if (name.length > 200) fields.name = 'too_long';
  if (subject === '') fields.subject = 'required';
  else if (subject.length > 500) fields.subject = 'too_long';
  if (body.length > 20000) fields.body = 'too_long';
  if (!TEMPLATE_KINDS.includes(input?.kind)) fields.kind = 'invalid_choice';
  const unknownInSubject = unknownMergeFields(subject);
  const unknownInBody = unknownMergeFields(body);
  if (unknownInSubject.length > 0) fields.subject = 'invalid_choice';
  if (unknownInBody.length > 0) fields.body = 'invalid_choice';
  const clash = one(db, 'SELECT id FROM email_templates WHERE name = ? AND id IS NOT ?', [name, id]);
  if (clash) fields.name = 'name_taken';
  if (Object.keys(fields).length > 0) {
    const unknown = [...new Set([...unknownInSubject, ...unknownInBody])];
    throw new DomainError(
      'validation',
      unknown.length > 0
        ? `Unknown merge field(s): ${unknown.map((f) => `{{${f}}}`).join(', ')}.`
        : 'The template is incomplete.',
      fields,
    );
  }
  return { name, subject, body, kind: input.kind };
}

export function saveTemplate(db: Database, input: TemplateInput, id: number | undefined, now: string) {
  const clean = validate(db, input, id ?? null);
  if (id === undefined) {
    run(
      db,
      'INSERT INTO email_templates (name, subject, body, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [clean.name, clean.subject, clean.body, clean.kind, now, now],
    );
    return getTemplate(db, Number(one(db, 'SELECT last_insert_rowid() AS id')!.id));
  }
  getTemplate(db, id);
  run(
    db,
    'UPDATE email_templates SET name = ?, subject = ?, body = ?, kind = ?, updated_at = ? WHERE id = ?',
    [clean.name, clean.subject, clean.body, clean.kind, now, id],
  );
  return getTemplate(db, id);
}

export function deleteTemplate(db: Database, id: number): void {
  if (run(db, 'DELETE FROM email_templates WHERE id = ?', [id]) === 0)
    throw new DomainError('not_found', `Template ${id} does not exist.`);
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** `CNY 12,345.00`: the amount as a person reads it in a letter (minor units → major, grouped). */
export const formatMergeAmount = (minor: number, currency: string): string =>
  `${currency} ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Merge values for contacts (by id); contacts that do not exist are absent from the map. */
export function mergeValuesFor(db: Database, contactIds: readonly number[]): Map<number, MergeValues> {
  const rows = all(
    db,
    `SELECT co.id, co.name AS contact_name, co.title AS contact_title, co.email AS contact_email,
        cu.name AS customer_name, cu.industry, cu.email AS customer_email, cu.phone, cu.address,
        u.name AS owner_name, u.email AS owner_email,
        o.name AS opportunity_name, o.amount_minor, o.currency, s.name AS stage_name
     FROM json_each(:ids) j
     JOIN contacts co ON co.id = j.value
     JOIN customers cu ON cu.id = co.customer_id
     LEFT JOIN users u ON u.id = cu.owner_id
     LEFT JOIN opportunities o ON o.id = (
       SELECT o2.id FROM opportunities o2 JOIN pipeline_stages s2 ON s2.id = o2.stage_id
       WHERE o2.customer_id = cu.id
       ORDER BY (s2.is_won OR s2.is_lost), o2.created_at DESC, o2.id DESC LIMIT 1)
     LEFT JOIN pipeline_stages s ON s.id = o.stage_id`,
    { ':ids': JSON.stringify(contactIds) },
  );
  const values = new Map<number, MergeValues>();
  for (const row of rows) {
    const merge = emptyMergeValues();
    merge['customer.name'] = text(row.customer_name);
    merge['customer.industry'] = text(row.industry);
    merge['customer.email'] = text(row.customer_email);
    merge['customer.phone'] = text(row.phone);
    merge['customer.address'] = text(row.address);
    merge['contact.name'] = text(row.contact_name);
    merge['contact.title'] = text(row.contact_title);
    merge['contact.email'] = text(row.contact_email);
    merge['owner.name'] = text(row.owner_name);
    merge['owner.email'] = text(row.owner_email);
    merge['opportunity.name'] = text(row.opportunity_name);
    merge['opportunity.amount'] =
      row.opportunity_name === null ? '' : formatMergeAmount(Number(row.amount_minor), text(row.currency));
    merge['opportunity.stage'] = text(row.stage_name);
    values.set(Number(row.id), merge);
  }
  return values;
}

export function previewTemplate(db: Database, id: number, contactId: number): TemplatePreview {
  const template = getTemplate(db, id);
  const values = mergeValuesFor(db, [contactId]).get(contactId);
  if (!values) throw new DomainError('not_found', `Contact ${contactId} does not exist.`);
  return { subject: renderMerge(template.subject, values), body: renderMerge(template.body, values) };
}
