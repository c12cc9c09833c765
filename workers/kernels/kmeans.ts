/**
 * k-means clustering: greedy k-means++ seeding, Lloyd iterations, n_init restarts, and an elbow curve.
 *
 * Mirrors scikit-learn 1.2 `KMeans(algorithm='lloyd')`: the same seeding algorithm (`_kmeans_plusplus`),
 * the same stopping rule (labels unchanged, or Σ‖centre shift‖² ≤ tol · mean per-feature variance), the same
 * empty-cluster relocation (farthest points), data centred before fitting, and a final E-step when stopped
 * by tolerance. Random draws come from our seeded PRNG, not numpy's, so k-means++ picks differ from
 * sklearn's for a given seed; with explicit `init` centroids the results agree (tests/reference/kmeans_*).
 * Points are a row-major Matrix; the inner loops allocate nothing.
 */

import { KernelError, type Matrix, requireInteger, requireMatrix, requireNumberIn } from './errors';
import { sqDist } from './distance';
import { kmeansPlusPlus } from './kmeans-init';
import { createRng } from './random';

export interface KMeansOptions {
  k: number;
  /** Restarts from different seedings; the lowest inertia wins (sklearn 1.2 default 10). Ignored with init. */
  nInit?: number;
  maxIter?: number;
  /** Relative tolerance, multiplied by the mean per-feature variance of the data (sklearn `tol`). */
  tol?: number;
  seed?: number;
  /** Explicit initial centroids (k × cols, row-major); skips k-means++. */
  init?: Float64Array;
}

export interface KMeansResult {
  labels: Int32Array;
  /** k × cols, row-major. */
  centroids: Float64Array;
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  iterations: number;
}

/**
 * One Lloyd run from `start` centres on centred data. The assignment step uses Hamerly's bounds ("Making
 * k-means even faster", SDM 2010): per point an upper bound on the distance to its centre and a lower bound
 * on the distance to any other; a point is re-examined only when the bounds no longer prove its label, so
 * the iterates are Lloyd's (sklearn's) while late iterations touch few points. Cluster sums are updated
 * only for points that change cluster.
 */
function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  start: Float64Array,
  k: number,
  maxIter: number,
  tolAbs: number,
) {
  let centres = Float64Array.from(start);
  let next = new Float64Array(k * d);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const centreCounts = new Float64Array(k);
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const bounds: BoundShift = { moved, maxMoved: -1, maxMove: 0, secondMove: 0 };
  let boundsValid = false;
  let strict = false;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const changed = boundsValid
      ? assignWithBounds(x, n, d, centres, k, labels, upper, lower, half, bounds, sums, counts)
      : assignAll(x, n, d, centres, k, labels, upper, lower, sums, counts);
    boundsValid = true;
    next.set(sums);
    centreCounts.set(counts);
    // Relocation changes only this round's centres (as in sklearn, labels stay); bounds are rebuilt next round.
    if (relocateEmpty(x, n, d, centres, next, centreCounts, labels)) boundsValid = false;
    let shift = 0;
    let maxMove = 0;
    let secondMove = 0;
    let maxMoved = -1;
    for (let c = 0; c < k; c++) {
      let m = 0;
      for (let j = 0; j < d; j++) {
        // A cluster emptied by relocation keeps its (zero) sum as centre, as sklearn's _average_centers.
        if (centreCounts[c]! > 0) next[c * d + j]! /= centreCounts[c]!;
        const diff = next[c * d + j]! - centres[c * d + j]!;
        m += diff * diff;
      }
      shift += m;
      moved[c] = Math.sqrt(m);
      if (moved[c]! > maxMove) {
        secondMove = maxMove;
        maxMove = moved[c]!;
        maxMoved = c;
      } else if (moved[c]! > secondMove) secondMove = moved[c]!;
    }
    [centres, next] = [next, centres];
    if (changed === 0 && iter > 0) {
      strict = true;
      break;
    }
    halfSeparation(centres, k, d, half);
    bounds.maxMoved = maxMoved;
    bounds.maxMove = maxMove;
    bounds.secondMove = secondMove;
    if (shift <= tolAbs) break;
  }
  // sklearn's loop variable: iterations = index of the breaking iteration + 1 (maxIter when exhausted).
  const iterations = Math.min(iter + 1, maxIter);
  if (!strict) {
    // Stopped on tolerance: a last E-step so labels match the returned centres (sklearn does the same).
    if (boundsValid) assignWithBounds(x, n, d, centres, k, labels, upper, lower, half, bounds, sums, counts);
    else assignPlain(x, n, d, centres, k, labels);
  }
  return { labels, centres, inertia: inertiaOf(x, n, d, centres, labels), iterations };
}

/** How far the centres moved in the last update (the largest two, for the lower bounds). */
interface BoundShift {
  moved: Float64Array;
  maxMoved: number;
  maxMove: number;
  secondMove: number;
}

/** half[c] = ½ · distance from centre c to its nearest other centre. O(k²·d). */
function halfSeparation(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const dist = Math.sqrt(sqDist(centres, a, centres, b, d)) / 2;
      if (dist < half[a]!) half[a] = dist;
      if (dist < half[b]!) half[b] = dist;
    }
  }
}

/** Moves point i into cluster `to` in the running sums. */
function move(
  x: Float64Array,
  i: number,
  d: number,
  from: number,
  to: number,
  sums: Float64Array,
  counts: Float64Array,
) {
  if (from >= 0) {
    counts[from]!--;
    for (let j = 0; j < d; j++) sums[from * d + j]! -= x[i * d + j]!;
  }
  counts[to]!++;
  for (let j = 0; j < d; j++) sums[to * d + j]! += x[i * d + j]!;
}

