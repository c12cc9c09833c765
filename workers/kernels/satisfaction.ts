/**
 * Customer satisfaction from survey responses: monthly CSAT and NPS trends, the satisfaction index and a
 * weighted preference score, per response, per customer and per customer segment.
 *
 * Missing answers are NaN (SQL NULL; `surveyColumns` reads them so) — not 0, which is a valid NPS answer. A
 * response is left out of every figure that needs a question it did not answer, so no output is NaN.
 * - CSAT (1–5) per month of response: share of answers ≥ 4 ("satisfied", the top-two-box CSAT), as a
 *   percentage, and the mean.
 * - NPS (0–10) per month (Reichheld, "The One Number You Need to Grow", HBR 2003): % promoters (9–10) −
 *   % detractors (0–6), in −100..100.
 * - Satisfaction index per response = quality × reliability × responsiveness / price, each 1–5, so the index
 *   runs from 0.2 (1·1·1/5) to 125 (5·5·5/1); 3·3·3/3 = 9 is neutral. Price is read as perceived price level
 *   (higher = dearer), which is why it divides. Only responses answering all four are scored.
 * - Preference score per response = Σ wᵢ·fᵢ / Σ |wᵢ| over the features the response answered, so with
 *   non-negative weights it is a weighted mean on the answers' own scale (1–5 for the aspects), weights need
 *   not sum to 1, and a skipped question neither drags the score down nor inflates it. A negative weight
 *   (e.g. on price read as dearness) makes a feature count against. Responses answering no weighted feature
 *   are not scored. Features should share a scale (mixing 0–10 NPS with 1–5 aspects weights NPS double).
 * Per customer: mean of the customer's scored responses (anonymous responses, customer −1, are left out).
 * Per segment: mean of its customers' means, so a customer who answered ten surveys counts once.
 * Months, customers and segments without a scored response are absent; all lists ascend by key.
 *
 * O(n + g log g) for n responses and g groups. Reference: pandas groupby / dropna in
 * tests/reference/business_reference.py.
 */

import { monthOfDay } from './clv';
import { KernelError, MAX_MAGNITUDE, requireNonEmpty, requireSameLength } from './errors';

/** NaN (not answered) or a finite number in [min, max]. */
function requireAnswers(name: string, values: Float64Array, min: number, max: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v))
      throw new KernelError('NON_FINITE', `${name}[${i}] is ${v}; use NaN for no answer`);
    if (v < min || v > max) {
      throw new KernelError('INVALID_PARAMETER', `${name}[${i}] = ${v} is outside the ${min}–${max} scale`);
    }
  }
}

/** Groups the answered (non-NaN) values by month of response, months ascending. */
function byMonth<T>(
  day: Int32Array,
  answers: Float64Array,
  make: () => T,
  add: (acc: T, answer: number) => void,
): { months: Int32Array; groups: T[] } {
  requireNonEmpty('day', day);
  requireSameLength(['day', 'answers'], [day, answers]);
  const groups = new Map<number, T>();
  for (let i = 0; i < day.length; i++) {
    if (Number.isNaN(answers[i]!)) continue;
    const month = monthOfDay(day[i]!);
    let acc = groups.get(month);
    if (acc === undefined) groups.set(month, (acc = make()));
    add(acc, answers[i]!);
  }
  const entries = [...groups.entries()].sort((a, b) => a[0] - b[0]);
  return { months: Int32Array.from(entries, ([m]) => m), groups: entries.map(([, acc]) => acc) };
}

export interface CsatTrend {
  months: Int32Array;
  responses: Int32Array;
  /** 100 · (answers ≥ 4) / answers. */
  satisfiedPercent: Float64Array;
  mean: Float64Array;
}

/** Monthly CSAT (answers 1–5, NaN = none) by month of `day`. O(n + months log months). */
export function csatTrend(day: Int32Array, csat: Float64Array): CsatTrend {
  requireAnswers('csat', csat, 1, 5);
  const { months, groups } = byMonth(
    day,
    csat,
    () => ({ n: 0, satisfied: 0, sum: 0 }),
    (g, v) => {
      g.n++;
      g.sum += v;
      if (v >= 4) g.satisfied++;
    },
  );
  return {
    months,
    responses: Int32Array.from(groups, (g) => g.n),
    satisfiedPercent: Float64Array.from(groups, (g) => (100 * g.satisfied) / g.n),
    mean: Float64Array.from(groups, (g) => g.sum / g.n),
  };
}

