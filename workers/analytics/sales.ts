/**
 * Sales analyses: campaign spend → revenue (OLS), monthly revenue with an ARIMA forecast and the weighted
 * pipeline by expected close, and market-basket rules with "also bought" for a product page.
 */
import type { BasketColumns, CampaignSpendColumns, PipelineColumns } from '../db/features/analytics/api';
import { associationRules, frequentItemsets } from '../kernels/apriori';
import { arimaForecast, selectArimaOrder } from '../kernels/arima-forecast';
import { pipelineForecast } from '../kernels/pipeline-forecast';
import { alsoBought } from '../kernels/recommendations';
import { ols } from '../kernels/regression';
import type {
  AlsoBought,
  BasketRequest,
  BasketResult,
  ForecastRequest,
  ForecastResult,
  RegressionResult,
} from './contract';
import { monthOfDay } from './common';
import { AnalysisError } from './data';

/** Spend → revenue over the campaigns; with fewer than 3 the campaigns come back without a fit (the page explains). */
export function regressionAnalysis(spend: CampaignSpendColumns): RegressionResult {
  const points = spend.names.map((name, i) => ({
    id: spend.campaignIds[i]!,
    name,
    spend: spend.spend[i]!,
    revenue: spend.revenue[i]!,
  }));
  if (points.length < 3) return { kind: 'regression', points, fit: null };
  const fit = ols({ data: spend.spend, rows: spend.spend.length, cols: 1 }, spend.revenue);
  return {
    kind: 'regression',
    points,
    fit: {
      intercept: fit.coefficients[0]!,
      slope: fit.coefficients[1]!,
      interceptSe: fit.standardErrors[0]!,
      slopeSe: fit.standardErrors[1]!,
      rSquared: fit.rSquared,
    },
  };
}

/**
 * Order of differencing by the minimum-variance rule (Box & Jenkins; Hyndman & Athanasopoulos, FPP §9.1
 * discuss it as the informal alternative to unit-root tests): difference once more while that lowers the
 * series' variance, at most twice. p and q ≤ 2 are then chosen by AIC (selectArimaOrder).
 */
export function chooseDifferencing(series: Float64Array): number {
  const variance = (v: Float64Array) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  };
  let d = 0;
  let current = series;
  while (d < 2 && current.length > 3) {
    const next = current.subarray(1).map((v, i) => v - current[i]!);
    if (variance(next) >= variance(current)) break;
    current = next;
    d++;
  }
  return d;
}

export function forecastAnalysis(
  monthly: { months: Int32Array; revenue: Float64Array },
  pipeline: PipelineColumns,
  asOfDay: number,
  request: ForecastRequest,
): ForecastResult {
  // The running month is incomplete: fitting it as a whole month would bend the forecast down.
  const current = monthOfDay(asOfDay);
  let n = monthly.months.length;
  while (n > 0 && monthly.months[n - 1]! >= current) n--;
  if (n < 12)
    throw new AnalysisError('empty', `a forecast needs at least 12 complete months of sales, found ${n}`);
  const series = monthly.revenue.slice(0, n);
  const d = chooseDifferencing(series);
  const { best } = selectArimaOrder(series, d, 2, 2);
  const forecast = arimaForecast(series, best, request.horizon, request.level);
  const lastMonth = monthly.months[n - 1]!;

  const code = pipeline.currencies.indexOf(request.currency);
  const byCurrency =
    code < 0 || pipeline.stage.length === 0
      ? []
      : pipelineForecast({ stageKinds: pipeline.stages.map((s) => s.kind), ...pipeline }, asOfDay);
  const mine = byCurrency.find((f) => f.currency === code);
  return {
    kind: 'forecast',
    months: Array.from(monthly.months.subarray(0, n)),
    actual: Array.from(series),
    forecastMonths: Array.from({ length: request.horizon }, (_, h) => lastMonth + h + 1),
    forecast: Array.from(forecast.mean),
    lower: Array.from(forecast.lower),
    upper: Array.from(forecast.upper),
    order: best.order,
    aic: best.aic,
    pipeline: mine
      ? Array.from(mine.months, (month, i) => ({
          month,
          weighted: mine.weighted[i]!,
          total: mine.amount[i]!,
          count: mine.count[i]!,
        }))
      : [],
    pipelineOverdue: mine
      ? { weighted: mine.overdue.weighted, total: mine.overdue.amount, count: mine.overdue.count }
      : { weighted: 0, total: 0, count: 0 },
    pipelineUndated: mine
      ? { weighted: mine.undated.weighted, total: mine.undated.amount, count: mine.undated.count }
      : { weighted: 0, total: 0, count: 0 },
  };
}

export function basketAnalysis(baskets: BasketColumns, request: BasketRequest): BasketResult {
  const basketCount = baskets.offsets.length - 1;
  if (basketCount < 2)
    throw new AnalysisError('empty', 'market-basket rules need at least two orders with lines');
  const sets = frequentItemsets(baskets, {
    minSupport: request.minSupport,
    maxLength: request.maxLength,
  });
  const rules = associationRules(sets, request.minConfidence);
  const order = Array.from(rules.lift.keys()).sort(
    (a, b) => rules.lift[b]! - rules.lift[a]! || rules.confidence[b]! - rules.confidence[a]!,
  );
  const names = (offsets: Int32Array, items: Int32Array, r: number) =>
    Array.from(items.subarray(offsets[r]!, offsets[r + 1]!), (item) => baskets.productNames[item]!);
  return {
    kind: 'basket',
    baskets: basketCount,
    itemsets: sets.support.length,
    totalRules: rules.lift.length,
    rules: order.slice(0, 200).map((r) => ({
      antecedent: names(rules.antecedentOffsets, rules.antecedentItems, r),
      consequent: names(rules.consequentOffsets, rules.consequentItems, r),
      support: rules.support[r]!,
      confidence: rules.confidence[r]!,
      lift: rules.lift[r]!,
    })),
  };
}

/** Products most often in the same order as `productId` (direct co-purchase counts over the baskets). */
export function alsoBoughtFor(baskets: BasketColumns, productId: number, topN = 5): AlsoBought[] {
  const item = baskets.productIds.indexOf(productId);
  if (item < 0 || baskets.offsets.length < 2) return [];
  const found = alsoBought(baskets, item, topN);
  return Array.from(found.products, (p, i) => ({
    productId: baskets.productIds[p]!,
    name: baskets.productNames[p]!,
    confidence: found.confidence[i]!,
    lift: found.lift[i]!,
    together: found.count[i]!,
  }));
}
