/** Small helpers shared by the analyses: calendar months, sampling, standardising, write-back tokens. */
import type { OrderData, ScoreWrite } from '../db/features/analytics/api';
import type { Matrix } from '../kernels/errors';
import { monthOfDay } from '../kernels/clv';
import { createRng, sampleWithoutReplacement } from '../kernels/random';
import { sqDist } from '../kernels/distance';

export { monthOfDay };

/** Day number of the first day of month number m ((year − 1970) · 12 + month − 1). */
export const firstDayOfMonth = (month: number): number =>
  Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / 86_400_000;

/** Up to `size` distinct indices of 0..n−1, ascending (all of them when n ≤ size). Seeded. */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  return sampleWithoutReplacement(n, size, createRng(seed)).sort();
}

/** Rows `rows` of `m` as a new matrix. */
export function takeRows(m: Matrix, rows: Int32Array): Matrix {
  const data = new Float64Array(rows.length * m.cols);
  rows.forEach((r, i) => data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return { data, rows: rows.length, cols: m.cols };
}

/** Z-scores per column (population std; a constant column becomes 0), returning the transform. */
export function standardise(m: Matrix): { matrix: Matrix; mean: Float64Array; scale: Float64Array } {
  const { rows, cols } = m;
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += m.data[i * cols + j]! / rows;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) scale[j]! += (m.data[i * cols + j]! - mean[j]!) ** 2 / rows;
  for (let j = 0; j < cols; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) data[i * cols + j] = (m.data[i * cols + j]! - mean[j]!) / scale[j]!;
  return { matrix: { data, rows, cols }, mean, scale };
}

/** Indices of the `n` largest values, largest first. */
export function topIndices(
  values: ArrayLike<number>,
  n: number,
  include: (i: number) => boolean = () => true,
) {
  const picked: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    if (picked.length < n || values[i]! > values[picked[picked.length - 1]!]!) {
      let at = picked.length;
      while (at > 0 && values[picked[at - 1]!]! < values[i]!) at--;
      picked.splice(at, 0, i);
      if (picked.length > n) picked.pop();
    }
  }
  return picked;
}

/** Equal-width histogram of the finite values among `include`d positions. */
export function histogram(values: ArrayLike<number>, bins: number, include: (i: number) => boolean) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  if (lo === Infinity) return [];
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    counts[Math.min(bins - 1, Math.floor((values[i]! - lo) / width))]!++;
  }
  return counts.map((customers, b) => ({ from: lo + b * width, to: lo + (b + 1) * width, customers }));
}

/** Per-customer values waiting for the user's "write back", by token (the newest few only). */
export class PendingWrites {
  private pending = new Map<string, Omit<ScoreWrite, 'labels'>>();
  private counter = 0;

  add(write: Omit<ScoreWrite, 'labels'>): string {
    const token = `${write.kind}-${++this.counter}`;
    this.pending.set(token, write);
    // A million-customer result holds 8 MB: keep only the latest of each kind.
    for (const [key, value] of this.pending)
      if (key !== token && value.kind === write.kind) this.pending.delete(key);
    return token;
  }

  take(token: string): Omit<ScoreWrite, 'labels'> | undefined {
    return this.pending.get(token);
  }
}

/** Nearest of k centres (k × d, row-major) for row i of x. */
export function nearestCentre(x: Matrix, i: number, centres: Float64Array, k: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const distance = sqDist(x.data, i, centres, c, x.cols);
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  return best;
}

/** Sales per calendar month from the sales columns, first to last month with sales, gaps as 0. O(sales). */
export function monthlyRevenue(orders: OrderData): { months: Int32Array; revenue: Float64Array } {
  if (orders.day.length === 0) return { months: new Int32Array(0), revenue: new Float64Array(0) };
  let first = Infinity;
  let last = -Infinity;
  const monthOf = new Int32Array(orders.day.length);
  for (let i = 0; i < orders.day.length; i++) {
    const month = monthOfDay(orders.day[i]!);
    monthOf[i] = month;
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const revenue = new Float64Array(last - first + 1);
  for (let i = 0; i < monthOf.length; i++) revenue[monthOf[i]! - first]! += orders.amount[i]!;
  return { months: Int32Array.from(revenue, (_, k) => first + k), revenue };
}
