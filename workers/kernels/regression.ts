/**
 * Linear least squares (OLS) and L2-regularised logistic regression.
 *
 * Reference values: tests/reference/regression_reference.py → regression_reference.json
 * (statsmodels 0.13 OLS, scikit-learn 1.2 LogisticRegression + StandardScaler).
 */

import { KernelError, type Matrix, requireFinite, requireMatrix, requireSameLength } from './errors';

export interface OlsResult {
  /** Intercept first when `intercept` is on, then one per column. */
  coefficients: Float64Array;
  standardErrors: Float64Array;
  tValues: Float64Array;
  rSquared: number;
  adjustedRSquared: number;
  /** √(SSR / dfResidual). */
  residualStdError: number;
  dfResidual: number;
}

/** Design matrix with an optional leading column of ones, column-major for the QR sweeps. */
function designColumns(x: Matrix, intercept: boolean): Float64Array[] {
  const cols: Float64Array[] = [];
  if (intercept) cols.push(new Float64Array(x.rows).fill(1));
  for (let j = 0; j < x.cols; j++) {
    const col = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) col[i] = x.data[i * x.cols + j]!;
    cols.push(col);
  }
  return cols;
}

/**
 * OLS by Householder QR of the design matrix (Golub & Van Loan §5.3) — no normal equations, so the
 * condition number is not squared. Matches statsmodels `OLS(y, add_constant(X)).fit()` (which uses the
 * pseudo-inverse): params, bse, tvalues, rsquared, rsquared_adj. R² is centred with an intercept and
 * uncentred without one, as in statsmodels. O(n·p²). Throws SINGULAR_MATRIX for collinear columns
 * (including a constant column next to the intercept).
 */
export function ols(x: Matrix, y: Float64Array, options: { intercept?: boolean } = {}): OlsResult {
  const intercept = options.intercept ?? true;
  requireMatrix('x', x);
  requireSameLength(['x rows', 'y'], [{ length: x.rows }, y]);
  requireFinite('y', y);
  const n = x.rows;
  const cols = designColumns(x, intercept);
  const p = cols.length;
  if (n <= p)
    throw new KernelError(
      'TOO_FEW_SAMPLES',
      `OLS with ${p} coefficients needs more than ${p} rows, got ${n}`,
    );
  const qty = Float64Array.from(y);
  const r = new Float64Array(p * p);
  let maxDiag = 0;
  for (let k = 0; k < p; k++) {
    const a = cols[k]!;
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[i]! * a[i]!;
    norm = Math.sqrt(norm);
    const alpha = a[k]! > 0 ? -norm : norm;
    // Householder vector v = a[k..] − alpha·e_k, applied to the remaining columns and to y.
    const v = a.subarray(k);
    v[0]! -= alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i]! * v[i]!;
    r[k * p + k] = alpha;
    maxDiag = Math.max(maxDiag, Math.abs(alpha));
    if (Math.abs(alpha) <= 1e-12 * maxDiag * Math.sqrt(n) || vv === 0) {
      throw new KernelError(
        'SINGULAR_MATRIX',
        `column ${k} is (nearly) a linear combination of earlier columns`,
      );
    }
    const reflect = (target: Float64Array): number => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * target[k + i]!;
      const f = (2 * dot) / vv;
      for (let i = 0; i < v.length; i++) target[k + i]! -= f * v[i]!;
      return target[k]!;
    };
    for (let j = k + 1; j < p; j++) r[k * p + j] = reflect(cols[j]!);
    reflect(qty);
  }
  // Back-substitute R β = (Qᵀy)[0..p); residual sum of squares is the tail of Qᵀy.
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) s -= r[i * p + j]! * beta[j]!;
    beta[i] = s / r[i * p + i]!;
  }
  let ssr = 0;
  for (let i = p; i < n; i++) ssr += qty[i]! * qty[i]!;
  let mean = 0;
  if (intercept) {
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean /= n;
  }
  let tss = 0;
  for (let i = 0; i < n; i++) tss += (y[i]! - mean) ** 2;
  if (!(tss > 0))
    throw new KernelError('CONSTANT_INPUT', 'y is constant; R² and standard errors are undefined');
  const df = n - p;
  const sigma2 = ssr / df;
  // diag((XᵀX)⁻¹) = row sums of squares of R⁻¹.
  const rInv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    rInv[j * p + j] = 1 / r[j * p + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r[i * p + m]! * rInv[m * p + j]!;
      rInv[i * p + j] = -s / r[i * p + i]!;
    }
  }
  const standardErrors = new Float64Array(p);
  const tValues = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = i; j < p; j++) s += rInv[i * p + j]! ** 2;
    standardErrors[i] = Math.sqrt(sigma2 * s);
    tValues[i] = beta[i]! / standardErrors[i]!;
  }
  const rSquared = 1 - ssr / tss;
  const adjustedRSquared = 1 - ((n - (intercept ? 1 : 0)) / df) * (1 - rSquared);
  return {
    coefficients: beta,
    standardErrors,
    tValues,
    rSquared,
    adjustedRSquared,
    residualStdError: Math.sqrt(sigma2),
    dfResidual: df,
  };
}
