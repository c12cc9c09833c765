// Reference: tests/reference/regression_reference.py — statsmodels 0.13.5 OLS; scikit-learn 1.2.1
// LogisticRegression(solver='lbfgs', tol=1e-12) on StandardScaler output; sklearn.metrics.
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../workers/kernels/errors';
import { logisticRegression, predictProbability } from '../../../workers/kernels/logistic';
import {
  accuracy,
  confusionMatrix,
  precision,
  recall,
  rocAuc,
  trainTestSplit,
} from '../../../workers/kernels/metrics';
import { ols } from '../../../workers/kernels/regression';
import ref from '../../reference/regression_reference.json';
import { expectClose, kernelErrorCode } from './expect-kernel-error';

const matrix = (m: { x: number[]; rows: number; cols: number }): Matrix => ({
  data: Float64Array.from(m.x),
  rows: m.rows,
  cols: m.cols,
});
const relClose = (a: ArrayLike<number>, b: number[], tol: number) =>
  expectClose(
    Array.from(a, (v, i) => v / b[i]!),
    new Array(b.length).fill(1),
    tol,
  );

describe('OLS vs statsmodels', () => {
  const x = matrix(ref.ols);
  const y = Float64Array.from(ref.ols.y);

  it('matches params, standard errors, t values and R² with an intercept', () => {
    const fit = ols(x, y);
    relClose(fit.coefficients, ref.ols.params, 1e-9);
    relClose(fit.standardErrors, ref.ols.bse, 1e-9);
    relClose(fit.tValues, ref.ols.tvalues, 1e-9);
    expect(Math.abs(fit.rSquared - ref.ols.rsquared)).toBeLessThan(1e-12);
    expect(Math.abs(fit.adjustedRSquared - ref.ols.rsquaredAdj)).toBeLessThan(1e-12);
    expect(Math.abs(fit.residualStdError ** 2 / ref.ols.scale - 1)).toBeLessThan(1e-10);
    expect(fit.dfResidual).toBe(ref.ols.dfResid);
  });

  it('matches the uncentred R² without an intercept', () => {
    const fit = ols(x, y, { intercept: false });
    relClose(fit.coefficients, ref.ols.noConstant.params, 1e-9);
    relClose(fit.standardErrors, ref.ols.noConstant.bse, 1e-9);
    expect(Math.abs(fit.rSquared - ref.ols.noConstant.rsquared)).toBeLessThan(1e-12);
    expect(Math.abs(fit.adjustedRSquared - ref.ols.noConstant.rsquaredAdj)).toBeLessThan(1e-12);
  });

  it('rejects collinear or constant columns, constant y, too few rows and NaN', () => {
    const collinear = { data: Float64Array.of(1, 2, 2, 4, 3, 6, 4, 8), rows: 4, cols: 2 };
    expect(kernelErrorCode(() => ols(collinear, Float64Array.of(1, 2, 3, 5)))).toBe('SINGULAR_MATRIX');
    const constant = { data: Float64Array.of(1, 5, 2, 5, 3, 5, 4, 5), rows: 4, cols: 2 };
    expect(kernelErrorCode(() => ols(constant, Float64Array.of(1, 2, 3, 5)))).toBe('SINGULAR_MATRIX');
    const one = { data: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1 };
    expect(kernelErrorCode(() => ols(one, Float64Array.of(7, 7, 7, 7)))).toBe('CONSTANT_INPUT');
    expect(
      kernelErrorCode(() => ols({ ...one, rows: 2, data: Float64Array.of(1, 2) }, Float64Array.of(1, 2))),
    ).toBe('TOO_FEW_SAMPLES');
    expect(kernelErrorCode(() => ols(one, Float64Array.of(1, NaN, 3, 4)))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => ols(one, Float64Array.of(1, 2, 3)))).toBe('LENGTH_MISMATCH');
  });
});

describe('logistic regression vs sklearn', () => {
  const x = matrix(ref.logistic);
  const labels = Uint8Array.from(ref.logistic.labels);

  for (const want of ref.logistic.fits) {
    it(`matches coefficients, intercept and probabilities to 1e-4 at C = ${want.C}`, () => {
      const model = logisticRegression(x, labels, { C: want.C });
      expectClose(model.coefficients, want.coef, 1e-4);
      expect(Math.abs(model.intercept - want.intercept)).toBeLessThan(1e-4);
      expectClose(predictProbability(model, x), want.proba, 1e-5);
    });
  }

  it('converges on heavily skewed churn features (the gradient stalls in floating point there)', () => {
    const skewed = ref.logisticSkewed;
    const model = logisticRegression(matrix(skewed), Uint8Array.from(skewed.labels));
    expectClose(model.coefficients, skewed.coef, 1e-4);
    expect(Math.abs(model.intercept - skewed.intercept)).toBeLessThan(1e-4);
  });

  it('rejects a single class, a constant feature and labels other than 0/1', () => {
    expect(kernelErrorCode(() => logisticRegression(x, new Uint8Array(x.rows)))).toBe('SINGLE_CLASS');
    const constant = { data: Float64Array.of(3, 3, 3, 3), rows: 4, cols: 1 };
    expect(kernelErrorCode(() => logisticRegression(constant, Uint8Array.of(0, 1, 0, 1)))).toBe(
      'CONSTANT_INPUT',
    );
    expect(kernelErrorCode(() => logisticRegression(constant, Uint8Array.of(0, 2, 0, 1)))).toBe(
      'INVALID_PARAMETER',
    );
  });
});

describe('metrics vs sklearn.metrics', () => {
  const m = ref.metrics;
  const yTrue = Int32Array.from(m.yTrue);
  const yPred = Int32Array.from(m.yPred);

  it('accuracy, precision, recall', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(m.accuracy, 14);
    expect(precision(yTrue, yPred)).toBeCloseTo(m.precision, 14);
    expect(recall(yTrue, yPred)).toBeCloseTo(m.recall, 14);
  });

  it('ROC AUC with and without tied scores', () => {
    expect(Math.abs(rocAuc(yTrue, Float64Array.from(m.scores)) - m.rocAuc)).toBeLessThan(1e-12);
    const proba = Float64Array.from(ref.logistic.fits[1]!.proba);
    expect(Math.abs(rocAuc(yTrue, proba) - m.rocAucUntied)).toBeLessThan(1e-12);
  });

  it('confusion matrix (rows true, columns predicted)', () => {
    expect(
      Array.from(confusionMatrix(Int32Array.from(m.multiTrue), Int32Array.from(m.multiPred), 4)),
    ).toEqual(m.confusion);
  });

  it('rejects a single class for AUC and mismatched lengths', () => {
    expect(kernelErrorCode(() => rocAuc(new Int32Array(5), new Float64Array(5)))).toBe('SINGLE_CLASS');
    expect(kernelErrorCode(() => accuracy(yTrue, yPred.subarray(1)))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => confusionMatrix(Int32Array.of(5), Int32Array.of(0), 4))).toBe(
      'INVALID_PARAMETER',
    );
  });

  it('splits reproducibly with sklearn sizes, disjoint and complete', () => {
    const a = trainTestSplit(101, 0.25, 7);
    expect([a.train.length, a.test.length]).toEqual([75, 26]);
    expect(new Set([...a.train, ...a.test]).size).toBe(101);
    expect(Array.from(trainTestSplit(101, 0.25, 7).test)).toEqual(Array.from(a.test));
    expect(Array.from(trainTestSplit(101, 0.25, 8).test)).not.toEqual(Array.from(a.test));
  });
});
