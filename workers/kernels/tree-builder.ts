/**
 * The tree-growing machinery shared by the CART classifier (cart.ts), the regression tree used by gradient
 * boosting (regression-tree.ts) and the random forest (forest.ts): scikit-learn 1.2's `BestSplitter` with the
 * `DepthFirstTreeBuilder`, parameterised by a split criterion (Gini/entropy class counts, or Friedman MSE).
 *
 * Instead of re-sorting every feature at every node as sklearn does, the rows are sorted once per feature
 * (`presortFeatures`, tree-presort.ts) and each split stably partitions every feature's sorted segment, so a node reads its
 * rows already in order: O(p · n log n) once, then O(p · n) per tree level instead of O(p · n log n). The
 * splits are the same because candidate cuts lie only between distinct values (gap > 1e-7, sklearn's
 * FEATURE_THRESHOLD). The order of equal values (sklearn's comes from its introsort) only changes the rounding
 * of sums of real targets — class counts are exact — which can decide an exact tie between two features that
 * divide a node's rows identically (small nodes, integer features): there a regression tree may pick the
 * other feature, with the same training fit but a different threshold for unseen rows.
 *
 * Features are drawn in sklearn's random order (its xorshift `rand_r`, constant-feature bookkeeping and
 * `max_features` stopping rule), so exact ties between features go the same way. Rows with weight 0 are left
 * out, as sklearn does with bootstrap counts. Deliberate difference: sklearn converts X to float32; here it
 * stays float64, so results agree with sklearn when the features are float32-exact.
 */

import type { Matrix } from './errors';
import { createWorkspace, type Presorted, type TreeWorkspace } from './tree-presort';

export const FEATURE_THRESHOLD = 1e-7;
export const EPSILON = 2.220446049250313e-16;

/** What a split criterion tracks while the builder walks a node's rows in the order of one feature. */
export interface SplitCriterion {
  /** Values stored per node: class weights, or 1 for a regression mean. */
  readonly valuesPerNode: number;
  /** Totals of a node's rows; writes the node's value into `value` and returns its weighted size. */
  resetNode(rows: Int32Array, value: Float64Array): number;
  /** Impurity of the node last passed to `resetNode` (sklearn `node_impurity`). */
  nodeImpurity(): number;
  /** Starts a scan of the node's rows in the given (sorted) order with every row on the right side. */
  resetScan(rows: Int32Array): void;
  /** Moves the division to just before `rows[pos]`; `pos` only grows during a scan (sklearn `update`). */
  update(pos: number): void;
  /** sklearn's `proxy_impurity_improvement` of the current left/right division (larger is better). */
  proxy(): number;
  /** sklearn's `children_impurity` of the current division: [left, right]. */
  childImpurities(): [number, number];
}

export interface TreeSettings {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features examined per node before the best so far is taken (sklearn `max_features`). */
  maxFeatures: number;
  /** State of sklearn's feature-order generator (`rand_r_state`). */
  randomState: number;
}

export interface TreeStructure {
  /** Per node: split feature, or −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  samples: Int32Array;
  weightedSamples: Float64Array;
  /** Node × valuesPerNode criterion values (row-major). */
  values: Float64Array;
  /** Σ over the feature's splits of w·impurity − w_L·impurity_L − w_R·impurity_R, ÷ root weight (unnormalised). */
  impurityDecrease: Float64Array;
}

/**
 * Grows one tree depth-first like sklearn's `DepthFirstTreeBuilder` + `BestSplitter`. Each feature's rows
 * and values are kept in sorted order per node, so a scan reads them sequentially. O(depth · p · n).
 */
