/**
 * Random forest classifier (Breiman 2001), as scikit-learn 1.2 `RandomForestClassifier(bootstrap=True)`:
 * each tree is a CART tree (cart.ts) grown on a bootstrap sample — n draws with replacement, passed as
 * per-row counts, i.e. sample weights, exactly as sklearn does — examining `maxFeatures` randomly drawn
 * features per node (default ⌊√p⌋, at least 1). A tree's probability for a row is its leaf's weighted class
 * shares; the forest averages them over trees and predicts the class of highest mean probability (the
 * lowest class on a tie, like numpy's argmax). Feature importances are the mean of the trees' normalised
 * importances (single-leaf trees excluded), renormalised to sum 1, as sklearn's `feature_importances_`.
 *
 * Deliberate difference: the bootstrap draws and each tree's feature-order state come from our seeded
 * mulberry32 Rng (random.ts), not numpy's Mersenne Twister, so the trees are not sklearn's — the forest is
 * statistically equivalent, not bit-equal (tests compare held-out accuracy, ROC AUC and importance ranking
 * with sklearn's; tests/reference/ensembles_reference.py). Same seed → same forest.
 * O(p · n log n + trees · depth · p · n) — the features are sorted once for all trees.
 */

import {
  classCount,
  type DecisionTree,
  growClassificationTree,
  requireTreeOptions,
  type TreeOptions,
} from './cart';
import {
  KernelError,
  type Matrix,
  requireInteger,
  requireMatrix,
  requireNonEmpty,
  requireSameLength,
} from './errors';
import { createRng } from './random';
import { leafOf } from './tree-builder';
import { createWorkspace, presortFeatures } from './tree-presort';

export interface ForestOptions {
  /** Number of trees (sklearn `n_estimators`), default 100. */
  trees?: number;
  criterion?: 'gini' | 'entropy';
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /** Features examined per node: 'sqrt' (default, ⌊√p⌋) or a count in 1..p. */
  maxFeatures?: 'sqrt' | number;
  seed?: number;
}

export interface Forest {
  classes: number;
  trees: DecisionTree[];
  featureImportances: Float64Array;
}

/**
 * Fits a random forest to rows of `x` with classes y ∈ 0..C−1. O(p · n log n + trees · depth · p · n).
 */
export function randomForest(x: Matrix, y: Int32Array, options: ForestOptions = {}): Forest {
  requireNonEmpty('y', y);
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  const { rows: n, cols: p } = x;
  const treeCount = options.trees ?? 100;
  requireInteger('trees', treeCount, 1, 10_000);
  const maxFeatures = options.maxFeatures ?? 'sqrt';
  if (maxFeatures !== 'sqrt' && typeof maxFeatures !== 'number')
    throw new KernelError('INVALID_PARAMETER', `maxFeatures must be 'sqrt' or a count, got ${maxFeatures}`);
  const treeOptions: TreeOptions = {
    criterion: options.criterion,
    maxDepth: options.maxDepth,
    minSamplesSplit: options.minSamplesSplit,
    minSamplesLeaf: options.minSamplesLeaf,
    maxFeatures: maxFeatures === 'sqrt' ? Math.max(1, Math.floor(Math.sqrt(p))) : maxFeatures,
  };
  requireTreeOptions(treeOptions, p);
  const classes = classCount(y);
  const rng = createRng(options.seed ?? 0);
  const presorted = presortFeatures(x);
  const workspace = createWorkspace(x);
  const trees: DecisionTree[] = [];
  const importanceSum = new Float64Array(p);
  let splitTrees = 0;
  for (let t = 0; t < treeCount; t++) {
    const randomState = rng.nextInt(0x7fffffff);
    const counts = new Float64Array(n);
    for (let draw = 0; draw < n; draw++) counts[rng.nextInt(n)]!++;
    const tree = growClassificationTree(
      x,
      y,
      classes,
      presorted,
      { ...treeOptions, sampleWeight: counts, randomState },
      workspace,
    );
    trees.push(tree);
    if (tree.feature.length > 1) {
      splitTrees++;
      for (let f = 0; f < p; f++) importanceSum[f]! += tree.featureImportances[f]!;
    }
  }
  let total = 0;
  for (let f = 0; f < p; f++) total += importanceSum[f]! / splitTrees;
  const featureImportances = Float64Array.from(importanceSum, (v) =>
    total > 0 ? v / splitTrees / total : 0,
  );
  return { classes, trees, featureImportances };
}

/**
 * Mean over trees of each row's leaf class shares: a rows × classes matrix (sklearn `predict_proba`).
 * O(rows · trees · depth).
 */
export function predictForestProbabilities(forest: Forest, x: Matrix): Matrix {
  requireMatrix('x', x);
  const c = forest.classes;
  const out = new Float64Array(x.rows * c);
  for (const tree of forest.trees) {
    for (let i = 0; i < x.rows; i++) {
      const leaf = leafOf(tree, x, i);
      let total = 0;
      for (let k = 0; k < c; k++) total += tree.counts[leaf * c + k]!;
      for (let k = 0; k < c; k++) out[i * c + k]! += tree.counts[leaf * c + k]! / (total || 1);
    }
  }
  for (let j = 0; j < out.length; j++) out[j]! /= forest.trees.length;
  return { data: out, rows: x.rows, cols: c };
}

/** Probability of one class (default 1, the positive class of a binary model) for each row. */
export function predictForestProbability(forest: Forest, x: Matrix, positiveClass = 1): Float64Array {
  requireInteger('positiveClass', positiveClass, 0, forest.classes - 1);
  const { data, cols } = predictForestProbabilities(forest, x);
  return Float64Array.from({ length: x.rows }, (_, i) => data[i * cols + positiveClass]!);
}

/** Class of highest mean probability for each row (lowest class on a tie). */
export function predictForest(forest: Forest, x: Matrix): Int32Array {
  const { data, cols } = predictForestProbabilities(forest, x);
  return Int32Array.from({ length: x.rows }, (_, i) => {
    let best = 0;
    for (let k = 1; k < cols; k++) if (data[i * cols + k]! > data[i * cols + best]!) best = k;
    return best;
  });
}
