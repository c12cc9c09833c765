/**
 * Ward and DBSCAN fitted on a sample, then extended to every customer (see segments.ts for why).
 * DBSCAN's extension finds the nearest core point through a grid of cell size eps, so a million customers
 * cost a few cell lookups each rather than a scan of all cores.
 */
import { dbscan } from '../kernels/dbscan';
import type { Matrix } from '../kernels/errors';
import { wardClustering } from '../kernels/ward';
import type { SegmentsRequest } from './contract';
import { AnalysisError } from './data';
import { nearestCentre } from './common';

/** Labels for every row of `all`, from a clustering of `sample` (rows `sampleRows` of all). */
export function clusterSample(
  all: Matrix,
  sample: Matrix,
  sampleRows: Int32Array,
  request: SegmentsRequest,
): Int32Array {
  const labels = new Int32Array(all.rows);
  if (request.method === 'ward') {
    const fit = wardClustering(sample, { k: request.k });
    const centres = clusterMeans(sample, fit.labels, request.k);
    for (let i = 0; i < all.rows; i++) labels[i] = nearestCentre(all, i, centres, request.k);
    // Sampled rows keep the label Ward gave them (the nearest mean can differ at a boundary).
    sampleRows.forEach((row, i) => (labels[row] = fit.labels[i]!));
    return labels;
  }
  const fit = dbscan(sample, { eps: request.eps, minSamples: request.minSamples });
  if (fit.clusters === 0)
    throw new AnalysisError(
      'analysis_invalid',
      `DBSCAN found no cluster: every customer is noise at eps ${request.eps}; raise eps or lower the core size`,
    );
  const grid = new CoreGrid(sample, fit.coreMask, fit.labels, request.eps);
  for (let i = 0; i < all.rows; i++) labels[i] = grid.labelNear(all, i);
  sampleRows.forEach((row, i) => (labels[row] = fit.labels[i]!));
  return labels;
}

function clusterMeans(x: Matrix, labels: Int32Array, k: number): Float64Array {
  const d = x.cols;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  labels.forEach((label, i) => {
    counts[label]!++;
    for (let j = 0; j < d; j++) sums[label * d + j]! += x.data[i * d + j]!;
  });
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) sums[c * d + j]! /= counts[c]! || 1;
  return sums;
}

/** Core points hashed by their eps-cell; a query looks at the 3^d neighbouring cells. */
class CoreGrid {
  private cells = new Map<string, number[]>();
  constructor(
    private readonly cores: Matrix,
    coreMask: Uint8Array,
    private readonly labels: Int32Array,
    private readonly eps: number,
  ) {
    for (let i = 0; i < cores.rows; i++) {
      if (!coreMask[i]) continue;
      const key = this.cellOf(cores.data, i * cores.cols).join(',');
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    }
  }

  private cellOf(data: Float64Array, offset: number): number[] {
    return Array.from({ length: this.cores.cols }, (_, j) => Math.floor(data[offset + j]! / this.eps));
  }

  /** Cluster of the nearest core point within eps of row i of x, else −1 (noise). */
  labelNear(x: Matrix, i: number): number {
    const d = x.cols;
    const home = this.cellOf(x.data, i * d);
    let best = -1;
    let bestDistance = this.eps * this.eps;
    const offset = new Array<number>(d).fill(-1);
    for (;;) {
      const cell = this.cells.get(home.map((h, j) => h + offset[j]!).join(','));
      for (const core of cell ?? []) {
        let distance = 0;
        for (let j = 0; j < d; j++) distance += (x.data[i * d + j]! - this.cores.data[core * d + j]!) ** 2;
        if (distance <= bestDistance) [best, bestDistance] = [this.labels[core]!, distance];
      }
      let j = 0;
      while (j < d && offset[j] === 1) offset[j++] = -1;
      if (j === d) break;
      offset[j]!++;
    }
    return best;
  }
}
