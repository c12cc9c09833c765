import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { duplicatesHandlers as api } from '../../workers/db/features/duplicates/handlers';
import {
  normalizeName,
  normalizePhone,
  phoneDigitsSql,
  withinOneEdit,
} from '../../workers/db/features/duplicates/normalize';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { closeWorkspace, everyRow, failure, insert, openAuditedWorkspace, value } from './history-setup';

let engine: PersistenceEngine;

beforeEach(async () => {
  engine = await openAuditedWorkspace();
});
afterEach(() => closeWorkspace(engine));

const customer = (
  name: string,
  fields: { phone?: string; email?: string; kind?: string; address?: string } = {},
) =>
  insert(engine, 'INSERT INTO customers (name, phone, email, kind, address) VALUES (?, ?, ?, ?, ?)', [
    name,
    fields.phone ?? '',
    fields.email ?? '',
    fields.kind ?? 'company',
    fields.address ?? '',
  ]);

const contact = (
  customerId: number,
  name: string,
  fields: { phone?: string; email?: string; primary?: boolean } = {},
) =>
  insert(
    engine,
    'INSERT INTO contacts (customer_id, name, phone, email, is_primary) VALUES (?, ?, ?, ?, ?)',
    [customerId, name, fields.phone ?? '', fields.email ?? '', fields.primary ? 1 : 0],
  );

async function groupsOf(entity: 'customer' | 'contact') {
  const scan = value(await api.findDuplicates(entity));
  return scan.groups.map((group) => ({ reasons: group.reasons, ids: group.members.map((m) => m.id) }));
}

describe('normalisation', () => {
  it('folds phones to digits without the +86 prefix, in JavaScript and SQL alike', async () => {
    const phones = [
      '+86 138-0013-8000',
      '0086 13800138000',
      '(138) 0013 8000',
      '8613800138000',
      '010-6512.3456',
      '123',
    ];
    expect(phones.map(normalizePhone)).toEqual([
      '13800138000',
      '13800138000',
      '13800138000',
      '13800138000',
      '01065123456',
      '',
    ]);
    const inSql = await engine.read((db: Database) =>
      phones.map((phone) =>
        String(db.exec(`SELECT ${phoneDigitsSql('p')} FROM (SELECT ? AS p)`, [phone])[0]!.values[0]![0]),
      ),
    );
    expect(inSql.slice(0, 5)).toEqual(phones.slice(0, 5).map(normalizePhone));
  });

  it('folds width, case, spacing and company forms in names', () => {
    expect(normalizeName('华信科技有限公司')).toBe('华信科技');
    expect(normalizeName('华信 科技')).toBe('华信科技');
    expect(normalizeName('ＡＣＭＥ Ｃｏ．， Ｌｔｄ．')).toBe('acme');
    expect(normalizeName('Acme Inc.')).toBe('acme');
    expect(normalizeName('Costco')).toBe('costco');
    expect(normalizeName('有限公司')).toBe('有限公司');
    expect(withinOneEdit('华信科技', '华信科枝')).toBe(true);
    expect(withinOneEdit('acmeltd', 'acmelt')).toBe(true);
    expect(withinOneEdit('北方重工', '南方重汽')).toBe(false);
  });
});

