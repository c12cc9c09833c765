// Reference: tests/reference/business_reference.py (pandas 1.5.3 / numpy 1.24.2 groupby, dropna, sort_values
// and itertools counting, written independently of the kernels). Counts and orderings must match exactly;
// means and sums to 1e-12 relative (pandas and the kernels add in different orders).
import { describe, expect, it } from 'vitest';
import { associationRules, type AssociationRules, frequentItemsets } from '../../../workers/kernels/apriori';
import { funnelAnalysis, type FunnelStats, type StageKind } from '../../../workers/kernels/funnel';
import { pipelineForecast } from '../../../workers/kernels/pipeline-forecast';
import { alsoBought, recommendFromRules } from '../../../workers/kernels/recommendations';
import {
  csatTrend,
  npsTrend,
  preferenceScore,
  satisfactionIndex,
  type ScoreSummary,
} from '../../../workers/kernels/satisfaction';
import ref from '../../reference/business_reference.json';
import { kernelErrorCode } from './expect-kernel-error';

/** |a − b| ≤ tol · max(1, |b|), elementwise; null must meet null. */
function expectNear(actual: ArrayLike<number | null>, expected: ArrayLike<number | null>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const [a, b] = [actual[i], expected[i]];
    if (b === null || a === null) expect(a, `index ${i}`).toBe(b);
    else if (!(Math.abs(a! - b!) <= tol * Math.max(1, Math.abs(b!)))) expect.fail(`index ${i}: ${a} vs ${b}`);
  }
}
const ints = (values: number[]) => Int32Array.from(values);
const answers = (values: (number | null)[]) => Float64Array.from(values, (v) => v ?? NaN);
const toCsr = (lists: number[][]) => {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, items: Int32Array.from(lists.flat()) };
};

describe('funnel vs pandas groupby', () => {
  const f = ref.funnel;
  const input = {
    stageKinds: f.stageKinds as StageKind[],
    stage: ints(f.stage),
    owner: ints(f.owner),
    createdDay: ints(f.createdDay),
    closedDay: ints(f.closedDay),
    lostFromStage: ints(f.lostFromStage),
  };
  const got = funnelAnalysis(input);
  interface StatsRef {
    reached: number[];
    conversion: (number | null)[];
    winRate: number | null;
    meanCycleDaysWon: number | null;
    meanCycleDaysClosed: number | null;
    [count: string]: unknown;
  }
  const expectStats = (actual: FunnelStats, want: StatsRef) => {
    const { reached, conversion, winRate, meanCycleDaysWon, meanCycleDaysClosed, ...counts } = want;
    expect(Array.from(actual.reached)).toEqual(reached);
    expectNear(actual.conversion, conversion);
    expectNear(
      [actual.winRate, actual.meanCycleDaysWon, actual.meanCycleDaysClosed],
      [winRate, meanCycleDaysWon, meanCycleDaysClosed],
    );
    expect(actual).toMatchObject(counts);
  };

  it('maps open stages to funnel positions in board order, skipping won/lost stages', () => {
    expect(Array.from(got.openStages)).toEqual(f.openStages);
  });

  it('matches overall reach, conversion, win rate and cycle means', () =>
    expectStats(got.overall, f.overall));

  it('matches every owner group, including one without closed deals (nulls, not NaN)', () => {
    expect(got.byOwner.map((g) => g.owner)).toEqual(f.byOwner.map((g) => g.owner));
    got.byOwner.forEach((g, i) => expectStats(g.stats, f.byOwner[i]!.stats));
    const noClosed = got.byOwner.find((g) => g.owner === 9)!.stats;
    expect([noClosed.winRate, noClosed.meanCycleDaysWon, noClosed.conversion[3]]).toEqual([null, null, null]);
  });

  it('matches every month of creation', () => {
    expect(got.byMonth.map((g) => g.month)).toEqual(f.byMonth.map((g) => g.month));
    got.byMonth.forEach((g, i) => expectStats(g.stats, f.byMonth[i]!.stats));
  });

  it('without lostFromStage counts every lost deal at the first stage only', () => {
    const blind = funnelAnalysis({ ...input, lostFromStage: undefined });
    const known = f.lostFromStage.filter((s) => s !== -1).length;
    expect(blind.overall.reached[0]).toBe(got.overall.reached[0]);
    expect(blind.overall.reached[1]).toBeLessThan(got.overall.reached[1]!);
    expect(known).toBeGreaterThan(0);
    expect(blind.overall.winRate).toBe(got.overall.winRate);
  });
});

