/**
 * Customer lifetime value, churn rate and monthly cohort retention.
 *
 * Reference values: tests/reference/clv_reference.py → clv_reference.json (numpy / pandas 1.5).
 */

import {
  KernelError,
  requireFinite,
  requireInteger,
  requireNonEmpty,
  requireNumberIn,
  requireSameLength,
} from './errors';

export interface SimpleClvInput {
  revenue: number;
  orderCount: number;
  customerCount: number;
  /** Expected customer lifespan, in observation windows (e.g. 3 when the window is a year and life 3 years). */
  lifespan: number;
}

/**
 * Simple (historic) CLV = average order value × purchase frequency × lifespan, where AOV = revenue / orders
 * and purchase frequency = orders / customers within the observation window (Kumar, "Customer Lifetime
 * Value", Foundations and Trends in Marketing 1(1), 2006, §2 "average-based" CLV). O(1).
 */
export function simpleClv(input: SimpleClvInput): {
  averageOrderValue: number;
  purchaseFrequency: number;
  value: number;
} {
  requireNumberIn('revenue', input.revenue, 0, Number.MAX_VALUE);
  requireInteger('orderCount', input.orderCount, 1);
  requireInteger('customerCount', input.customerCount, 1);
  requireNumberIn('lifespan', input.lifespan, 0, 1e6);
  const averageOrderValue = input.revenue / input.orderCount;
  const purchaseFrequency = input.orderCount / input.customerCount;
  return {
    averageOrderValue,
    purchaseFrequency,
    value: averageOrderValue * purchaseFrequency * input.lifespan,
  };
}

export interface DiscountedClvInput {
  /** Gross margin as a fraction of revenue, in [0, 1]. */
  margin: number;
  /** Expected revenue R_t of an active customer in periods t = 1..T (T = length). */
  revenuePerPeriod: Float64Array;
  /** Probability r that a customer active in one period is active in the next, in [0, 1]. */
  retention: number;
  /** Discount rate d per period, ≥ 0. */
  discountRate: number;
}

/**
 * Discounted CLV = Σ_{t=1..T} margin · R_t · r^{t−1} / (1+d)^t.
 *
 * Cash flows at the end of each period; the customer is active in period 1 with certainty (hence r^{t−1}),
 * the convention of Berger & Nasr, "Customer lifetime value: marketing models and applications", J.
 * Interactive Marketing 12(1), 1998, case 1; Gupta et al., "Modeling Customer Lifetime Value", J. Service
 * Research 9(2), 2006, eq. 1 without acquisition cost. As T → ∞ with constant R it tends to
 * margin·R / (1 + d − r). O(T).
 */
export function discountedClv(input: DiscountedClvInput): number {
  requireNumberIn('margin', input.margin, 0, 1);
  requireNumberIn('retention', input.retention, 0, 1);
  requireNumberIn('discountRate', input.discountRate, 0, 1e3);
  requireNonEmpty('revenuePerPeriod', input.revenuePerPeriod);
  requireFinite('revenuePerPeriod', input.revenuePerPeriod);
  let survival = 1;
  let discount = 1;
  let total = 0;
  for (let t = 0; t < input.revenuePerPeriod.length; t++) {
    discount /= 1 + input.discountRate;
    total += input.margin * input.revenuePerPeriod[t]! * survival * discount;
    survival *= input.retention;
  }
  return total;
}

export interface ChurnResult {
  /** Customers active at periodStart (the cohort the rate is about). */
  startCount: number;
  /** Of those, customers who churned on or before periodEnd. */
  lost: number;
  /** Customers acquired in (periodStart, periodEnd]; not part of the rate. */
  acquiredDuring: number;
  /** All customers active at periodEnd, new ones included. */
  endCount: number;
  /** lost / startCount. */
  churnRate: number;
}

/**
 * Churn rate of a period = (S − E_S) / S, where S is the number of customers active at `periodStart` and
 * E_S how many of *those* are still active at `periodEnd`. Customers acquired during the period are left
 * out of both terms, unlike the naive (S − E)/S with E = everyone active at the end, where acquisitions
 * mask losses (and can make churn negative). A customer is active on day x when acquired ≤ x and
 * (churned = −1 or churned > x). O(n).
 */