describe('finding duplicates', () => {
  it('groups customers by email, phone and folded name, and leaves distinct ones alone', async () => {
    const a = await customer('华信科技有限公司', { phone: '+86 138-0013-8000' });
    const b = await customer('华信科技', { phone: '13800138000' });
    const c = await customer('Acme Ltd', { email: ' Sales@Acme.com' });
    const d = await customer('Acme Trading', { email: 'sales@acme.com' });
    const e = await customer('ＢＥＩＦＡＮＧ Ｃｏ．， Ｌｔｄ．');
    const f = await customer('Beifang');
    // Distinct people with the same common name, different addresses; other companies.
    await customer('王伟', { kind: 'person', address: '北京', phone: '13911112222' });
    await customer('王伟', { kind: 'person', address: '上海', phone: '13933334444' });
    await customer('北方重工', { phone: '010-1111111' });
    await customer('南方重汽', { phone: '010-2222222' });

    const groups = await groupsOf('customer');
    expect(groups).toContainEqual({ reasons: ['phone', 'name'], ids: [a, b] });
    expect(groups).toContainEqual({ reasons: ['email'], ids: [c, d] });
    expect(groups).toContainEqual({ reasons: ['name'], ids: [e, f] });
    expect(groups).toHaveLength(3);
    // Newest first: the group whose newest member was added last leads.
    expect(groups[0]!.ids).toEqual([e, f]);
  });

  it('groups same-name people only at the same address, and one-edit names within an email domain', async () => {
    const p1 = await customer('张 伟', { kind: 'person', address: '北京市朝阳区' });
    const p2 = await customer('张伟', { kind: 'person', address: '北京市朝阳区' });
    const t1 = await customer('华信科技集团', { email: 'info@huaxin.cn' });
    const t2 = await customer('华信科枝集团', { email: 'sales@huaxin.cn' });
    const groups = await groupsOf('customer');
    expect(groups).toContainEqual({ reasons: ['name'], ids: [p1, p2] });
    expect(groups).toContainEqual({ reasons: ['similar_name'], ids: [t1, t2] });
  });

  it('groups contacts by phone and by name within the same customer only', async () => {
    const acme = await customer('Acme');
    const other = await customer('Other');
    const x = await contact(acme, '李娜', { phone: '+86 139 0000 1111' });
    const y = await contact(other, 'Li Na', { phone: '13900001111' });
    const z1 = await contact(acme, '王芳');
    const z2 = await contact(acme, '王 芳');
    await contact(other, '王芳'); // same name, another customer: a different person
    const groups = await groupsOf('contact');
    expect(groups).toContainEqual({ reasons: ['phone'], ids: [x, y] });
    expect(groups).toContainEqual({ reasons: ['name'], ids: [z1, z2] });
    expect(groups).toHaveLength(2);
  });

  it('reports progress and refuses other record types', async () => {
    await customer('A');
    const phases: string[] = [];
    value(await api.findDuplicates('customer', {}, (p) => phases.push(p.phase)));
    expect(phases).toEqual(['email', 'phone', 'name', 'details']);
    expect(failure(await api.findDuplicates('orders' as 'customer')).code).toBe('merge_invalid');
  });
});

/** A customer with one of everything that can point at it. */
async function richCustomer(name: string, phone: string) {
  const id = await customer(name, { phone });
  return id;
}