/** Nearest and second-nearest centre of point i; sets bounds and label. Returns 1 when the label changed. */
function examine(
  x: Float64Array,
  i: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): number {
  let best = 0;
  let d1 = Infinity;
  let d2 = Infinity;
  for (let c = 0; c < k; c++) {
    const s = sqDist(x, i, centres, c, d);
    if (s < d1) {
      d2 = d1;
      d1 = s;
      best = c;
    } else if (s < d2) d2 = s;
  }
  upper[i] = Math.sqrt(d1);
  lower[i] = Math.sqrt(d2);
  const old = labels[i]!;
  if (old === best) return 0;
  labels[i] = best;
  move(x, i, d, old, best, sums, counts);
  return 1;
}

function assignAll(
  x: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) changed += examine(x, i, d, centres, k, labels, upper, lower, sums, counts);
  return changed;
}

// Bounds carry float rounding; only skip a point when the proof holds with a relative margin to spare, so
// near-ties are decided by real distances (lowest index wins, as in sklearn).
const BOUND_MARGIN = 1 - 1e-9;

function assignWithBounds(
  x: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  half: Float64Array,
  shift: BoundShift,
  sums: Float64Array,
  counts: Float64Array,
): number {
  const { moved, maxMoved, maxMove, secondMove } = shift;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i]!;
    // Centres moved since the bounds were set: widen them by how far the own / any other centre moved.
    let u = upper[i]! + moved[a]!;
    const l = lower[i]! - (a === maxMoved ? secondMove : maxMove);
    const h = half[a]!;
    const limit = (h > l ? h : l) * BOUND_MARGIN;
    if (u >= limit) {
      u = Math.sqrt(sqDist(x, i, centres, a, d));
      if (u >= limit) {
        changed += examine(x, i, d, centres, k, labels, upper, lower, sums, counts);
        continue;
      }
    }
    upper[i] = u;
    lower[i] = l;
  }
  return changed;
}

/** Plain nearest-centre assignment (lowest index on ties). O(n·k·d). */
function assignPlain(
  x: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
) {
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDist = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sqDist(x, i, centres, c, d);
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    labels[i] = best;
  }
}

function inertiaOf(x: Float64Array, n: number, d: number, centres: Float64Array, labels: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += sqDist(x, i, centres, labels[i]!, d);
  return s;
}

/**
 * sklearn `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest from its (old)
 * centre, farthest first; sums and counts move with it. `sums` are still unnormalised here.
 */
function relocateEmpty(
  x: Float64Array,
  n: number,
  d: number,
  old: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  labels: Int32Array,
): boolean {
  const empty: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return false;
  const farDist = new Float64Array(n);
  for (let i = 0; i < n; i++) farDist[i] = sqDist(x, i, old, labels[i]!, d);
  const far = Array.from(farDist.keys())
    .sort((a, b) => farDist[b]! - farDist[a]! || a - b)
    .slice(0, empty.length);
  empty.forEach((target, idx) => {
    const p = far[idx]!;
    const from = labels[p]!;
    for (let j = 0; j < d; j++) {
      sums[from * d + j]! -= x[p * d + j]!;
      sums[target * d + j] = x[p * d + j]!;
    }
    counts[target] = 1;
    counts[from]!--;
  });
  return true;
}

/**
 * k-means with `nInit` k-means++ restarts (or one run from `init`). O(nInit · iterations · n · k · d) time,
 * O(n·(d + trials)) memory.
 */
export function kmeans(points: Matrix, options: KMeansOptions): KMeansResult {
  requireMatrix('points', points);
  const { rows: n, cols: d } = points;
  const { k, nInit = 10, maxIter = 300, tol = 1e-4, seed = 0, init } = options;
  requireInteger('k', k, 1);
  if (k > n) throw new KernelError('TOO_FEW_SAMPLES', `k = ${k} clusters need at least k points, got ${n}`);
  requireInteger('nInit', nInit, 1, 1000);
  requireInteger('maxIter', maxIter, 1, 1e6);
  requireNumberIn('tol', tol, 0, 1);
  // Centre the data as sklearn does: smaller magnitudes, less cancellation in distances.
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += points.data[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const x = new Float64Array(n * d);
  let variance = 0;
  for (let i = 0; i < n * d; i++) {
    x[i] = points.data[i]! - mean[i % d]!;
    variance += x[i]! * x[i]!;
  }
  const tolAbs = (variance / (n * d)) * tol;
  let starts: Float64Array[];
  if (init) {
    requireMatrix('init', { data: init, rows: k, cols: d });
    starts = [init.map((v, i) => v - mean[i % d]!)];
  } else {
    const rng = createRng(seed);
    starts = [];
    for (let r = 0; r < nInit; r++) starts.push(kmeansPlusPlus({ data: x, rows: n, cols: d }, k, rng));
  }
  let best: ReturnType<typeof lloyd> | undefined;
  for (const start of starts) {
    const run = lloyd(x, n, d, start, k, maxIter, tolAbs);
    if (!best || run.inertia < best.inertia) best = run;
  }
  const centroids = best!.centres.map((v, i) => v + mean[i % d]!);
  return { labels: best!.labels, centroids, inertia: best!.inertia, iterations: best!.iterations };
}

/** Inertia of the best k-means fit for each k in kMin..kMax (the elbow curve). O(Σ_k kmeans cost). */
export function elbow(
  points: Matrix,
  kMin: number,
  kMax: number,
  options: Omit<KMeansOptions, 'k' | 'init'> = {},
) {
  requireInteger('kMin', kMin, 1);
  requireInteger('kMax', kMax, kMin, Math.min(points.rows, 100));
  const inertia = new Float64Array(kMax - kMin + 1);
  for (let k = kMin; k <= kMax; k++) inertia[k - kMin] = kmeans(points, { ...options, k }).inertia;
  return inertia;
}
