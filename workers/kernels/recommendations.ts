/**
 * "Customers who bought this also bought": product recommendations from association rules, with a direct
 * co-occurrence count as the fallback when the rules say little about a product.
 *
 * - `recommendFromRules`: from the output of apriori.ts's `associationRules`, every rule whose antecedent
 *   contains the product proposes each item of its consequent. A product proposed by several rules keeps its
 *   best rule, and products are ranked by: antecedent size ascending (a rule {A} → B applies to everyone who
 *   bought A, a rule {A, X} → B only to those who also bought X), then lift, then confidence (both
 *   descending), then product id, so the order is total and deterministic. A rule A → {B, C} proposes B and C
 *   with the rule's own figures (a lower bound of A → B's confidence).
 * - `alsoBought`: counts, over the baskets containing product A, each other product B (a basket counts once
 *   however often an item repeats in it): count = n(A ∧ B), support = count / baskets, confidence P(B | A) =
 *   count / n(A), lift = confidence / P(B) — mlxtend's definitions for the rule {A} → {B}, without thresholds.
 *   Ranked by count (equivalently confidence), then lift, then product id: on small counts lift is noisy, so
 *   it only breaks ties.
 * A product nobody bought, or one without rules, gets an empty list, not an error.
 *
 * Complexity: rules O(R · |rule| + P log P) for R rules and P proposed products; co-occurrence O(Σ|basket| +
 * P log P). Reference: pandas sort_values / drop_duplicates and itertools counting in
 * tests/reference/business_reference.py.
 */

import { type AssociationRules, type Baskets, validateBaskets } from './apriori';
import { KernelError, requireInteger, requireSameLength } from './errors';

export interface RuleRecommendations {
  products: Int32Array;
  /** Of the rule that ranks each product (index into the rules). */
  rule: Int32Array;
  antecedentSize: Int32Array;
  lift: Float64Array;
  confidence: Float64Array;
  support: Float64Array;
}

function requireRuleCsr(rules: AssociationRules): number {
  const n = rules.support.length;
  requireSameLength(['support', 'confidence', 'lift'], [rules.support, rules.confidence, rules.lift]);
  for (const side of ['antecedent', 'consequent'] as const) {
    const offsets = rules[`${side}Offsets`];
    const items = rules[`${side}Items`];
    if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n] !== items.length) {
      throw new KernelError(
        'LENGTH_MISMATCH',
        `${side}Offsets must hold rules + 1 = ${n + 1} entries from 0 to ${side}Items.length`,
      );
    }
  }
  return n;
}

/** The best `topN` products to show next to `productId`, from association rules. O(R · |rule| + P log P). */
export function recommendFromRules(
  rules: AssociationRules,
  productId: number,
  topN: number,
): RuleRecommendations {
  const ruleCount = requireRuleCsr(rules);
  requireInteger('productId', productId, 0);
  requireInteger('topN', topN, 1);
  const { antecedentOffsets: ao, antecedentItems: ai, consequentOffsets: co, consequentItems: ci } = rules;
  const size = (r: number): number => ao[r + 1]! - ao[r]!;
  // Negative when rule a ranks before rule b.
  const compare = (a: number, b: number): number =>
    size(a) - size(b) || rules.lift[b]! - rules.lift[a]! || rules.confidence[b]! - rules.confidence[a]!;
  const best = new Map<number, number>();
  for (let r = 0; r < ruleCount; r++) {
    let applies = false;
    for (let p = ao[r]!; p < ao[r + 1]! && !applies; p++) applies = ai[p] === productId;
    if (!applies) continue;
    for (let p = co[r]!; p < co[r + 1]!; p++) {
      const held = best.get(ci[p]!);
      if (held === undefined || compare(r, held) < 0) best.set(ci[p]!, r);
    }
  }
  const ranked = [...best.entries()].sort((a, b) => compare(a[1], b[1]) || a[0] - b[0]).slice(0, topN);
  const ruleOf = ranked.map(([, r]) => r);
  return {
    products: Int32Array.from(ranked, ([product]) => product),
    rule: Int32Array.from(ruleOf),
    antecedentSize: Int32Array.from(ruleOf, size),
    lift: Float64Array.from(ruleOf, (r) => rules.lift[r]!),
    confidence: Float64Array.from(ruleOf, (r) => rules.confidence[r]!),
    support: Float64Array.from(ruleOf, (r) => rules.support[r]!),
  };
}

export interface CoPurchases {
  /** n(A): baskets containing the product. */
  basketsWithProduct: number;
  products: Int32Array;
  /** n(A ∧ B). */
  count: Int32Array;
  support: Float64Array;
  confidence: Float64Array;
  lift: Float64Array;
}

/** The `topN` products most often bought together with `productId`, by direct counting. O(Σ|basket| + P log P). */
export function alsoBought(baskets: Baskets, productId: number, topN: number): CoPurchases {
  const { basketCount, itemCount } = validateBaskets(baskets);
  requireInteger('productId', productId, 0);
  requireInteger('topN', topN, 1);
  const { offsets, items } = baskets;
  const inBaskets = new Int32Array(itemCount);
  const together = new Int32Array(itemCount);
  // lastSeen[item] = last basket the item was counted in, so repeats within a basket count once.
  const lastSeen = new Int32Array(itemCount).fill(-1);
  let withProduct = 0;
  for (let b = 0; b < basketCount; b++) {
    let hasProduct = false;
    for (let p = offsets[b]!; p < offsets[b + 1]!; p++) hasProduct ||= items[p] === productId;
    if (hasProduct) withProduct++;
    for (let p = offsets[b]!; p < offsets[b + 1]!; p++) {
      const item = items[p]!;
      if (lastSeen[item] === b) continue;
      lastSeen[item] = b;
      inBaskets[item]!++;
      if (hasProduct && item !== productId) together[item]!++;
    }
  }
  const lift = (item: number): number => together[item]! / withProduct / (inBaskets[item]! / basketCount);
  const candidates: number[] = [];
  for (let item = 0; item < itemCount; item++) if (together[item]! > 0) candidates.push(item);
  candidates.sort((a, b) => together[b]! - together[a]! || lift(b) - lift(a) || a - b);
  const top = candidates.slice(0, topN);
  return {
    basketsWithProduct: withProduct,
    products: Int32Array.from(top),
    count: Int32Array.from(top, (item) => together[item]!),
    support: Float64Array.from(top, (item) => together[item]! / basketCount),
    confidence: Float64Array.from(top, (item) => together[item]! / withProduct),
    lift: Float64Array.from(top, lift),
  };
}
