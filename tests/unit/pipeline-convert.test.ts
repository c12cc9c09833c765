import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../workers/db/contract';
import { pipelineHandlers as api } from '../../workers/db/features/pipeline/handlers';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { one } from '../../workers/db/repositories/sql';
import { insertUser } from '../../workers/db/repositories/users';
import { runtime } from '../../workers/db/runtime';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { addCustomer, stageId } from './pipeline-helpers';

let SQL: SqlJsStatic;
let engine: PersistenceEngine;
let owner: number;

beforeAll(async () => {
  SQL = await initSqlJs();
});

beforeEach(async () => {
  const name = `pipeline-${Math.random()}`;
  ({ engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
  }));
  runtime.engine = engine;
  owner = (await engine.write((db) => insertUser(db, { name: 'Alice', email: 'a@crm.cn', role: 'rep' })))
    .value;
});

afterEach(() => {
  engine.close();
  runtime.engine = null;
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

const count = (table: string) =>
  engine.read((db) => Number(db.exec(`SELECT count(*) FROM ${table}`)[0]!.values[0]![0]));
const row = (sql: string, params: (string | number)[]) => engine.read((db) => one(db, sql, params));

async function addLead(lead: {
  name: string;
  company?: string;
  email?: string;
  phone?: string;
  title?: string;
}) {
  const { value: id } = await engine.write((db) =>
    Number(
      one(
        db,
        `INSERT INTO leads (name, company, title, email, phone, owner_id, status) VALUES (?, ?, ?, ?, ?, ?, 'qualified')
         RETURNING id`,
        [lead.name, lead.company ?? '', lead.title ?? '', lead.email ?? '', lead.phone ?? '', owner],
      )!.id,
    ),
  );
  return id;
}

const proposalStage = () => engine.read((db) => stageId(db, 'proposal'));

describe('lead conversion', () => {
  it('creates customer, contact and opportunity in one step and marks the lead converted', async () => {
    const lead = await addLead({
      name: '王芳',
      company: '星河贸易',
      title: '采购经理',
      email: 'wang@xinghe.cn',
      phone: '+86 138 0013 8000',
    });
    const preview = value(await api.previewLeadConversion(lead));
    expect(preview).toMatchObject({ alreadyConverted: false, customerName: '星河贸易', duplicates: [] });
    expect(preview.stages.map((s) => s.code)).toEqual([
      'qualification',
      'needs_analysis',
      'proposal',
      'negotiation',
    ]);

    const stage = await proposalStage();
    const result = value(
      await api.convertLead(lead, {
        customer: 'new',
        createOpportunity: true,
        opportunityName: '年度采购',
        amountMinor: 5_000_000,
        stageId: stage,
        expectedClose: '2026-06-30',
      }),
    ).value;

    expect(
      await row('SELECT kind, name, email, phone, owner_id FROM customers WHERE id = ?', [result.customerId]),
    ).toEqual({
      kind: 'company',
      name: '星河贸易',
      email: 'wang@xinghe.cn',
      phone: '+86 138 0013 8000',
      owner_id: owner,
    });
    expect(
      await row('SELECT customer_id, name, title, is_primary FROM contacts WHERE id = ?', [result.contactId]),
    ).toEqual({ customer_id: result.customerId, name: '王芳', title: '采购经理', is_primary: 1 });
    expect(
      await row(
        'SELECT name, customer_id, contact_id, lead_id, stage_id, amount_minor, probability, expected_close FROM opportunities WHERE id = ?',
        [result.opportunityId!],
      ),
    ).toEqual({
      name: '年度采购',
      customer_id: result.customerId,
      contact_id: result.contactId,
      lead_id: lead,
      stage_id: stage,
      amount_minor: 5_000_000,
      probability: 50,
      expected_close: '2026-06-30',
    });
    const converted = await row(
      'SELECT status, converted_at, converted_customer_id, converted_contact_id, converted_opportunity_id FROM leads WHERE id = ?',
      [lead],
    );
    expect(converted).toMatchObject({
      status: 'converted',
      converted_customer_id: result.customerId,
      converted_contact_id: result.contactId,
      converted_opportunity_id: result.opportunityId,
    });
    expect(converted!.converted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('warns about customers with the same email, phone digits or name', async () => {
    const byEmail = await engine.write((db) => addCustomer(db, 'Other name', { email: 'LI@Example.com' }));
    const byPhone = await engine.write((db) => addCustomer(db, 'Phone twin', { phone: '138-0013-8000' }));
    const byName = await engine.write((db) => addCustomer(db, 'acme  corp'));
    await engine.write((db) => addCustomer(db, 'Unrelated', { email: 'x@y.cn', phone: '010 1234 5678' }));
    const lead = await addLead({
      name: 'Li Lei',
      company: 'ACME corp',
      email: 'li@example.com',
      phone: '(138) 0013 8000',
    });

    const preview = value(await api.previewLeadConversion(lead));
    const found = Object.fromEntries(preview.duplicates.map((d) => [d.id, d.matchedBy]));
    expect(found).toEqual({
      [byEmail.value]: ['email'],
      [byPhone.value]: ['phone'],
    });
    // "acme  corp" has a double space; names are compared with spacing collapsed only on the lead side,
    // so a stored name with odd spacing is not found — but the same name in another case is:
    const exact = await engine.write((db) => addCustomer(db, 'Acme Corp'));
    const again = value(await api.previewLeadConversion(lead));
    expect(again.duplicates.find((d) => d.id === exact.value)?.matchedBy).toEqual(['name']);
    expect(again.duplicates.some((d) => d.id === byName.value)).toBe(false);
  });

  it('attaches to an existing customer without touching it and keeps its primary contact', async () => {
    const existing = (
      await engine.write((db) => {
        const id = addCustomer(db, 'Acme', { email: 'info@acme.com' });
        db.run("INSERT INTO contacts (customer_id, name, is_primary) VALUES (?, 'Boss', 1)", [id]);
        return id;
      })
    ).value;
    const lead = await addLead({ name: 'Li Lei', company: 'Acme', email: 'li@acme.com' });
    const customersBefore = await count('customers');
    const result = value(await api.convertLead(lead, { customer: existing, createOpportunity: false })).value;
    expect(result.customerId).toBe(existing);
    expect(result.opportunityId).toBeNull();
    expect(await count('customers')).toBe(customersBefore);
    expect(await count('opportunities')).toBe(0);
    expect(
      await row('SELECT customer_id, is_primary FROM contacts WHERE id = ?', [result.contactId]),
    ).toEqual({
      customer_id: existing,
      is_primary: 0,
    });
    expect(await row('SELECT email FROM customers WHERE id = ?', [existing])).toEqual({
      email: 'info@acme.com',
    });
  });

  it('refuses to convert a lead twice', async () => {
    const lead = await addLead({ name: 'Zhang Wei' });
    value(await api.convertLead(lead, { customer: 'new', createOpportunity: false }));
    const customers = await count('customers');
    const second = await api.convertLead(lead, { customer: 'new', createOpportunity: false });
    expect(second).toMatchObject({ ok: false, code: 'lead_already_converted' });
    expect(await count('customers')).toBe(customers);
    expect(value(await api.previewLeadConversion(lead)).alreadyConverted).toBe(true);
  });

  it('changes nothing when a step fails', async () => {
    const lead = await addLead({ name: 'Zhang Wei', company: 'Bad Phone Ltd', phone: 'call me maybe' });
    const before = await Promise.all(['customers', 'contacts', 'opportunities'].map(count));
    const badPhone = await api.convertLead(lead, { customer: 'new', createOpportunity: false });
    expect(badPhone).toMatchObject({ ok: false, code: 'validation', fields: { phone: 'invalid_phone' } });

    const good = await addLead({ name: 'Li Na', company: 'Good Ltd' });
    await engine.write((db) => {
      // The contact step fails after the customer insert ran (as a CHECK would).
      db.run(
        "CREATE TEMP TRIGGER fail_contact BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: test'); END",
      );
    });
    const failed = await api.convertLead(good, {
      customer: 'new',
      createOpportunity: true,
      stageId: await proposalStage(),
    });
    expect(failed).toMatchObject({ ok: false, code: 'constraint' });
    expect(await Promise.all(['customers', 'contacts', 'opportunities'].map(count))).toEqual(before);
    expect(await row('SELECT status, converted_at FROM leads WHERE id = ?', [good])).toEqual({
      status: 'qualified',
      converted_at: null,
    });
  });

  it('validates the opportunity before writing anything', async () => {
    const lead = await addLead({ name: 'Zhang Wei' });
    const won = await engine.read((db) => stageId(db, 'won'));
    const result = await api.convertLead(lead, {
      customer: 'new',
      createOpportunity: true,
      amountMinor: -5,
      stageId: won,
      expectedClose: '2026-13-45',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'validation',
      fields: { amountMinor: 'out_of_range', stageId: 'invalid_choice', expectedClose: 'invalid_choice' },
    });
    expect(await count('customers')).toBe(0);
    const missing = await api.convertLead(lead, { customer: 424242, createOpportunity: false });
    expect(missing).toMatchObject({ ok: false, fields: { customer: 'not_found' } });
  });
});
