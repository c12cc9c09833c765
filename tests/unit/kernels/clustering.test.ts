// Reference: tests/reference/clustering_reference.py (scikit-learn 1.2.1 DBSCAN and
// AgglomerativeClustering(linkage='ward'), scipy 1.10.1 linkage(method='ward'); data from make_blobs and
// numpy RandomState with fixed seeds, rounded to 4 decimals).
// Tolerances: DBSCAN labels and core masks must be identical; Ward merge rows must have the same cluster ids
// and sizes (the same merged point sets where an ulp-level tie reorders rows) and distances within 1e-9
// relative; Ward partitions must equal sklearn's up to renumbering. Brute-force O(n²) oracles below check
// the grid search (DBSCAN) and the pruned nearest-neighbour search (Ward) on tie-heavy random data.
import { describe, expect, it } from 'vitest';
import { dbscan } from '../../../workers/kernels/dbscan';
import type { Matrix } from '../../../workers/kernels/errors';
import { createRng } from '../../../workers/kernels/random';
import { WARD_MAX_POINTS, wardClustering } from '../../../workers/kernels/ward';
import ref from '../../reference/clustering_reference.json';
import { kernelErrorCode } from './expect-kernel-error';

const matrix = (m: { points: number[]; rows: number; cols: number }): Matrix => ({
  data: Float64Array.from(m.points),
  rows: m.rows,
  cols: m.cols,
});

/** Renumbers labels by first appearance, so two partitions are equal iff their canonical forms are. */
const canonical = (labels: ArrayLike<number>): number[] => {
  const seen = new Map<number, number>();
  return Array.from(labels, (l) => {
    if (!seen.has(l)) seen.set(l, seen.size);
    return seen.get(l)!;
  });
};

/** Test oracle: DBSCAN over all pairs, labelling as sklearn's dbscan_inner does (squared distance ≤ eps²). */
function bruteForceDbscan({ data, rows, cols }: Matrix, eps: number, minSamples: number): number[] {
  const near = (i: number, j: number) => {
    let sq = 0;
    for (let c = 0; c < cols; c++) sq += (data[i * cols + c]! - data[j * cols + c]!) ** 2;
    return sq <= eps * eps;
  };
  const neighbours = Array.from({ length: rows }, (_, i) =>
    [...Array(rows).keys()].filter((j) => near(i, j)),
  );
  const core = neighbours.map((nb) => nb.length >= minSamples);
  const labels = new Array<number>(rows).fill(-1);
  let cluster = 0;
  for (let i = 0; i < rows; i++) {
    if (labels[i] !== -1 || !core[i]) continue;
    const stack = [i];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (labels[p] !== -1) continue;
      labels[p] = cluster;
      if (core[p]) stack.push(...neighbours[p]!.filter((q) => labels[q] === -1));
    }
    cluster++;
  }
  return labels;
}

/** Test oracle: NN-chain scanning every active cluster in slot order (scipy's nn_chain loop), no pruning. */
function bruteForceWardTree({ data, rows: n, cols: d }: Matrix): Map<string, number> {
  const centroid = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)));
  const size = new Array<number>(n).fill(1);
  const height = new Array<number>(n).fill(0);
  const leaves = Array.from({ length: n }, (_, i) => [i]);
  const ward2 = (a: number, b: number) => {
    let sq = 0;
    for (let j = 0; j < d; j++) sq += (centroid[a]![j]! - centroid[b]![j]!) ** 2;
    return ((2 * size[a]! * size[b]!) / (size[a]! + size[b]!)) * sq;
  };
  const tree = new Map<string, number>();
  const chain: number[] = [];
  for (let step = 0; step < n - 1; step++) {
    if (chain.length === 0) chain.push(size.findIndex((s) => s > 0));
    for (;;) {
      const x = chain.at(-1)!;
      const previous = chain.length > 1 ? chain.at(-2)! : -1;
      let best = previous >= 0 ? ward2(x, previous) : Infinity;
      let y = previous;
      for (let i = 0; i < n; i++) {
        if (size[i]! > 0 && i !== x && ward2(x, i) < best) [best, y] = [ward2(x, i), i];
      }
      if (y === previous) break;
      chain.push(y);
    }
    const [a, b] = chain.splice(-2).sort((p, q) => p - q) as [number, number];
    height[b] = Math.max(Math.sqrt(ward2(a, b)), height[a]!, height[b]!);
    const total = size[a]! + size[b]!;
    centroid[b] = centroid[b]!.map((c, j) => c + (centroid[a]![j]! - c) * (size[a]! / total));
    [size[b], size[a]] = [total, 0];
    leaves[b] = [...leaves[a]!, ...leaves[b]!].sort((p, q) => p - q);
    tree.set(leaves[b]!.join(','), height[b]!);
  }
  return tree;
}

