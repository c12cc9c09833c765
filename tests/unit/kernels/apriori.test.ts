// Reference: tests/reference/apriori_reference.py (brute-force itertools counting with mlxtend's
// definitions of support, confidence and lift; mlxtend itself is not packaged here).
import { describe, expect, it } from 'vitest';
import { associationRules, type Baskets, frequentItemsets } from '../../../workers/kernels/apriori';
import ref from '../../reference/apriori_reference.json';
import { kernelErrorCode } from './expect-kernel-error';

function toCsr(lists: number[][]): Baskets {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, items: Int32Array.from(lists.flat()) };
}
const rows = (offsets: Int32Array, items: Int32Array) =>
  Array.from({ length: offsets.length - 1 }, (_, i) =>
    Array.from(items.subarray(offsets[i]!, offsets[i + 1]!)),
  );

describe('apriori vs brute-force counting', () => {
  const baskets = toCsr(ref.baskets);
  const sets = frequentItemsets(baskets, { minSupport: ref.minSupport });

  it('finds exactly the frequent itemsets with their counts, ordered by size then items', () => {
    expect(rows(sets.offsets, sets.items)).toEqual(ref.itemsets);
    expect(Array.from(sets.count)).toEqual(ref.counts);
    sets.support.forEach((s, i) => expect(s).toBe(ref.counts[i]! / ref.baskets.length));
  });

  it('derives the same rules with support, confidence and lift to 1e-12', () => {
    const rules = associationRules(sets, ref.minConfidence);
    const ante = rows(rules.antecedentOffsets, rules.antecedentItems);
    const cons = rows(rules.consequentOffsets, rules.consequentItems);
    const got = new Map(
      ante.map((a, i) => [`${a}→${cons[i]}`, [rules.support[i]!, rules.confidence[i]!, rules.lift[i]!]]),
    );
    expect(got.size).toBe(ref.rules.length);
    for (const r of ref.rules) {
      const values = got.get(`${r.antecedent}→${r.consequent}`);
      expect(values, `${r.antecedent}→${r.consequent}`).toBeDefined();
      [r.support, r.confidence, r.lift].forEach((want, k) =>
        expect(Math.abs(values![k]! - want)).toBeLessThan(1e-12),
      );
    }
  });

  it('respects maxLength and refuses to explode past maxItemsets or maxRules', () => {
    const pairsOnly = frequentItemsets(baskets, { minSupport: ref.minSupport, maxLength: 2 });
    expect(pairsOnly.count.length).toBe(ref.itemsets.filter((s) => s.length <= 2).length);
    expect(kernelErrorCode(() => frequentItemsets(baskets, { minSupport: 0.01, maxItemsets: 50 }))).toBe(
      'INVALID_PARAMETER',
    );
    expect(kernelErrorCode(() => associationRules(sets, 0.1, 10))).toBe('INVALID_PARAMETER');
  });
});

describe('apriori bad input', () => {
  it('rejects empty or malformed baskets and out-of-range thresholds', () => {
    const ok = toCsr([[1, 2], [2]]);
    expect(
      kernelErrorCode(() =>
        frequentItemsets({ offsets: Int32Array.of(0), items: new Int32Array(0) }, { minSupport: 0.5 }),
      ),
    ).toBe('EMPTY_INPUT');
    expect(
      kernelErrorCode(() =>
        frequentItemsets({ ...ok, offsets: Int32Array.of(0, 2, 5) }, { minSupport: 0.5 }),
      ),
    ).toBe('LENGTH_MISMATCH');
    expect(
      kernelErrorCode(() => frequentItemsets({ ...ok, items: Int32Array.of(1, -2, 2) }, { minSupport: 0.5 })),
    ).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => frequentItemsets(ok, { minSupport: 0 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => frequentItemsets(ok, { minSupport: NaN }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => associationRules(frequentItemsets(ok, { minSupport: 0.5 }), 1.5))).toBe(
      'INVALID_PARAMETER',
    );
  });
});
