/**
 * Outreach against the real schema in fake IndexedDB (the worker's engine with the audit trail): templates
 * and their validation, previews, who a send reaches and who it skips, the "I sent it" log, and survey
 * responses typed in or imported from CSV.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activitiesHandlers as activities } from '../../workers/db/features/activities/handlers';
import { marketingHandlers as marketing } from '../../workers/db/features/marketing/handlers';
import { outreachHandlers as api } from '../../workers/db/features/outreach/handlers';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { all, one } from '../../workers/db/repositories/sql';
import { runtime } from '../../workers/db/runtime';
import { closeWorkspace, failure, insert, openAuditedWorkspace, value } from './history-setup';

let engine: PersistenceEngine;
let owner: number;
let retail: number[];

interface ContactSpec {
  name: string;
  email?: string;
  primary?: boolean;
  unsubscribed?: boolean;
  doNotContact?: boolean;
}

async function addCustomer(name: string, industry: string, email = ''): Promise<number> {
  return insert(engine, 'INSERT INTO customers (name, industry, owner_id, email) VALUES (?, ?, ?, ?)', [
    name,
    industry,
    owner,
    email,
  ]);
}

async function addContact(customerId: number, spec: ContactSpec): Promise<number> {
  return insert(
    engine,
    `INSERT INTO contacts (customer_id, name, email, is_primary, unsubscribed, do_not_contact, title)
     VALUES (?, ?, ?, ?, ?, ?, '采购经理')`,
    [
      customerId,
      spec.name,
      spec.email ?? '',
      spec.primary ? 1 : 0,
      spec.unsubscribed ? 1 : 0,
      spec.doNotContact ? 1 : 0,
    ],
  );
}

async function retailView(): Promise<number> {
  return value(
    await records.saveView({
      entity: 'customer',
      name: 'Retail',
      shared: true,
      filter: { conditions: [{ field: 'industry', op: 'eq', value: 'Retail' }] },
      sort: null,
      columns: [],
      groupBy: null,
    }),
  ).value.id;
}

const template = async (subject: string, body: string, kind: 'email' | 'survey' = 'email') =>
  value(await api.saveTemplate({ name: `T ${subject}`, subject, body, kind })).value.id;

beforeEach(async () => {
  engine = await openAuditedWorkspace();
  owner = await insert(engine, "INSERT INTO users (name, email) VALUES ('李娜', 'lina@example.cn')", []);
  runtime.actorId = owner;
  retail = [
    await addCustomer('上海华联', 'Retail', 'info@hualian.cn'),
    await addCustomer('Beta Mart', 'Retail'),
    await addCustomer('Gamma Shops', 'Retail'),
    await addCustomer('No Contacts Ltd', 'Retail'),
  ];
  await addCustomer('Energy Co', 'Energy');
  // 上海华联: primary 张伟 and a second contact; Beta: primary unsubscribed + a reachable one;
  // Gamma: first-by-name contact without email, another one do-not-contact.
  await addContact(retail[0]!, { name: '张伟', email: 'zhangwei@hualian.cn', primary: true });
  await addContact(retail[0]!, { name: '王芳', email: 'wangfang@hualian.cn' });
  await addContact(retail[1]!, { name: 'Ann', email: 'ann@beta.com', primary: true, unsubscribed: true });
  await addContact(retail[1]!, { name: 'Bob', email: 'bob@beta.com' });
  await addContact(retail[2]!, { name: 'Carl', email: '' });
  await addContact(retail[2]!, { name: 'Dora', email: 'dora@gamma.com', doNotContact: true });
  // 张伟's address again (other case) on another customer's contact: a duplicate when sending to "all".
  await addContact(retail[2]!, { name: 'Eve', email: 'ZHANGWEI@hualian.cn' });
});
afterEach(() => closeWorkspace(engine));

describe('templates', () => {
  it('saves a template and refuses unknown merge fields, naming them', async () => {
    const id = await template('{{customer.name}} 春季新品', '{{contact.name}}您好！——{{owner.name}}');
    expect(value(await api.listTemplates()).map((t) => t.id)).toEqual([id]);

    const bad = failure(
      await api.saveTemplate({
        name: 'Typo',
        subject: 'Hi {{contact.nmae}}',
        body: '{{owner.phone}}',
        kind: 'email',
      }),
    );
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('{{contact.nmae}}');
    expect(bad.message).toContain('{{owner.phone}}');
    expect((bad as { fields?: unknown }).fields).toEqual({
      subject: 'invalid_choice',
      body: 'invalid_choice',
    });
    expect(failure(await api.saveTemplate({ name: 'T x', subject: '', body: '', kind: 'email' })).code).toBe(
      'validation',
    );
    expect(value(await api.listTemplates())).toHaveLength(1);

    const updated = value(
      await api.saveTemplate({ name: 'Renamed', subject: 'S', body: 'B', kind: 'survey' }, id),
    ).value;
    expect(updated).toMatchObject({ id, name: 'Renamed', kind: 'survey' });
    value(await api.deleteTemplate(id));
    expect(value(await api.listTemplates())).toEqual([]);
  });

  it('previews a template for a contact as plain text with customer, owner and opportunity values', async () => {
    const stage = Number(
      await engine.read((db) => one(db, "SELECT id FROM pipeline_stages WHERE code = 'proposal'")!.id),
    );
    await insert(
      engine,
      'INSERT INTO opportunities (name, customer_id, stage_id, amount_minor, currency) VALUES (?, ?, ?, ?, ?)',
      ['门店升级', retail[0]!, stage, 12345678, 'CNY'],
    );
    const zhang = Number(
      await engine.read((db) => one(db, "SELECT id FROM contacts WHERE name = '张伟'")!.id),
    );
    const id = await template(
      '{{customer.name}}：{{opportunity.name}}',
      '{{contact.name}}（{{contact.title}}）您好，金额 {{opportunity.amount}}，阶段 {{opportunity.stage}}。<b>{{owner.name}}</b> {{owner.email}}',
    );
    expect(value(await api.previewTemplate(id, zhang))).toEqual({
      subject: '上海华联：门店升级',
      body: '张伟（采购经理）您好，金额 CNY 123,456.78，阶段 方案报价。<b>李娜</b> lina@example.cn',
    });
    expect(failure(await api.previewTemplate(id, 9999)).code).toBe('not_found');
  });
});

describe('sending', () => {
  it('reaches one contact per customer of a saved view (primary first) and counts who is skipped', async () => {
    const view = await retailView();
    const id = await template('Spring offer', 'Hello, our catalogue is out.');
    const send = value(await api.prepareSend(id, { kind: 'view', savedViewId: view, contacts: 'primary' }));
    // 上海华联 → 张伟 (primary); Beta → Ann (primary, unsubscribed); Gamma → Carl (first by name, no email);
    // No Contacts Ltd → no contact; Energy Co is not in the view.
    expect(send.messages.map((m) => m.email)).toEqual(['zhangwei@hualian.cn']);
    expect(send.skipped).toEqual({
      unsubscribed: 1,
      doNotContact: 0,
      noEmail: 1,
      noContact: 1,
      duplicate: 0,
    });
    expect(send.personalized).toBe(false);
    expect(send.sender).toEqual({ name: '李娜', address: 'lina@example.cn' });
  });

  it('reaches every contact with mode "all", skipping do-not-contact and repeated addresses', async () => {
    const view = await retailView();
    const id = await template('{{contact.name}}', 'x');
    const send = value(await api.prepareSend(id, { kind: 'view', savedViewId: view, contacts: 'all' }));
    expect(send.messages.map((m) => [m.name, m.subject])).toEqual([
      // Customers by name (Beta Mart, Gamma Shops, 上海华联): Eve (Gamma) has the address first, so
      // 张伟's identical one counts as a duplicate.
      ['Bob', 'Bob'],
      ['Eve', 'Eve'],
      ['王芳', '王芳'],
    ]);
    expect(send.skipped).toEqual({
      unsubscribed: 1,
      doNotContact: 1,
      noEmail: 1,
      noContact: 1,
      duplicate: 1,
    });
    expect(send.personalized).toBe(true);
  });

  it('reaches a campaign’s contact members and its customer members’ primary contacts; leads have none', async () => {
    const campaign = await insert(engine, "INSERT INTO campaigns (name) VALUES ('春季展会')", []);
    const bob = Number(await engine.read((db) => one(db, "SELECT id FROM contacts WHERE name = 'Bob'")!.id));
    const lead = await insert(engine, "INSERT INTO leads (name, email) VALUES ('Lead', 'l@x.com')", []);
    value(
      await marketing.addMembers(campaign, {
        customerIds: [retail[0]!, retail[3]!],
        contactIds: [bob],
        leadIds: [lead],
      }),
    );
    const id = await template('Hi', 'x');
    const send = value(await api.prepareSend(id, { kind: 'campaign', campaignId: campaign }));
    expect(send.messages.map((m) => m.email).sort()).toEqual(['bob@beta.com', 'zhangwei@hualian.cn']);
    expect(send.skipped.noContact).toBe(2);
  });

  it('logs one done email activity per message in one write, shown on the customer timeline', async () => {
    const zhang = Number(
      await engine.read((db) => one(db, "SELECT id FROM contacts WHERE name = '张伟'")!.id),
    );
    const wang = Number(
      await engine.read((db) => one(db, "SELECT id FROM contacts WHERE name = '王芳'")!.id),
    );
    const before = await engine.read((db) => Number(one(db, 'SELECT count(*) AS n FROM activities')!.n));
    const written = value(
      await api.logSent([
        { contactId: zhang, subject: '春季新品', body: '张伟您好' },
        { contactId: wang, subject: '春季新品', body: '王芳您好' },
      ]),
    );
    expect(written.value).toBe(2);
    const rows = await engine.read((db) =>
      all(
        db,
        'SELECT type, subject, body, done, customer_id, contact_id, owner_id FROM activities ORDER BY id',
      ),
    );
    expect(rows.length - before).toBe(2);
    expect(rows.slice(-2)).toEqual([
      {
        type: 'email',
        subject: '春季新品',
        body: '张伟您好',
        done: 1,
        customer_id: retail[0],
        contact_id: zhang,
        owner_id: owner,
      },
      {
        type: 'email',
        subject: '春季新品',
        body: '王芳您好',
        done: 1,
        customer_id: retail[0],
        contact_id: wang,
        owner_id: owner,
      },
    ]);
    const timeline = value(await activities.customerTimeline(retail[0]!));
    expect(timeline.events.filter((e) => e.kind === 'activity' && e.title === '春季新品')).toHaveLength(2);

    // A contact that no longer exists rolls the whole log back.
    expect(
      failure(
        await api.logSent([
          { contactId: zhang, subject: 'A', body: '' },
          { contactId: 9999, subject: 'B', body: '' },
        ]),
      ).code,
    ).toBe('not_found');
    expect(
      await engine.read((db) =>
        Number(one(db, "SELECT count(*) AS n FROM activities WHERE subject = 'A'")!.n),
      ),
    ).toBe(0);
    expect(failure(await api.logSent([])).code).toBe('validation');
  });
});

describe('survey responses', () => {
  it('adds a response to a (new) survey and lists the customer’s responses', async () => {
    const saved = value(
      await api.addSurveyResponse({
        surveyName: '2026 满意度',
        customerId: retail[0]!,
        respondedAt: '2026-03-01',
        csat: 4,
        nps: 9,
        quality: 5,
        reliability: 4,
        responsiveness: null,
        price: 3,
      }),
    ).value;
    expect(saved).toMatchObject({ csat: 4, nps: 9, responsiveness: null, customerId: retail[0] });
    expect(value(await api.listSurveyNames())).toEqual(['2026 满意度']);
    expect(value(await api.listSurveyResponses(retail[0]!)).map((r) => r.surveyName)).toEqual([
      '2026 满意度',
    ]);
    const bad = failure(
      await api.addSurveyResponse({
        surveyName: '2026 满意度',
        customerId: retail[0]!,
        respondedAt: '2026-02-30',
        csat: 6,
        nps: 11,
        quality: null,
        reliability: null,
        responsiveness: null,
        price: null,
      }),
    );
    expect(bad.code).toBe('validation');
  });

  it('checks a CSV row by row (customer, date, ranges) and imports only a fully valid file', async () => {
    const csv = [
      'Customer,Date,CSAT,NPS,Quality,Reliability,Responsiveness,Price',
      'info@hualian.cn,2026-03-01,5,10,5,5,4,3',
      'Beta Mart,2026-03-02,0,11,,,,',
      'Nobody,2026-13-01,3,7,x,,,',
      'Gamma Shops,2026-03-03,,,,,,',
    ].join('\n');
    const report = value(await api.checkSurveyImport('Q1', csv));
    expect(report).toMatchObject({ rows: 4, valid: 1, imported: 0 });
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'csat', 'out_of_range'],
      [3, 'nps', 'out_of_range'],
      [4, 'customer', 'unknown_customer'],
      [4, 'date', 'invalid_date'],
      [4, 'quality', 'invalid_number'],
      [5, null, 'no_scores'],
    ]);
    const refused = value(await api.importSurveyResponses('Q1', csv)).value;
    expect(refused.imported).toBe(0);
    expect(await engine.read((db) => Number(one(db, 'SELECT count(*) AS n FROM survey_responses')!.n))).toBe(
      0,
    );

    const good = 'customer;date;csat;nps\n上海华联;2026-03-01;5;10\nbeta mart;2026-03-02;2;3\n';
    const imported = value(await api.importSurveyResponses('Q1', good)).value;
    expect(imported).toMatchObject({ rows: 2, valid: 2, imported: 2, problems: [] });
    expect(
      await engine.read((db) =>
        all(db, 'SELECT customer_id, csat, nps, quality FROM survey_responses ORDER BY id'),
      ),
    ).toEqual([
      { customer_id: retail[0], csat: 5, nps: 10, quality: null },
      { customer_id: retail[1], csat: 2, nps: 3, quality: null },
    ]);
    const missing = value(await api.checkSurveyImport('Q1', 'who,when,csat\nx,y,1'));
    expect(missing.problems.map((p) => p.column)).toEqual(['customer', 'date']);
  });
});
