import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan, ImportProgress } from '../../workers/db/features/import/api';
import { importHandlers as api } from '../../workers/db/features/import/handlers';
import { closeWorkspace, count, file, openWorkspace, rows, unwrap } from './import-setup';

const gbkFixture = readFileSync(new URL('../fixtures/import/customers-gbk.csv', import.meta.url));

beforeEach(async () => {
  await openWorkspace();
});
afterAll(closeWorkspace);

async function preview(content: string | Uint8Array, name = 'test.csv') {
  return unwrap(await api.importPreview(file(content, name)));
}

async function importAll(content: string | Uint8Array, plan: Partial<ImportPlan> = {}, name = 'test.csv') {
  const p = await preview(content, name);
  const recordType = plan.recordType ?? p.suggestedType;
  const full: ImportPlan = {
    recordType,
    mapping: p.suggested[recordType],
    policy: 'skip',
    allowInvalid: true,
    ...plan,
  };
  return { preview: p, result: unwrap(await api.importRun(p.token, full)).value };
}

describe('import of customers', () => {
  it('imports the GBK file with Chinese names intact, reports the invalid row and never imports it', async () => {
    const p = await preview(gbkFixture, 'customers-gbk.csv');
    expect(p.encoding).toBe('gb18030');
    expect(p.headers).toEqual(['客户名称', '电话', '邮箱', '行业', '地址', '阶段', '备注']);
    expect(p.suggestedType).toBe('customers');
    expect(p.suggested.customers).toEqual([
      'name',
      'phone',
      'email',
      'industry',
      'address',
      'stage',
      'notes',
    ]);
    const plan: ImportPlan = { recordType: 'customers', mapping: p.suggested.customers, policy: 'skip' };
    const report = unwrap(await api.importValidate(p.token, plan));
    expect(report).toMatchObject({ total: 4, valid: 3, invalid: 1, duplicates: 0 });
    expect(report.problems).toEqual([
      { row: 4, column: '邮箱', field: 'email', code: 'invalid_email', value: 'hengda-at-example' },
    ]);

    const refused = await api.importRun(p.token, plan);
    expect(refused).toMatchObject({ ok: false, code: 'import_needs_confirmation' });
    expect(await count('customers')).toBe(0);

    const { value } = unwrap(await api.importRun(p.token, { ...plan, allowInvalid: true }));
    expect(value).toMatchObject({ inserted: 3, updated: 0, skipped: 0, invalid: 1 });
    const stored = await rows('SELECT name, stage, phone, address FROM customers ORDER BY id');
    expect(stored).toEqual([
      {
        name: '华信科技有限公司',
        stage: 'prospect',
        phone: '010-6253 8899',
        address: '北京市海淀区中关村大街1号',
      },
      {
        name: '上海锦程贸易',
        stage: 'new',
        phone: '+86 21 5888 1234',
        address: '上海市浦东新区世纪大道88号',
      },
      { name: '深圳市鹏程电子', stage: 'lost', phone: '0755-8600 1234', address: '深圳市南山区科技园' },
    ]);
  });

  it('reports unknown stages, over-long names and missing names with the column they are in', async () => {
    const long = 'x'.repeat(201);
    const csv = `name,stage,email\nA,prospect,a@x.cn\n,new,\n${long},new,\nB,VIP,\n`;
    const p = await preview(csv);
    const report = unwrap(
      await api.importValidate(p.token, {
        recordType: 'customers',
        mapping: p.suggested.customers,
        policy: 'skip',
      }),
    );
    expect(report.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [3, 'name', 'required'],
      [4, 'name', 'too_long'],
      [5, 'stage', 'invalid_choice'],
    ]);
  });

  it('keeps formula-leading cells as plain text', async () => {
    const { result } = await importAll(`name,notes\n"=cmd|' /C calc'!A0",+SUM(A1)\n@evil,-2+3\n`);
    expect(result.inserted).toBe(2);
    expect(await rows('SELECT name, notes FROM customers ORDER BY id')).toEqual([
      { name: "=cmd|' /C calc'!A0", notes: '+SUM(A1)' },
      { name: '@evil', notes: '-2+3' },
    ]);
  });
});