describe('satisfaction vs pandas', () => {
  const s = ref.satisfaction;
  const day = ints(s.day);
  const customer = ints(s.customer);
  const segments = { customers: ints(s.segmentCustomers), segment: ints(s.segment) };
  const expectSummary = (got: ScoreSummary, want: (typeof s)['index']) => {
    expect(Array.from(got.responses)).toEqual(want.responses);
    expectNear(got.score, want.score);
    expect(Array.from(got.customers)).toEqual(want.customers);
    expectNear(got.customerMean, want.customerMean);
    expect(Array.from(got.customerResponses)).toEqual(want.customerResponses);
    expect(Array.from(got.segments)).toEqual(want.segments);
    expectNear(got.segmentMean, want.segmentMean);
    expect(Array.from(got.segmentCustomers)).toEqual(want.segmentCustomers);
  };

  it('CSAT trend: satisfied share and mean per month; the month without answers (April) is absent', () => {
    const got = csatTrend(day, answers(s.csat));
    expect(Array.from(got.months)).toEqual(s.csatTrend.months);
    expect(got.months).not.toContain(639);
    expect(Array.from(got.responses)).toEqual(s.csatTrend.responses);
    expectNear(got.satisfiedPercent, s.csatTrend.satisfiedPercent);
    expectNear(got.mean, s.csatTrend.mean);
  });

  it('NPS trend: promoters, passives, detractors and score per month', () => {
    const got = npsTrend(day, answers(s.nps));
    const { months, nps, ...counts } = s.npsTrend;
    expect(Array.from(got.months)).toEqual(months);
    for (const [key, values] of Object.entries(counts)) {
      expect(Array.from(got[key as keyof typeof counts]), key).toEqual(values);
    }
    expectNear(got.nps, nps);
  });

  it('satisfaction index per response, customer and segment (incomplete responses skipped)', () => {
    const aspects = {
      quality: answers(s.quality),
      reliability: answers(s.reliability),
      responsiveness: answers(s.responsiveness),
      price: answers(s.price),
    };
    const got = satisfactionIndex(aspects, customer, segments);
    expectSummary(got, s.index);
    expect(got.responses.length).toBeLessThan(s.day.length);
  });

  it('weighted preference score with a zero and a negative weight', () => {
    const features = s.features.map((name) => answers(s[name as 'csat']));
    expectSummary(preferenceScore(features, s.weights, customer, segments), s.preference);
    // Only a zero-weight feature answered → not scored; scaling all weights changes nothing.
    const only = [Float64Array.of(NaN, 4), Float64Array.of(3, 4)];
    const got = preferenceScore(only, [0, 1], Int32Array.of(1, 1));
    expect(Array.from(got.responses)).toEqual([0, 1]);
    const skipped = preferenceScore(only, [1, 0], Int32Array.of(1, 1));
    expect(Array.from(skipped.responses)).toEqual([1]);
    const scaled = preferenceScore(
      features,
      s.weights.map((w) => w * 7),
      customer,
      segments,
    );
    expectNear(scaled.score, s.preference.score);
  });
});

describe('pipeline forecast vs pandas groupby', () => {
  const p = ref.forecast;
  const input = {
    stageKinds: p.stageKinds as StageKind[],
    stage: ints(p.stage),
    amount: Float64Array.from(p.amount),
    probability: Float64Array.from(p.probability),
    expectedCloseDay: ints(p.expectedCloseDay),
    currency: ints(p.currency),
  };

  it('sums weighted and unweighted amounts per currency and month; overdue and undated apart', () => {
    const got = pipelineForecast(input, p.asOfDay);
    expect(got.map((c) => c.currency)).toEqual(p.currencies.map((c) => c.currency)); // 2 has no open deals
    got.forEach((c, k) => {
      const want = p.currencies[k]!;
      expect(Array.from(c.months)).toEqual(want.months);
      expect(Array.from(c.count)).toEqual(want.count);
      expectNear(c.amount, want.amount);
      expectNear(c.weighted, want.weighted);
      for (const part of ['overdue', 'undated', 'total'] as const) {
        expect(c[part].count).toBe(want[part].count);
        expectNear([c[part].amount, c[part].weighted], [want[part].amount, want[part].weighted]);
      }
    });
  });

  it('a deal expected in the as-of month is not overdue', () => {
    const one = {
      stageKinds: ['open', 'won'] as StageKind[],
      stage: Int32Array.of(0, 0, 1),
      amount: Float64Array.of(100, 50, 999),
      probability: Float64Array.of(0.5, 1, 1),
      expectedCloseDay: Int32Array.of(19737, 19720, 19737), // 2024-01-15, 2023-12-29
      currency: Int32Array.of(0, 0, 0),
    };
    const [c] = pipelineForecast(one, 19750); // 2024-01-28
    expect(Array.from(c!.months)).toEqual([648]);
    expect(Array.from(c!.weighted)).toEqual([50]);
    expect(c!.overdue).toEqual({ count: 1, amount: 50, weighted: 50 });
    expect(c!.total).toEqual({ count: 2, amount: 150, weighted: 100 });
  });
});

