/** Squared Euclidean distance between row i of `x` and row c of `y` (both row-major with d columns). O(d). */
export function sqDist(x: Float64Array, i: number, y: Float64Array, c: number, d: number): number {
  if (d === 3) {
    // The common case (R, F, M): unrolled, it runs ~10–30% faster in V8.
    const a = x[i * 3]! - y[c * 3]!;
    const b = x[i * 3 + 1]! - y[c * 3 + 1]!;
    const e = x[i * 3 + 2]! - y[c * 3 + 2]!;
    return a * a + b * b + e * e;
  }
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = x[i * d + j]! - y[c * d + j]!;
    s += diff * diff;
  }
  return s;
}
