// Reference: tests/reference/cart_reference.py (scikit-learn 1.2.1 DecisionTreeClassifier, random_state=0).
import { describe, expect, it } from 'vitest';
import { decisionTree, predictTree, type TreeOptions } from '../../../workers/kernels/cart';
import type { Matrix } from '../../../workers/kernels/errors';
import ref from '../../reference/cart_reference.json';
import { expectClose, kernelErrorCode } from './expect-kernel-error';

const x: Matrix = { data: Float64Array.from(ref.x), rows: ref.rows, cols: ref.cols };
const xTest: Matrix = {
  data: Float64Array.from(ref.xTest),
  rows: ref.xTest.length / ref.cols,
  cols: ref.cols,
};
const y = Int32Array.from(ref.y);

const optionsOf = (config: Record<string, unknown>): TreeOptions => ({
  criterion: config.criterion as 'gini' | 'entropy',
  maxDepth: config.max_depth as number | undefined,
  minSamplesLeaf: config.min_samples_leaf as number | undefined,
  minSamplesSplit: config.min_samples_split as number | undefined,
  randomState: ref.randRSeed,
});

describe('decision tree vs sklearn DecisionTreeClassifier', () => {
  for (const want of ref.fits) {
    describe(JSON.stringify(want.config), () => {
      const tree = decisionTree(x, y, optionsOf(want.config));

      it('grows the same tree: node order, split features, thresholds, impurities', () => {
        expect(Array.from(tree.feature)).toEqual(want.feature);
        expect(Array.from(tree.left)).toEqual(want.left);
        expect(Array.from(tree.right)).toEqual(want.right);
        expectClose(tree.threshold, want.threshold, 1e-12);
        expectClose(tree.impurity, want.impurity, 1e-12);
      });

      it('predicts the same classes on training and unseen rows', () => {
        expect(Array.from(predictTree(tree, x))).toEqual(want.trainPred);
        expect(Array.from(predictTree(tree, xTest))).toEqual(want.testPred);
      });

      it('has the same feature importances to 1e-9', () => {
        expectClose(tree.featureImportances, want.importances, 1e-9);
      });
    });
  }
});

describe('decision tree bad input', () => {
  it('rejects a single class, NaN features, mismatched lengths and bad limits', () => {
    expect(kernelErrorCode(() => decisionTree(x, new Int32Array(ref.rows)))).toBe('SINGLE_CLASS');
    const bad = { ...x, data: Float64Array.from(ref.x).fill(NaN, 5, 6) };
    expect(kernelErrorCode(() => decisionTree(bad, y))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => decisionTree(x, y.subarray(1)))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => decisionTree(x, y, { maxDepth: 0 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => decisionTree(x, y, { minSamplesSplit: 1 }))).toBe('INVALID_PARAMETER');
  });
});