describe('recommendations vs pandas / itertools', () => {
  const r = ref.recommendations;
  const rulesFromReference: AssociationRules = (() => {
    const a = toCsr(r.rules.map((x) => x.antecedent));
    const c = toCsr(r.rules.map((x) => x.consequent));
    return {
      antecedentOffsets: a.offsets,
      antecedentItems: a.items,
      consequentOffsets: c.offsets,
      consequentItems: c.items,
      support: Float64Array.from(r.rules, (x) => x.support),
      confidence: Float64Array.from(r.rules, (x) => x.confidence),
      lift: Float64Array.from(r.rules, (x) => x.lift),
    };
  })();
  const baskets = toCsr(r.baskets);

  it('ranks rule consequents: single-item antecedents first, then lift, then confidence', () => {
    for (const [product, want] of Object.entries(r.byRules)) {
      const got = recommendFromRules(rulesFromReference, Number(product), r.topN);
      expect(Array.from(got.products), `product ${product}`).toEqual(want.product);
      expect(Array.from(got.rule)).toEqual(want.rule);
      expect(Array.from(got.antecedentSize)).toEqual(want.size);
      expect(Array.from(got.lift)).toEqual(want.lift);
      expect(Array.from(got.confidence)).toEqual(want.confidence);
      expect(Array.from(got.support)).toEqual(want.support);
    }
  });

  it('gives the same products from the apriori kernel’s own rules', () => {
    const rules = associationRules(frequentItemsets(baskets, { minSupport: r.minSupport }), r.minConfidence);
    expect(rules.support.length).toBe(r.rules.length);
    for (const [product, want] of Object.entries(r.byRules)) {
      const got = recommendFromRules(rules, Number(product), r.topN);
      expect(new Set(got.products)).toEqual(new Set(want.product));
      expectNear(Array.from(got.lift).sort(), [...want.lift].sort());
    }
  });

  it('co-occurrence fallback: counts, confidence and lift, ties broken by lift then id', () => {
    for (const [product, want] of Object.entries(r.byCounts)) {
      const got = alsoBought(baskets, Number(product), r.topN);
      expect(got.basketsWithProduct).toBe(want.basketsWithProduct);
      expect(Array.from(got.products), `product ${product}`).toEqual(want.product);
      expect(Array.from(got.count)).toEqual(want.count);
      expectNear(got.support, want.support);
      expectNear(got.confidence, want.confidence);
      expectNear(got.lift, want.lift);
    }
  });

  it('a product nobody bought, or without rules, gets an empty list', () => {
    expect(alsoBought(baskets, 99, 3).products.length).toBe(0);
    expect(alsoBought(baskets, 99, 3).basketsWithProduct).toBe(0);
    expect(recommendFromRules(rulesFromReference, 99, 3).products.length).toBe(0);
  });
});