describe('duplicate policies', () => {
  const first =
    'name,email,phone,industry\n华信科技,info@huaxin.cn,010-6253 8899,软件\n锦程贸易,,021 5888 1234,贸易\n';
  const second =
    'name,email,phone,industry\n' +
    '华信科技(北京),INFO@HUAXIN.CN,,硬件\n' + // same email, other case
    '锦程,,(021) 5888-1234,物流\n' + // same phone digits
    '恒达物流,,,物流\n' + // new
    '恒达物流,,,仓储\n'; // duplicate of the row above

  it('skip: duplicates by email, phone digits and name (also within the file) are left alone', async () => {
    await importAll(first);
    const { result } = await importAll(second, { policy: 'skip' });
    expect(result).toMatchObject({ inserted: 1, updated: 0, skipped: 3 });
    expect(await rows('SELECT name, industry FROM customers ORDER BY id')).toEqual([
      { name: '华信科技', industry: '软件' },
      { name: '锦程贸易', industry: '贸易' },
      { name: '恒达物流', industry: '物流' },
    ]);
  });

  it('reports which record or earlier row each duplicate matches', async () => {
    await importAll(first);
    const p = await preview(second);
    const report = unwrap(
      await api.importValidate(p.token, {
        recordType: 'customers',
        mapping: p.suggested.customers,
        policy: 'skip',
      }),
    );
    expect(report.duplicateMatches).toEqual([
      { row: 2, matchedBy: 'email', existingId: 1, earlierRow: null },
      { row: 3, matchedBy: 'phone', existingId: 2, earlierRow: null },
      { row: 5, matchedBy: 'name', existingId: null, earlierRow: 4 },
    ]);
  });

  it('update: overwrites only the values the file has, and undo restores the previous ones', async () => {
    await importAll(first);
    const { result } = await importAll(second, { policy: 'update' });
    expect(result).toMatchObject({ inserted: 1, updated: 3, skipped: 0 });
    expect(await rows('SELECT name, email, phone, industry FROM customers ORDER BY id')).toEqual([
      { name: '华信科技(北京)', email: 'INFO@HUAXIN.CN', phone: '010-6253 8899', industry: '硬件' },
      { name: '锦程', email: '', phone: '(021) 5888-1234', industry: '物流' },
      { name: '恒达物流', email: '', phone: '', industry: '仓储' },
    ]);
    const undo = unwrap(await api.undoImport(result.importId)).value;
    expect(undo).toEqual({ removed: 1, restored: 2 });
    expect(await rows('SELECT name, email, phone, industry FROM customers ORDER BY id')).toEqual([
      { name: '华信科技', email: 'info@huaxin.cn', phone: '010-6253 8899', industry: '软件' },
      { name: '锦程贸易', email: '', phone: '021 5888 1234', industry: '贸易' },
    ]);
    expect(await api.undoImport(result.importId)).toMatchObject({ ok: false, code: 'nothing_to_undo' });
    const history = unwrap(await api.listImports());
    expect(history[0]).toMatchObject({ id: result.importId, inserted: 1, updated: 3 });
    expect(history[0]!.undoneAt).not.toBeNull();
    expect(history[1]!.undoneAt).toBeNull();
  });

  it('create: duplicates become new records', async () => {
    await importAll(first);
    const { result } = await importAll(second, { policy: 'create' });
    expect(result).toMatchObject({ inserted: 4, skipped: 0 });
    expect(await count('customers')).toBe(6);
  });

  it('create is refused per row for product codes, which are unique', async () => {
    await importAll('code,name,price\nP-1,Widget,9.90\n', { recordType: 'products' });
    const { result } = await importAll('code,name,price\np-1,Widget 2,19.90\nP-2,Gadget,5\n', {
      recordType: 'products',
      policy: 'create',
    });
    expect(result).toMatchObject({ inserted: 1, invalid: 1 });
    const { result: updated } = await importAll('code,name,price\np-1,Widget 2,19.90\n', {
      recordType: 'products',
      policy: 'update',
    });
    expect(updated.updated).toBe(1);
    expect(await rows('SELECT code, name, price_minor FROM products ORDER BY id')).toEqual([
      { code: 'p-1', name: 'Widget 2', price_minor: 1990 },
      { code: 'P-2', name: 'Gadget', price_minor: 500 },
    ]);
  });
});

