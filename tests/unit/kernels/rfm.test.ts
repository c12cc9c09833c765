// Reference: tests/reference/rfm_reference.py (pandas 1.5.3 groupby + qcut(rank(method='first'))).
import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, rfmValues } from '../../../workers/kernels/rfm';
import ref from '../../reference/rfm_reference.json';
import { kernelErrorCode } from './expect-kernel-error';

const orders = {
  customerIndex: Int32Array.from(ref.input.customerIndex),
  day: Int32Array.from(ref.input.day),
  amount: Float64Array.from(ref.input.amount),
};

describe('rfmValues / rfmScores vs pandas', () => {
  const values = rfmValues(orders, ref.input.customerCount, ref.input.asOf);
  const scores = rfmScores(values);

  it('matches recency, frequency and monetary per customer', () => {
    ref.customers.forEach((c, k) => {
      expect(values.recency[c]).toBe(ref.recency[k]);
      expect(values.frequency[c]).toBe(ref.frequency[k]);
      expect(values.monetary[c]).toBeCloseTo(ref.monetary[k]!, 9);
    });
  });

  it('matches qcut quintile scores, recency reversed', () => {
    ref.customers.forEach((c, k) => {
      expect([scores.r[c], scores.f[c], scores.m[c]]).toEqual([ref.rScore[k], ref.fScore[k], ref.mScore[k]]);
    });
  });

  it('leaves customers without orders unscored', () => {
    for (let c = 50; c < ref.input.customerCount; c++) {
      expect(values.recency[c]).toBe(-1);
      expect([scores.r[c], scores.f[c], scores.m[c]]).toEqual([0, 0, 0]);
    }
  });

  it('puts rank boundaries in the same bin as qcut for 2..120 customers', () => {
    for (const [size, expected] of Object.entries(ref.qcutBySize)) {
      const m = Number(size);
      const ranks = Float64Array.from({ length: m }, (_, i) => i + 1);
      expect(Array.from(quintileScores(ranks, () => true)), `m = ${m}`).toEqual(expected);
    }
  });

  it('breaks ties by position (rank method first)', () => {
    expect(Array.from(quintileScores([7, 7, 7, 7, 7], () => true))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('rfm bad input', () => {
  const one = (over: Partial<typeof orders>) => ({
    customerIndex: Int32Array.of(0),
    day: Int32Array.of(10),
    amount: Float64Array.of(5),
    ...over,
  });

  it('rejects empty, mismatched, non-finite, out-of-range and future orders', () => {
    expect(kernelErrorCode(() => rfmValues(one({ customerIndex: new Int32Array(0) }), 1, 10))).toBe(
      'EMPTY_INPUT',
    );
    expect(kernelErrorCode(() => rfmValues(one({ day: Int32Array.of(1, 2) }), 1, 10))).toBe(
      'LENGTH_MISMATCH',
    );
    expect(kernelErrorCode(() => rfmValues(one({ amount: Float64Array.of(NaN) }), 1, 10))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => rfmValues(one({ customerIndex: Int32Array.of(3) }), 1, 10))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => rfmValues(one({}), 1, 9))).toBe('INVALID_PARAMETER');
  });

  it('refuses to score fewer than two customers', () => {
    expect(kernelErrorCode(() => rfmScores(rfmValues(one({}), 3, 10)))).toBe('TOO_FEW_SAMPLES');
  });
});

describe('quintile scores with heavy ties', () => {
  // The definition itself (rank by value, ties by position; bin = smallest s with 5(r−1) ≤ s(m−1)) written
  // the slow, obvious way: the fast path must agree with it wherever tie groups straddle bin edges.
  const obvious = (values: number[], include: (i: number) => boolean) => {
    const positions = values.map((_, i) => i).filter(include);
    positions.sort((a, b) => values[a]! - values[b]! || a - b);
    const m = positions.length;
    const scores = new Uint8Array(values.length);
    positions.forEach((p, k) => {
      let s = 1;
      while (5 * k > s * (m - 1)) s++;
      scores[p] = s;
    });
    return Array.from(scores);
  };

  it('agrees with the definition for few distinct values, many sizes and a mask, whole or fractional', () => {
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const m of [2, 3, 5, 7, 10, 11, 49, 100, 1001]) {
      for (const distinct of [1, 2, 3, 6, 50]) {
        const whole = Array.from({ length: m }, () => Math.floor(next() * distinct));
        const include = (i: number) => i % 7 !== 3 || m < 10;
        // Whole numbers take the packed-key path, fractions (money) the binary-search one.
        for (const values of [whole, whole.map((v) => v / 4 - 0.3)])
          expect(Array.from(quintileScores(values, include))).toEqual(obvious(values, include));
      }
    }
  });
});