describe('dbscan vs sklearn.cluster.DBSCAN', () => {
  for (const [name, want] of Object.entries(ref.dbscan)) {
    it(`${name}: identical labels (sklearn numbering) and core points`, () => {
      const got = dbscan(matrix(want), { eps: want.eps, minSamples: want.minSamples });
      expect(Array.from(got.labels)).toEqual(want.labels);
      expect(Array.from(got.coreMask)).toEqual(want.core);
      expect(got.clusters).toBe(Math.max(...want.labels) + 1);
      expect(got.noise).toBe(want.labels.filter((l) => l === -1).length);
    });
  }

  it('the reference data exercise border points claimed by two clusters', () => {
    expect(ref.dbscan.touching3d.contestedBorderPoints).toBeGreaterThan(0);
    expect(ref.dbscan.contested1d.contestedBorderPoints).toBe(1);
  });

  it('gives the same labels whatever the grid: a tiny eps, a huge eps and a 1-column projection', () => {
    const pts = matrix(ref.dbscan.separated5d);
    expect(Array.from(dbscan(pts, { eps: 1e-9, minSamples: 1 }).labels)).toEqual(
      Array.from({ length: pts.rows }, (_, i) => i),
    );
    const all = dbscan(pts, { eps: 1e6, minSamples: 3 });
    expect(all.clusters).toBe(1);
    expect(all.noise).toBe(0);
    // A point far away along one axis only: the grid must not wrap neighbour cells across rows.
    const line = { data: Float64Array.from([0, 0, 0, 1, 5, 0, 5, 1, 10, 0]), rows: 5, cols: 2 };
    expect(Array.from(dbscan(line, { eps: 1, minSamples: 2 }).labels)).toEqual([0, 0, 1, 1, -1]);
  });

  it('agrees with a brute-force O(n²) DBSCAN on 4–5 columns, duplicates, tiny and large eps', () => {
    const rng = createRng(11);
    for (let round = 0; round < 12; round++) {
      const cols = 4 + (round % 2);
      const rows = 150 + rng.nextInt(150);
      // Few distinct values per column, so there are duplicates and distances exactly equal to eps.
      const levels = round < 6 ? 5 : 1000;
      const data = Float64Array.from({ length: rows * cols }, () => rng.nextInt(levels) / (levels / 10));
      const eps = [1e-7, 0.5, 2, 2.5, 6, 40][round % 6]!;
      const minSamples = 1 + rng.nextInt(8);
      const got = dbscan({ data, rows, cols }, { eps, minSamples });
      expect(Array.from(got.labels)).toEqual(bruteForceDbscan({ data, rows, cols }, eps, minSamples));
    }
  });

  it('rejects empty input, NaN, eps ≤ 0 and a non-integer minSamples', () => {
    const pts = { data: Float64Array.from([0, 1, 2, 3]), rows: 2, cols: 2 };
    expect(
      kernelErrorCode(() =>
        dbscan({ data: new Float64Array(0), rows: 0, cols: 2 }, { eps: 1, minSamples: 1 }),
      ),
    ).toBe('EMPTY_INPUT');
    const withNaN = { data: Float64Array.from([0, NaN, 2, 3]), rows: 2, cols: 2 };
    expect(kernelErrorCode(() => dbscan(withNaN, { eps: 1, minSamples: 1 }))).toBe('NON_FINITE');
    for (const eps of [0, -1, NaN, Infinity]) {
      expect(kernelErrorCode(() => dbscan(pts, { eps, minSamples: 2 }))).toBe('INVALID_PARAMETER');
    }
    for (const minSamples of [0, 1.5]) {
      expect(kernelErrorCode(() => dbscan(pts, { eps: 1, minSamples }))).toBe('INVALID_PARAMETER');
    }
  });
});

/** Each merge as (sorted leaves of the union, height): a dendrogram description independent of row order. */
const mergedLeafSets = (merges: ArrayLike<number>, n: number): Map<string, number> => {
  const leaves: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const out = new Map<string, number>();
  for (let row = 0; row < n - 1; row++) {
    const union = [...leaves[merges[row * 4]!]!, ...leaves[merges[row * 4 + 1]!]!].sort((a, b) => a - b);
    leaves.push(union);
    out.set(union.join(','), merges[row * 4 + 2]!);
  }
  return out;
};

