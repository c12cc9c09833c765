/**
 * The analytics path end to end in Node: the DB worker's data handlers read typed columns from a workspace
 * holding the demo data, the analytics service runs every analysis kind on them, and write-back puts
 * segments and churn risks onto customers where the list filters and campaign segments can use them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsService } from '../../workers/analytics/service';
import type { AnalysisRequest, AnalyticsWorkerApi, ResultOf } from '../../workers/analytics/contract';
import { generateDemoData } from '../../workers/db/demo/demo-data';
import { analyticsDataHandlers, analyticsHandlers } from '../../workers/db/features/analytics/handlers';
import { orderData, pipelineColumns } from '../../workers/db/features/analytics/columns';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import { marketingHandlers } from '../../workers/db/features/marketing/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import { closeWorkspace, openAuditedWorkspace, value } from './history-setup';

// Analyses are as of today, so the demo data is generated up to now (deterministic relative to it).
const NOW = new Date();
let engine: PersistenceEngine;
let service: AnalyticsWorkerApi;
let version = 1;
const base = { currency: 'CNY', dataVersion: 1 };

async function run<R extends AnalysisRequest>(request: R): Promise<ResultOf<R['kind']>> {
  return value(await service.run({ ...request, dataVersion: version }));
}

beforeAll(async () => {
  engine = await openAuditedWorkspace();
  await engine.bulkWrite((db) => generateDemoData(db, { locale: 'zh-CN', seed: 11, now: NOW }));
  service = createAnalyticsService();
  service.connectDirect(analyticsDataHandlers);
}, 60_000);
afterAll(() => closeWorkspace(engine));

describe('columns', () => {
  it('align every sale with its customer and convert minor units and dates', async () => {
    const { sales, check } = await engine.read((db) => ({
      sales: orderData(db, 'CNY'),
      check: db.exec(
        `SELECT count(*), sum(total_minor) FROM orders WHERE currency = 'CNY' AND status NOT IN ('draft', 'cancelled')`,
      )[0]!.values[0]!,
    }));
    expect(sales.customerIndex.length).toBe(Number(check[0]));
    expect(sales.amount.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(check[1]) / 100, 2);
    expect(sales.customerIds.length).toBe(500);
    for (let i = 0; i < sales.customerIndex.length; i++) {
      expect(sales.customerIndex[i]).toBeGreaterThanOrEqual(0);
      expect(sales.day[i]).toBeLessThanOrEqual(sales.asOfDay);
    }
  });

  it('know the stage a deal was lost at from the audit log (a deal lost through the app)', async () => {
    const [id, proposal, lost] = await engine.read((db) => {
      const stage = (code: string) =>
        Number(db.exec('SELECT id FROM pipeline_stages WHERE code = ?', [code])[0]!.values[0]![0]);
      const deal = Number(
        db.exec('SELECT id FROM opportunities WHERE stage_id = ? LIMIT 1', [stage('proposal')])[0]!
          .values[0]![0],
      );
      return [deal, stage('proposal'), stage('lost')];
    });
    await engine.write((db) =>
      db.run("UPDATE opportunities SET stage_id = ?, lost_reason = 'price' WHERE id = ?", [lost, id]),
    );
    const columns = await engine.read((db) => ({
      ...pipelineColumns(db),
      ids: db.exec('SELECT id FROM opportunities ORDER BY id')[0]!.values.map((r) => Number(r[0])),
    }));
    const row = columns.ids.indexOf(id);
    expect(columns.stages[columns.lostFromStage[row]!]!.id).toBe(proposal);
    // Deals lost without an audited move (the demo's) say so with −1.
    const others = columns.ids.filter(
      (_, i) => i !== row && columns.stages[columns.stage[i]!]!.kind === 'lost',
    );
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((other) => columns.lostFromStage[columns.ids.indexOf(other)] === -1)).toBe(true);
  });

  it('refuse a currency without sales with a clear message', async () => {
    const result = await service.run({ kind: 'rfm', currency: 'XYZ', dataVersion: version });
    expect(result).toMatchObject({
      ok: false,
      code: 'empty',
      message: 'there are no sales in XYZ to analyse yet',
    });
  });
});

describe('customer value', () => {
  it('RFM: named segments cover every customer with sales, the grid sums to them, top customers are named', async () => {
    const rfm = await run({ kind: 'rfm', ...base });
    const inSegments = rfm.segments.reduce((sum, s) => sum + s.customers, 0);
    expect(inSegments).toBe(rfm.customersWithOrders);
    expect(rfm.grid.reduce((a, b) => a + b, 0)).toBe(rfm.customersWithOrders);
    expect(rfm.customersWithOrders + rfm.customersWithout).toBe(500);
    expect(rfm.top).toHaveLength(20);
    expect(rfm.top[0]!.monetary).toBeGreaterThanOrEqual(rfm.top[19]!.monetary);
    expect(rfm.top[0]!.name).not.toMatch(/^#/);
  });

  it('CLV: discounted CLV grows with margin and falls with the discount rate', async () => {
    const request = {
      kind: 'clv' as const,
      ...base,
      lifespanYears: 3,
      margin: 0.3,
      discountRate: 0.1,
      retention: null,
    };
    const low = await run(request);
    const high = await run({ ...request, margin: 0.6 });
    const dearMoney = await run({ ...request, discountRate: 0.5 });
    expect(low.retention).toBeGreaterThan(0);
    expect(low.retention).toBeLessThan(1);
    expect(low.retentionEstimated).toBe(true);
    expect(high.meanDiscountedClv).toBeCloseTo(2 * low.meanDiscountedClv, 6);
    expect(dearMoney.meanDiscountedClv).toBeLessThan(low.meanDiscountedClv);
    expect(low.simpleClv).toBeCloseTo(low.averageOrderValue * low.purchaseFrequency * 3, 6);
    expect(low.histogram.reduce((sum, bin) => sum + bin.customers, 0)).toBeGreaterThan(300);
  });

  it('churn: monthly rates in [0, 1] and cohorts starting at 100 %', async () => {
    const churn = await run({ kind: 'churn', ...base, inactiveDays: 180, months: 12 });
    expect(churn.monthly.length).toBeGreaterThan(6);
    for (const m of churn.monthly) {
      expect(m.rate).toBeGreaterThanOrEqual(0);
      expect(m.rate).toBeLessThanOrEqual(1);
      expect(m.lost).toBeLessThanOrEqual(m.start);
    }
    expect(churn.cohorts.length).toBe(12);
    for (const cohort of churn.cohorts) expect(cohort.retention[0]).toBe(1);
  });
});

describe('segments and churn prediction write back onto customers', () => {
  it('k-means segments, saved with labels, filter the customer list and feed a campaign segment', async () => {
    const seg = await run({
      kind: 'segments',
      ...base,
      method: 'kmeans',
      features: ['recency', 'frequency', 'monetary'],
      k: 3,
      seed: 1,
      nInit: 4,
      eps: 0.5,
      minSamples: 5,
      elbowMax: 4,
    });
    expect(seg.clusters).toHaveLength(3);
    expect(seg.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(seg.customers);
    expect(seg.elbow.map((e) => e.k)).toEqual([1, 2, 3, 4]);
    expect(seg.elbow[3]!.inertia).toBeLessThan(seg.elbow[0]!.inertia);
    expect(seg.silhouette).toBeGreaterThan(0);

    const labels = ['高价值', '中等价值', '低价值'];
    const written = value(await service.writeBack(seg.writeToken, labels));
    expect(written).toBe(seg.customers);
    const counts = value(await analyticsHandlers.segmentCounts());
    expect(counts.map((c) => c.segment).sort()).toEqual([...labels].sort());
    expect(counts.find((c) => c.segment === '高价值')!.customers).toBe(seg.clusters[0]!.size);

    const list = value(
      await records.listRecords({
        entity: 'customer',
        conditions: [{ field: 'segment', op: 'eq', value: '高价值' }],
        sort: { field: 'name', direction: 'asc' },
        offset: 0,
        limit: 5,
      }),
    );
    expect(list.total).toBe(seg.clusters[0]!.size);

    const view = value(
      await records.saveView({
        entity: 'customer',
        name: 'High value',
        shared: true,
        filter: { conditions: [{ field: 'segment', op: 'eq', value: '高价值' }] },
        sort: null,
        columns: [],
        groupBy: null,
      }),
    ).value.id;
    expect(value(await marketingHandlers.segmentSize(view))).toBe(seg.clusters[0]!.size);

    const runs = value(await analyticsHandlers.listAnalysisRuns());
    expect(runs[0]).toMatchObject({
      kind: 'segments',
      customers: seg.customers,
      params: { method: 'kmeans', k: 3 },
    });
  });

  it('a write-back token is single-kind and labels are checked', async () => {
    expect(await service.writeBack('segments-999', ['x'])).toMatchObject({ ok: false, code: 'not_found' });
    const rfm = await run({ kind: 'rfm', ...base });
    const result = await service.writeBack(rfm.writeToken, ['only one label']);
    expect(result).toMatchObject({ ok: false, code: 'analysis_invalid' });
  });

  it('Ward and DBSCAN segment every customer with sales (DBSCAN marks outliers as noise)', async () => {
    const common = {
      kind: 'segments' as const,
      ...base,
      features: ['recency', 'frequency', 'monetary'] as ('recency' | 'frequency' | 'monetary')[],
      seed: 2,
      nInit: 1,
      elbowMax: 0,
    };
    const ward = await run({ ...common, method: 'ward', k: 4, eps: 0.5, minSamples: 5 });
    expect(ward.clusters).toHaveLength(4);
    expect(ward.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(ward.customers);
    expect(ward.fittedOn).toBe(ward.customers); // fewer than 20,000: no sampling
    const dbscan = await run({ ...common, method: 'dbscan', k: 0, eps: 0.6, minSamples: 8 });
    expect(dbscan.clusters.length).toBeGreaterThan(0);
    expect(dbscan.clusters.reduce((sum, c) => sum + c.size, 0) + dbscan.noise).toBe(dbscan.customers);
    const tiny = await service.run({
      ...common,
      method: 'dbscan',
      k: 0,
      eps: 0.0001,
      minSamples: 50,
      dataVersion: version,
    });
    expect(tiny).toMatchObject({
      ok: false,
      code: 'analysis_invalid',
      message: expect.stringMatching(/no cluster/),
    });
  });

  for (const model of ['logistic', 'tree', 'forest', 'boosting'] as const) {
    it(`churn model (${model}): held-out quality, then churn risk percentages on customers`, async () => {
      const churn = await run({
        kind: 'churnModel',
        ...base,
        model,
        features: ['tenure', 'recency', 'frequency', 'monetary', 'cases', 'csat', 'activities'],
        horizonDays: 180,
        testFraction: 0.25,
        seed: 3,
        maxDepth: 4,
        trees: 20,
      });
      expect(churn.trainSize + churn.testSize).toBeGreaterThan(200);
      expect(churn.auc).toBeGreaterThan(0.6); // lost customers stop buying: recency at the cut-off predicts it
      expect(churn.confusion.reduce((a, b) => a + b, 0)).toBe(churn.testSize);
      expect(churn.roc[0]).toEqual({ fpr: 0, tpr: 0 });
      expect(churn.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 });
      expect(churn.importance).toHaveLength(7);
      const written = value(await service.writeBack(churn.writeToken));
      expect(written).toBe(churn.scored);
      const scored = await engine.read(
        (db) =>
          db.exec(
            'SELECT count(*), min(churn_risk), max(churn_risk) FROM customers WHERE churn_risk IS NOT NULL',
          )[0]!.values[0]!,
      );
      expect(Number(scored[0])).toBe(churn.scored);
      expect(Number(scored[1])).toBeGreaterThanOrEqual(0);
      expect(Number(scored[2])).toBeLessThanOrEqual(100);
    });
  }
});

describe('sales', () => {
  it('forecast: an ARIMA order, h forecasts inside their band, and the weighted pipeline by month', async () => {
    const forecast = await run({ kind: 'forecast', ...base, horizon: 6, level: 0.9 });
    expect(forecast.forecast).toHaveLength(6);
    forecast.forecast.forEach((f, h) => {
      expect(forecast.lower[h]).toBeLessThan(f);
      expect(forecast.upper[h]).toBeGreaterThan(f);
    });
    expect(forecast.forecastMonths[0]).toBe(forecast.months.at(-1)! + 1);
    const weighted =
      forecast.pipeline.reduce((s, m) => s + m.weighted, 0) + forecast.pipelineOverdue.weighted;
    const open = await engine.read((db) =>
      Number(
        db.exec(
          `SELECT sum(o.amount_minor * o.probability) / 10000.0 FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
             WHERE s.is_won = 0 AND s.is_lost = 0 AND o.currency = 'CNY' AND o.expected_close IS NOT NULL`,
        )[0]!.values[0]![0],
      ),
    );
    expect(weighted).toBeCloseTo(open, 2);
  });

  it('basket rules name products and respect the thresholds; also-bought lists co-purchases', async () => {
    const basket = await run({
      kind: 'basket',
      ...base,
      minSupport: 0.01,
      minConfidence: 0.05,
      maxLength: 3,
      baskets: 10_000,
    });
    expect(basket.baskets).toBeGreaterThan(1000);
    for (const rule of basket.rules) {
      expect(rule.support).toBeGreaterThanOrEqual(0.01);
      expect(rule.confidence).toBeGreaterThanOrEqual(0.05);
      expect(rule.antecedent.length).toBeGreaterThan(0);
    }
    const product = await engine.read((db) =>
      Number(
        db.exec('SELECT product_id FROM order_lines GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')[0]!
          .values[0]![0],
      ),
    );
    const also = value(await service.alsoBought(product, version));
    expect(also.length).toBeGreaterThan(0);
    expect(also.every((p) => p.productId !== product && p.together > 0)).toBe(true);
  });

  it('funnel and satisfaction summarise the pipeline and the surveys', async () => {
    const funnel = await run({ kind: 'funnel', ...base, months: 12 });
    expect(funnel.stages.length).toBe(4);
    expect(funnel.stages[0]!.reached).toBe(funnel.overall.opportunities);
    expect(funnel.overall.winRate).toBeGreaterThan(0);
    const satisfaction = await run({
      kind: 'satisfaction',
      ...base,
      weights: { quality: 0.4, reliability: 0.3, responsiveness: 0.2, price: -0.1 },
    });
    expect(satisfaction.responses).toBe(600);
    expect(satisfaction.csat.length).toBeGreaterThan(6);
    expect(satisfaction.meanIndex).toBeGreaterThan(0);
    expect(satisfaction.bySegment.length).toBeGreaterThan(0);
  });

  it('campaign spend → revenue fits a line through three or more campaigns, none through fewer', async () => {
    const campaigns = await engine.read((db) =>
      Number(
        db.exec(
          `SELECT count(*) FROM campaigns WHERE start_date <= date('now') AND currency = 'CNY' AND status <> 'cancelled'`,
        )[0]!.values[0]![0],
      ),
    );
    expect(campaigns).toBeGreaterThanOrEqual(3); // the demo's campaigns that have started
    const roi = await run({ kind: 'regression', ...base });
    expect(roi.points).toHaveLength(campaigns);
    expect(roi.fit!.rSquared).toBeGreaterThanOrEqual(0);
    expect(roi.fit!.rSquared).toBeLessThanOrEqual(1);
    expect(roi.fit!.slopeSe).toBeGreaterThan(0);
    await engine.write((db) =>
      db.run("UPDATE campaigns SET status = 'cancelled' WHERE id > (SELECT min(id) + 1 FROM campaigns)"),
    );
    version++;
    const few = await run({ kind: 'regression', ...base });
    expect(few.points.length).toBeLessThan(3);
    expect(few.fit).toBeNull(); // the page says why instead of drawing a line through two points
  });
});

it('cached columns are re-read when the data version changes', async () => {
  const before = await run({ kind: 'rfm', ...base });
  await engine.write((db) => db.run("UPDATE orders SET status = 'cancelled' WHERE currency = 'CNY'"));
  const stale = await run({ kind: 'rfm', ...base });
  expect(stale.customersWithOrders).toBe(before.customersWithOrders);
  version++;
  const fresh = await service.run({ kind: 'rfm', ...base, dataVersion: version });
  expect(fresh).toMatchObject({ ok: false, code: 'empty' });
});
