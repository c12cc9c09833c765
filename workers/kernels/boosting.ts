/**
 * Gradient-boosted trees for a binary outcome (Friedman 2001), as scikit-learn 1.2
 * `GradientBoostingClassifier(loss='log_loss')`: the raw score starts at the log-odds of the training prior;
 * each stage fits a Friedman-MSE regression tree (regression-tree.ts) to the negative gradient y − p, then
 * replaces each leaf's value by one Newton step Σr / Σp(1 − p) (0 when the denominator is below 1e-150) and
 * adds learningRate × leaf value to the raw score. Probability = 1 / (1 + e^(−raw)). With subsample < 1 each
 * stage uses a seeded sample without replacement of ⌊subsample·n⌋ rows for the tree and its leaf values.
 * Feature importances: mean over stages (single-leaf trees excluded) of each tree's impurity decrease ÷ root
 * weight, normalised to sum 1 — sklearn's `feature_importances_`.
 *
 * With subsample = 1 the result is deterministic and, on float32-exact features, equals sklearn's
 * `predict_proba` to ~1e-15 unless a stage meets an exact tie: two features that divide a node's rows
 * identically. sklearn then picks whichever sum rounds higher in its introsort order, which the presorting
 * builder cannot reproduce (tree-builder.ts), so the other feature may win — the same fit on the training
 * rows, another threshold for unseen rows (tests/reference/ensembles_reference.py: 5 of 300 held-out rows
 * in one of three configurations). Ties follow sklearn's feature order when `stageRandomStates` is given.
 * Deliberate difference: the subsample is drawn with our mulberry32 Rng, not numpy's.
 * O(p · n log n + estimators · depth · p · n).
 */

import { classCount } from './cart';
import {
  KernelError,
  type Matrix,
  requireInteger,
  requireMatrix,
  requireNonEmpty,
  requireSameLength,
} from './errors';
import { createRng, sampleWithoutReplacement } from './random';
import { growRegressionTree, type RegressionTree } from './regression-tree';
import { leafOf } from './tree-builder';
import { createWorkspace, presortFeatures } from './tree-presort';

export interface BoostingOptions {
  /** Boosting stages (sklearn `n_estimators`), default 100. */
  estimators?: number;
  /** Shrinkage of each stage, > 0; default 0.1. */
  learningRate?: number;
  /** Depth of each regression tree, default 3. */
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /** Fraction of rows each stage is fitted on, in (0, 1]; default 1 (no sampling, deterministic). */
  subsample?: number;
  /** Seed of the subsample draws and of the per-stage feature-order states. */
  seed?: number;
  /**
   * The feature-order state of each stage's tree, to break exact ties between features as sklearn does:
   * `rs = np.random.RandomState(random_state); [rs.randint(0, 2**31 - 1) for _ in range(n_estimators)]`.
   * Default: drawn from `seed`.
   */
  stageRandomStates?: ArrayLike<number>;
}

export interface Boosted {
  /** Raw score (log-odds) before any tree. */
  initialScore: number;
  learningRate: number;
  /** Stage trees; `values` of leaves hold the Newton steps (before the learning rate). */
  trees: RegressionTree[];
  featureImportances: Float64Array;
}

/** sklearn's `expit`. */
function sigmoid(raw: number): number {
  return 1 / (1 + Math.exp(-raw));
}

function requireBoostingOptions(
  options: BoostingOptions,
): Required<Omit<BoostingOptions, 'stageRandomStates'>> {
  const settings = {
    estimators: options.estimators ?? 100,
    learningRate: options.learningRate ?? 0.1,
    maxDepth: options.maxDepth ?? 3,
    minSamplesSplit: options.minSamplesSplit ?? 2,
    minSamplesLeaf: options.minSamplesLeaf ?? 1,
    subsample: options.subsample ?? 1,
    seed: options.seed ?? 0,
  };
  requireInteger('estimators', settings.estimators, 1, 100_000);
  if (!(settings.learningRate > 0) || !Number.isFinite(settings.learningRate))
    throw new KernelError('INVALID_PARAMETER', `learningRate must be > 0, got ${settings.learningRate}`);
  requireInteger('maxDepth', settings.maxDepth, 1);
  requireInteger('minSamplesSplit', settings.minSamplesSplit, 2);
  requireInteger('minSamplesLeaf', settings.minSamplesLeaf, 1);
  if (!(settings.subsample > 0 && settings.subsample <= 1))
    throw new KernelError('INVALID_PARAMETER', `subsample must be in (0, 1], got ${settings.subsample}`);
  if (options.stageRandomStates && options.stageRandomStates.length < settings.estimators)
    throw new KernelError('INVALID_PARAMETER', 'stageRandomStates needs one state per estimator');
  return settings;
}

