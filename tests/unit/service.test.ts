import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import { serviceHandlers as api } from '../../workers/db/features/service/handlers';
import { subjectTerms } from '../../workers/db/features/service/terms';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { one } from '../../workers/db/repositories/sql';
import { isOverdue, stepInput, CASE_STEPS } from '../../src/views/service/case-flow';
import { closeWorkspace, failure, openAuditedWorkspace, value } from './history-setup';
import { addArticle, addCase, addCustomer } from './service-setup';

let engine: PersistenceEngine;
let customer: number;

beforeEach(async () => {
  engine = await openAuditedWorkspace();
  customer = await addCustomer(engine, '星河贸易');
});
afterEach(() => closeWorkspace(engine));

const titles = (list: { title: string }[]) => list.map((a) => a.title);

describe('case ↔ article links', () => {
  it('links an article once, lists it on both sides, unlinks, and follows deletes', async () => {
    const kase = await addCase(engine, customer, 'Printer offline');
    const article = await addArticle(engine, { title: 'Printer troubleshooting', body: 'Restart it.' });

    const link = value(await api.linkArticle(kase, article)).value;
    expect(link).toMatchObject({
      articleId: article,
      title: 'Printer troubleshooting',
      excerpt: 'Restart it.',
    });
    expect(failure(await api.linkArticle(kase, article)).code).toBe('article_already_linked');
    expect(failure(await api.linkArticle(kase, 9999)).code).toBe('not_found');
    expect(value(await api.caseArticles(kase))).toHaveLength(1);

    const cases = value(await api.articleCases(article));
    expect(cases.total).toBe(1);
    expect(cases.cases[0]).toMatchObject({
      caseId: kase,
      subject: 'Printer offline',
      customerName: '星河贸易',
    });
    expect(value(await api.caseCountForArticle(article))).toBe(1);

    // The link is in the audit log like any business row.
    const audited = await engine.read((db) =>
      one(db, "SELECT action FROM audit_log WHERE table_name = 'case_articles' AND row_id = ?", [
        link.linkId,
      ]),
    );
    expect(audited).toEqual({ action: 'insert' });

    value(await api.unlinkArticle(link.linkId));
    expect(value(await api.caseArticles(kase))).toEqual([]);
    expect(failure(await api.unlinkArticle(link.linkId)).code).toBe('not_found');

    // Deleting the article takes its links with it.
    value(await api.linkArticle(kase, article));
    value(await records.deleteRecords('article', { ids: [article] }));
    expect(value(await api.caseArticles(kase))).toEqual([]);
  });
});

describe('article suggestions', () => {
  it('finds published English articles sharing words with the subject, title hits first', async () => {
    const kase = await addCase(engine, customer, 'The printer cannot connect to the office network');
    await addArticle(engine, { title: 'Connecting a printer to Wi-Fi', body: 'Open the settings.' });
    await addArticle(engine, { title: 'Office hours', body: 'We help with any network question.' });
    await addArticle(engine, { title: 'Printer drivers', status: 'draft' });
    await addArticle(engine, { title: 'Invoices and receipts', body: 'How to download an invoice.' });

    expect(titles(value(await api.suggestArticles(kase)))).toEqual([
      'Connecting a printer to Wi-Fi',
      'Office hours',
    ]);
  });

  it('finds Chinese articles by two-character pieces of the subject, in title, tags or body', async () => {
    const kase = await addCase(engine, customer, '打印机无法连接网络');
    const byTitle = await addArticle(engine, { title: '打印机连接故障排查' });
    await addArticle(engine, { title: '路由器设置', tags: ['网络', '路由'] });
    await addArticle(engine, { title: '发票开具流程', body: '在财务系统中开具发票。' });

    expect(titles(value(await api.suggestArticles(kase)))).toEqual(['打印机连接故障排查', '路由器设置']);

    // Once linked, an article is no longer suggested.
    value(await api.linkArticle(kase, byTitle));
    expect(titles(value(await api.suggestArticles(kase)))).toEqual(['路由器设置']);
  });

  it('picks the specific words of a subject', () => {
    expect(subjectTerms('Why does the invoice export fail?')).toEqual(['invoice', 'export', 'fail']);
    expect(subjectTerms('退款')).toEqual(['退款']);
    expect(subjectTerms('我的订单')).toEqual(['的订', '订单']);
    expect(subjectTerms('!!')).toEqual([]);
  });

  it('searches published articles only, in any language', async () => {
    await addArticle(engine, { title: '退货政策', body: '七天无理由退货。' });
    await addArticle(engine, { title: 'Return policy draft', body: 'returns', status: 'draft' });
    await addArticle(engine, { title: 'Shipping', body: 'Returns are shipped back free of charge.' });
    expect(titles(value(await api.searchArticles('退货')))).toEqual(['退货政策']);
    expect(titles(value(await api.searchArticles('returns')))).toEqual(['Shipping']);
    expect(value(await api.searchArticles('100%'))).toEqual([]);
  });
});

