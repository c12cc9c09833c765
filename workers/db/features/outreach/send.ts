/**
 * Preparing a send and logging it. The target (one contact, a saved customer view, a campaign) becomes a
 * list of contacts; those who cannot be written to are counted, not silently dropped: do-not-contact first,
 * then unsubscribed, then no address, then an address already reached in this send. Each remaining contact
 * gets the template rendered with its merge values.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { definitionWithCustomFields } from '../../entities/records';
import { filterTerms, whereClause } from '../../entities/query';
import { all, one, run, type Row } from '../../repositories/sql';
import { customerView, segmentFilter } from '../marketing/members';
import type { PreparedMessage, PreparedSend, SendTarget, SentMessage, SkipCounts } from './api';
import { isPersonalized, renderMerge } from './merge';
import { getTemplate, mergeValuesFor } from './templates';

/** More messages than a person can confirm having sent from a mail app; narrow the view instead. */
export const MAX_RECIPIENTS = 5000;

const CONTACT_COLUMNS = 'co.id, co.customer_id, co.name, co.email, co.unsubscribed, co.do_not_contact';
/** One contact per customer `t`: the primary one, else the first by name. */
const CHOSEN_CONTACT = `(SELECT c2.id FROM contacts c2 WHERE c2.customer_id = t.id
  ORDER BY c2.is_primary DESC, c2.name, c2.id LIMIT 1)`;

interface Candidates {
  contacts: Row[];
  noContact: number;
}

function viewCandidates(db: Database, savedViewId: number, mode: 'primary' | 'all'): Candidates {
  const { terms, params } = filterTerms(
    definitionWithCustomFields(db, 'customer'),
    segmentFilter(customerView(db, savedViewId).filter),
    't',
  );
  const where = whereClause(terms);
  const noContact = Number(
    one(
      db,
      `SELECT count(*) AS n FROM customers t ${whereClause([...terms, 'NOT EXISTS (SELECT 1 FROM contacts c3 WHERE c3.customer_id = t.id)'])}`,
      params,
    )!.n,
  );
  const contacts =
    mode === 'primary'
      ? all(
          db,
          `SELECT ${CONTACT_COLUMNS} FROM customers t JOIN contacts co ON co.id = ${CHOSEN_CONTACT}
           ${where} ORDER BY t.name, t.id`,
          params,
        )
      : all(
          db,
          `SELECT ${CONTACT_COLUMNS} FROM customers t JOIN contacts co ON co.customer_id = t.id
           ${where} ORDER BY t.name, t.id, co.is_primary DESC, co.name, co.id`,
          params,
        );
  return { contacts, noContact };
}

function campaignCandidates(db: Database, campaignId: number): Candidates {
  if (!one(db, 'SELECT id FROM campaigns WHERE id = ?', [campaignId]))
    throw new DomainError('not_found', `Campaign ${campaignId} does not exist.`);
  const contacts = all(
    db,
    `SELECT ${CONTACT_COLUMNS} FROM campaign_members m
     JOIN customers t ON t.id = m.customer_id
     JOIN contacts co ON co.id = ${CHOSEN_CONTACT}
     WHERE m.campaign_id = :campaign
     UNION ALL
     SELECT ${CONTACT_COLUMNS} FROM campaign_members m JOIN contacts co ON co.id = m.contact_id
     WHERE m.campaign_id = :campaign`,
    { ':campaign': campaignId },
  );
  const noContact = Number(
    one(
      db,
      `SELECT count(*) AS n FROM campaign_members m WHERE m.campaign_id = ? AND (m.lead_id IS NOT NULL
         OR (m.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts c3 WHERE c3.customer_id = m.customer_id)))`,
      [campaignId],
    )!.n,
  );
  return { contacts, noContact };
}