export interface NpsTrend {
  months: Int32Array;
  responses: Int32Array;
  promoters: Int32Array;
  passives: Int32Array;
  detractors: Int32Array;
  /** 100 · (promoters − detractors) / responses, in −100..100. */
  nps: Float64Array;
}

/** Monthly Net Promoter Score (answers 0–10, NaN = none). O(n + months log months). */
export function npsTrend(day: Int32Array, nps: Float64Array): NpsTrend {
  requireAnswers('nps', nps, 0, 10);
  const { months, groups } = byMonth(
    day,
    nps,
    () => ({ n: 0, promoters: 0, detractors: 0 }),
    (g, v) => {
      g.n++;
      if (v >= 9) g.promoters++;
      else if (v <= 6) g.detractors++;
    },
  );
  return {
    months,
    responses: Int32Array.from(groups, (g) => g.n),
    promoters: Int32Array.from(groups, (g) => g.promoters),
    passives: Int32Array.from(groups, (g) => g.n - g.promoters - g.detractors),
    detractors: Int32Array.from(groups, (g) => g.detractors),
    nps: Float64Array.from(groups, (g) => (100 * (g.promoters - g.detractors)) / g.n),
  };
}

/** Segment of each listed customer (aligned arrays; segment −1 = none). */
export interface SegmentTable {
  customers: Int32Array;
  segment: Int32Array;
}

export interface ScoreSummary {
  /** Indices of the scored responses, ascending, and their scores. */
  responses: Int32Array;
  score: Float64Array;
  customers: Int32Array;
  customerMean: Float64Array;
  /** Scored responses behind each customer mean. */
  customerResponses: Int32Array;
  segments: Int32Array;
  /** Mean of the segment's customer means. */
  segmentMean: Float64Array;
  segmentCustomers: Int32Array;
}

/** (key, value) pairs collected into typed arrays sized up front. */
class Pairs {
  readonly keys: Int32Array;
  readonly values: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }
  push(key: number, value: number): void {
    this.keys[this.length] = key;
    this.values[this.length++] = value;
  }
}

/** Means of the pairs' values grouped by key (ascending keys). O(n + g log g). */
function groupMeans(pairs: Pairs): { keys: Int32Array; mean: Float64Array; n: Int32Array } {
  const slotOf = new Map<number, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    let slot = slotOf.get(pairs.keys[i]!);
    if (slot === undefined) {
      slotOf.set(pairs.keys[i]!, (slot = sums.length));
      sums.push(0);
      counts.push(0);
    }
    sums[slot]! += pairs.values[i]!;
    counts[slot]!++;
  }
  const keys = Int32Array.from(slotOf.keys()).sort();
  const slots = Array.from(keys, (key) => slotOf.get(key)!);
  return {
    keys,
    mean: Float64Array.from(slots, (slot) => sums[slot]! / counts[slot]!),
    n: Int32Array.from(slots, (slot) => counts[slot]!),
  };
}

