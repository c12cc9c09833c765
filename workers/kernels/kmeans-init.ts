/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA
 * 2007), as scikit-learn 1.2 `sklearn.cluster._kmeans._kmeans_plusplus`: the first centre uniformly at
 * random, then for each next centre 2 + ⌊ln k⌋ candidates sampled ∝ D² (inverse CDF on the cumulative sum,
 * like numpy searchsorted side='left'), keeping the candidate that most lowers the potential Σ D².
 * Draws come from our PRNG, so the picks are not numpy's. O(n·k·d·(2 + ln k)) time (less with the
 * triangle-inequality skip), O(n) memory.
 */

import { KernelError, type Matrix } from './errors';
import { sqDist } from './distance';
import type { Rng } from './random';

/** First index whose cumulative weight reaches `target`. O(log n). */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Potential Σ min(closest[i], D²(x_i, candidate)) for each candidate, in one pass over the points. A point
 * whose nearest chosen centre c satisfies D²(candidate, c) ≥ 4·closest[i] cannot get closer (triangle
 * inequality), so its distance is not computed — on clustered data most points are skipped.
 */
function candidatePotentials(
  x: Float64Array,
  n: number,
  d: number,
  candidates: Float64Array,
  toCentres: Float64Array,
  k: number,
  closest: Float64Array,
  nearest: Int32Array,
  potentials: Float64Array,
): void {
  const trials = potentials.length;
  potentials.fill(0);
  for (let i = 0; i < n; i++) {
    const current = closest[i]!;
    const a = nearest[i]!;
    for (let t = 0; t < trials; t++) {
      if (toCentres[t * k + a]! >= 4 * current) {
        potentials[t]! += current;
        continue;
      }
      const s = sqDist(x, i, candidates, t, d);
      potentials[t]! += s < current ? s : current;
    }
  }
}

/** Makes `candidate` (trial t) a centre: lowers closest[] and updates nearest[] where it is nearer. */
function adoptCentre(
  x: Float64Array,
  n: number,
  d: number,
  candidates: Float64Array,
  t: number,
  toCentres: Float64Array,
  k: number,
  centre: number,
  closest: Float64Array,
  nearest: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const current = closest[i]!;
    if (toCentres[t * k + nearest[i]!]! >= 4 * current) continue;
    const s = sqDist(x, i, candidates, t, d);
    if (s < current) {
      closest[i] = s;
      nearest[i] = centre;
    }
  }
}

/** k initial centres (k × cols, row-major) for `x`, drawn with `rng`; see the module comment. */
export function kmeansPlusPlus(x: Matrix, k: number, rng: Rng): Float64Array {
  const { data, rows: n, cols: d } = x;
  const trials = 2 + Math.floor(Math.log(k));
  const centres = new Float64Array(k * d);
  const closest = new Float64Array(n);
  const nearest = new Int32Array(n);
  const cumulative = new Float64Array(n);
  const candidates = new Float64Array(trials * d);
  const candidateRows = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  // Squared distances from each candidate to each chosen centre, for the triangle-inequality skip.
  const toCentres = new Float64Array(trials * k);
  const first = rng.nextInt(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = sqDist(data, i, centres, 0, d);
  for (let c = 1; c < k; c++) {
    if (!(potential > 0)) throw new KernelError('INVALID_PARAMETER', `fewer than k = ${k} distinct points`);
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i]!;
    for (let t = 0; t < trials; t++) {
      const row = searchCumulative(cumulative, rng.next() * potential);
      candidateRows[t] = row;
      candidates.set(data.subarray(row * d, row * d + d), t * d);
      for (let e = 0; e < c; e++) toCentres[t * k + e] = sqDist(candidates, t, centres, e, d);
    }
    candidatePotentials(data, n, d, candidates, toCentres, k, closest, nearest, potentials);
    let best = 0;
    for (let t = 1; t < trials; t++) if (potentials[t]! < potentials[best]!) best = t;
    potential = potentials[best]!;
    adoptCentre(data, n, d, candidates, best, toCentres, k, c, closest, nearest);
    const chosen = candidateRows[best]!;
    centres.set(data.subarray(chosen * d, chosen * d + d), c * d);
  }
  return centres;
}
