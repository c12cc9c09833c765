/**
 * ARIMA(p, d, q) by conditional sum of squares (CSS), AIC order selection, and h-step forecasts.
 *
 * Model on w = Δ^d y: (w_t − μ) = Σ φ_i (w_{t−i} − μ) + e_t + Σ θ_j e_{t−j} (statsmodels' MA sign), with
 * μ only when d = 0. CSS (Box & Jenkins, "Time Series Analysis", §7.1.2; R `arima(method = "CSS")`)
 * minimises Σ_{t=m}^{n−1} e_t² with the first m = p values as given and pre-sample e = 0, by
 * Levenberg–Marquardt with the exact Jacobian of the residual recursion. σ² = CSS / (n − m),
 * log L = −(n−m)/2 · (ln 2πσ² + 1), AIC = −2 log L + 2 (p + q + [μ] + 1). CSS is not exact maximum
 * likelihood: estimates differ from statsmodels' SARIMAX (Kalman, exact ML) by O(1/n); given the same
 * parameters, forecasts and intervals agree with SARIMAX's once its filter has converged.
 * Reference: tests/reference/arima_reference.py. Fit O(iterations · n · (p + q + 1)²).
 */

import { KernelError, requireFinite, requireInteger } from './errors';

export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
}

export interface ArimaFit {
  order: ArimaOrder;
  ar: Float64Array;
  ma: Float64Array;
  /** Mean μ of the (d = 0) series, 0 without a mean. */
  mean: number;
  /** μ(1 − Σφ): the constant of the regression form w_t = c + Σ φ_i w_{t−i} + … (statsmodels' `const`). */
  intercept: number;
  sigma2: number;
  css: number;
  logLikelihood: number;
  aic: number;
  /** Residuals e_t of the differenced series (0 for the m conditioning values). */
  residuals: Float64Array;
  iterations: number;
}

/** Δ^d of a series (numpy `np.diff(series, n=d)`): length n − d. O(n·d). */
export function difference(series: Float64Array, d: number): Float64Array {
  let w = series;
  for (let k = 0; k < d; k++) w = w.subarray(1).map((v, i) => v - w[i]!);
  return w;
}

/** Residuals and (optionally) their Jacobian columns for parameters [φ…, θ…, μ?]. */
function residualsOf(
  w: Float64Array,
  p: number,
  q: number,
  withMean: boolean,
  params: Float64Array,
  m: number,
  jac?: Float64Array[],
): Float64Array {
  const n = w.length;
  const mu = withMean ? params[p + q]! : 0;
  const e = new Float64Array(n);
  for (let t = m; t < n; t++) {
    let pred = mu;
    for (let i = 1; i <= p; i++) pred += params[i - 1]! * (w[t - i]! - mu);
    for (let j = 1; j <= q && t - j >= m; j++) pred += params[p + j - 1]! * e[t - j]!;
    e[t] = w[t]! - pred;
    if (!jac) continue;
    for (let k = 0; k < jac.length; k++) {
      const g = jac[k]!;
      // ∂e_t/∂β_k = −∂pred/∂β_k, where pred depends on β directly and through past residuals.
      let direct: number;
      if (k < p) direct = w[t - k - 1]! - mu;
      else if (k < p + q) direct = t - (k - p + 1) >= m ? e[t - (k - p + 1)]! : 0;
      else {
        direct = 1;
        for (let i = 0; i < p; i++) direct -= params[i]!;
      }
      let viaPast = 0;
      for (let j = 1; j <= q && t - j >= m; j++) viaPast += params[p + j - 1]! * g[t - j]!;
      g[t] = -(direct + viaPast);
    }
  }
  return e;
}

function sumSquares(e: Float64Array, m: number): number {
  let s = 0;
  for (let t = m; t < e.length; t++) s += e[t]! * e[t]!;
  return s;
}

/** Solves the small dense system A x = b (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array | null {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * k + c]!) > Math.abs(m[piv * k + c]!)) piv = r;
    if (!(Math.abs(m[piv * k + c]!) > 1e-300)) return null;
    for (let j = 0; j < k; j++) [m[c * k + j], m[piv * k + j]] = [m[piv * k + j]!, m[c * k + j]!];
    [x[c], x[piv]] = [x[piv]!, x[c]!];
    for (let r = c + 1; r < k; r++) {
      const f = m[r * k + c]! / m[c * k + c]!;
      for (let j = c; j < k; j++) m[r * k + j]! -= f * m[c * k + j]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    for (let j = r + 1; j < k; j++) x[r]! -= m[r * k + j]! * x[j]!;
    x[r]! /= m[r * k + r]!;
  }
  return x;
}

/**
 * Fits ARIMA(p, d, q) by CSS. `conditionOn` (≥ p, default p) sets m, so that models of different p compared
 * by AIC can use the same residual sample.
 */
