/**
 * CART classification tree (Breiman et al. 1984) as scikit-learn 1.2 `DecisionTreeClassifier` with
 * splitter='best', max_features=None: depth-first growth; at each node every feature is sorted and every
 * cut between distinct values (gap > 1e-7, sklearn's FEATURE_THRESHOLD) scored by the same proxy
 * −n_R·impurity_R − n_L·impurity_L, strict improvement wins; threshold = a/2 + b/2; a node is a leaf at
 * max depth, below min_samples_split or 2·min_samples_leaf samples, or when pure (impurity ≤ machine ε).
 * Entropy uses log₂ as sklearn does. Feature importances are the normalised total impurity decrease.
 * Features are visited in sklearn's random order (its xorshift `rand_r` and constant-feature bookkeeping),
 * so exact ties between features — common in small nodes — are broken the same way. Reference: tests/reference/cart_reference.py. O(depth · features · n log n).
 */

import { KernelError, type Matrix, requireInteger, requireMatrix, requireSameLength } from './errors';

export interface TreeOptions {
  criterion?: 'gini' | 'entropy';
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /**
   * State of sklearn's feature-order generator. Ties between features go to the first one visited, so to
   * reproduce sklearn's tree exactly pass `np.random.RandomState(random_state).randint(0, 2**31 - 1)`.
   */
  randomState?: number;
}

export interface DecisionTree {
  classes: number;
  /** Per node: split feature, or −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  samples: Int32Array;
  /** Node × class training counts (row-major). */
  counts: Float64Array;
  featureImportances: Float64Array;
}

const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;

function impurityOf(
  counts: Float64Array,
  offset: number,
  classes: number,
  n: number,
  entropy: boolean,
): number {
  if (entropy) {
    let h = 0;
    for (let k = 0; k < classes; k++) {
      const c = counts[offset + k]!;
      if (c > 0) {
        const p = c / n;
        h -= p * Math.log2(p);
      }
    }
    return h;
  }
  let sq = 0;
  for (let k = 0; k < classes; k++) sq += counts[offset + k]! * counts[offset + k]!;
  return 1 - sq / (n * n);
}

/**
 * Grows a classification tree on rows of `x` with classes y ∈ 0..C−1 (sklearn `DecisionTreeClassifier(
 * criterion, max_depth, min_samples_split, min_samples_leaf).fit`). O(depth · features · n log n).
 */