export function growTree(
  x: Matrix,
  presorted: Presorted,
  weights: Float64Array | null,
  criterion: SplitCriterion,
  settings: TreeSettings,
  workspace: TreeWorkspace = createWorkspace(x),
): TreeStructure {
  const { rows: n, cols: p } = x;
  // The rows in this tree (weight > 0): per feature, in ascending order, m of them.
  let m = n;
  if (weights) {
    m = 0;
    for (let i = 0; i < n; i++) if (weights[i]! > 0) m++;
  }
  const sorted = workspace.order.subarray(0, p * m);
  const values = workspace.values.subarray(0, p * m);
  if (!weights) {
    sorted.set(presorted.order);
    values.set(presorted.values);
  } else {
    for (let f = 0, out = 0; f < p; f++) {
      for (let k = f * n; k < (f + 1) * n; k++) {
        if (weights[presorted.order[k]!]! > 0) {
          sorted[out] = presorted.order[k]!;
          values[out++] = presorted.values[k]!;
        }
      }
    }
  }
  const { goesLeft, scratchOrder, scratchValues } = workspace;
  // Stable partition of one feature's segment of a node: rows marked in goesLeft first, order kept.
  const partition = (from: number, to: number) => {
    let leftEnd = from;
    let rightCount = 0;
    for (let k = from; k < to; k++) {
      if (goesLeft[sorted[k]!]) {
        values[leftEnd] = values[k]!;
        sorted[leftEnd++] = sorted[k]!;
      } else {
        scratchValues[rightCount] = values[k]!;
        scratchOrder[rightCount++] = sorted[k]!;
      }
    }
    sorted.set(scratchOrder.subarray(0, rightCount), leftEnd);
    values.set(scratchValues.subarray(0, rightCount), leftEnd);
  };
  const tree = {
    feature: [] as number[],
    threshold: [] as number[],
    left: [] as number[],
    right: [] as number[],
    impurity: [] as number[],
    samples: [] as number[],
    weighted: [] as number[],
    values: [] as number[],
  };
  const nodeValue = new Float64Array(criterion.valuesPerNode);
  const features = Int32Array.from({ length: p }, (_, f) => f);
  const constantFeatures = new Int32Array(p);
  let state = settings.randomState >>> 0 || 1;
  // sklearn's our_rand_r (tree/_utils.pyx): xorshift32, then mod 2^31.
  const nextRandom = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % 0x80000000;
  };
  let rootWeight = 0;
  // [start, end, depth, parent, isLeft, constant features known, impurity (NaN: compute at the node)]
  const stack: [number, number, number, number, boolean, number, number][] = [[0, m, 0, -1, false, 0, NaN]];
  while (stack.length > 0) {
    const [start, end, depth, parent, isLeft, known, inherited] = stack.pop()!;
    const size = end - start;
    const id = tree.impurity.length;
    if (parent >= 0) (isLeft ? tree.left : tree.right)[parent] = id;
    const weight = criterion.resetNode(sorted.subarray(start, end), nodeValue);
    // Like sklearn, a child keeps the impurity its parent's split computed for it.
    const impurity = Number.isNaN(inherited) ? criterion.nodeImpurity() : inherited;
    if (parent < 0) rootWeight = weight;
    tree.impurity.push(impurity);
    tree.samples.push(size);
    tree.weighted.push(weight);
    tree.values.push(...nodeValue);
    tree.feature.push(-1);
    tree.threshold.push(-2); // sklearn's TREE_UNDEFINED marker for leaves
    tree.left.push(-1);
    tree.right.push(-1);
    const minLeaf = settings.minSamplesLeaf;
    if (depth >= settings.maxDepth || size < settings.minSamplesSplit || size < 2 * minLeaf) continue;
    if (impurity <= EPSILON) continue;
    const best = { proxy: -Infinity, feature: -1, threshold: 0, pos: end };
    // Visit features in sklearn's random order (BestSplitter.node_split): draw among the not-yet-visited,
    // skipping features already known constant in an ancestor, and record newly found constants.
    let found = 0;
    let drawn = 0;
    let totalConstants = known;
    let remaining = p;
    let visited = 0;
    while (remaining > totalConstants && (visited < settings.maxFeatures || visited <= found + drawn)) {
      visited++;
      let j = drawn + (nextRandom() % (remaining - found - drawn));
      if (j < known) {
        [features[drawn], features[j]] = [features[j]!, features[drawn]!];
        drawn++;
        continue;
      }
      j += found;
      const f = features[j]!;
      const idx = sorted.subarray(f * m + start, f * m + end);
      const value = values.subarray(f * m + start, f * m + end);
      if (value[size - 1]! <= value[0]! + FEATURE_THRESHOLD) {
        [features[j], features[totalConstants]] = [features[totalConstants]!, features[j]!];
        found++;
        totalConstants++;
        continue;
      }
      remaining--;
      [features[remaining], features[j]] = [features[j]!, features[remaining]!];
      criterion.resetScan(idx);
      let k = 0;
      while (k < size) {
        k++;
        while (k < size && value[k]! <= value[k - 1]! + FEATURE_THRESHOLD) k++;
        if (k >= size || k < minLeaf || size - k < minLeaf) continue;
        criterion.update(k);
        const proxy = criterion.proxy();
        if (proxy > best.proxy) {
          let threshold = value[k - 1]! / 2 + value[k]! / 2;
          if (threshold === value[k]) threshold = value[k - 1]!;
          Object.assign(best, { proxy, feature: f, threshold, pos: k });
        }
      }
    }
    // Constants known from ancestors keep their order for siblings; new ones are appended.
    features.set(constantFeatures.subarray(0, known));
    constantFeatures.set(features.subarray(known, known + found), known);
    if (best.feature < 0) continue;
    // As sklearn, the children's impurities are computed once, for the chosen cut only.
    const cut = sorted.subarray(best.feature * m + start, best.feature * m + end);
    criterion.resetScan(cut);
    criterion.update(best.pos);
    const [impurityLeft, impurityRight] = criterion.childImpurities();
    for (let k = 0; k < best.pos; k++) goesLeft[cut[k]!] = 1;
    for (let f = 0; f < p; f++) if (f !== best.feature) partition(f * m + start, f * m + end);
    for (let k = 0; k < best.pos; k++) goesLeft[cut[k]!] = 0;
    const mid = start + best.pos;
    tree.feature[id] = best.feature;
    tree.threshold[id] = best.threshold;
    stack.push(
      [mid, end, depth + 1, id, false, totalConstants, impurityRight],
      [start, mid, depth + 1, id, true, totalConstants, impurityLeft],
    );
  }
  // sklearn's compute_feature_importances(normalize=False), from the stored node impurities and weights.
  const impurityDecrease = new Float64Array(p);
  const { feature, left, right, impurity, weighted } = tree;
  for (let node = 0; node < feature.length; node++) {
    const f = feature[node]!;
    if (f < 0) continue;
    const [l, r] = [left[node]!, right[node]!];
    impurityDecrease[f]! +=
      weighted[node]! * impurity[node]! - weighted[l]! * impurity[l]! - weighted[r]! * impurity[r]!;
  }
  for (let f = 0; f < p; f++) impurityDecrease[f]! /= rootWeight;
  return {
    feature: Int32Array.from(tree.feature),
    threshold: Float64Array.from(tree.threshold),
    left: Int32Array.from(tree.left),
    right: Int32Array.from(tree.right),
    impurity: Float64Array.from(tree.impurity),
    samples: Int32Array.from(tree.samples),
    weightedSamples: Float64Array.from(tree.weighted),
    values: Float64Array.from(tree.values),
    impurityDecrease,
  };
}

/** Importances that sum to 1 (all 0 for a single-leaf tree), as sklearn `feature_importances_`. */
export function normalised(decrease: Float64Array): Float64Array {
  let total = 0;
  for (const v of decrease) total += v;
  return Float64Array.from(decrease, (v) => (total > 0 ? v / total : 0));
}

/** Index of the leaf that row `row` of `x` falls in. O(depth). */
export function leafOf(
  tree: Pick<TreeStructure, 'feature' | 'threshold' | 'left' | 'right'>,
  x: Matrix,
  row: number,
): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node =
      x.data[row * x.cols + tree.feature[node]!]! <= tree.threshold[node]!
        ? tree.left[node]!
        : tree.right[node]!;
  }
  return node;
}
