/**
 * Mean silhouette coefficient of a clustering (Rousseeuw 1987), as sklearn 1.2
 * `sklearn.metrics.silhouette_score(X, labels, metric='euclidean')`.
 *
 * s(i) = (b − a) / max(a, b), a = mean distance to the other members of i's cluster, b = lowest mean
 * distance to another cluster; s = 0 for a point alone in its cluster (sklearn's nan_to_num). O(m²·d) time
 * and O(clusters) memory for m scored points, so large inputs are scored on a seeded random sample of
 * `sampleSize` points (default: all points up to 4,000, else 4,000) — distances only among sampled points,
 * as sklearn does with `sample_size`, but with our PRNG, so the sample is not numpy's.
 */

import { KernelError, type Matrix, requireInteger, requireMatrix, requireSameLength } from './errors';
import { createRng, sampleWithoutReplacement } from './random';

export const DEFAULT_SILHOUETTE_SAMPLE = 4000;

export interface SilhouetteOptions {
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette of `labels` (any integers) over the rows of `points` or a seeded sample of them
 * (sklearn `silhouette_score(X, labels, sample_size=…)`). O(m²·d) for m scored rows.
 */
export function silhouetteScore(points: Matrix, labels: Int32Array, options: SilhouetteOptions = {}): number {
  requireMatrix('points', points);
  requireSameLength(['points rows', 'labels'], [{ length: points.rows }, labels]);
  const { rows: n, cols: d, data } = points;
  const size = options.sampleSize ?? Math.min(n, DEFAULT_SILHOUETTE_SAMPLE);
  requireInteger('sampleSize', size, 2, n);
  const rows =
    size === n
      ? Int32Array.from(labels.keys())
      : sampleWithoutReplacement(n, size, createRng(options.seed ?? 0));
  // Dense cluster numbers for the scored rows.
  const clusterOf = new Int32Array(size);
  const dense = new Map<number, number>();
  for (let s = 0; s < size; s++) {
    const label = labels[rows[s]!]!;
    if (!dense.has(label)) dense.set(label, dense.size);
    clusterOf[s] = dense.get(label)!;
  }
  const clusters = dense.size;
  if (clusters < 2 || clusters > size - 1) {
    throw new KernelError(
      clusters < 2 ? 'SINGLE_CLASS' : 'INVALID_PARAMETER',
      `silhouette needs 2 to ${size - 1} clusters among the scored points, got ${clusters}`,
    );
  }
  const clusterSize = new Float64Array(clusters);
  for (let s = 0; s < size; s++) clusterSize[clusterOf[s]!]!++;
  const distSum = new Float64Array(clusters);
  let total = 0;
  for (let s = 0; s < size; s++) {
    distSum.fill(0);
    const i = rows[s]!;
    for (let t = 0; t < size; t++) {
      if (t === s) continue;
      const u = rows[t]!;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const diff = data[i * d + j]! - data[u * d + j]!;
        sq += diff * diff;
      }
      distSum[clusterOf[t]!]! += Math.sqrt(sq);
    }
    const own = clusterOf[s]!;
    if (clusterSize[own]! < 2) continue; // singleton: s(i) = 0
    const a = distSum[own]! / (clusterSize[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < clusters; c++) if (c !== own) b = Math.min(b, distSum[c]! / clusterSize[c]!);
    const denom = Math.max(a, b);
    if (denom > 0) total += (b - a) / denom;
  }
  return total / size;
}