export function churnRate(
  acquiredDay: Int32Array,
  churnedDay: Int32Array,
  periodStart: number,
  periodEnd: number,
): ChurnResult {
  requireNonEmpty('acquiredDay', acquiredDay);
  requireSameLength(['acquiredDay', 'churnedDay'], [acquiredDay, churnedDay]);
  requireInteger('periodStart', periodStart, -2147483648, 2147483647);
  requireInteger('periodEnd', periodEnd, periodStart, 2147483647);
  let startCount = 0;
  let lost = 0;
  let acquiredDuring = 0;
  let endCount = 0;
  for (let i = 0; i < acquiredDay.length; i++) {
    const a = acquiredDay[i]!;
    const c = churnedDay[i]!;
    if (c !== -1 && c < a) {
      throw new KernelError(
        'INVALID_PARAMETER',
        `customer ${i} churned (day ${c}) before being acquired (${a})`,
      );
    }
    const activeAt = (x: number): boolean => a <= x && (c === -1 || c > x);
    if (activeAt(periodStart)) {
      startCount++;
      if (!activeAt(periodEnd)) lost++;
    } else if (a > periodStart && a <= periodEnd) {
      acquiredDuring++;
    }
    if (activeAt(periodEnd)) endCount++;
  }
  if (startCount === 0) {
    throw new KernelError(
      'TOO_FEW_SAMPLES',
      `no customer was active at the start of the period (${periodStart})`,
    );
  }
  return { startCount, lost, acquiredDuring, endCount, churnRate: lost / startCount };
}

/** Month number (year − 1970) × 12 + (month − 1) of a day number since 1970-01-01 (proleptic Gregorian, UTC). */
export function monthOfDay(day: number): number {
  // Hinnant's civil_from_days: exact integer arithmetic, no Date object or time zone involved.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + month - 1;
}

export interface CohortRetention {
  /** Month numbers of the cohorts (month of each customer's first order), ascending. */
  cohortMonths: Int32Array;
  cohortSizes: Int32Array;
  /** Number of month offsets (columns): last order month − first cohort month + 1. */
  width: number;
  /** Row-major cohorts × width: customers of the cohort who ordered in month cohort + offset. */
  activeCounts: Int32Array;
  /** activeCounts / cohort size (offset 0 is always 1). */
  retention: Float64Array;
  /** Per cohort, how many offsets lie inside the data; later cells are unobserved and hold 0. */
  observedOffsets: Int32Array;
}

/**
 * Monthly cohort retention matrix, the standard pandas recipe (cohort = month of first order; a customer
 * counts once per month however many orders). O(n log n + customers + cohorts × width).
 */
export function cohortRetention(
  customerIndex: Int32Array,
  month: Int32Array,
  customerCount: number,
): CohortRetention {
  requireNonEmpty('customerIndex', customerIndex);
  requireSameLength(['customerIndex', 'month'], [customerIndex, month]);
  requireInteger('customerCount', customerCount, 1);
  const firstMonth = new Int32Array(customerCount).fill(2147483647);
  let lastMonth = -2147483648;
  for (let i = 0; i < customerIndex.length; i++) {
    const c = customerIndex[i]!;
    if (c < 0 || c >= customerCount) {
      throw new KernelError(
        'INVALID_PARAMETER',
        `customerIndex[${i}] = ${c} is outside 0..${customerCount - 1}`,
      );
    }
    if (month[i]! < firstMonth[c]!) firstMonth[c] = month[i]!;
    if (month[i]! > lastMonth) lastMonth = month[i]!;
  }
  const months = Array.from(new Set(Array.from(firstMonth).filter((m) => m !== 2147483647))).sort(
    (a, b) => a - b,
  );
  const cohortMonths = Int32Array.from(months);
  const rowOf = new Map(months.map((m, row) => [m, row]));
  const width = lastMonth - cohortMonths[0]! + 1;
  if (months.length * width > 50_000_000) {
    throw new KernelError(
      'INVALID_PARAMETER',
      `cohort matrix of ${months.length} × ${width} months is too large`,
    );
  }
  const cohortSizes = new Int32Array(months.length);
  for (let c = 0; c < customerCount; c++)
    if (firstMonth[c] !== 2147483647) cohortSizes[rowOf.get(firstMonth[c]!)!]!++;
  // Dedupe (customer, month) pairs: one numeric key per order, sorted as a typed array (no comparator).
  const minMonth = cohortMonths[0]!;
  const keys = new Float64Array(customerIndex.length);
  for (let i = 0; i < keys.length; i++) keys[i] = customerIndex[i]! * width + (month[i]! - minMonth);
  keys.sort();
  const activeCounts = new Int32Array(months.length * width);
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && keys[k] === keys[k - 1]) continue;
    const c = Math.floor(keys[k]! / width);
    const first = firstMonth[c]!;
    const orderMonth = minMonth + (keys[k]! - c * width);
    activeCounts[rowOf.get(first)! * width + (orderMonth - first)]!++;
  }
  const retention = new Float64Array(activeCounts.length);
  const observedOffsets = new Int32Array(months.length);
  for (let row = 0; row < months.length; row++) {
    observedOffsets[row] = lastMonth - cohortMonths[row]! + 1;
    for (let o = 0; o < width; o++)
      retention[row * width + o] = activeCounts[row * width + o]! / cohortSizes[row]!;
  }
  return { cohortMonths, cohortSizes, width, activeCounts, retention, observedOffsets };
}