describe('contacts, leads, orders', () => {
  it('matches contacts to customers by name or email and says when none matches', async () => {
    await importAll('name,email\n华信科技,info@huaxin.cn\n');
    const csv =
      '姓名,公司,邮箱\n张伟,华信科技,zhang@huaxin.cn\n李娜,info@huaxin.cn,li@huaxin.cn\n王芳,不存在公司,wang@x.cn\n';
    const p = await preview(csv);
    expect(p.suggestedType).toBe('contacts');
    const plan: ImportPlan = { recordType: 'contacts', mapping: p.suggested.contacts, policy: 'skip' };
    const report = unwrap(await api.importValidate(p.token, plan));
    expect(report.problems).toEqual([
      { row: 4, column: '公司', field: 'customer', code: 'customer_not_found', value: '不存在公司' },
    ]);
    const { value } = unwrap(await api.importRun(p.token, { ...plan, allowInvalid: true }));
    expect(value).toMatchObject({ inserted: 2, invalid: 1 });
    expect(await rows('SELECT name, customer_id FROM contacts ORDER BY id')).toEqual([
      { name: '张伟', customer_id: 1 },
      { name: '李娜', customer_id: 1 },
    ]);
    // Same emails again: duplicates by email.
    const again = await importAll(csv, { recordType: 'contacts', policy: 'skip' });
    expect(again.result).toMatchObject({ inserted: 0, skipped: 2, invalid: 1 });
  });

  it('imports leads with Chinese status/source words, dates and scores, rejecting bad ones', async () => {
    const csv =
      '姓名,公司,来源,状态,评分,跟进日期,邮箱\n' +
      '赵磊,星河科技,展会,已联系,80,2024/6/1,zhao@xinghe.cn\n' +
      '钱多,,广告,新线索,101,2024-02-30,qian@\n';
    const p = await preview(csv);
    const plan: ImportPlan = {
      recordType: 'leads',
      mapping: p.suggested.leads,
      policy: 'skip',
      allowInvalid: true,
    };
    const report = unwrap(await api.importValidate(p.token, plan));
    expect(report.problems.map((problem) => [problem.row, problem.field, problem.code])).toEqual([
      [3, 'email', 'invalid_email'],
      [3, 'score', 'out_of_range'],
      [3, 'followUpOn', 'invalid_date'],
    ]);
    unwrap(await api.importRun(p.token, plan));
    expect(await rows('SELECT name, company, source, status, score, follow_up_on FROM leads')).toEqual([
      {
        name: '赵磊',
        company: '星河科技',
        source: 'event',
        status: 'contacted',
        score: 80,
        follow_up_on: '2024-06-01',
      },
    ]);
  });

  it('imports order headers against the schema’s CHECKs (status, total ≥ 0, unique number)', async () => {
    await importAll('name\n华信科技\n');
    const csv =
      '订单号,客户,日期,状态,金额\n' +
      'SO-1,华信科技,2024-05-01,已发货,"¥12,800.00"\n' +
      'SO-2,华信科技,2024/05/02,unknown,100\n' +
      'SO-3,华信科技,,已完成,-5\n' +
      'SO-4,没有这个客户,2024-05-03,草稿,1\n';
    const { result } = await importAll(csv, { recordType: 'orders' });
    expect(result).toMatchObject({ inserted: 1, invalid: 3 });
    expect(
      await rows('SELECT order_no, customer_id, order_date, status, total_minor, currency FROM orders'),
    ).toEqual([
      {
        order_no: 'SO-1',
        customer_id: 1,
        order_date: '2024-05-01',
        status: 'shipped',
        total_minor: 1280000,
        currency: 'CNY',
      },
    ]);
  });
});

describe('vCard import', () => {
  it('matches ORG to an existing customer or creates one, says which, and undo removes both', async () => {
    await importAll('name\n华信科技有限公司\n');
    const vcf = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nORG:华信科技有限公司\r\nEMAIL:zhang@huaxin.cn\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:John Smith\r\nORG:Acme Inc.\r\nTEL:+1 555 0100 200\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane Roe\r\nORG:Acme Inc.\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:独立顾问\r\nEND:VCARD',
    ].join('\r\n');
    const p = await preview(vcf, 'contacts.vcf');
    expect(p).toMatchObject({ format: 'vcard', rowCount: 4, suggestedType: 'contacts' });
    const plan: ImportPlan = { recordType: 'contacts', mapping: p.suggested.contacts, policy: 'skip' };
    const report = unwrap(await api.importValidate(p.token, plan));
    expect(report.customers).toEqual([
      { row: 1, customerName: '华信科技有限公司', customerId: 1, willCreate: false },
      { row: 2, customerName: 'Acme Inc.', customerId: null, willCreate: true },
      { row: 3, customerName: 'Acme Inc.', customerId: null, willCreate: true },
      { row: 4, customerName: '独立顾问', customerId: null, willCreate: true },
    ]);
    expect(report.customersToCreate).toBe(2);
    const { value } = unwrap(await api.importRun(p.token, plan));
    expect(value).toMatchObject({ inserted: 4, customersCreated: 2 });
    expect(
      await rows(
        'SELECT c.name AS contact, k.name AS customer, k.kind FROM contacts c JOIN customers k ON k.id = c.customer_id ORDER BY c.id',
      ),
    ).toEqual([
      { contact: '张伟', customer: '华信科技有限公司', kind: 'company' },
      { contact: 'John Smith', customer: 'Acme Inc.', kind: 'company' },
      { contact: 'Jane Roe', customer: 'Acme Inc.', kind: 'company' },
      { contact: '独立顾问', customer: '独立顾问', kind: 'person' },
    ]);
    unwrap(await api.undoImport(value.importId));
    expect(await count('contacts')).toBe(0);
    expect(await rows('SELECT name FROM customers')).toEqual([{ name: '华信科技有限公司' }]);
  });
});

