/**
 * h-step ARIMA forecasts with normal prediction intervals, and AIC order selection over a (p, q) grid.
 *
 * Point forecasts run the fitted recursion forward with future shocks 0 and undo the differencing; the
 * h-step variance is σ² Σ_{j<h} ψ_j², ψ the MA(∞) weights of φ(B)(1−B)^d ψ(B) = θ(B) (Box & Jenkins §5.2;
 * the same as statsmodels' SARIMAX `get_forecast` once its Kalman filter has reached steady state).
 * Reference: tests/reference/arima_reference.py. O(h·(p + d + q) + h²) per forecast.
 */

import { type ArimaFit, type ArimaOrder, arimaFit, difference } from './arima';
import { KernelError, requireInteger, requireNumberIn } from './errors';
import { normalQuantile } from './normal';

export interface ArimaForecast {
  mean: Float64Array;
  standardError: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/** ψ_0..ψ_{h−1} of the ARIMA model including the differencing. */
export function psiWeights(fit: ArimaFit, h: number): Float64Array {
  // φ*(B) = φ(B)(1 − B)^d as coefficients of B^1.. in the form (1 − Σ φ*_i B^i).
  let poly = [1, ...Array.from(fit.ar, (v) => -v)];
  for (let k = 0; k < fit.order.d; k++)
    poly = poly.map((v, i) => v - (i > 0 ? poly[i - 1]! : 0)).concat(-poly.at(-1)!);
  const phiStar = poly.slice(1).map((v) => -v);
  const psi = new Float64Array(h);
  psi[0] = 1;
  for (let j = 1; j < h; j++) {
    let s = j <= fit.ma.length ? fit.ma[j - 1]! : 0;
    for (let i = 1; i <= Math.min(j, phiStar.length); i++) s += phiStar[i - 1]! * psi[j - i]!;
    psi[j] = s;
  }
  return psi;
}

/**
 * Forecasts h steps past the end of `series` (the series `fit` was fitted on) with `level` prediction
 * intervals, as statsmodels SARIMAX `get_forecast(h).summary_frame(alpha = 1 − level)`. O(h·(p+d+q) + h²).
 */
export function arimaForecast(series: Float64Array, fit: ArimaFit, h: number, level = 0.95): ArimaForecast {
  requireInteger('h', h, 1, 10_000);
  requireNumberIn('level', level, 1e-6, 1 - 1e-9);
  const { p, d, q } = fit.order;
  const w = difference(series, d);
  if (w.length !== fit.residuals.length) {
    throw new KernelError('LENGTH_MISMATCH', 'forecast needs the series the model was fitted on');
  }
  const n = w.length;
  const ext = new Float64Array(n + h);
  ext.set(w);
  for (let t = n; t < n + h; t++) {
    let v = fit.mean;
    for (let i = 1; i <= p; i++) v += fit.ar[i - 1]! * (ext[t - i]! - fit.mean);
    for (let j = 1; j <= q; j++) if (t - j < n) v += fit.ma[j - 1]! * fit.residuals[t - j]!;
    ext[t] = v;
  }
  // Undo the differencing level by level, from the last observed value of each level.
  let forecast = ext.slice(n);
  for (let level_ = d; level_ >= 1; level_--) {
    const base = difference(series, level_ - 1);
    let last = base[base.length - 1]!;
    forecast = forecast.map((v) => (last += v));
  }
  const psi = psiWeights(fit, h);
  const z = normalQuantile(0.5 + level / 2);
  const standardError = new Float64Array(h);
  let acc = 0;
  for (let j = 0; j < h; j++) {
    acc += psi[j]! * psi[j]!;
    standardError[j] = Math.sqrt(fit.sigma2 * acc);
  }
  return {
    mean: forecast,
    standardError,
    lower: forecast.map((v, j) => v - z * standardError[j]!),
    upper: forecast.map((v, j) => v + z * standardError[j]!),
  };
}

export interface OrderSelection {
  best: ArimaFit;
  /** AIC of every (p, q) tried, row-major (pMax + 1) × (qMax + 1); Infinity where the fit failed. */
  aic: Float64Array;
}

/**
 * Fits every ARIMA(p, d, q) with p ≤ pMax, q ≤ qMax on the same residual sample (conditioning on the first
 * pMax values, so AICs are comparable) and keeps the lowest AIC. O((pMax+1)(qMax+1) · fit).
 */
export function selectArimaOrder(
  series: Float64Array,
  d: number,
  pMax: number,
  qMax: number,
): OrderSelection {
  requireInteger('pMax', pMax, 0, 5);
  requireInteger('qMax', qMax, 0, 5);
  const aic = new Float64Array((pMax + 1) * (qMax + 1)).fill(Infinity);
  let best: ArimaFit | undefined;
  let lastError: unknown;
  for (let p = 0; p <= pMax; p++) {
    for (let q = 0; q <= qMax; q++) {
      const order: ArimaOrder = { p, d, q };
      try {
        const fit = arimaFit(series, order, { conditionOn: pMax });
        aic[p * (qMax + 1) + q] = fit.aic;
        if (!best || fit.aic < best.aic) best = fit;
      } catch (error) {
        if (!(error instanceof KernelError) || error.code !== 'NOT_CONVERGED') throw error;
        lastError = error;
      }
    }
  }
  if (!best) throw lastError;
  return { best, aic };
}
