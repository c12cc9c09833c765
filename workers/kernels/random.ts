/**
 * Seeded pseudo-random numbers for the kernels (k-means++ seeding, silhouette sampling, train/test split).
 *
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, passes gjrand/PractRand to a
 * few GB — plenty for sampling, and the same seed gives the same analytics on every browser and in Node.
 * It is not numpy's Mersenne Twister, so seeded results are reproducible here but not bit-equal to sklearn's.
 */

import { KernelError, requireInteger } from './errors';

export interface Rng {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  nextInt(n: number): number;
}

/** A mulberry32 generator from a 32-bit integer seed. O(1) per draw. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed))
    throw new KernelError('INVALID_PARAMETER', `seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, nextInt: (n) => Math.floor(next() * n) };
}

/** A seeded permutation of 0..n-1 (Fisher–Yates), O(n). */
export function permutation(n: number, rng: Rng): Int32Array {
  requireInteger('n', n, 0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** `size` distinct indices from 0..n-1 without replacement (partial Fisher–Yates), sorted ascending. */
export function sampleWithoutReplacement(n: number, size: number, rng: Rng): Int32Array {
  requireInteger('size', size, 0, n);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(n - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, size).sort();
}
