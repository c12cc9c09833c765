"""ARIMA reference values (run: /usr/bin/python3 tests/reference/arima_reference.py → arima_reference.json).

statsmodels 0.13 has no CSS estimator for MA terms (the old arima_model.ARIMA(method='css') was removed),
so CSS estimates come from scipy.optimize.least_squares on the conditional residuals written out here,
independently of the TypeScript; pure AR is also checked against statsmodels AutoReg (conditional OLS =
CSS). statsmodels SARIMAX supplies exact-ML estimates (different by O(1/n), compared loosely) and, filtered
with the CSS parameters, the reference forecasts and standard errors.
"""
import json
import os
import warnings

import numpy as np
import scipy
import statsmodels
from scipy.optimize import least_squares
from statsmodels.tsa.ar_model import AutoReg
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.simplefilter("ignore")
rng = np.random.RandomState(17)


def simulate(ar, ma, n, mean=0.0, d=0, burn=200):
    e = rng.normal(0, 1.5, n + burn)
    w = np.zeros(n + burn)
    for t in range(n + burn):
        w[t] = e[t] + sum(a * w[t - i - 1] for i, a in enumerate(ar) if t - i - 1 >= 0) \
            + sum(b * e[t - j - 1] for j, b in enumerate(ma) if t - j - 1 >= 0)
    w = w[burn:] + mean
    for _ in range(d):
        w = np.cumsum(w) + 50.0
    return w


def css_residuals(params, w, p, q, with_mean, m):
    mu = params[p + q] if with_mean else 0.0
    e = np.zeros(len(w))
    for t in range(m, len(w)):
        pred = mu + sum(params[i] * (w[t - i - 1] - mu) for i in range(p))
        pred += sum(params[p + j] * e[t - j - 1] for j in range(q) if t - j - 1 >= m)
        e[t] = w[t] - pred
    return e[m:]


def css_fit(y, p, d, q, with_mean, m=None):
    m = p if m is None else m
    w = np.diff(y, n=d) if d else np.asarray(y, float)
    x0 = np.zeros(p + q + (1 if with_mean else 0))
    if with_mean:
        x0[-1] = w.mean()
    res = least_squares(css_residuals, x0, args=(w, p, q, with_mean, m), method="lm", xtol=1e-15, ftol=1e-15,
                        gtol=1e-15, max_nfev=100000)
    css = float(np.sum(res.fun ** 2))
    n_used = len(w) - m
    sigma2 = css / n_used
    llf = -n_used / 2 * (np.log(2 * np.pi * sigma2) + 1)
    return {"params": res.x.tolist(), "css": css, "sigma2": sigma2, "aic": -2 * llf + 2 * (len(x0) + 1)}


out = {"provenance": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__}",
       "cases": []}
cases = [
    ("ar2_mean", simulate([0.6, -0.3], [], 300, mean=20.0), (2, 0, 0), True),
    ("arma11_mean", simulate([0.5], [0.4], 400, mean=-3.0), (1, 0, 1), True),
    ("arima111", simulate([0.4], [0.3], 400, d=1), (1, 1, 1), False),
    ("arima011", simulate([], [-0.5], 300, d=1), (0, 1, 1), False),
]
for name, y, (p, d, q), with_mean in cases:
    css = css_fit(y, p, d, q, with_mean)
    case = {"name": name, "series": y.tolist(), "order": [p, d, q], "includeMean": with_mean, "css": css}
    # Exact ML for a loose comparison.
    ml = SARIMAX(y, order=(p, d, q), trend="c" if with_mean else "n").fit(disp=False)
    case["exactMl"] = {"params": ml.params.tolist(), "names": ml.model.param_names}
    # Forecasts from SARIMAX filtered with the CSS parameters, in its parameterisation.
    par = np.array(css["params"])
    mean = par[p + q] if with_mean else 0.0
    sm_params = ([mean * (1 - par[:p].sum())] if with_mean else []) + par[:p + q].tolist() + [css["sigma2"]]
    filt = SARIMAX(y, order=(p, d, q), trend="c" if with_mean else "n").filter(np.array(sm_params))
    fc = filt.get_forecast(12)
    ci = fc.conf_int(alpha=0.05)
    case["forecast"] = {"mean": fc.predicted_mean.tolist(), "se": fc.se_mean.tolist(),
                        "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist()}
    if p > 0 and q == 0:
        ar = AutoReg(y, lags=p, trend="c").fit()
        case["autoReg"] = {"params": ar.params.tolist(), "sigma2": float(ar.sigma2)}
    out["cases"].append(case)

# AIC order selection on the ARMA(1,1) series, every model conditioned on the first pMax = 2 values.
y = np.array(out["cases"][1]["series"])
out["selection"] = {"case": 1, "pMax": 2, "qMax": 2, "aic": [
    css_fit(y, p, 0, q, True, m=2)["aic"] for p in range(3) for q in range(3)]}

with open(os.path.join(os.path.dirname(__file__), "arima_reference.json"), "w") as f:
    json.dump(out, f)
