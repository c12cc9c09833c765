// Reference: tests/reference/arima_reference.py — CSS by scipy 1.10 least_squares on the conditional
// residuals (statsmodels 0.13 has no CSS for MA terms), statsmodels AutoReg for pure AR, statsmodels
// SARIMAX for exact ML (loose comparison) and for forecasts filtered with the CSS parameters.
import { describe, expect, it } from 'vitest';
import { arimaFit } from '../../../workers/kernels/arima';
import { arimaForecast, selectArimaOrder } from '../../../workers/kernels/arima-forecast';
import { normalQuantile } from '../../../workers/kernels/normal';
import ref from '../../reference/arima_reference.json';
import { expectClose, kernelErrorCode } from './expect-kernel-error';

describe('ARIMA CSS fits', () => {
  for (const c of ref.cases) {
    const [p, d, q] = c.order as [number, number, number];
    const series = Float64Array.from(c.series);
    const fit = arimaFit(series, { p, d, q }, { includeMean: c.includeMean });
    const params = [...fit.ar, ...fit.ma, ...(c.includeMean ? [fit.mean] : [])];

    describe(`${c.name}: ARIMA(${p},${d},${q})`, () => {
      it('matches the least-squares CSS optimum (params 1e-6, σ² relative 1e-9)', () => {
        expectClose(params, c.css.params, 1e-6);
        expect(Math.abs(fit.sigma2 / c.css.sigma2 - 1)).toBeLessThan(1e-9);
        expect(Math.abs(fit.aic - c.css.aic)).toBeLessThan(1e-6);
      });

      it('is within 0.02 of statsmodels exact ML (CSS ≠ ML: O(1/n) apart)', () => {
        // SARIMAX order: [intercept], ar…, ma…, sigma2.
        const ml = c.exactMl.params;
        const offset = c.includeMean ? 1 : 0;
        expectClose([...fit.ar, ...fit.ma], ml.slice(offset, offset + p + q), 0.02);
        expect(Math.abs(fit.sigma2 / ml.at(-1)! - 1)).toBeLessThan(0.02);
      });

      it('forecasts 12 steps like SARIMAX filtered with the same parameters (1e-6)', () => {
        const f = arimaForecast(series, fit, 12);
        expectClose(f.mean, c.forecast.mean, 1e-6);
        expectClose(f.standardError, c.forecast.se, 1e-6);
        expectClose(f.lower, c.forecast.lower, 1e-6);
        expectClose(f.upper, c.forecast.upper, 1e-6);
      });
    });
  }

  it('pure AR equals statsmodels AutoReg (conditional OLS) to 1e-9', () => {
    const c = ref.cases[0]!;
    const fit = arimaFit(Float64Array.from(c.series), { p: 2, d: 0, q: 0 });
    expectClose([fit.intercept, ...fit.ar], c.autoReg!.params, 1e-9);
    expect(Math.abs(fit.sigma2 / c.autoReg!.sigma2 - 1)).toBeLessThan(1e-12);
  });
});

describe('AIC order selection', () => {
  it('computes the same AIC grid and picks ARMA(1,1) for an ARMA(1,1) series', () => {
    const s = ref.selection;
    const series = Float64Array.from(ref.cases[s.case]!.series);
    const result = selectArimaOrder(series, 0, s.pMax, s.qMax);
    expectClose(result.aic, s.aic, 1e-5);
    expect([result.best.order.p, result.best.order.q]).toEqual([1, 1]);
  });
});

describe('ARIMA bad input', () => {
  const series = Float64Array.from(ref.cases[0]!.series);
  it('rejects NaN, constant and too-short series and impossible orders', () => {
    expect(kernelErrorCode(() => arimaFit(Float64Array.of(1, 2, NaN, 4), { p: 1, d: 0, q: 0 }))).toBe(
      'NON_FINITE',
    );
    expect(kernelErrorCode(() => arimaFit(new Float64Array(50).fill(3), { p: 1, d: 0, q: 0 }))).toBe(
      'CONSTANT_INPUT',
    );
    const line = Float64Array.from({ length: 50 }, (_, i) => 2 * i);
    expect(kernelErrorCode(() => arimaFit(line, { p: 0, d: 1, q: 1 }))).toBe('CONSTANT_INPUT');
    expect(kernelErrorCode(() => arimaFit(series.subarray(0, 8), { p: 2, d: 0, q: 1 }))).toBe(
      'TOO_FEW_SAMPLES',
    );
    expect(kernelErrorCode(() => arimaFit(series, { p: -1, d: 0, q: 0 }))).toBe('INVALID_PARAMETER');
    expect(kernelErrorCode(() => arimaFit(series, { p: 1, d: 1, q: 0 }, { includeMean: true }))).toBe(
      'INVALID_PARAMETER',
    );
    const fit = arimaFit(series, { p: 1, d: 0, q: 0 });
    expect(kernelErrorCode(() => arimaForecast(series.subarray(1), fit, 5))).toBe('LENGTH_MISMATCH');
    expect(kernelErrorCode(() => arimaForecast(series, fit, 0))).toBe('INVALID_PARAMETER');
  });

  it('normal quantiles match known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });
});
