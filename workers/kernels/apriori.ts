/**
 * Frequent itemsets (Apriori) and association rules over market baskets.
 *
 * Agrawal & Srikant, "Fast algorithms for mining association rules", VLDB 1994: level-wise candidates
 * (join of (k−1)-itemsets sharing a (k−2)-prefix, pruned when any (k−1)-subset is infrequent). Support is
 * counted vertically: each frequent itemset keeps a bitmap of the baskets containing it, and a candidate's
 * bitmap is the AND of its two parents'. Definitions as mlxtend's `apriori` + `association_rules`
 * (support = count / baskets ≥ minSupport, confidence ≥ minConfidence, lift = confidence / consequent
 * support); reference: tests/reference/apriori_reference.py (brute-force itertools counting, as mlxtend
 * is not packaged here). Time O(Σ_levels candidates · baskets/32),
 * memory O(frequent itemsets · baskets/32); `maxItemsets` bounds both so a low threshold cannot hang.
 */

import { KernelError, requireInteger, requireNonEmpty, requireNumberIn } from './errors';

export interface Baskets {
  /** offsets[b]..offsets[b+1] index the items of basket b (length = baskets + 1). */
  offsets: Int32Array;
  /** Item ids 0..itemCount−1; order and duplicates within a basket do not matter. */
  items: Int32Array;
}

export interface ItemsetOptions {
  minSupport: number;
  maxLength?: number;
  /** Stop with an error instead of producing more frequent itemsets than this (default 200,000). */
  maxItemsets?: number;
}

