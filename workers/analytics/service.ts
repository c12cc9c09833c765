/**
 * The analytics worker's API without the worker: runs analyses by kind on columns from a DataSource, keeps
 * per-customer results for write-back. workers/analytics.worker.ts exposes it over Comlink; unit tests
 * drive it directly with the DB worker's handlers as the data source.
 */
import * as Comlink from 'comlink';
import type { Result } from '../db/contract';
import type { AnalyticsDataApi } from '../db/features/analytics/api';
import { KernelError } from '../kernels/errors';
import { churnModelAnalysis } from './churn-model';
import { monthlyRevenue, PendingWrites } from './common';
import type { AnalysisRequest, AnalyticsWorkerApi, ProgressListener, ResultOf } from './contract';
import { churnAnalysis, clvAnalysis, rfmAnalysis } from './customer-value';
import { AnalysisError, DataSource } from './data';
import { funnelSummary, satisfactionSummary } from './funnel-and-satisfaction';
import { alsoBoughtFor, basketAnalysis, forecastAnalysis, regressionAnalysis } from './sales';
import { segmentsAnalysis } from './segments';

export function createAnalyticsService(): AnalyticsWorkerApi {
  let data: DataSource | null = null;
  const pending = new PendingWrites();
  /** Baskets for product pages: the newest sales, enough for stable co-purchase counts. */
  const RECOMMENDATION_BASKETS = 100_000;

  function source(): DataSource {
    if (!data) throw new AnalysisError('not_ready', 'the analytics worker is not connected to the database');
    return data;
  }

  async function guarded<T>(task: () => Promise<T> | T): Promise<Result<T>> {
    try {
      return { ok: true, value: await task() };
    } catch (error) {
      if (error instanceof AnalysisError)
        return { ok: false, code: error.code as never, message: error.message };
      if (error instanceof KernelError)
        return { ok: false, code: 'analysis_invalid', message: error.message };
      throw error;
    }
  }

  async function run(request: AnalysisRequest, progress: ProgressListener): Promise<unknown> {
    const db = source();
    db.forgetBefore(request.dataVersion);
    const v = request.dataVersion;
    const names = (ids: number[]) => db.call('customerNames', ids);
    progress(0, 'loading');
    switch (request.kind) {
      case 'overview':
        return { kind: 'overview', ...(await db.cached(v, 'kpis', request.currency)) };
      case 'rfm': {
        const orders = await db.cached(v, 'orderData', request.currency);
        progress(0.5, 'computing');
        return rfmAnalysis(orders, names, pending);
      }
      case 'clv': {
        const orders = await db.cached(v, 'orderData', request.currency);
        progress(0.5, 'computing');
        return clvAnalysis(orders, request, names);
      }
      case 'churn': {
        const orders = await db.cached(v, 'orderData', request.currency);
        progress(0.5, 'computing');
        return churnAnalysis(orders, request);
      }
      case 'segments': {
        const orders = await db.cached(v, 'orderData', request.currency);
        progress(0.3, 'computing');
        return segmentsAnalysis(orders, request, pending, (f) => progress(0.3 + 0.7 * f, 'computing'));
      }
      case 'churnModel': {
        const orders = await db.cached(v, 'orderData', request.currency);
        progress(0.2, 'computing');
        return churnModelAnalysis(
          orders,
          (day) => db.cached(v, 'customerActivity', orders.customerIds, day),
          request,
          names,
          pending,
          (f) => progress(0.2 + 0.8 * f, f < 0.7 ? 'computing' : 'scoring'),
        );
      }
      case 'regression': {
        const spend = await db.cached(v, 'campaignSpend', request.currency);
        progress(0.5, 'computing');
        return regressionAnalysis(spend);
      }
      case 'forecast': {
        // Monthly revenue from the cached sales columns: one scan of the orders serves every page.
        const [orders, pipeline] = await Promise.all([
          db.cached(v, 'orderData', request.currency),
          db.cached(v, 'pipelineColumns'),
        ]);
        progress(0.5, 'computing');
        return forecastAnalysis(monthlyRevenue(orders), pipeline, orders.asOfDay, request);
      }
      case 'funnel': {
        const pipeline = await db.cached(v, 'pipelineColumns');
        progress(0.5, 'computing');
        return funnelSummary(pipeline, request);
      }
      case 'satisfaction': {
        const surveys = await db.cached(v, 'surveyColumns');
        progress(0.5, 'computing');
        return satisfactionSummary(surveys, request, names);
      }
      case 'basket': {
        const baskets = await db.cached(v, 'basketColumns', request.baskets);
        progress(0.4, 'computing');
        return basketAnalysis(baskets, request);
      }
    }
  }

  return {
    connect(port) {
      data = new DataSource(Comlink.wrap<AnalyticsDataApi>(port) as never);
    },
    connectDirect(remote) {
      data = new DataSource(remote as never);
    },
    run: (request, onProgress) =>
      guarded(() => run(request, (fraction, step) => void onProgress?.(fraction, step))) as Promise<
        Result<ResultOf<typeof request.kind>>
      > as never,
    writeBack: (token, labels, onProgress) =>
      guarded(async () => {
        const write = pending.take(token);
        if (!write)
          throw new AnalysisError(
            'not_found',
            'this result is no longer held: run the analysis again, then save it',
          );
        onProgress?.(0, 'writing');
        return source().call(
          'writeScores',
          { ...write, labels },
          Comlink.proxy((done: number, total: number) => void onProgress?.(done / total, 'writing')),
        );
      }),
    alsoBought: (productId, dataVersion) =>
      guarded(async () => {
        const baskets = await source().cached(dataVersion, 'basketColumns', RECOMMENDATION_BASKETS);
        return alsoBoughtFor(baskets, productId);
      }),
  };
}