function candidates(db: Database, target: SendTarget): Candidates {
  switch (target?.kind) {
    case 'contact': {
      const row = one(db, `SELECT ${CONTACT_COLUMNS} FROM contacts co WHERE co.id = ?`, [target.contactId]);
      if (!row) throw new DomainError('not_found', `Contact ${target.contactId} does not exist.`);
      return { contacts: [row], noContact: 0 };
    }
    case 'view':
      return viewCandidates(db, target.savedViewId, target.contacts === 'all' ? 'all' : 'primary');
    case 'campaign':
      return campaignCandidates(db, target.campaignId);
    default:
      throw new DomainError('validation', 'Choose who receives the message.', { target: 'required' });
  }
}

/** Splits candidates into who can be written to and the counts of who cannot. */
export function sortOutRecipients(rows: readonly Row[], noContact: number) {
  const skipped: SkipCounts = { unsubscribed: 0, doNotContact: 0, noEmail: 0, noContact, duplicate: 0 };
  const seen = new Set<string>();
  const reachable: Row[] = [];
  for (const row of rows) {
    const email = String(row.email ?? '').trim();
    if (Number(row.do_not_contact) === 1) skipped.doNotContact++;
    else if (Number(row.unsubscribed) === 1) skipped.unsubscribed++;
    else if (email === '') skipped.noEmail++;
    else if (seen.has(email.toLowerCase())) skipped.duplicate++;
    else {
      seen.add(email.toLowerCase());
      reachable.push(row);
    }
  }
  return { reachable, skipped };
}

export function prepareSend(
  db: Database,
  templateId: number,
  target: SendTarget,
  actorId: number | null,
): PreparedSend {
  const template = getTemplate(db, templateId);
  const found = candidates(db, target);
  const { reachable, skipped } = sortOutRecipients(found.contacts, found.noContact);
  if (reachable.length > MAX_RECIPIENTS)
    throw new DomainError(
      'validation',
      `${reachable.length} recipients; a send reaches at most ${MAX_RECIPIENTS}. Narrow the view.`,
      { recipients: 'out_of_range' },
    );
  const values = mergeValuesFor(
    db,
    reachable.map((row) => Number(row.id)),
  );
  const messages: PreparedMessage[] = reachable.map((row) => {
    const merge = values.get(Number(row.id))!;
    return {
      contactId: Number(row.id),
      customerId: Number(row.customer_id),
      name: String(row.name),
      email: String(row.email).trim(),
      subject: renderMerge(template.subject, merge),
      body: renderMerge(template.body, merge),
    };
  });
  const sender = actorId === null ? null : one(db, 'SELECT name, email FROM users WHERE id = ?', [actorId]);
  return {
    templateId,
    personalized: isPersonalized(template.subject, template.body),
    sender: { name: String(sender?.name ?? ''), address: String(sender?.email ?? '') },
    messages,
    skipped,
  };
}

/**
 * One done 'email' activity per message, linked to the contact and its customer, owned by the acting user.
 * Runs inside one write: all are logged or none.
 */
export function logSent(
  db: Database,
  messages: readonly SentMessage[],
  actorId: number | null,
  now: string,
): number {
  if (!Array.isArray(messages) || messages.length === 0)
    throw new DomainError('validation', 'Nothing was sent.', { messages: 'required' });
  if (messages.length > MAX_RECIPIENTS)
    throw new DomainError('validation', 'Too many messages.', { messages: 'out_of_range' });
  let logged = 0;
  for (const message of messages) {
    const subject = String(message?.subject ?? '').trim();
    if (subject === '')
      throw new DomainError('validation', 'A message has no subject.', { subject: 'required' });
    const changed = run(
      db,
      `INSERT INTO activities (type, subject, body, due_at, done, done_at, customer_id, contact_id, owner_id,
         created_at, updated_at)
       SELECT 'email', :subject, :body, :now, 1, :now, co.customer_id, co.id, :owner, :now, :now
       FROM contacts co WHERE co.id = :contact`,
      {
        ':subject': subject.slice(0, 500),
        ':body': String(message.body ?? '').slice(0, 20000),
        ':now': now,
        ':owner': actorId,
        ':contact': message.contactId,
      },
    );
    if (changed === 0)
      throw new DomainError(
        'not_found',
        `Contact ${message.contactId} no longer exists; nothing was logged.`,
      );
    logged += changed;
  }
  return logged;
}
