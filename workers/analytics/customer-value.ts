/**
 * RFM, customer lifetime value and churn/cohort analyses: the kernels of workers/kernels/rfm.ts and clv.ts
 * on the sales columns, summarised for a page.
 */
import type { OrderData } from '../db/features/analytics/api';
import { churnRate, cohortRetention, discountedClv, simpleClv } from '../kernels/clv';
import { rfmScores, rfmValues, type RfmValues } from '../kernels/rfm';
import type { ChurnRequest, ChurnResultSummary, ClvRequest, ClvResult, RfmResult } from './contract';
import { firstDayOfMonth, histogram, monthOfDay, type PendingWrites, topIndices } from './common';
import { AnalysisError } from './data';

/** Named RFM segments in display order; the page translates them (analytics.rfm.segment.<code>). */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;

/**
 * The usual R×F segment map (e.g. Blattberg, Kim & Neslin, "Database Marketing", 2008, ch. 12; the common
 * 5×5 "RFM grid"): recent and frequent are champions, frequent but lapsed are at risk, and so on.
 */
export function rfmSegment(r: number, f: number): number {
  if (r >= 4 && f >= 4) return 0;
  if (r >= 3 && f >= 3) return 1;
  if (r >= 4 && f === 1) return 3;
  if (r >= 3) return 2;
  if (r === 1 && f >= 4) return 5;
  if (f >= 3) return 4;
  return 6;
}

export function rfmOf(orders: OrderData): RfmValues {
  return rfmValues(orders, orders.customerIds.length, orders.asOfDay);
}

export function rfmAnalysis(
  orders: OrderData,
  names: (ids: number[]) => Promise<Record<number, string>>,
  pending: PendingWrites,
): Promise<RfmResult> {
  const values = rfmOf(orders);
  const scores = rfmScores(values);
  const n = orders.customerIds.length;
  const segmentOf = new Int32Array(n).fill(-1);
  const sums = RFM_SEGMENTS.map(() => ({ customers: 0, recency: 0, frequency: 0, monetary: 0 }));
  const grid = new Array<number>(25).fill(0);
  let withOrders = 0;
  for (let c = 0; c < n; c++) {
    if (values.frequency[c] === 0) continue;
    withOrders++;
    const r = scores.r[c]!;
    const f = scores.f[c]!;
    grid[(r - 1) * 5 + (f - 1)]!++;
    const s = rfmSegment(r, f);
    segmentOf[c] = s;
    const sum = sums[s]!;
    sum.customers++;
    sum.recency += values.recency[c]!;
    sum.frequency += values.frequency[c]!;
    sum.monetary += values.monetary[c]!;
  }
  const topRows = topIndices(values.monetary, 20, (c) => values.frequency[c]! > 0);
  const writeToken = pending.add({
    kind: 'segments',
    customerIds: orders.customerIds,
    values: segmentOf,
    params: { analysis: 'rfm', currency: orders.currency, asOfDay: orders.asOfDay },
    summary: { segments: RFM_SEGMENTS.map((code, i) => ({ code, customers: sums[i]!.customers })) },
  });
  return names(topRows.map((c) => orders.customerIds[c]!)).then((named) => ({
    kind: 'rfm',
    asOfDay: orders.asOfDay,
    customersWithOrders: withOrders,
    customersWithout: n - withOrders,
    segments: RFM_SEGMENTS.map((segment, i) => {
      const s = sums[i]!;
      const avg = (x: number) => (s.customers ? x / s.customers : 0);
      return {
        segment,
        customers: s.customers,
        recency: avg(s.recency),
        frequency: avg(s.frequency),
        monetary: avg(s.monetary),
      };
    }),
    grid,
    top: topRows.map((c) => {
      const id = orders.customerIds[c]!;
      return {
        id,
        name: named[id] ?? `#${id}`,
        recency: values.recency[c]!,
        frequency: values.frequency[c]!,
        monetary: values.monetary[c]!,
        r: scores.r[c]!,
        f: scores.f[c]!,
        m: scores.m[c]!,
      };
    }),
    writeToken,
  }));
}

/** First and last sale day per customer (−1 without sales). */
function saleSpan(orders: OrderData) {
  const n = orders.customerIds.length;
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n).fill(-1);
  for (let i = 0; i < orders.customerIndex.length; i++) {
    const c = orders.customerIndex[i]!;
    const d = orders.day[i]!;
    if (first[c] === -1 || d < first[c]!) first[c] = d;
    if (d > last[c]!) last[c] = d;
  }
  return { first, last };
}

/**
 * Customers acquired at their first sale and churned `inactiveDays` after their last one (if that day has
 * come), as the (acquired, churned) day columns churnRate expects; only customers with sales.
 */
function lifetimes(orders: OrderData, inactiveDays: number) {
  const { first, last } = saleSpan(orders);
  const acquired: number[] = [];
  const churned: number[] = [];
  for (let c = 0; c < first.length; c++) {
    if (first[c] === -1) continue;
    acquired.push(first[c]!);
    const gone = last[c]! + inactiveDays;
    churned.push(gone <= orders.asOfDay ? gone : -1);
  }
  return { acquired: Int32Array.from(acquired), churned: Int32Array.from(churned) };
}