export function arimaFit(
  series: Float64Array,
  order: ArimaOrder,
  options: { includeMean?: boolean; conditionOn?: number } = {},
): ArimaFit {
  const { p, d, q } = order;
  requireInteger('p', p, 0, 10);
  requireInteger('d', d, 0, 2);
  requireInteger('q', q, 0, 10);
  requireFinite('series', series);
  const withMean = options.includeMean ?? d === 0;
  if (withMean && d > 0) throw new KernelError('INVALID_PARAMETER', 'a mean is only estimated when d = 0');
  const m = options.conditionOn ?? p;
  requireInteger('conditionOn', m, p, 1000);
  const w = difference(series, d);
  const k = p + q + (withMean ? 1 : 0);
  if (w.length - m < Math.max(10, 2 * k + 2)) {
    throw new KernelError(
      'TOO_FEW_SAMPLES',
      `ARIMA(${p},${d},${q}) needs more observations, got ${series.length}`,
    );
  }
  let spread = 0;
  for (let t = 1; t < w.length; t++) spread = Math.max(spread, Math.abs(w[t]! - w[0]!));
  if (!(spread > 0)) throw new KernelError('CONSTANT_INPUT', 'the (differenced) series is constant');
  const params = new Float64Array(k);
  if (withMean) params[p + q] = w.reduce((s, v) => s + v, 0) / w.length;
  const jac = Array.from({ length: k }, () => new Float64Array(w.length));
  let e = residualsOf(w, p, q, withMean, params, m, jac);
  let css = sumSquares(e, m);
  let lambda = 1e-3;
  let iterations = 0;
  for (; iterations < 500 && k > 0; iterations++) {
    const jtj = new Float64Array(k * k);
    const jtr = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      for (let t = m; t < w.length; t++) jtr[a]! -= jac[a]![t]! * e[t]!;
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let t = m; t < w.length; t++) s += jac[a]![t]! * jac[b]![t]!;
        jtj[a * k + b] = jtj[b * k + a] = s;
      }
    }
    let gradient = 0;
    for (let a = 0; a < k; a++)
      gradient = Math.max(gradient, Math.abs(jtr[a]!) / Math.sqrt(jtj[a * k + a]! * css + 1e-300));
    if (gradient < 1e-12) break;
    let improved = false;
    while (lambda < 1e12) {
      const damped = Float64Array.from(jtj);
      for (let a = 0; a < k; a++) damped[a * k + a]! *= 1 + lambda;
      const step = solve(damped, jtr, k);
      if (!step) break;
      const trial = params.map((v, a) => v + step[a]!);
      const trialE = residualsOf(w, p, q, withMean, trial, m);
      const trialCss = sumSquares(trialE, m);
      if (Number.isFinite(trialCss) && trialCss <= css) {
        params.set(trial);
        const decrease = css - trialCss;
        e = residualsOf(w, p, q, withMean, params, m, jac);
        css = trialCss;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = decrease > 1e-15 * css;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  if (iterations >= 500)
    throw new KernelError('NOT_CONVERGED', `CSS fit of ARIMA(${p},${d},${q}) did not converge`);
  const nUsed = w.length - m;
  const sigma2 = css / nUsed;
  if (!(sigma2 > 0)) throw new KernelError('CONSTANT_INPUT', 'the model fits the series exactly; σ² is 0');
  const logLikelihood = (-nUsed / 2) * (Math.log(2 * Math.PI * sigma2) + 1);
  const ar = params.slice(0, p);
  const mean = withMean ? params[p + q]! : 0;
  return {
    order,
    ar,
    ma: params.slice(p, p + q),
    mean,
    intercept: mean * (1 - ar.reduce((s, v) => s + v, 0)),
    sigma2,
    css,
    logLikelihood,
    aic: -2 * logLikelihood + 2 * (k + 1),
    residuals: e,
    iterations,
  };
}
