/**
 * CART classification tree (Breiman et al. 1984) as scikit-learn 1.2 `DecisionTreeClassifier` with
 * splitter='best': depth-first growth; at each node every feature (or `maxFeatures` of them, drawn in
 * sklearn's random order) is scanned in sorted order and every cut between distinct values (gap > 1e-7,
 * sklearn's FEATURE_THRESHOLD) scored by the same proxy −w_R·impurity_R − w_L·impurity_L, strict improvement
 * wins; threshold = a/2 + b/2; a node is a leaf at max depth, below min_samples_split or 2·min_samples_leaf
 * samples, or when pure (impurity ≤ machine ε). Entropy uses log₂ as sklearn does. Optional sample weights
 * (a random forest's bootstrap counts) weigh the class counts; rows of weight 0 are left out, as in sklearn.
 * Feature importances are the normalised total impurity decrease. The splitter itself (presorted features,
 * sklearn's feature order) is in tree-builder.ts. References: tests/reference/cart_reference.py, and
 * ensembles_reference.py for sample weights with max_features.
 * O(p · n log n) to sort once, then O(depth · p · n).
 */

import {
  KernelError,
  type Matrix,
  requireFinite,
  requireInteger,
  requireMatrix,
  requireSameLength,
} from './errors';
import { growTree, leafOf, normalised, type SplitCriterion } from './tree-builder';
import { type Presorted, presortFeatures, type TreeWorkspace } from './tree-presort';

export interface TreeOptions {
  criterion?: 'gini' | 'entropy';
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /** Features examined per node (sklearn `max_features` as a count); default all. */
  maxFeatures?: number;
  /** Per-row weights ≥ 0 (sklearn `fit(sample_weight=…)`); rows of weight 0 are left out. */
  sampleWeight?: Float64Array;
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
  /** Node × class training counts (row-major); weighted counts when sample weights are given. */
  counts: Float64Array;
  featureImportances: Float64Array;
}

function impurityOf(counts: Float64Array, n: number, entropy: boolean): number {
  if (entropy) {
    let h = 0;
    for (let k = 0; k < counts.length; k++) {
      if (counts[k]! > 0) {
        const share = counts[k]! / n;
        h -= share * Math.log2(share);
      }
    }
    return h;
  }
  let sq = 0;
  for (let k = 0; k < counts.length; k++) sq += counts[k]! * counts[k]!;
  return 1 - sq / (n * n);
}

/** Weighted class counts of a node and of the two sides of a cut (sklearn `ClassificationCriterion`). */
class ClassCounts implements SplitCriterion {
  readonly valuesPerNode: number;
  private readonly total: Float64Array;
  private readonly leftCounts: Float64Array;
  private readonly rightCounts: Float64Array;
  private weight = 0;
  private leftWeight = 0;
  private rows: Int32Array = new Int32Array(0);
  private pos = 0;

  constructor(
    private readonly y: Int32Array,
    private readonly weights: Float64Array | null,
    classes: number,
    private readonly entropy: boolean,
  ) {
    this.valuesPerNode = classes;
    this.total = new Float64Array(classes);
    this.leftCounts = new Float64Array(classes);
    this.rightCounts = new Float64Array(classes);
  }

  resetNode(rows: Int32Array, value: Float64Array): number {
    this.total.fill(0);
    this.weight = 0;
    for (const row of rows) {
      const w = this.weights ? this.weights[row]! : 1;
      this.total[this.y[row]!]! += w;
      this.weight += w;
    }
    value.set(this.total);
    return this.weight;
  }

  nodeImpurity(): number {
    return impurityOf(this.total, this.weight, this.entropy);
  }

  resetScan(rows: Int32Array): void {
    this.rows = rows;
    this.pos = 0;
    this.leftCounts.fill(0);
    this.rightCounts.set(this.total);
    this.leftWeight = 0;
  }

  // Class weights are counts (integers), so adding them in any order is exact: always move forward.
  update(pos: number): void {
    for (; this.pos < pos; this.pos++) {
      const row = this.rows[this.pos]!;
      const w = this.weights ? this.weights[row]! : 1;
      this.leftCounts[this.y[row]!]! += w;
      this.rightCounts[this.y[row]!]! -= w;
      this.leftWeight += w;
    }
  }

  proxy(): number {
    const rightWeight = this.weight - this.leftWeight;
    return (
      -rightWeight * impurityOf(this.rightCounts, rightWeight, this.entropy) -
      this.leftWeight * impurityOf(this.leftCounts, this.leftWeight, this.entropy)
    );
  }