/** `scored` holds (response index, score) of every scored response, in response order. */
function summarise(scored: Pairs, customer: Int32Array, segments: SegmentTable | undefined): ScoreSummary {
  const segmentOf = new Map<number, number>();
  if (segments) {
    requireSameLength(['segments.customers', 'segments.segment'], [segments.customers, segments.segment]);
    segments.customers.forEach((c, i) => {
      if (segmentOf.has(c))
        throw new KernelError('INVALID_PARAMETER', `customer ${c} is listed twice in segments`);
      if (segments.segment[i]! < -1) {
        throw new KernelError(
          'INVALID_PARAMETER',
          `segments.segment[${i}] = ${segments.segment[i]} is below −1`,
        );
      }
      segmentOf.set(c, segments.segment[i]!);
    });
  }
  const byCustomer = new Pairs(scored.length);
  for (let k = 0; k < scored.length; k++) {
    const c = customer[scored.keys[k]!]!;
    if (c !== -1) byCustomer.push(c, scored.values[k]!); // anonymous responses have no customer
  }
  const perCustomer = groupMeans(byCustomer);
  const bySegment = new Pairs(perCustomer.keys.length);
  perCustomer.keys.forEach((c, k) => {
    const segment = segmentOf.get(c) ?? -1;
    if (segment !== -1) bySegment.push(segment, perCustomer.mean[k]!);
  });
  const perSegment = groupMeans(bySegment);
  return {
    responses: scored.keys.slice(0, scored.length),
    score: scored.values.slice(0, scored.length),
    customers: perCustomer.keys,
    customerMean: perCustomer.mean,
    customerResponses: perCustomer.n,
    segments: perSegment.keys,
    segmentMean: perSegment.mean,
    segmentCustomers: perSegment.n,
  };
}

function requireCustomers(customer: Int32Array): void {
  requireNonEmpty('customer', customer);
  for (let i = 0; i < customer.length; i++) {
    if (customer[i]! < -1) {
      throw new KernelError('INVALID_PARAMETER', `customer[${i}] = ${customer[i]} is below −1 (anonymous)`);
    }
  }
}

export interface AspectColumns {
  quality: Float64Array;
  reliability: Float64Array;
  responsiveness: Float64Array;
  price: Float64Array;
}

/**
 * Satisfaction index quality × reliability × responsiveness / price per response answering all four (each
 * 1–5, NaN = none), with means per customer (`customer` per response, −1 = anonymous) and segment. O(n log n).
 */
export function satisfactionIndex(
  aspects: AspectColumns,
  customer: Int32Array,
  segments?: SegmentTable,
): ScoreSummary {
  const { quality, reliability, responsiveness, price } = aspects;
  requireCustomers(customer);
  requireSameLength(
    ['customer', 'quality', 'reliability', 'responsiveness', 'price'],
    [customer, quality, reliability, responsiveness, price],
  );
  Object.entries(aspects).forEach(([name, values]) => requireAnswers(name, values, 1, 5));
  const scored = new Pairs(customer.length);
  for (let i = 0; i < customer.length; i++) {
    const value = (quality[i]! * reliability[i]! * responsiveness[i]!) / price[i]!;
    if (Number.isNaN(value)) continue; // some aspect unanswered
    scored.push(i, value);
  }
  return summarise(scored, customer, segments);
}

/**
 * Weighted preference score Σ wᵢ·fᵢ / Σ|wᵢ| over each response's answered features (NaN = none), with means
 * per customer and segment. Weights must be finite and not all zero. O(n · features + n log n).
 */
export function preferenceScore(
  features: readonly Float64Array[],
  weights: ArrayLike<number>,
  customer: Int32Array,
  segments?: SegmentTable,
): ScoreSummary {
  requireNonEmpty('features', features);
  requireCustomers(customer);
  requireSameLength(['features', 'weights'], [features, weights]);
  requireSameLength(['customer', ...features.map((_, k) => `features[${k}]`)], [customer, ...features]);
  for (let k = 0; k < weights.length; k++) {
    if (!Number.isFinite(weights[k]!)) throw new KernelError('NON_FINITE', `weights[${k}] is ${weights[k]}`);
  }
  if (Array.from(weights).every((w) => w === 0)) {
    throw new KernelError('INVALID_PARAMETER', 'all weights are zero; give at least one feature a weight');
  }
  features.forEach((f, k) => requireAnswers(`features[${k}]`, f, -MAX_MAGNITUDE, MAX_MAGNITUDE));
  const scored = new Pairs(customer.length);
  for (let i = 0; i < customer.length; i++) {
    let sum = 0;
    let norm = 0;
    for (let k = 0; k < features.length; k++) {
      const f = features[k]![i]!;
      if (Number.isNaN(f) || weights[k] === 0) continue;
      sum += weights[k]! * f;
      norm += Math.abs(weights[k]!);
    }
    if (norm === 0) continue; // no weighted feature answered
    scored.push(i, sum / norm);
  }
  return summarise(scored, customer, segments);
}
