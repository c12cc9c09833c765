/** The sales funnel (kernels/funnel.ts) and satisfaction (kernels/satisfaction.ts) pages' analyses. */
import type { PipelineColumns, SurveyColumns } from '../db/features/analytics/api';
import { funnelAnalysis, type FunnelStats } from '../kernels/funnel';
import { csatTrend, npsTrend, preferenceScore, satisfactionIndex } from '../kernels/satisfaction';
import type {
  FunnelFigures,
  FunnelRequest,
  FunnelResultSummary,
  SatisfactionRequest,
  SatisfactionResult,
} from './contract';
import { AnalysisError } from './data';
import { topIndices } from './common';

const figures = (stats: FunnelStats): FunnelFigures => ({
  opportunities: stats.opportunities,
  open: stats.open,
  won: stats.won,
  lost: stats.lost,
  winRate: stats.winRate,
  meanCycleDaysWon: stats.meanCycleDaysWon,
  meanCycleDaysClosed: stats.meanCycleDaysClosed,
});

export function funnelSummary(pipeline: PipelineColumns, request: FunnelRequest): FunnelResultSummary {
  if (pipeline.stage.length === 0) throw new AnalysisError('empty', 'there are no opportunities yet');
  const result = funnelAnalysis({ stageKinds: pipeline.stages.map((s) => s.kind), ...pipeline });
  const lastMonths = result.byMonth.slice(-request.months);
  return {
    kind: 'funnel',
    stages: Array.from(result.openStages, (stage, position) => ({
      name: pipeline.stages[stage]!.name,
      code: pipeline.stages[stage]!.code,
      reached: result.overall.reached[position]!,
      conversion: result.overall.conversion[position] ?? null,
    })),
    overall: figures(result.overall),
    byOwner: result.byOwner.map(({ owner, stats }) => ({
      ownerId: pipeline.ownerIds[owner] ?? -1,
      ...figures(stats),
    })),
    byMonth: lastMonths.map(({ month, stats }) => ({ month, ...figures(stats) })),
  };
}

export async function satisfactionSummary(
  surveys: SurveyColumns,
  request: SatisfactionRequest,
  names: (ids: number[]) => Promise<Record<number, string>>,
): Promise<SatisfactionResult> {
  if (surveys.day.length === 0) throw new AnalysisError('empty', 'there are no survey responses yet');
  const csat = csatTrend(surveys.day, surveys.csat);
  const nps = npsTrend(surveys.day, surveys.nps);
  // Segments are per customer: the segment of a customer's (any) response.
  const segmentOfCustomer = new Map<number, number>();
  surveys.customerId.forEach((c, i) => c >= 0 && segmentOfCustomer.set(c, surveys.segment[i]!));
  const segments = {
    customers: Int32Array.from(segmentOfCustomer.keys()),
    segment: Int32Array.from(segmentOfCustomer.values()),
  };
  const w = request.weights;
  const { quality, reliability, responsiveness, price } = surveys;
  const index = satisfactionIndex(
    { quality, reliability, responsiveness, price },
    surveys.customerId,
    segments,
  );
  const preference = preferenceScore(
    [surveys.quality, surveys.reliability, surveys.responsiveness, surveys.price],
    [w.quality, w.reliability, w.responsiveness, w.price],
    surveys.customerId,
    segments,
  );
  const mean = (v: Float64Array) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  const labels = new Set([...index.segments, ...preference.segments]);
  const lookup = (keys: Int32Array, values: Float64Array, key: number) => {
    const at = keys.indexOf(key);
    return at < 0 ? null : values[at]!;
  };
  const customersIn = (key: number) => {
    const a = index.segments.indexOf(key);
    const b = preference.segments.indexOf(key);
    return Math.max(a < 0 ? 0 : index.segmentCustomers[a]!, b < 0 ? 0 : preference.segmentCustomers[b]!);
  };
  const lowest = topIndices(
    Float64Array.from(index.customerMean, (v) => -v),
    10,
  );
  const named = await names(lowest.map((i) => index.customers[i]!));
  return {
    kind: 'satisfaction',
    responses: surveys.day.length,
    csat: Array.from(csat.months, (month, i) => ({
      month,
      responses: csat.responses[i]!,
      satisfiedPercent: csat.satisfiedPercent[i]!,
      mean: csat.mean[i]!,
    })),
    nps: Array.from(nps.months, (month, i) => ({
      month,
      responses: nps.responses[i]!,
      promoters: nps.promoters[i]!,
      passives: nps.passives[i]!,
      detractors: nps.detractors[i]!,
      nps: nps.nps[i]!,
    })),
    meanIndex: mean(index.customerMean),
    meanPreference: mean(preference.customerMean),
    bySegment: [...labels]
      .sort((a, b) => a - b)
      .map((key) => ({
        segment: key < 0 ? '' : (surveys.segmentLabels[key] ?? ''),
        customers: customersIn(key),
        index: lookup(index.segments, index.segmentMean, key),
        preference: lookup(preference.segments, preference.segmentMean, key),
      })),
    lowest: lowest.map((i) => {
      const id = index.customers[i]!;
      return { id, name: named[id] ?? `#${id}`, index: index.customerMean[i]! };
    }),
  };
}
