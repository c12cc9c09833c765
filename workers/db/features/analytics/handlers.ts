/** Implements {@link AnalyticsApi} (for the UI) and {@link AnalyticsDataApi} (for the analytics worker). */
import * as Comlink from 'comlink';
import { guard, nowIso, runtime } from '../../runtime';
import type { AnalyticsApi, AnalyticsDataApi, KpiFigures } from './api';
import {
  asOfDay,
  basketColumns,
  campaignSpend,
  customerActivity,
  customerNames,
  orderData,
  pipelineColumns,
  saleCurrencies,
  surveyColumns,
} from './columns';
import { listAnalysisRuns, segmentCounts, writeScores } from './write-back';
import { customerFacets } from '../records/handlers';

/** Typed arrays in a result move to the analytics worker instead of being copied. */
function transferable<T>(value: T): T {
  const buffers: Transferable[] = [];
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) buffers.push(v.buffer as ArrayBuffer);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return Comlink.transfer(value, [...new Set(buffers)]);
}

const read = <T>(task: (db: import('sql.js').Database) => T) => guard((e) => e.read(task)).then(transferable);

const dayToIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export const analyticsDataHandlers: AnalyticsDataApi = {
  saleCurrencies: () => read(saleCurrencies),
  orderData: (currency) => read((db) => orderData(db, currency)),
  customerActivity: (ids, beforeDay) => read((db) => customerActivity(db, ids, beforeDay)),
  basketColumns: (limit) => read((db) => basketColumns(db, limit)),
  pipelineColumns: () => read(pipelineColumns),
  surveyColumns: () => read(surveyColumns),
  campaignSpend: (currency) => read((db) => campaignSpend(db, currency)),
  kpis: (currency) =>
    read((db): KpiFigures => {
      const asOf = asOfDay(db, currency);
      const one = (sql: string, params: (string | number)[]) =>
        Number(db.exec(sql, params)[0]?.values[0]?.[0] ?? 0);
      const pipeline = db.exec(
        `SELECT coalesce(sum(o.amount_minor), 0), coalesce(sum(o.amount_minor * o.probability), 0) / 100.0
         FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
         WHERE s.is_won = 0 AND s.is_lost = 0 AND o.currency = ?`,
        [currency],
      )[0]?.values[0];
      return {
        currency,
        asOfDay: asOf,
        revenueLastYear:
          one(
            `SELECT coalesce(sum(total_minor), 0) FROM orders WHERE currency = ?
             AND status NOT IN ('draft', 'cancelled') AND order_date > ?`,
            [currency, dayToIso(asOf - 365)],
          ) / 100,
        openPipeline: Number(pipeline?.[0] ?? 0) / 100,
        weightedPipeline: Number(pipeline?.[1] ?? 0) / 100,
        won: one(
          'SELECT count(*) FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE s.is_won = 1',
          [],
        ),
        lost: one(
          'SELECT count(*) FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id WHERE s.is_lost = 1',
          [],
        ),
        customers: one('SELECT count(*) FROM customers', []),
      };
    }),
  customerNames: (ids) => read((db) => customerNames(db, ids)),
  writeScores: (write, onProgress) =>
    guard(async (e) => {
      const { value } = await e.bulkWrite(
        (db) => writeScores(db, write, runtime.actorId, nowIso(), onProgress),
        { derivedUnaffected: true },
      );
      // The search index and audit do not read scores, but the customer facet columns hold them.
      customerFacets.afterBulk();
      return value;
    }),
};

export const analyticsHandlers: AnalyticsApi = {
  connectAnalytics(port) {
    Comlink.expose(analyticsDataHandlers, port);
  },
  saleCurrencies: () => guard((e) => e.read(saleCurrencies)),
  listAnalysisRuns: () => guard((e) => e.read(listAnalysisRuns)),
  segmentCounts: () => guard((e) => e.read(segmentCounts)),
};