export async function clvAnalysis(
  orders: OrderData,
  request: ClvRequest,
  names: (ids: number[]) => Promise<Record<number, string>>,
): Promise<ClvResult> {
  const asOf = orders.asOfDay;
  // Simple CLV over the last year: AOV × purchases per customer per year × lifespan in years.
  let revenue = 0;
  let orderCount = 0;
  const active = new Uint8Array(orders.customerIds.length);
  let activeCount = 0;
  for (let i = 0; i < orders.day.length; i++) {
    if (orders.day[i]! <= asOf - 365) continue;
    revenue += orders.amount[i]!;
    orderCount++;
    const c = orders.customerIndex[i]!;
    if (!active[c]) activeCount += active[c] = 1;
  }
  if (orderCount === 0) throw new AnalysisError('empty', 'there were no sales in the last 365 days');
  const simple = simpleClv({
    revenue,
    orderCount,
    customerCount: activeCount,
    lifespan: request.lifespanYears,
  });

  let retention = request.retention;
  const retentionEstimated = retention === null;
  if (retention === null) {
    const { acquired, churned } = lifetimes(orders, 365);
    retention = 1 - churnRate(acquired, churned, asOf - 365, asOf).churnRate;
  }
  // Discounted CLV per customer: their yearly revenue so far (tenure counted as at least a year, so one
  // recent purchase is not annualised into a fortune) held constant over the lifespan.
  const { first } = saleSpan(orders);
  const monetary = rfmOf(orders).monetary;
  const years = Math.max(1, Math.round(request.lifespanYears));
  const clv = new Float64Array(orders.customerIds.length);
  const yearly = new Float64Array(orders.customerIds.length);
  const perPeriod = new Float64Array(years);
  // Σ margin·R·r^{t−1}/(1+d)^t is linear in R: compute the factor once with R = 1.
  const factor = discountedClv({
    margin: request.margin,
    revenuePerPeriod: perPeriod.fill(1),
    retention,
    discountRate: request.discountRate,
  });
  let total = 0;
  let scored = 0;
  for (let c = 0; c < clv.length; c++) {
    if (first[c] === -1) continue;
    yearly[c] = monetary[c]! / Math.max(1, (asOf - first[c]!) / 365);
    clv[c] = yearly[c]! * factor;
    total += clv[c]!;
    scored++;
  }
  const top = topIndices(clv, 20, (c) => first[c] !== -1);
  const named = await names(top.map((c) => orders.customerIds[c]!));
  return {
    kind: 'clv',
    averageOrderValue: simple.averageOrderValue,
    purchaseFrequency: simple.purchaseFrequency,
    simpleClv: simple.value,
    retention,
    retentionEstimated,
    meanDiscountedClv: total / scored,
    histogram: histogram(clv, 20, (c) => first[c] !== -1),
    top: top.map((c) => {
      const id = orders.customerIds[c]!;
      return { id, name: named[id] ?? `#${id}`, clv: clv[c]!, yearlyRevenue: yearly[c]! };
    }),
  };
}

export function churnAnalysis(orders: OrderData, request: ChurnRequest): ChurnResultSummary {
  const { acquired, churned } = lifetimes(orders, request.inactiveDays);
  const lastMonth = monthOfDay(orders.asOfDay);
  const monthly: ChurnResultSummary['monthly'] = [];
  for (let month = lastMonth - request.months + 1; month <= lastMonth; month++) {
    const start = firstDayOfMonth(month);
    const end = Math.min(firstDayOfMonth(month + 1) - 1, orders.asOfDay);
    try {
      const r = churnRate(acquired, churned, start, end);
      monthly.push({
        month,
        start: r.startCount,
        lost: r.lost,
        acquired: r.acquiredDuring,
        rate: r.churnRate,
      });
    } catch {
      // A month before the first customer has no rate; it is left out rather than shown as 0.
    }
  }
  const months = Int32Array.from(orders.day, (d) => monthOfDay(d));
  const cohorts = cohortRetention(orders.customerIndex, months, orders.customerIds.length);
  const firstRow = Math.max(0, cohorts.cohortMonths.length - request.months);
  const rows: ChurnResultSummary['cohorts'] = [];
  for (let row = firstRow; row < cohorts.cohortMonths.length; row++) {
    const retention: (number | null)[] = [];
    for (let o = 0; o < Math.min(request.months, cohorts.width); o++)
      retention.push(o < cohorts.observedOffsets[row]! ? cohorts.retention[row * cohorts.width + o]! : null);
    rows.push({ month: cohorts.cohortMonths[row]!, size: cohorts.cohortSizes[row]!, retention });
  }
  return { kind: 'churn', asOfDay: orders.asOfDay, monthly, cohorts: rows };
}