/**
 * Fits gradient-boosted trees to binary labels y ∈ {0, 1} (sklearn `GradientBoostingClassifier(
 * n_estimators, learning_rate, max_depth, min_samples_split, min_samples_leaf, subsample).fit`).
 * O(p · n log n + estimators · depth · p · n).
 */
export function gradientBoosting(x: Matrix, y: Int32Array, options: BoostingOptions = {}): Boosted {
  requireNonEmpty('y', y);
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  const settings = requireBoostingOptions(options);
  if (classCount(y) !== 2)
    throw new KernelError('INVALID_PARAMETER', 'gradient boosting here is binary: y must be 0 or 1');
  const n = x.rows;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  // sklearn clips the prior to [ε, 1 − ε] with float32's ε before taking the log-odds.
  const eps = 2 ** -23;
  const prior = Math.min(Math.max(positives / n, eps), 1 - eps);
  const initialScore = Math.log(prior / (1 - prior));
  const raw = new Float64Array(n).fill(initialScore);
  const residual = new Float64Array(n);
  const presorted = presortFeatures(x);
  const workspace = createWorkspace(x);
  const rng = createRng(settings.seed);
  const inBag = Math.max(1, Math.floor(settings.subsample * n));
  const weights = settings.subsample < 1 ? new Float64Array(n) : null;
  const trees: RegressionTree[] = [];
  const importanceSum = new Float64Array(x.cols);
  let splitTrees = 0;
  for (let stage = 0; stage < settings.estimators; stage++) {
    for (let i = 0; i < n; i++) residual[i] = y[i]! - sigmoid(raw[i]!);
    if (weights) {
      weights.fill(0);
      for (const i of sampleWithoutReplacement(n, inBag, rng)) weights[i] = 1;
    }
    const randomState = options.stageRandomStates?.[stage] ?? rng.nextInt(0x7fffffff);
    const treeOptions = {
      maxDepth: settings.maxDepth,
      minSamplesSplit: settings.minSamplesSplit,
      minSamplesLeaf: settings.minSamplesLeaf,
      sampleWeight: weights ?? undefined,
      randomState,
    };
    const tree = growRegressionTree(x, residual, presorted, treeOptions, workspace);
    // One Newton step per leaf over its in-bag rows: Σr / Σ(y − r)(1 − y + r), i.e. Σr / Σp(1 − p).
    const leaves = Int32Array.from({ length: n }, (_, i) => leafOf(tree, x, i));
    const numerator = new Float64Array(tree.feature.length);
    const denominator = new Float64Array(tree.feature.length);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i]! : 1;
      if (w === 0) continue;
      const r = residual[i]!;
      numerator[leaves[i]!]! += w * r;
      denominator[leaves[i]!]! += w * (y[i]! - r) * (1 - y[i]! + r);
    }
    for (let node = 0; node < tree.feature.length; node++) {
      if (tree.feature[node]! >= 0) continue;
      const d = denominator[node]!;
      tree.values[node] = Math.abs(d) < 1e-150 ? 0 : numerator[node]! / d;
    }
    for (let i = 0; i < n; i++) raw[i]! += settings.learningRate * tree.values[leaves[i]!]!;
    trees.push(tree);
    if (tree.feature.length > 1) {
      splitTrees++;
      for (let f = 0; f < x.cols; f++) importanceSum[f]! += tree.impurityDecrease[f]!;
    }
  }
  let total = 0;
  for (let f = 0; f < x.cols; f++) total += importanceSum[f]! / splitTrees;
  const featureImportances = Float64Array.from(importanceSum, (v) =>
    total > 0 ? v / splitTrees / total : 0,
  );
  return { initialScore, learningRate: settings.learningRate, trees, featureImportances };
}

/** Raw scores (log-odds): initial score + Σ learningRate × leaf value, stage by stage. O(n · stages · depth). */
export function predictBoostedScore(model: Boosted, x: Matrix): Float64Array {
  requireMatrix('x', x);
  const raw = new Float64Array(x.rows).fill(model.initialScore);
  for (const tree of model.trees)
    for (let i = 0; i < x.rows; i++) raw[i]! += model.learningRate * tree.values[leafOf(tree, x, i)]!;
  return raw;
}

/** Probability of class 1 for each row (sklearn `predict_proba(x)[:, 1]`). */
export function predictBoostedProbability(model: Boosted, x: Matrix): Float64Array {
  return predictBoostedScore(model, x).map(sigmoid);
}

/** Class 1 when the probability exceeds ½ (raw score > 0), as sklearn `predict`. */
export function predictBoosted(model: Boosted, x: Matrix): Int32Array {
  return Int32Array.from(predictBoostedScore(model, x), (raw) => (raw > 0 ? 1 : 0));
}