describe('business kernels reject bad input with codes', () => {
  const kinds: StageKind[] = ['open', 'open', 'won', 'lost'];
  const funnel = {
    stageKinds: kinds,
    stage: Int32Array.of(0, 2),
    owner: Int32Array.of(0, 0),
    createdDay: Int32Array.of(10, 10),
    closedDay: Int32Array.of(-1, 20),
  };
  const forecast = {
    stageKinds: kinds,
    stage: Int32Array.of(0),
    amount: Float64Array.of(10),
    probability: Float64Array.of(0.5),
    expectedCloseDay: Int32Array.of(100),
    currency: Int32Array.of(0),
  };

  it('funnel', () => {
    expect(kernelErrorCode(() => funnelAnalysis({ ...funnel, stage: new Int32Array(0) }))).toBe(
      'EMPTY_INPUT',
    );
    expect(kernelErrorCode(() => funnelAnalysis({ ...funnel, owner: Int32Array.of(0) }))).toBe(
      'LENGTH_MISMATCH',
    );
    expect(kernelErrorCode(() => funnelAnalysis({ ...funnel, stageKinds: ['won', 'lost'] }))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => funnelAnalysis({ ...funnel, stage: Int32Array.of(0, 4) }))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => funnelAnalysis({ ...funnel, closedDay: Int32Array.of(-1, 5) }))).toBe(
      'INVALID_PARAMETER',
    );
    const lost = { ...funnel, stage: Int32Array.of(0, 3) };
    expect(kernelErrorCode(() => funnelAnalysis({ ...lost, lostFromStage: Int32Array.of(-1, 2) }))).toBe(
      'INVALID_PARAMETER',
    );
  });

  it('satisfaction', () => {
    expect(kernelErrorCode(() => csatTrend(new Int32Array(0), new Float64Array(0)))).toBe('EMPTY_INPUT');
    expect(kernelErrorCode(() => csatTrend(Int32Array.of(1, 2), Float64Array.of(3)))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => csatTrend(Int32Array.of(1), Float64Array.of(Infinity)))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => csatTrend(Int32Array.of(1), Float64Array.of(0)))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => npsTrend(Int32Array.of(1), Float64Array.of(11)))).toBe('INVALID_PARAMETER');
    const f = [Float64Array.of(3, 4)];
    const c = Int32Array.of(0, 1);
    expect(kernelErrorCode(() => preferenceScore(f, [0], c))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => preferenceScore(f, [NaN], c))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => preferenceScore(f, [1, 1], c))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => preferenceScore(f, [1], Int32Array.of(0)))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => preferenceScore([], [], c))).toBe('EMPTY_INPUT');
    const segments = { customers: Int32Array.of(0, 0), segment: Int32Array.of(1, 2) };
    expect(kernelErrorCode(() => preferenceScore(f, [1], c, segments))).toBe('INVALID_PARAMETER');
    const aspect = Float64Array.of(3);
    const aspects = {
      quality: aspect,
      reliability: aspect,
      responsiveness: aspect,
      price: Float64Array.of(6),
    };
    expect(kernelErrorCode(() => satisfactionIndex(aspects, Int32Array.of(0)))).toBe('INVALID_PARAMETER');
  });

  it('satisfaction degenerate cases: all unanswered → empty results, never NaN', () => {
    const none = Float64Array.of(NaN, NaN);
    const trend = csatTrend(Int32Array.of(19358, 19400), none);
    expect(trend.months.length).toBe(0);
    const all = { quality: none, reliability: none, responsiveness: none, price: none };
    const index = satisfactionIndex(all, Int32Array.of(0, -1));
    expect([index.responses.length, index.customers.length, index.segments.length]).toEqual([0, 0, 0]);
    const constant = npsTrend(Int32Array.of(19358, 19359), Float64Array.of(10, 10));
    expect(Array.from(constant.nps)).toEqual([100]);
  });

  it('pipeline forecast', () => {
    expect(kernelErrorCode(() => pipelineForecast({ ...forecast, stage: new Int32Array(0) }, 0))).toBe(
      'EMPTY_INPUT',
    );
    expect(kernelErrorCode(() => pipelineForecast({ ...forecast, amount: Float64Array.of(NaN) }, 0))).toBe(
      'NON_FINITE',
    );
    expect(
      kernelErrorCode(() => pipelineForecast({ ...forecast, probability: Float64Array.of(50) }, 0)),
    ).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => pipelineForecast({ ...forecast, amount: Float64Array.of(-1) }, 0))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => pipelineForecast({ ...forecast, currency: Int32Array.of(0, 1) }, 0))).toBe(
      'LENGTH_MISMATCH',
    );
    expect(kernelErrorCode(() => pipelineForecast(forecast, 0.5))).toBe('INVALID_PARAMETER');
    expect(pipelineForecast({ ...forecast, stage: Int32Array.of(2) }, 0)).toEqual([]);
  });

  it('recommendations', () => {
    const baskets = toCsr([[0, 1], [1]]);
    expect(
      kernelErrorCode(() => alsoBought({ offsets: Int32Array.of(0), items: new Int32Array(0) }, 0, 1)),
    ).toBe('EMPTY_INPUT');
    expect(kernelErrorCode(() => alsoBought(baskets, -1, 1))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => alsoBought(baskets, 0, 0))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => alsoBought({ ...baskets, offsets: Int32Array.of(0, 2, 9) }, 0, 1))).toBe(
      'LENGTH_MISMATCH',
    );
    const rules = associationRules(frequentItemsets(baskets, { minSupport: 0.5 }), 0);
    expect(kernelErrorCode(() => recommendFromRules({ ...rules, lift: new Float64Array(0) }, 0, 1))).toBe(
      'LENGTH_MISMATCH',
    );
    expect(Array.from(recommendFromRules(rules, 0, 5).products)).toEqual([1]);
    expect(Array.from(alsoBought(baskets, 1, 5).confidence)).toEqual([0.5]);
  });
});