describe('wardClustering vs scipy linkage(method="ward") and sklearn AgglomerativeClustering', () => {
  for (const [name, want] of Object.entries(ref.ward)) {
    it(`${name}: same dendrogram, distances within 1e-9 relative, same partitions`, () => {
      const pts = matrix(want);
      const full = wardClustering(pts, { k: 1 });
      expect(full.merges.length).toBe(want.merges.length);
      const gotTree = mergedLeafSets(full.merges, pts.rows);
      const wantTree = mergedLeafSets(want.merges, pts.rows);
      expect([...gotTree.keys()].sort()).toEqual([...wantTree.keys()].sort());
      for (const [leaves, dist] of wantTree) {
        expect(Math.abs(gotTree.get(leaves)! - dist)).toBeLessThanOrEqual(1e-9 * dist);
      }
      // Row by row, ids included — except where scipy's Lance–Williams and our centroid formula round a
      // tied height differently by an ulp, which reorders equal-height rows (the 'duplicates' lattice).
      if (name !== 'duplicates') {
        for (let row = 0; row < pts.rows - 1; row++) {
          const [a, b, , size] = want.merges.slice(row * 4, row * 4 + 4);
          expect([full.merges[row * 4], full.merges[row * 4 + 1], full.merges[row * 4 + 3]]).toEqual([
            a,
            b,
            size,
          ]);
        }
      }
      for (const [k, labels] of Object.entries(want.labels)) {
        const got = wardClustering(pts, { k: Number(k) });
        expect(canonical(got.labels)).toEqual(canonical(labels));
        // Deterministic numbering: clusters in order of their lowest point index.
        expect(Array.from(got.labels)).toEqual(canonical(got.labels));
        expect(Array.from(got.sizes)).toEqual(
          Array.from({ length: Number(k) }, (_, c) => got.labels.filter((l) => l === c).length),
        );
      }
    });
  }

  it('breaks ties deterministically and like scipy (equally spaced line, duplicate points)', () => {
    // Line 0..8: every neighbour distance ties; scipy merges (0,1) first because the chain starts at 0.
    const line = wardClustering(matrix(ref.ward.line), { k: 3 });
    expect(Array.from(line.merges.slice(0, 4))).toEqual([0, 1, 1, 2]);
    expect(canonical(line.labels)).toEqual(canonical(ref.ward.line.labels['3']));
    const dup = matrix(ref.ward.duplicates);
    const again = wardClustering(dup, { k: 3 });
    expect(Array.from(wardClustering(dup, { k: 3 }).merges)).toEqual(Array.from(again.merges));
    // The three duplicate pairs merge at distance exactly 0 before anything else.
    expect(Array.from({ length: 3 }, (_, r) => again.merges[r * 4 + 2])).toEqual([0, 0, 0]);
  });

  it('the pruned, axis-sorted search picks exactly what a full slot-order scan picks, ties included', () => {
    const rng = createRng(5);
    for (let round = 0; round < 8; round++) {
      const cols = 1 + (round % 5);
      const rows = 60 + rng.nextInt(100);
      // Small integer lattices (many exact ties and duplicates), then scaled ones (ties up to rounding).
      const scale = round < 4 ? 1 : 0.1;
      const data = Float64Array.from({ length: rows * cols }, () => rng.nextInt(4) * scale);
      const got = wardClustering({ data, rows, cols }, { k: 1 }).merges;
      const want = bruteForceWardTree({ data, rows, cols });
      expect([...mergedLeafSets(got, rows)].sort()).toEqual([...want].sort());
      expect(Array.from(wardClustering({ data, rows, cols }, { k: 1 }).merges)).toEqual(Array.from(got));
    }
  });

  it('returns finite results at extreme scales (1e-200 and 1e140 coordinates)', () => {
    const base = matrix(ref.ward.small);
    for (const scale of [1e-200, 1e140]) {
      const scaled = { ...base, data: base.data.map((v) => v * scale) };
      const got = wardClustering(scaled, { k: 3 });
      expect(got.merges.every(Number.isFinite)).toBe(true);
      expect(new Set(got.labels).size).toBe(3);
      expect(dbscan(scaled, { eps: scale, minSamples: 2 }).labels.every((l) => l >= -1)).toBe(true);
    }
  });

  it('k = 1 puts everything in one cluster and k = n gives each point its own', () => {
    const pts = matrix(ref.ward.small);
    expect(Array.from(wardClustering(pts, { k: 1 }).labels)).toEqual(new Array(pts.rows).fill(0));
    expect(Array.from(wardClustering(pts, { k: pts.rows }).labels)).toEqual(
      Array.from({ length: pts.rows }, (_, i) => i),
    );
    const single = wardClustering({ data: Float64Array.from([3, 4]), rows: 1, cols: 2 }, { k: 1 });
    expect(Array.from(single.labels)).toEqual([0]);
    expect(single.merges.length).toBe(0);
  });

  it('rejects empty input, NaN, k > n, a non-integer k and more than WARD_MAX_POINTS points', () => {
    const pts = { data: Float64Array.from([0, 1, 2, 3]), rows: 2, cols: 2 };
    expect(
      kernelErrorCode(() => wardClustering({ data: new Float64Array(0), rows: 0, cols: 2 }, { k: 1 })),
    ).toBe('EMPTY_INPUT');
    const withNaN = { data: Float64Array.from([0, 1, NaN, 3]), rows: 2, cols: 2 };
    expect(kernelErrorCode(() => wardClustering(withNaN, { k: 1 }))).toBe('NON_FINITE');
    expect(kernelErrorCode(() => wardClustering(pts, { k: 3 }))).toBe('TOO_FEW_SAMPLES');
    expect(kernelErrorCode(() => wardClustering(pts, { k: 0 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => wardClustering(pts, { k: 1.5 }))).toBe('INVALID_PARAMETER');
    const rng = createRng(1);
    const rows = WARD_MAX_POINTS + 1;
    const big = { data: Float64Array.from({ length: rows * 2 }, () => rng.next()), rows, cols: 2 };
    expect(kernelErrorCode(() => wardClustering(big, { k: 2 }))).toBe('INVALID_PARAMETER');
  });
});
