// Reference: tests/reference/kmeans_reference.py (scikit-learn 1.2.1 KMeans(algorithm='lloyd'),
// sklearn.metrics.silhouette_score; data from make_blobs with fixed random_state).
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../workers/kernels/errors';
import { elbow, kmeans } from '../../../workers/kernels/kmeans';
import { silhouetteScore } from '../../../workers/kernels/silhouette';
import ref from '../../reference/kmeans_reference.json';
import { expectClose, kernelErrorCode } from './expect-kernel-error';

const matrix = (m: { points: number[]; rows: number; cols: number }): Matrix => ({
  data: Float64Array.from(m.points),
  rows: m.rows,
  cols: m.cols,
});
const overlapping = matrix(ref.fixedInit);
const separated = matrix(ref.separated);

describe('kmeans vs sklearn with explicit initial centroids', () => {
  const init = Float64Array.from(ref.fixedInit.init);

  it('reproduces labels, centroids, inertia and iteration count (converged on labels)', () => {
    const got = kmeans(overlapping, { k: 5, init });
    expect(Array.from(got.labels)).toEqual(ref.fixedInit.labels);
    expectClose(got.centroids, ref.fixedInit.centroids, 1e-9);
    expect(Math.abs(got.inertia - ref.fixedInit.inertia)).toBeLessThan(1e-9 * ref.fixedInit.inertia);
    expect(got.iterations).toBe(ref.fixedInit.iterations);
  });

  it('reproduces the tolerance stop (relative to mean feature variance) and its final E-step', () => {
    const want = ref.fixedInitLooseTol;
    const got = kmeans(overlapping, { k: 5, init, tol: want.tol });
    expect(got.iterations).toBe(want.iterations);
    expect(Array.from(got.labels)).toEqual(want.labels);
    expectClose(got.centroids, want.centroids, 1e-9);
    expect(Math.abs(got.inertia - want.inertia)).toBeLessThan(1e-9 * want.inertia);
  });
});

describe('kmeans vs sklearn: long runs and empty clusters', () => {
  it('follows Lloyd through many iterations on structureless data (bounds never skip a needed check)', () => {
    const want = ref.uniformCube;
    const got = kmeans(matrix(want), { k: want.k, init: Float64Array.from(want.init) });
    expect(got.iterations).toBe(want.iterations);
    expect(Array.from(got.labels)).toEqual(want.labels);
    expectClose(got.centroids, want.centroids, 1e-9);
    expect(Math.abs(got.inertia - want.inertia)).toBeLessThan(1e-9 * want.inertia);
  });

  it('relocates an empty cluster to the farthest point, as sklearn does', () => {
    const want = ref.emptyCluster;
    const got = kmeans(overlapping, { k: 5, init: Float64Array.from(want.init) });
    expect(got.iterations).toBe(want.iterations);
    expect(Array.from(got.labels)).toEqual(want.labels);
    expectClose(got.centroids, want.centroids, 1e-9);
    expect(Math.abs(got.inertia - want.inertia)).toBeLessThan(1e-9 * want.inertia);
  });
});

describe('kmeans++ on well-separated blobs', () => {
  it('reaches sklearn best-of-10 inertia within 1%, reproducibly per seed', () => {
    const a = kmeans(separated, { k: 6, nInit: 10, seed: 42 });
    expect(a.inertia).toBeLessThan(ref.separated.inertia * 1.01);
    expect(a.inertia).toBeGreaterThan(ref.separated.inertia * 0.99);
    const b = kmeans(separated, { k: 6, nInit: 10, seed: 42 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
  });

  it('a single k-means++ run already lands within 1% on these blobs', () => {
    for (const seed of [1, 2, 3]) {
      expect(kmeans(separated, { k: 6, nInit: 1, seed }).inertia).toBeLessThan(ref.separated.inertia * 1.01);
    }
  });

  it('elbow curve matches sklearn within 1% up to the true k', () => {
    const curve = elbow(separated, 1, 6, { seed: 3 });
    expectClose(
      Array.from(curve, (v, i) => v / ref.separated.elbow[i]!),
      new Array(6).fill(1),
      0.01,
    );
  });
});

describe('silhouetteScore vs sklearn', () => {
  it('equals silhouette_score on the full data to 1e-9', () => {
    const labels = Int32Array.from(ref.fixedInit.labels);
    expect(Math.abs(silhouetteScore(overlapping, labels) - ref.fixedInit.silhouette)).toBeLessThan(1e-9);
  });

  it('scores a singleton cluster 0 and accepts arbitrary label numbers', () => {
    const labels = Int32Array.from(ref.silhouetteSingleton.labels);
    expect(Math.abs(silhouetteScore(overlapping, labels) - ref.silhouetteSingleton.score)).toBeLessThan(1e-9);
  });

  it('samples reproducibly and stays close to the full score', () => {
    const labels = Int32Array.from(ref.fixedInit.labels);
    const a = silhouetteScore(overlapping, labels, { sampleSize: 300, seed: 9 });
    expect(silhouetteScore(overlapping, labels, { sampleSize: 300, seed: 9 })).toBe(a);
    expect(Math.abs(a - ref.fixedInit.silhouette)).toBeLessThan(0.05);
  });
});

describe('kmeans / silhouette bad input', () => {
  it('rejects k > n, fewer distinct points than k, NaN and bad shapes', () => {
    const tiny: Matrix = { data: Float64Array.of(1, 2, 3, 4), rows: 2, cols: 2 };
    expect(kernelErrorCode(() => kmeans(tiny, { k: 3 }))).toBe('TOO_FEW_SAMPLES');
    const same: Matrix = { data: new Float64Array(8).fill(5), rows: 4, cols: 2 };
    expect(kernelErrorCode(() => kmeans(same, { k: 2 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => kmeans({ ...tiny, data: Float64Array.of(1, NaN, 3, 4) }, { k: 1 }))).toBe(
      'NON_FINITE',
    );
    expect(kernelErrorCode(() => kmeans({ ...tiny, rows: 3 }, { k: 1 }))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => kmeans(tiny, { k: 0 }))).toBe('INVALID_PARAMETER');
  });

  it('rejects a single cluster or mismatched labels for silhouette', () => {
    expect(kernelErrorCode(() => silhouetteScore(overlapping, new Int32Array(500)))).toBe('SINGLE_CLASS');
    expect(kernelErrorCode(() => silhouetteScore(overlapping, new Int32Array(3)))).toBe('LENGTH_MISMATCH');
  });
});