export interface FrequentItemsets {
  /** Itemsets as CSR (items ascending within a set); ordered by length, then lexicographically. */
  offsets: Int32Array;
  items: Int32Array;
  support: Float64Array;
  count: Int32Array;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function validateBaskets(b: Baskets): { basketCount: number; itemCount: number } {
  const basketCount = b.offsets.length - 1;
  if (basketCount < 1) throw new KernelError('EMPTY_INPUT', 'there are no baskets');
  requireNonEmpty('items', b.items);
  if (b.offsets[0] !== 0 || b.offsets[basketCount] !== b.items.length) {
    throw new KernelError('LENGTH_MISMATCH', `offsets must run from 0 to items.length (${b.items.length})`);
  }
  let itemCount = 0;
  for (let k = 0; k < basketCount; k++) {
    if (b.offsets[k + 1]! < b.offsets[k]!)
      throw new KernelError('INVALID_PARAMETER', `offsets decrease at ${k}`);
  }
  for (let i = 0; i < b.items.length; i++) {
    if (b.items[i]! < 0) throw new KernelError('INVALID_PARAMETER', `items[${i}] is negative`);
    itemCount = Math.max(itemCount, b.items[i]! + 1);
  }
  return { basketCount, itemCount };
}

/**
 * All itemsets with support ≥ minSupport (mlxtend `apriori(df, min_support, max_len)` semantics), level by
 * level. O(Σ candidates · baskets / 32) time, O(frequent itemsets · baskets / 32) memory.
 */
export function frequentItemsets(baskets: Baskets, options: ItemsetOptions): FrequentItemsets {
  const { basketCount: n, itemCount } = validateBaskets(baskets);
  requireNumberIn('minSupport', options.minSupport, Number.MIN_VALUE, 1);
  const maxLength = options.maxLength ?? 8;
  const maxItemsets = options.maxItemsets ?? 200_000;
  requireInteger('maxLength', maxLength, 1, 16);
  const words = (n + 31) >>> 5;
  const frequent = (count: number): boolean => count / n >= options.minSupport;
  // Level 1: one bitmap per item.
  const itemBits = new Uint32Array(itemCount * words);
  for (let b = 0; b < n; b++) {
    for (let p = baskets.offsets[b]!; p < baskets.offsets[b + 1]!; p++) {
      itemBits[baskets.items[p]! * words + (b >>> 5)]! |= 1 << (b & 31);
    }
  }
  type Level = { sets: number[][]; bits: Uint32Array[]; counts: number[] };
  let level: Level = { sets: [], bits: [], counts: [] };
  for (let item = 0; item < itemCount; item++) {
    const bits = itemBits.subarray(item * words, item * words + words);
    let count = 0;
    for (let w = 0; w < words; w++) count += popcount(bits[w]!);
    if (!frequent(count)) continue;
    level.sets.push([item]);
    level.bits.push(bits);
    level.counts.push(count);
  }
  const all: { set: number[]; count: number }[] = level.sets.map((set, i) => ({
    set,
    count: level.counts[i]!,
  }));
  for (let size = 2; size <= maxLength && level.sets.length > 1; size++) {
    const known = new Set(level.sets.map((s) => s.join(',')));
    const next: Level = { sets: [], bits: [], counts: [] };
    for (let a = 0; a < level.sets.length; a++) {
      const sa = level.sets[a]!;
      for (let b = a + 1; b < level.sets.length; b++) {
        const sb = level.sets[b]!;
        // Sets are sorted lexicographically, so those sharing sa's prefix are contiguous after it.
        let samePrefix = true;
        for (let i = 0; i < size - 2 && samePrefix; i++) samePrefix = sa[i] === sb[i];
        if (!samePrefix) break;
        const candidate = [...sa, sb[size - 2]!];
        let allSubsetsFrequent = true;
        for (let drop = 0; drop < size - 2 && allSubsetsFrequent; drop++) {
          allSubsetsFrequent = known.has(candidate.filter((_, i) => i !== drop).join(','));
        }
        if (!allSubsetsFrequent) continue;
        const bits = new Uint32Array(words);
        const ba = level.bits[a]!;
        const bb = level.bits[b]!;
        let count = 0;
        for (let w = 0; w < words; w++) count += popcount((bits[w] = ba[w]! & bb[w]!));
        if (!frequent(count)) continue;
        next.sets.push(candidate);
        next.bits.push(bits);
        next.counts.push(count);
        all.push({ set: candidate, count });
        if (all.length > maxItemsets) {
          throw new KernelError(
            'INVALID_PARAMETER',
            `more than ${maxItemsets} frequent itemsets: raise minSupport`,
          );
        }
      }
    }
    level = next;
  }
  const offsets = new Int32Array(all.length + 1);
  all.forEach((entry, i) => (offsets[i + 1] = offsets[i]! + entry.set.length));
  return {
    offsets,
    items: Int32Array.from(all.flatMap((entry) => entry.set)),
    support: Float64Array.from(all, (entry) => entry.count / n),
    count: Int32Array.from(all, (entry) => entry.count),
  };
}

export interface AssociationRules {
  antecedentOffsets: Int32Array;
  antecedentItems: Int32Array;
  consequentOffsets: Int32Array;
  consequentItems: Int32Array;
  /** Support of antecedent ∪ consequent. */
  support: Float64Array;
  confidence: Float64Array;
  lift: Float64Array;
}

/**
 * Every rule A → C with A ∪ C a frequent itemset, A and C non-empty and disjoint, confidence =
 * support(A ∪ C) / support(A) ≥ minConfidence; lift = confidence / support(C). Subsets of a frequent set
 * are frequent, so all supports are looked up, never recounted. O(Σ 2^|I|) over frequent itemsets I.
 */
export function associationRules(
  sets: FrequentItemsets,
  minConfidence: number,
  maxRules = 1_000_000,
): AssociationRules {
  requireNumberIn('minConfidence', minConfidence, 0, 1);
  requireInteger('maxRules', maxRules, 1);
  const supportOf = new Map<string, number>();
  const setAt = (i: number) => Array.from(sets.items.subarray(sets.offsets[i]!, sets.offsets[i + 1]!));
  for (let i = 0; i < sets.support.length; i++) supportOf.set(setAt(i).join(','), sets.support[i]!);
  const ante: number[][] = [];
  const cons: number[][] = [];
  const support: number[] = [];
  const confidence: number[] = [];
  const lift: number[] = [];
  for (let i = 0; i < sets.support.length; i++) {
    const set = setAt(i);
    if (set.length < 2) continue;
    for (let mask = 1; mask < (1 << set.length) - 1; mask++) {
      const a = set.filter((_, j) => mask & (1 << j));
      const c = set.filter((_, j) => !(mask & (1 << j)));
      const conf = sets.support[i]! / supportOf.get(a.join(','))!;
      if (conf < minConfidence) continue;
      if (ante.length >= maxRules) {
        throw new KernelError(
          'INVALID_PARAMETER',
          `more than ${maxRules} rules: raise minSupport or minConfidence`,
        );
      }
      ante.push(a);
      cons.push(c);
      support.push(sets.support[i]!);
      confidence.push(conf);
      lift.push(conf / supportOf.get(c.join(','))!);
    }
  }
  const csr = (lists: number[][]) => {
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
    return { offsets, items: Int32Array.from(lists.flat()) };
  };
  const a = csr(ante);
  const c = csr(cons);
  return {
    antecedentOffsets: a.offsets,
    antecedentItems: a.items,
    consequentOffsets: c.offsets,
    consequentItems: c.items,
    support: Float64Array.from(support),
    confidence: Float64Array.from(confidence),
    lift: Float64Array.from(lift),
  };
}
