// Reference: tests/reference/clv_reference.py (numpy 1.24 / pandas 1.5.3, vectorised and groupby code).
import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  discountedClv,
  monthOfDay,
  simpleClv,
} from '../../../workers/kernels/clv';
import ref from '../../reference/clv_reference.json';
import { expectClose, kernelErrorCode } from './expect-kernel-error';

describe('CLV vs reference', () => {
  it('simple CLV = AOV × frequency × lifespan', () => {
    const s = ref.simple;
    const got = simpleClv(s);
    expect(got.averageOrderValue).toBeCloseTo(s.averageOrderValue, 9);
    expect(got.purchaseFrequency).toBeCloseTo(s.purchaseFrequency, 12);
    expect(got.value).toBeCloseTo(s.value, 8);
  });

  it('discounted CLV matches the vectorised sum and approaches its geometric limit', () => {
    const d = ref.discounted;
    const input = { ...d, revenuePerPeriod: Float64Array.from(d.revenuePerPeriod) };
    expect(Math.abs(discountedClv(input) - d.value)).toBeLessThan(1e-9);
    const long = discountedClv({ ...input, revenuePerPeriod: new Float64Array(2000).fill(100) });
    expect(Math.abs(long - d.limitConstant100)).toBeLessThan(1e-9);
  });

  it('churn excludes customers acquired during the period', () => {
    const c = ref.churn;
    const got = churnRate(
      Int32Array.from(c.acquiredDay),
      Int32Array.from(c.churnedDay),
      c.periodStart,
      c.periodEnd,
    );
    expect(got).toEqual({
      startCount: c.startCount,
      lost: c.lost,
      acquiredDuring: c.acquiredDuring,
      endCount: c.endCount,
      churnRate: c.churnRate,
    });
    // The naive (start − end)/start would differ: new customers offset losses.
    expect(got.churnRate).not.toBeCloseTo((c.startCount - c.endCount) / c.startCount, 3);
  });

  it('monthOfDay agrees with pandas to_period("M")', () => {
    expect(Array.from(ref.cohorts.day, monthOfDay)).toEqual(ref.cohorts.month);
    expect(monthOfDay(-1)).toBe(-1); // 1969-12-31
    expect(monthOfDay(11016)).toBe(30 * 12 + 1); // 2000-02-29
  });

  it('cohort retention matrix matches the pandas pivot', () => {
    const c = ref.cohorts;
    const got = cohortRetention(Int32Array.from(c.customerIndex), Int32Array.from(c.month), c.customerCount);
    expect(Array.from(got.cohortMonths)).toEqual(c.cohortMonths);
    expect(Array.from(got.cohortSizes)).toEqual(c.cohortSizes);
    expect(got.width).toBe(c.width);
    expect(Array.from(got.activeCounts)).toEqual(c.activeCounts);
    expectClose(got.retention, c.retention, 1e-15);
    expect(got.observedOffsets[0]).toBe(c.width);
  });
});

describe('CLV bad input', () => {
  it('rejects impossible parameters with codes', () => {
    expect(
      kernelErrorCode(() => simpleClv({ revenue: 10, orderCount: 0, customerCount: 1, lifespan: 1 })),
    ).toBe('INVALID_PARAMETER');
    const base = { margin: 0.3, revenuePerPeriod: Float64Array.of(1), retention: 0.8, discountRate: 0.1 };
    expect(kernelErrorCode(() => discountedClv({ ...base, retention: 1.2 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => discountedClv({ ...base, revenuePerPeriod: new Float64Array(0) }))).toBe(
      'EMPTY_INPUT',
    );
    expect(
      kernelErrorCode(() => discountedClv({ ...base, revenuePerPeriod: Float64Array.of(Infinity) })),
    ).toBe('NON_FINITE');
  });

  it('rejects churn with no starting cohort, reversed periods and churn before acquisition', () => {
    expect(kernelErrorCode(() => churnRate(Int32Array.of(50), Int32Array.of(-1), 10, 20))).toBe(
      'TOO_FEW_SAMPLES',
    );
    expect(kernelErrorCode(() => churnRate(Int32Array.of(5), Int32Array.of(-1), 20, 10))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => churnRate(Int32Array.of(5), Int32Array.of(3), 10, 20))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => churnRate(Int32Array.of(5), Int32Array.of(3, 4), 10, 20))).toBe(
      'LENGTH_MISMATCH',
    );
  });

  it('rejects cohort input with unknown customers', () => {
    expect(kernelErrorCode(() => cohortRetention(Int32Array.of(4), Int32Array.of(600), 2))).toBe(
      'INVALID_PARAMETER',
    );
  });
});
