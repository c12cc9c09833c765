/**
 * Regression tree with Friedman's improvement criterion, as scikit-learn 1.2
 * `DecisionTreeRegressor(criterion='friedman_mse', splitter='best')` — the base learner of gradient boosting.
 * A cut is scored by sklearn's proxy (w_R·Σ_L − w_L·Σ_R)² / (w_L·w_R), where Σ are weighted target sums
 * (Friedman 2001, eq. 35); node impurity is the weighted MSE; a node's value is its weighted mean. Growth,
 * feature order and presorting are the shared builder's (tree-builder.ts). Rows of weight 0 (boosting's
 * out-of-bag rows) are left out. O(p · n log n) to sort (or a shared presort), then O(depth · p · n).
 */

import { requireSampleWeight, requireTreeOptions } from './cart';
import { type Matrix, requireFinite, requireMatrix, requireSameLength } from './errors';
import { growTree, leafOf, type SplitCriterion, type TreeSettings, type TreeStructure } from './tree-builder';
import { type Presorted, presortFeatures, type TreeWorkspace } from './tree-presort';

/** Weighted sums of y and y² of a node and of the left side of a cut (sklearn `FriedmanMSE`). */
class FriedmanMse implements SplitCriterion {
  readonly valuesPerNode = 1;
  private sum = 0;
  private squares = 0;
  private weight = 0;
  private leftSum = 0;
  private leftWeight = 0;
  private rows: Int32Array = new Int32Array(0);
  private pos = 0;

  constructor(
    private readonly y: Float64Array,
    private readonly weights: Float64Array | null,
  ) {}

  resetNode(rows: Int32Array, value: Float64Array): number {
    let sum = 0;
    let squares = 0;
    let weight = 0;
    for (const row of rows) {
      const w = this.weights ? this.weights[row]! : 1;
      sum += w * this.y[row]!;
      squares += w * this.y[row]! * this.y[row]!;
      weight += w;
    }
    [this.sum, this.squares, this.weight] = [sum, squares, weight];
    value[0] = sum / weight;
    return weight;
  }

  nodeImpurity(): number {
    return this.squares / this.weight - (this.sum / this.weight) ** 2;
  }

  resetScan(rows: Int32Array): void {
    this.rows = rows;
    this.pos = 0;
    this.leftSum = 0;
    this.leftWeight = 0;
  }

  /**
   * sklearn's `RegressionCriterion.update`: add the rows passed over, or — when the new position is nearer
   * the end — recompute the left side as total minus the rows after it. The rounding then matches sklearn's,
   * so cuts that divide the rows identically along two features (common with integer features) score
   * exactly equal when one side has at most two rows, and the first feature visited wins as in sklearn.
   */
  update(pos: number): void {
    const { rows, y, weights } = this;
    const end = rows.length;
    if (pos - this.pos <= end - pos) {
      for (let k = this.pos; k < pos; k++) {
        const w = weights ? weights[rows[k]!]! : 1;
        this.leftSum += w * y[rows[k]!]!;
        this.leftWeight += w;
      }
    } else {
      this.leftSum = this.sum;
      this.leftWeight = this.weight;
      for (let k = end - 1; k >= pos; k--) {
        const w = weights ? weights[rows[k]!]! : 1;
        this.leftSum -= w * y[rows[k]!]!;
        this.leftWeight -= w;
      }
    }
    this.pos = pos;
  }

  proxy(): number {
    const rightWeight = this.weight - this.leftWeight;
    const diff = rightWeight * this.leftSum - this.leftWeight * (this.sum - this.leftSum);
    return (diff * diff) / (this.leftWeight * rightWeight);
  }

  childImpurities(): [number, number] {
    let leftSquares = 0;
    for (let k = 0; k < this.pos; k++) {
      const row = this.rows[k]!;
      leftSquares += (this.weights ? this.weights[row]! : 1) * this.y[row]! * this.y[row]!;
    }
    const rightWeight = this.weight - this.leftWeight;
    return [
      leftSquares / this.leftWeight - (this.leftSum / this.leftWeight) ** 2,
      (this.squares - leftSquares) / rightWeight - ((this.sum - this.leftSum) / rightWeight) ** 2,
    ];
  }
}

export interface RegressionTreeOptions {
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /** Per-row weights ≥ 0; rows of weight 0 are left out. */
  sampleWeight?: Float64Array;
  /** State of sklearn's feature-order generator (see cart.ts `TreeOptions.randomState`). */
  randomState?: number;
}

/** A fitted regression tree; `values` holds each node's weighted mean target (boosting overwrites leaves). */
export type RegressionTree = TreeStructure;

/**
 * Grows a regression tree from validated inputs and a shared presort (`presortFeatures(x)`); gradient
 * boosting calls this once per stage. O(depth · p · n).
 */
export function growRegressionTree(
  x: Matrix,
  y: Float64Array,
  presorted: Presorted,
  options: RegressionTreeOptions,
  workspace?: TreeWorkspace,
): RegressionTree {
  const weights = options.sampleWeight ?? null;
  const settings: TreeSettings = {
    maxDepth: options.maxDepth ?? 1_000_000,
    minSamplesSplit: options.minSamplesSplit ?? 2,
    minSamplesLeaf: options.minSamplesLeaf ?? 1,
    maxFeatures: x.cols,
    randomState: options.randomState ?? 1,
  };
  return growTree(x, presorted, weights, new FriedmanMse(y, weights), settings, workspace);
}

/**
 * Fits a regression tree to real targets y (sklearn `DecisionTreeRegressor(criterion='friedman_mse',
 * max_depth, min_samples_split, min_samples_leaf).fit(x, y, sample_weight)`). O(p · n log n + depth · p · n).
 */
export function regressionTree(
  x: Matrix,
  y: Float64Array,
  options: RegressionTreeOptions = {},
): RegressionTree {
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  requireFinite('y', y);
  requireTreeOptions(options, x.cols);
  if (options.sampleWeight) requireSampleWeight(options.sampleWeight, x.rows);
  return growRegressionTree(x, y, presortFeatures(x), options);
}

/** The value of each row's leaf. O(n · depth). */
export function predictRegressionTree(tree: RegressionTree, x: Matrix): Float64Array {
  requireMatrix('x', x);
  return Float64Array.from({ length: x.rows }, (_, i) => tree.values[leafOf(tree, x, i)]!);
}
