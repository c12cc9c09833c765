/**
 * Classification metrics and a seeded train/test split, matching scikit-learn 1.2 `sklearn.metrics`
 * (reference: tests/reference/metrics_reference.py → metrics_reference.json). Labels are 0/1 for the binary
 * metrics (1 = positive class) and 0..classes−1 for the confusion matrix.
 */

import {
  KernelError,
  requireFinite,
  requireInteger,
  requireNonEmpty,
  requireNumberIn,
  requireSameLength,
} from './errors';
import { createRng, permutation } from './random';

type Labels = Int32Array | Uint8Array;

function requirePair(yTrue: Labels, other: { length: number }, otherName: string): void {
  requireNonEmpty('yTrue', yTrue);
  requireSameLength(['yTrue', otherName], [yTrue, other]);
}

function requireBinary(name: string, y: Labels): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1)
      throw new KernelError('INVALID_PARAMETER', `${name}[${i}] must be 0 or 1, got ${y[i]}`);
  }
}

/** Fraction of equal labels (`accuracy_score`). O(n). */
export function accuracy(yTrue: Labels, yPred: Labels): number {
  requirePair(yTrue, yPred, 'yPred');
  let same = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) same++;
  return same / yTrue.length;
}

/** Counts of a binary prediction: true/false positives/negatives. O(n). */
function binaryCounts(yTrue: Labels, yPred: Labels) {
  requirePair(yTrue, yPred, 'yPred');
  requireBinary('yTrue', yTrue);
  requireBinary('yPred', yPred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yPred[i] === 1) {
      if (yTrue[i] === 1) tp++;
      else fp++;
    } else if (yTrue[i] === 1) fn++;
  }
  return { tp, fp, fn };
}

/** TP / (TP + FP) (`precision_score`); 0 when nothing is predicted positive (sklearn's zero_division default). */
export function precision(yTrue: Labels, yPred: Labels): number {
  const { tp, fp } = binaryCounts(yTrue, yPred);
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

/** TP / (TP + FN) (`recall_score`); 0 when there are no positives (sklearn's zero_division default). */
export function recall(yTrue: Labels, yPred: Labels): number {
  const { tp, fn } = binaryCounts(yTrue, yPred);
  return tp + fn === 0 ? 0 : tp / (tp + fn);
}

/** Rows = true class, columns = predicted class (`confusion_matrix(labels=range(classes))`). O(n + classes²). */
export function confusionMatrix(yTrue: Labels, yPred: Labels, classes: number): Int32Array {
  requirePair(yTrue, yPred, 'yPred');
  requireInteger('classes', classes, 1, 10_000);
  const m = new Int32Array(classes * classes);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (t < 0 || t >= classes || p < 0 || p >= classes) {
      throw new KernelError('INVALID_PARAMETER', `label at ${i} (${t} → ${p}) is outside 0..${classes - 1}`);
    }
    m[t * classes + p]!++;
  }
  return m;
}

/**
 * Area under the ROC curve (`roc_auc_score`): trapezoids over the curve whose points are the distinct score
 * thresholds, so tied scores form one diagonal segment — equivalently, positive/negative pairs with equal
 * scores count ½. O(n log n). Throws SINGLE_CLASS when only one class is present (sklearn raises too).
 */
export function rocAuc(yTrue: Labels, scores: Float64Array): number {
  requirePair(yTrue, scores, 'scores');
  requireBinary('yTrue', yTrue);
  requireFinite('scores', scores);
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) positives += yTrue[i]!;
  const negatives = yTrue.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new KernelError('SINGLE_CLASS', 'ROC AUC is undefined when only one class is present in yTrue');
  }
  let area = 0;
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length;) {
    const threshold = scores[order[k]!]!;
    const tp0 = tp;
    const fp0 = fp;
    for (; k < order.length && scores[order[k]!] === threshold; k++) {
      if (yTrue[order[k]!] === 1) tp++;
      else fp++;
    }
    area += ((fp - fp0) * (tp + tp0)) / 2;
  }
  return area / (positives * negatives);
}

/**
 * Seeded shuffle split: ⌈testFraction·n⌉ test rows, the rest train, as sklearn `train_test_split` sizes
 * them (the permutation is ours, not numpy's). Indices ascending in each part. O(n).
 */
export function trainTestSplit(n: number, testFraction: number, seed: number) {
  requireInteger('n', n, 2);
  requireNumberIn('testFraction', testFraction, 1e-9, 1 - 1e-9);
  const testSize = Math.ceil(testFraction * n);
  if (testSize >= n)
    throw new KernelError('TOO_FEW_SAMPLES', `a test fraction of ${testFraction} leaves no training rows`);
  const perm = permutation(n, createRng(seed));
  return { train: perm.slice(testSize).sort(), test: perm.slice(0, testSize).sort() };
}
