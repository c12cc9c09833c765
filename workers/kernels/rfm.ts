/**
 * RFM (recency, frequency, monetary) per customer, and 1–5 quintile scores.
 *
 * Follows the usual RFM recipe (Hughes, "Strategic Database Marketing", 1994) with the pandas idiom for
 * scores: `pd.qcut(series.rank(method='first'), 5, labels=…)` (pandas 1.5). Reference values:
 * tests/reference/rfm_reference.py → rfm_reference.json.
 */

import { KernelError, requireFinite, requireInteger, requireNonEmpty, requireSameLength } from './errors';

export interface OrderColumns {
  /** Dense customer number 0..customerCount-1 of each order. */
  customerIndex: Int32Array;
  /** Order date as a day number (e.g. days since 1970-01-01). */
  day: Int32Array;
  amount: Float64Array;
}

export interface RfmValues {
  /** asOf − last order day; −1 for a customer without orders. */
  recency: Int32Array;
  /** Number of orders (0 for a customer without orders). */
  frequency: Int32Array;
  /** Sum of order amounts. */
  monetary: Float64Array;
}

export interface RfmScores {
  /** 5 = most recent quintile; 0 = customer without orders (not scored). */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * Aggregates order columns into R, F and M for `customerCount` customers, in one pass: O(orders).
 * Orders dated after `asOf` are rejected rather than producing a negative recency.
 */
export function rfmValues(orders: OrderColumns, customerCount: number, asOf: number): RfmValues {
  const { customerIndex, day, amount } = orders;
  requireNonEmpty('orders', customerIndex);
  requireSameLength(['customerIndex', 'day', 'amount'], [customerIndex, day, amount]);
  requireInteger('customerCount', customerCount, 1);
  requireInteger('asOf', asOf, -2147483648, 2147483647);
  requireFinite('amount', amount);
  const lastDay = new Int32Array(customerCount).fill(-2147483648);
  const frequency = new Int32Array(customerCount);
  const monetary = new Float64Array(customerCount);
  for (let i = 0; i < customerIndex.length; i++) {
    const c = customerIndex[i]!;
    const d = day[i]!;
    if (c < 0 || c >= customerCount) {
      throw new KernelError(
        'INVALID_PARAMETER',
        `customerIndex[${i}] = ${c} is outside 0..${customerCount - 1}`,
      );
    }
    if (d > asOf) throw new KernelError('INVALID_PARAMETER', `day[${i}] = ${d} is after asOf = ${asOf}`);
    frequency[c]!++;
    monetary[c]! += amount[i]!;
    if (d > lastDay[c]!) lastDay[c] = d;
  }
  const recency = new Int32Array(customerCount);
  for (let c = 0; c < customerCount; c++) recency[c] = frequency[c]! > 0 ? asOf - lastDay[c]! : -1;
  return { recency, frequency, monetary };
}

/**
 * Quintile score 1..5 of each value, as `pd.qcut(x.rank(method='first'), 5, labels=[1,2,3,4,5])`.
 *
 * Tie rule: equal values are ranked by position (pandas rank method='first'), so ties may straddle a
 * quintile boundary and every quintile holds ⌊m/5⌋ or ⌈m/5⌉ values. Rank r of m falls in bin s, the smallest
 * s with 5(r−1) ≤ s(m−1) — qcut's linear-interpolated edges 1 + (s/5)(m−1) with right-closed bins, computed
 * in integers so no float rounding can move a boundary. Only positions where `include[i]` is set are scored
 * (others get 0). Requires at least 2 scored values (qcut needs distinct edges).
 *
 * Ranks come from a native typed-array sort of the values (no comparator, so ~10× faster than sorting
 * indices at a million customers): a value's ties occupy ranks L+1..U, where L and U count the values
 * below and not above it; only a tie group that straddles a bin edge needs its members numbered in
 * position order. O(m log m).
 */
export function quintileScores(values: ArrayLike<number>, include: (i: number) => boolean): Uint8Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (include(i)) m++;
  if (m < 2) throw new KernelError('TOO_FEW_SAMPLES', `quintile scores need at least 2 customers, got ${m}`);
  requireFinite('values', values);
  if (packable(values, include)) return packedQuintiles(values, include, m);
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) if (include(i)) sorted[k++] = values[i]!;
  sorted.sort();
  const binOfRank = (r: number): number => {
    let s = Math.ceil((5 * (r - 1)) / (m - 1));
    if (s < 1) s = 1;
    while (5 * (r - 1) > s * (m - 1)) s++;
    while (s > 1 && 5 * (r - 1) <= (s - 1) * (m - 1)) s--;
    return s;
  };
  /** Index of the first element ≥ v (or > v with `after`). */
  const bound = (v: number, after: boolean): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v || (after && sorted[mid] === v)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const scores = new Uint8Array(values.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const v = values[i]!;
    const below = bound(v, false);
    const first = binOfRank(below + 1);
    if (first === binOfRank(bound(v, true))) {
      scores[i] = first;
      continue;
    }
    const before = seen.get(v) ?? 0;
    seen.set(v, before + 1);
    scores[i] = binOfRank(below + before + 1);
  }
  return scores;
}

const INDEX_BITS = 2 ** 21;

/** Whole numbers in [0, 2³¹) over fewer than 2²¹ positions: value·2²¹ + position is an exact double. */
function packable(values: ArrayLike<number>, include: (i: number) => boolean): boolean {
  if (values.length >= INDEX_BITS) return false;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** 31) return false;
  }
  return true;
}

/**
 * Recency and frequency are whole days and counts: sorting value·2²¹ + position natively orders by value,
 * ties by position — exactly rank(method='first') — so each position's rank is its place in the sort.
 */
function packedQuintiles(values: ArrayLike<number>, include: (i: number) => boolean, m: number): Uint8Array {
  const keys = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) if (include(i)) keys[k++] = values[i]! * INDEX_BITS + i;
  keys.sort();
  const scores = new Uint8Array(values.length);
  let s = 1;
  for (let k = 0; k < m; k++) {
    while (5 * k > s * (m - 1)) s++;
    scores[keys[k]! % INDEX_BITS] = s;
  }
  return scores;
}

/**
 * R, F, M scores over customers with at least one order. Recency is scored reversed (the most recent
 * quintile gets 5), as `labels=[5,4,3,2,1]` in the pandas idiom. O(c log c) for c customers.
 */
export function rfmScores(values: RfmValues): RfmScores {
  const hasOrders = (i: number): boolean => values.frequency[i]! > 0;
  const r = quintileScores(values.recency, hasOrders);
  for (let i = 0; i < r.length; i++) if (r[i]! > 0) r[i] = 6 - r[i]!;
  return { r, f: quintileScores(values.frequency, hasOrders), m: quintileScores(values.monetary, hasOrders) };
}
