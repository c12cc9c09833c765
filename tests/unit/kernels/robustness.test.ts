// Property checks (no external reference): on many small seeded random inputs — including duplicates,
// constant columns and extreme scales — every kernel either returns only finite numbers or throws a
// KernelError; it never hangs, leaks NaN/Infinity, or throws anything else.
import { describe, expect, it } from 'vitest';
import { arimaFit } from '../../../workers/kernels/arima';
import { arimaForecast } from '../../../workers/kernels/arima-forecast';
import { decisionTree, predictTree } from '../../../workers/kernels/cart';
import { KernelError, type Matrix } from '../../../workers/kernels/errors';
import { kmeans } from '../../../workers/kernels/kmeans';
import { logisticRegression } from '../../../workers/kernels/logistic';
import { rocAuc } from '../../../workers/kernels/metrics';
import { createRng, type Rng } from '../../../workers/kernels/random';
import { ols } from '../../../workers/kernels/regression';
import { silhouetteScore } from '../../../workers/kernels/silhouette';

function randomMatrix(rng: Rng, rows: number, cols: number): Matrix {
  const scale = rng.next() < 0.2 ? 10 ** (rng.nextInt(400) - 200) : 10 ** (rng.nextInt(12) - 6);
  const levels = 1 + rng.nextInt(4); // few distinct values → many duplicates
  const data = Float64Array.from({ length: rows * cols }, () => rng.nextInt(levels) * scale);
  if (rng.next() < 0.3) for (let i = 0; i < rows; i++) data[i * cols] = 7; // a constant column
  return { data, rows, cols };
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array).every(Number.isFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

function finiteOrKernelError(fn: () => unknown): 'ok' | 'error' {
  try {
    const out = fn();
    expect(allFinite(out)).toBe(true);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(KernelError);
    return 'error';
  }
}

describe('kernels on degenerate random inputs', () => {
  it('kmeans, silhouette, OLS, logistic, tree and AUC return finite results or a KernelError', () => {
    const rng = createRng(2024);
    const outcomes = { ok: 0, error: 0 };
    for (let round = 0; round < 150; round++) {
      const rows = 2 + rng.nextInt(30);
      const cols = 1 + rng.nextInt(3);
      const x = randomMatrix(rng, rows, cols);
      const labels = Int32Array.from({ length: rows }, () => rng.nextInt(3));
      const binary = Uint8Array.from(labels, (v) => v & 1);
      const y = Float64Array.from({ length: rows }, () => rng.next() * 100);
      const k = 1 + rng.nextInt(4);
      outcomes[finiteOrKernelError(() => kmeans(x, { k, nInit: 2, seed: round }))]++;
      outcomes[finiteOrKernelError(() => silhouetteScore(x, labels))]++;
      outcomes[finiteOrKernelError(() => ols(x, y))]++;
      outcomes[finiteOrKernelError(() => logisticRegression(x, binary, { C: 10 ** (rng.nextInt(7) - 3) }))]++;
      outcomes[finiteOrKernelError(() => predictTree(decisionTree(x, labels), x))]++;
      outcomes[finiteOrKernelError(() => rocAuc(Int32Array.from(binary), y))]++;
    }
    // Both branches must be exercised, or the property says nothing.
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.error).toBeGreaterThan(20);
  });

  it('ARIMA fits and forecasts finite values or throws a KernelError', () => {
    const rng = createRng(7);
    let fitted = 0;
    for (let round = 0; round < 40; round++) {
      const n = 12 + rng.nextInt(60);
      const levels = 1 + rng.nextInt(5);
      const series = Float64Array.from(
        { length: n },
        (_, t) => rng.nextInt(levels) + (round % 3 === 0 ? t : 0),
      );
      const order = { p: rng.nextInt(3), d: rng.nextInt(2), q: rng.nextInt(3) };
      const outcome = finiteOrKernelError(() => {
        const fit = arimaFit(series, order);
        return { fit, forecast: arimaForecast(series, fit, 6) };
      });
      if (outcome === 'ok') fitted++;
    }
    expect(fitted).toBeGreaterThan(10);
  });
});