describe('case status flow', () => {
  async function editable(): Promise<string[]> {
    const def = value(await records.recordDefinition('case'));
    return def.fields.filter((f) => !f.readOnly).map((f) => f.key);
  }

  it('stamps the SLA from priority and resolved_at on resolving; reopening clears them', async () => {
    const created = value(
      await records.createRecord('case', {
        subject: 'Screen flickers',
        customerId: customer,
        type: 'after_sales',
        priority: 'urgent',
        status: 'open',
      }),
    ).value;
    const hours = (Date.parse(String(created.slaDue)) - Date.parse(String(created.createdAt))) / 3_600_000;
    expect(hours).toBe(4);
    expect(created.resolvedAt).toBeNull();
    const keys = await editable();

    let row = created;
    for (const to of ['in_progress', 'waiting', 'in_progress'] as const) {
      expect(CASE_STEPS[row.status as 'open'].map((s) => s.to)).toContain(to);
      row = value(await records.updateRecord('case', row.id, stepInput(row, keys, to))).value;
      expect(row.status).toBe(to);
      expect(row.resolvedAt).toBeNull();
    }

    // A score while the case is still being worked on is refused with a field message.
    const early = failure(
      await records.updateRecord('case', row.id, { ...stepInput(row, keys, 'waiting'), csat: 4 }),
    );
    expect(early.code).toBe('validation');

    const resolved = value(
      await records.updateRecord(
        'case',
        row.id,
        stepInput(row, keys, 'resolved', { resolution: 'Replaced cable' }),
      ),
    ).value;
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Replaced cable' });
    expect(resolved.resolvedAt).toEqual(expect.any(String));

    const closed = value(
      await records.updateRecord('case', row.id, stepInput(resolved, keys, 'closed', { csat: 5 })),
    ).value;
    expect(closed).toMatchObject({ status: 'closed', csat: 5, resolvedAt: resolved.resolvedAt });

    const reopened = value(await records.updateRecord('case', row.id, stepInput(closed, keys, 'open'))).value;
    expect(reopened).toMatchObject({ status: 'open', csat: null, resolvedAt: null });
  });

  it('calls a case overdue only while it is worked on and past its deadline', () => {
    const now = Date.parse('2026-03-16T10:00:00Z');
    expect(isOverdue('open', '2026-03-16T09:59:00Z', now)).toBe(true);
    expect(isOverdue('waiting', '2026-03-16T09:59:00Z', now)).toBe(true);
    expect(isOverdue('open', '2026-03-16T10:01:00Z', now)).toBe(false);
    expect(isOverdue('resolved', '2026-03-01T00:00:00Z', now)).toBe(false);
    expect(isOverdue('closed', '2026-03-01T00:00:00Z', now)).toBe(false);
    expect(isOverdue('open', null, now)).toBe(false);
  });
});
