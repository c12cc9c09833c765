/**
 * Sorting once for many trees: each feature's rows in ascending order of value, and reusable buffers for the
 * tree builder (tree-builder.ts). A random forest or gradient boosting sorts the features once and grows
 * every tree from that order, instead of sorting at every node of every tree. O(p · n log n).
 */

import type { Matrix } from './errors';

/** Each feature's rows in ascending order of its value, with the values in that order (p × n, row-major). */
export interface Presorted {
  order: Int32Array;
  values: Float64Array;
}

/**
 * Sorts every feature once. A comparator sort of indices is slow in V8, so the values are sorted natively
 * and each row is then placed by binary search at the next free slot of its value's run. O(p · n log n).
 */
export function presortFeatures(x: Matrix): Presorted {
  const { rows: n, cols: p, data } = x;
  const order = new Int32Array(p * n);
  const values = new Float64Array(p * n);
  const nextFree = new Int32Array(n);
  for (let f = 0; f < p; f++) {
    const sortedValues = values.subarray(f * n, (f + 1) * n);
    for (let i = 0; i < n; i++) sortedValues[i] = data[i * p + f]!;
    sortedValues.sort();
    nextFree.fill(0);
    for (let i = 0; i < n; i++) {
      const v = data[i * p + f]!;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedValues[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      const slot = lo + nextFree[lo]!++;
      order[f * n + slot] = i;
      sortedValues[slot] = v; // the row's own value (−0 and 0 share a run)
    }
  }
  return { order, values };
}

/** Buffers for growing trees on n × p data, allocated once per ensemble and reused by each tree. */
export interface TreeWorkspace {
  order: Int32Array;
  values: Float64Array;
  scratchOrder: Int32Array;
  scratchValues: Float64Array;
  goesLeft: Uint8Array;
}

export function createWorkspace(x: Matrix): TreeWorkspace {
  const { rows: n, cols: p } = x;
  return {
    order: new Int32Array(p * n),
    values: new Float64Array(p * n),
    scratchOrder: new Int32Array(n),
    scratchValues: new Float64Array(n),
    goesLeft: new Uint8Array(n),
  };
}