export function decisionTree(x: Matrix, y: Int32Array, options: TreeOptions = {}): DecisionTree {
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  const { rows: n, cols: p, data } = x;
  const entropy = (options.criterion ?? 'gini') === 'entropy';
  const maxDepth = options.maxDepth ?? 1_000_000;
  const minSplit = options.minSamplesSplit ?? 2;
  const minLeaf = options.minSamplesLeaf ?? 1;
  requireInteger('maxDepth', maxDepth, 1);
  requireInteger('minSamplesSplit', minSplit, 2);
  requireInteger('minSamplesLeaf', minLeaf, 1);
  let classes = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(y[i]) || y[i]! < 0)
      throw new KernelError('INVALID_PARAMETER', `y[${i}] must be a class ≥ 0`);
    classes = Math.max(classes, y[i]! + 1);
  }
  const present = new Set(y);
  if (present.size < 2)
    throw new KernelError('SINGLE_CLASS', 'a classification tree needs at least two classes in y');
  const samples = Int32Array.from({ length: n }, (_, i) => i);
  const nodes = {
    feature: [] as number[],
    threshold: [] as number[],
    left: [] as number[],
    right: [] as number[],
  };
  const impurity: number[] = [];
  const nodeSamples: number[] = [];
  const nodeCounts: number[] = [];
  const importances = new Float64Array(p);
  const order = new Int32Array(n);
  const leftCounts = new Float64Array(classes);
  const rightCounts = new Float64Array(classes);
  const features = Int32Array.from({ length: p }, (_, f) => f);
  const constantFeatures = new Int32Array(p);
  let state = (options.randomState ?? 1) >>> 0 || 1;
  // sklearn's our_rand_r (tree/_utils.pyx): xorshift32, then mod 2^31.
  const nextRandom = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % 0x80000000;
  };
  // Depth-first like sklearn's builder: [start, end, depth, parent, isLeft, constant features known].
  const stack: [number, number, number, number, boolean, number][] = [[0, n, 0, -1, false, 0]];
  while (stack.length > 0) {
    const [start, end, depth, parent, isLeft, nConstant] = stack.pop()!;
    const size = end - start;
    const id = impurity.length;
    if (parent >= 0) (isLeft ? nodes.left : nodes.right)[parent] = id;
    const counts = new Float64Array(classes);
    for (let s = start; s < end; s++) counts[y[samples[s]!]!]!++;
    const imp = impurityOf(counts, 0, classes, size, entropy);
    impurity.push(imp);
    nodeSamples.push(size);
    nodeCounts.push(...counts);
    nodes.feature.push(-1);
    nodes.threshold.push(-2); // sklearn's TREE_UNDEFINED marker for leaves
    nodes.left.push(-1);
    nodes.right.push(-1);
    if (depth >= maxDepth || size < minSplit || size < 2 * minLeaf || imp <= EPSILON) continue;
    let best = { proxy: -Infinity, feature: -1, threshold: 0, pos: end, impLeft: 0, impRight: 0 };
    // Visit features in sklearn's random order (BestSplitter.node_split): draw among the not-yet-visited,
    // skipping features already known constant in an ancestor, and record newly found constants.
    const known = nConstant;
    let found = 0;
    let drawn = 0;
    let totalConstants = known;
    let remaining = p;
    let visited = 0;
    while (remaining > totalConstants && (visited < p || visited <= found + drawn)) {
      visited++;
      let j = drawn + (nextRandom() % (remaining - found - drawn));
      if (j < known) {
        [features[drawn], features[j]] = [features[j]!, features[drawn]!];
        drawn++;
        continue;
      }
      j += found;
      const f = features[j]!;
      const idx = order.subarray(start, end);
      idx.set(samples.subarray(start, end));
      idx.sort((a, b) => data[a * p + f]! - data[b * p + f]!);
      const value = (k: number) => data[idx[k]! * p + f]!;
      if (value(size - 1) <= value(0) + FEATURE_THRESHOLD) {
        [features[j], features[totalConstants]] = [features[totalConstants]!, features[j]!];
        found++;
        totalConstants++;
        continue;
      }
      remaining--;
      [features[remaining], features[j]] = [features[j]!, features[remaining]!];
      leftCounts.fill(0);
      rightCounts.set(counts);
      let k = 0;
      while (k < size) {
        while (k + 1 < size && value(k + 1) <= value(k) + FEATURE_THRESHOLD) {
          leftCounts[y[idx[k]!]!]!++;
          rightCounts[y[idx[k]!]!]!--;
          k++;
        }
        leftCounts[y[idx[k]!]!]!++;
        rightCounts[y[idx[k]!]!]!--;
        k++;
        if (k >= size || k < minLeaf || size - k < minLeaf) continue;
        const impL = impurityOf(leftCounts, 0, classes, k, entropy);
        const impR = impurityOf(rightCounts, 0, classes, size - k, entropy);
        const proxy = -(size - k) * impR - k * impL;
        if (proxy > best.proxy) {
          best = {
            proxy,
            feature: f,
            threshold: value(k - 1) / 2 + value(k) / 2,
            pos: k,
            impLeft: impL,
            impRight: impR,
          };
        }
      }
    }
    // Constants known from ancestors keep their order for siblings; new ones are appended.
    features.set(constantFeatures.subarray(0, known));
    constantFeatures.set(features.subarray(known, known + found), known);
    if (best.feature < 0) continue;
    // Partition this node's samples: x[feature] ≤ threshold first.
    const part = Array.from(samples.subarray(start, end));
    const goesLeft = (i: number) => data[i * p + best.feature]! <= best.threshold;
    samples.set([...part.filter(goesLeft), ...part.filter((i) => !goesLeft(i))], start);
    const mid = start + best.pos;
    nodes.feature[id] = best.feature;
    nodes.threshold[id] = best.threshold;
    importances[best.feature]! += size * imp - best.pos * best.impLeft - (size - best.pos) * best.impRight;
    stack.push(
      [mid, end, depth + 1, id, false, totalConstants],
      [start, mid, depth + 1, id, true, totalConstants],
    );
  }
  let total = 0;
  for (let f = 0; f < p; f++) total += importances[f]! / n;
  for (let f = 0; f < p; f++) importances[f] = total > 0 ? importances[f]! / n / total : 0;
  return {
    classes,
    feature: Int32Array.from(nodes.feature),
    threshold: Float64Array.from(nodes.threshold),
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    impurity: Float64Array.from(impurity),
    samples: Int32Array.from(nodeSamples),
    counts: Float64Array.from(nodeCounts),
    featureImportances: importances,
  };
}

/** Class of each row: the majority class of its leaf (lowest class number on a tie). O(n · depth). */
export function predictTree(tree: DecisionTree, x: Matrix): Int32Array {
  requireMatrix('x', x);
  const out = new Int32Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      node =
        x.data[i * x.cols + tree.feature[node]!]! <= tree.threshold[node]!
          ? tree.left[node]!
          : tree.right[node]!;
    }
    let bestClass = 0;
    for (let k = 1; k < tree.classes; k++) {
      if (tree.counts[node * tree.classes + k]! > tree.counts[node * tree.classes + bestClass]!)
        bestClass = k;
    }
    out[i] = bestClass;
  }
  return out;
}