  childImpurities(): [number, number] {
    return [
      impurityOf(this.leftCounts, this.leftWeight, this.entropy),
      impurityOf(this.rightCounts, this.weight - this.leftWeight, this.entropy),
    ];
  }
}

/** Number of classes in y (labels 0..C−1); throws unless y has at least two distinct classes. O(n). */
export function classCount(y: Int32Array): number {
  let classes = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i]! < 0)
      throw new KernelError('INVALID_PARAMETER', `y[${i}] must be a class ≥ 0`);
    classes = Math.max(classes, y[i]! + 1);
  }
  if (new Set(y).size < 2)
    throw new KernelError('SINGLE_CLASS', 'a classification model needs at least two classes in y');
  return classes;
}

/**
 * Grows a classification tree from already validated inputs and a shared presort (`presortFeatures(x)`);
 * the random forest calls this for each tree so that the features are sorted once. O(depth · p · n).
 */
export function growClassificationTree(
  x: Matrix,
  y: Int32Array,
  classes: number,
  presorted: Presorted,
  options: TreeOptions,
  workspace?: TreeWorkspace,
): DecisionTree {
  const criterion = new ClassCounts(
    y,
    options.sampleWeight ?? null,
    classes,
    options.criterion === 'entropy',
  );
  const tree = growTree(
    x,
    presorted,
    options.sampleWeight ?? null,
    criterion,
    {
      maxDepth: options.maxDepth ?? 1_000_000,
      minSamplesSplit: options.minSamplesSplit ?? 2,
      minSamplesLeaf: options.minSamplesLeaf ?? 1,
      maxFeatures: options.maxFeatures ?? x.cols,
      randomState: options.randomState ?? 1,
    },
    workspace,
  );
  const { feature, threshold, left, right, impurity, samples, values, impurityDecrease } = tree;
  const featureImportances = normalised(impurityDecrease);
  return { classes, feature, threshold, left, right, impurity, samples, counts: values, featureImportances };
}

/** Sample weights: one per row, finite, ≥ 0, not all 0. */
export function requireSampleWeight(weights: Float64Array, rows: number): void {
  requireSameLength(['x rows', 'sampleWeight'], [{ length: rows }, weights]);
  requireFinite('sampleWeight', weights);
  if (weights.some((w) => w < 0)) throw new KernelError('INVALID_PARAMETER', 'sampleWeight must be ≥ 0');
  if (!weights.some((w) => w > 0))
    throw new KernelError('EMPTY_INPUT', 'every sample weight is 0; nothing to fit');
}

/** Checks the tree options shared by the trees and the forest. */
export function requireTreeOptions(options: TreeOptions, features: number): void {
  if (options.maxDepth !== undefined) requireInteger('maxDepth', options.maxDepth, 1);
  requireInteger('minSamplesSplit', options.minSamplesSplit ?? 2, 2);
  requireInteger('minSamplesLeaf', options.minSamplesLeaf ?? 1, 1);
  requireInteger('maxFeatures', options.maxFeatures ?? features, 1, features);
  if (options.criterion !== undefined && options.criterion !== 'gini' && options.criterion !== 'entropy')
    throw new KernelError(
      'INVALID_PARAMETER',
      `criterion must be 'gini' or 'entropy', got ${options.criterion}`,
    );
}

/**
 * Grows a classification tree on rows of `x` with classes y ∈ 0..C−1 (sklearn `DecisionTreeClassifier(
 * criterion, max_depth, min_samples_split, min_samples_leaf, max_features).fit(x, y, sample_weight)`).
 * O(p · n log n + depth · p · n).
 */
export function decisionTree(x: Matrix, y: Int32Array, options: TreeOptions = {}): DecisionTree {
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  requireTreeOptions(options, x.cols);
  if (options.sampleWeight) requireSampleWeight(options.sampleWeight, x.rows);
  const classes = classCount(y);
  return growClassificationTree(x, y, classes, presortFeatures(x), options);
}

/** Leaf index of each row. O(n · depth). */
export function applyTree(tree: DecisionTree, x: Matrix): Int32Array {
  requireMatrix('x', x);
  return Int32Array.from({ length: x.rows }, (_, i) => leafOf(tree, x, i));
}

/** Class of each row: the majority class of its leaf (lowest class number on a tie). O(n · depth). */
export function predictTree(tree: DecisionTree, x: Matrix): Int32Array {
  const leaves = applyTree(tree, x);
  return Int32Array.from(leaves, (node) => {
    let bestClass = 0;
    for (let k = 1; k < tree.classes; k++) {
      if (tree.counts[node * tree.classes + k]! > tree.counts[node * tree.classes + bestClass]!)
        bestClass = k;
    }
    return bestClass;
  });
}