describe('the run', () => {
  it('is all or nothing: a failure in the middle of the write changes nothing', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `客户${i},c${i}@x.cn`);
    const p = await preview(`name,email\n${lines.join('\n')}\n`);
    // A trigger that fails on row 40 stands in for any failure inside the transaction.
    const { runtime } = await import('../../workers/db/runtime');
    await runtime.engine!.read((db) =>
      db.exec(
        "CREATE TEMP TRIGGER boom BEFORE INSERT ON customers WHEN NEW.name = '客户40' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
      ),
    );
    const failed = await api.importRun(p.token, {
      recordType: 'customers',
      mapping: p.suggested.customers,
      policy: 'skip',
    });
    expect(failed).toMatchObject({ ok: false, code: 'import_failed' });
    expect(await count('customers')).toBe(0);
    expect(unwrap(await api.listImports())).toEqual([]);
  });

  it('can be cancelled while rows are being checked, and then imports nothing', async () => {
    const lines = Array.from(
      { length: 60000 },
      (_, i) => `客户${i},c${i}@x.cn,010-1234 ${String(i).padStart(4, '0')}`,
    );
    const p = await preview(`name,email,phone\n${lines.join('\n')}\n`);
    const phases: string[] = [];
    const running = api.importRun(
      p.token,
      { recordType: 'customers', mapping: p.suggested.customers, policy: 'skip' },
      (progress: ImportProgress) => {
        phases.push(progress.phase);
        if (progress.phase === 'validating' && progress.done > 0) void api.importCancel(p.token);
      },
    );
    expect(await running).toMatchObject({ ok: false, code: 'import_cancelled' });
    expect(phases).toContain('validating');
    expect(await count('customers')).toBe(0);
  });

  it('refuses an unknown token, a mapping without required fields, and a field mapped twice', async () => {
    expect(
      await api.importValidate('nope', { recordType: 'customers', mapping: [], policy: 'skip' }),
    ).toMatchObject({
      ok: false,
      code: 'import_expired',
    });
    const p = await preview('name,phone\nA,123456\n');
    expect(
      await api.importValidate(p.token, {
        recordType: 'customers',
        mapping: [null, 'phone'],
        policy: 'skip',
      }),
    ).toMatchObject({
      ok: false,
      code: 'import_unmapped',
      fields: { name: 'required' },
    });
    expect(
      await api.importValidate(p.token, {
        recordType: 'customers',
        mapping: ['name', 'name'],
        policy: 'skip',
      }),
    ).toMatchObject({
      ok: false,
      code: 'validation',
    });
  });
});

describe('saved mappings', () => {
  it('saves by name, replaces on the same name, lists and deletes', async () => {
    const saved = unwrap(
      await api.saveImportMapping(' CRM export ', 'customers', { 客户名称: 'name', 手机: 'phone' }),
    ).value;
    expect(saved).toMatchObject({ name: 'CRM export', recordType: 'customers' });
    unwrap(await api.saveImportMapping('CRM export', 'contacts', { 姓名: 'name' }));
    const list = unwrap(await api.listImportMappings());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'CRM export', recordType: 'contacts', columns: { 姓名: 'name' } });
    expect(await api.saveImportMapping('  ', 'customers', {})).toMatchObject({
      ok: false,
      fields: { name: 'required' },
    });
    unwrap(await api.deleteImportMapping(list[0]!.id));
    expect(unwrap(await api.listImportMappings())).toEqual([]);
  });
});