describe('merging', () => {
  it('moves every related row to the survivor, drops colliding memberships, and undo restores exactly', async () => {
    const user = await insert(engine, "INSERT INTO users (name) VALUES ('李娜')", []);
    const keep = await richCustomer('华信科技', '13800138000');
    const gone = await richCustomer('华信科技有限公司', '+86 138 0013 8000');
    const third = await customer('Partner');
    await engine.write((db) =>
      db.run('UPDATE customers SET owner_id = ?, industry = ? WHERE id = ?', [user, '制造', gone]),
    );
    const keepPrimary = await contact(keep, '王伟', { primary: true });
    const gonePrimary = await contact(gone, '李娜', { primary: true });
    const campaign = await insert(engine, "INSERT INTO campaigns (name) VALUES ('春季')", []);
    const campaign2 = await insert(engine, "INSERT INTO campaigns (name) VALUES ('秋季')", []);
    await insert(engine, 'INSERT INTO campaign_members (campaign_id, customer_id) VALUES (?, ?)', [
      campaign,
      keep,
    ]);
    await insert(engine, 'INSERT INTO campaign_members (campaign_id, customer_id) VALUES (?, ?)', [
      campaign,
      gone,
    ]);
    await insert(engine, 'INSERT INTO campaign_members (campaign_id, customer_id) VALUES (?, ?)', [
      campaign2,
      gone,
    ]);
    await insert(
      engine,
      "INSERT INTO customer_relationships (customer_id, related_customer_id, type) VALUES (?, ?, 'colleague')",
      [gone, keep],
    );
    await insert(
      engine,
      "INSERT INTO customer_relationships (customer_id, related_customer_id, type) VALUES (?, ?, 'client')",
      [third, gone],
    );
    await insert(
      engine,
      "INSERT INTO customer_relationships (customer_id, related_customer_id, type) VALUES (?, ?, 'client')",
      [third, keep],
    );
    const definition = await insert(
      engine,
      "INSERT INTO custom_field_definitions (entity, key, label, type) VALUES ('customer', 'tier', 'Tier', 'text')",
      [],
    );
    const definition2 = await insert(
      engine,
      "INSERT INTO custom_field_definitions (entity, key, label, type) VALUES ('customer', 'region', 'Region', 'text')",
      [],
    );
    await insert(
      engine,
      'INSERT INTO custom_field_values (definition_id, customer_id, value) VALUES (?, ?, ?)',
      [definition, keep, 'A'],
    );
    await insert(
      engine,
      'INSERT INTO custom_field_values (definition_id, customer_id, value) VALUES (?, ?, ?)',
      [definition, gone, 'B'],
    );
    await insert(
      engine,
      'INSERT INTO custom_field_values (definition_id, customer_id, value) VALUES (?, ?, ?)',
      [definition2, gone, '华东'],
    );
    const stage = await insert(
      engine,
      "INSERT INTO pipeline_stages (name, position) VALUES ('合并测试阶段', 99)",
      [],
    );
    const opportunity = await insert(
      engine,
      "INSERT INTO opportunities (name, customer_id, stage_id) VALUES ('扩容', ?, ?)",
      [gone, stage],
    );
    const order = await insert(
      engine,
      "INSERT INTO orders (customer_id, order_date) VALUES (?, '2026-03-01')",
      [gone],
    );
    const contract = await insert(
      engine,
      "INSERT INTO contracts (title, customer_id, start_date) VALUES ('年框', ?, '2026-01-01')",
      [gone],
    );
    const kase = await insert(engine, "INSERT INTO cases (subject, customer_id) VALUES ('投诉', ?)", [gone]);
    const activity = await insert(
      engine,
      "INSERT INTO activities (type, subject, customer_id) VALUES ('call', '回访', ?)",
      [gone],
    );
    const lead = await insert(engine, "INSERT INTO leads (name, converted_customer_id) VALUES ('线索', ?)", [
      gone,
    ]);
    const survey = await insert(engine, "INSERT INTO surveys (name) VALUES ('满意度')", []);
    const response = await insert(
      engine,
      "INSERT INTO survey_responses (survey_id, customer_id, responded_at) VALUES (?, ?, '2026-03-01')",
      [survey, gone],
    );

    const before = await everyRow(engine, ['audit_log', 'merges', 'sqlite_sequence']);

    const preview = value(await api.previewRecordMerge('customer', keep, [gone]));
    expect(preview.fields.find((f) => f.column === 'owner_id')).toMatchObject({
      differs: true,
      display: { [keep]: '', [gone]: '李娜' },
    });
    const moves = Object.fromEntries(preview.moves.map((m) => [m.table, m.rows]));
    expect(moves).toMatchObject({
      contacts: 1,
      campaign_members: 2,
      customer_relationships: 2,
      custom_field_values: 2,
      opportunities: 1,
      orders: 1,
      contracts: 1,
      cases: 1,
      activities: 1,
      leads: 1,
      survey_responses: 1,
    });

    const { value: receipt } = value(
      await api.mergeRecords('customer', keep, [gone], { owner_id: gone, industry: gone, name: keep }),
    );
    const after = await engine.read((db) => {
      const ask = (sql: string, params: (number | string)[] = []) => db.exec(sql, params)[0]?.values ?? [];
      return {
        survivor: ask('SELECT name, owner_id, industry FROM customers WHERE id = ?', [keep]),
        gone: ask('SELECT 1 FROM customers WHERE id = ?', [gone]),
        contacts: ask('SELECT id, is_primary FROM contacts WHERE customer_id = ? ORDER BY id', [keep]),
        members: ask('SELECT campaign_id FROM campaign_members WHERE customer_id = ? ORDER BY campaign_id', [
          keep,
        ]),
        relations: ask(
          'SELECT customer_id, related_customer_id, type FROM customer_relationships ORDER BY id',
        ),
        values: ask(
          'SELECT definition_id, value FROM custom_field_values WHERE customer_id = ? ORDER BY definition_id',
          [keep],
        ),
        moved: [
          ask('SELECT customer_id FROM opportunities WHERE id = ?', [opportunity]),
          ask('SELECT customer_id FROM orders WHERE id = ?', [order]),
          ask('SELECT customer_id FROM contracts WHERE id = ?', [contract]),
          ask('SELECT customer_id FROM cases WHERE id = ?', [kase]),
          ask('SELECT customer_id FROM activities WHERE id = ?', [activity]),
          ask('SELECT converted_customer_id FROM leads WHERE id = ?', [lead]),
          ask('SELECT customer_id FROM survey_responses WHERE id = ?', [response]),
        ].map((rows) => rows[0]?.[0]),
        orphans: ask('PRAGMA foreign_key_check'),
      };
    });
    expect(after.survivor).toEqual([['华信科技', user, '制造']]);
    expect(after.gone).toEqual([]);
    // Both contacts now belong to the survivor; its own primary contact stays the only primary.
    expect(after.contacts).toEqual([
      [keepPrimary, 1],
      [gonePrimary, 0],
    ]);
    expect(after.members).toEqual([[campaign], [campaign2]]);
    // The relation to the survivor itself is gone; the partner's second "client" relation is not repeated.
    expect(after.relations).toEqual([[third, keep, 'client']]);
    expect(after.values).toEqual([
      [definition, 'A'],
      [definition2, '华东'],
    ]);
    expect(after.moved).toEqual(Array(7).fill(keep));
    expect(after.orphans).toEqual([]);
    expect(receipt.removedRows).toBe(5); // the merged customer, 1 membership, 2 relations, 1 custom value

    value(await api.undoMerge(receipt.mergeId));
    expect(await everyRow(engine, ['audit_log', 'merges', 'sqlite_sequence'])).toEqual(before);
    expect(failure(await api.undoMerge(receipt.mergeId)).code).toBe('merge_already_undone');
  });

  it('merges contacts with their activities and memberships, and undo restores them', async () => {
    const acme = await customer('Acme');
    const keep = await contact(acme, '李娜', { phone: '13900001111' });
    const gone = await contact(acme, 'Li Na', { phone: '+86 139 0000 1111', email: 'li@acme.com' });
    const campaign = await insert(engine, "INSERT INTO campaigns (name) VALUES ('春季')", []);
    await insert(engine, 'INSERT INTO campaign_members (campaign_id, contact_id) VALUES (?, ?)', [
      campaign,
      keep,
    ]);
    await insert(engine, 'INSERT INTO campaign_members (campaign_id, contact_id) VALUES (?, ?)', [
      campaign,
      gone,
    ]);
    const activity = await insert(
      engine,
      "INSERT INTO activities (type, subject, customer_id, contact_id) VALUES ('call', 'x', ?, ?)",
      [acme, gone],
    );
    const before = await everyRow(engine, ['audit_log', 'merges', 'sqlite_sequence']);
    const { value: receipt } = value(await api.mergeRecords('contact', keep, [gone], { email: gone }));
    const state = await engine.read((db) => ({
      contact: db.exec('SELECT name, email FROM contacts WHERE id = ?', [keep])[0]?.values,
      activity: db.exec('SELECT contact_id FROM activities WHERE id = ?', [activity])[0]?.values[0]?.[0],
      members: db.exec('SELECT count(*) FROM campaign_members')[0]?.values[0]?.[0],
    }));
    expect(state).toEqual({ contact: [['李娜', 'li@acme.com']], activity: keep, members: 1 });
    value(await api.undoMerge(receipt.mergeId));
    expect(await everyRow(engine, ['audit_log', 'merges', 'sqlite_sequence'])).toEqual(before);
  });

  it('refuses bad merge requests and an undo after the survivor changed, changing nothing', async () => {
    const a = await customer('A', { phone: '13800138000' });
    const b = await customer('B', { phone: '13800138000' });
    expect(failure(await api.mergeRecords('customer', a, [], {})).code).toBe('merge_invalid');
    expect(failure(await api.mergeRecords('customer', a, [a], {})).code).toBe('merge_invalid');
    expect(failure(await api.mergeRecords('customer', a, [999], {})).code).toBe('not_found');
    expect(failure(await api.mergeRecords('customer', a, [b], { created_at: b })).code).toBe('merge_invalid');
    expect(failure(await api.mergeRecords('customer', a, [b], { name: 12345 })).code).toBe('merge_invalid');
    const { value: receipt } = value(await api.mergeRecords('customer', a, [b], { name: b }));
    await engine.write((db) => db.run("UPDATE customers SET name = 'Renamed' WHERE id = ?", [a]));
    const refused = failure(await api.undoMerge(receipt.mergeId));
    expect(refused.code).toBe('merge_changed_since');
    expect(await engine.read((db) => db.exec('SELECT count(*) FROM customers')[0]!.values[0]![0])).toBe(1);
  });
});
