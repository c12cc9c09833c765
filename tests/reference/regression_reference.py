"""OLS (statsmodels), logistic regression and classification metrics (scikit-learn) reference values
(run: /usr/bin/python3 tests/reference/regression_reference.py → regression_reference.json).
Inputs are generated with a fixed numpy seed and stored in the JSON.
"""
import json
import os

import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, precision_score, recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler

rng = np.random.RandomState(3)
out = {"provenance": f"statsmodels {statsmodels.__version__}, scikit-learn {sklearn.__version__}, numpy {np.__version__}"}

# OLS: 3 correlated features with very different scales (revenue-like, tenure-like, count-like).
n = 120
X = np.column_stack([rng.gamma(2, 500, n), rng.uniform(0, 60, n), rng.poisson(4, n).astype(float)])
X[:, 2] += 0.01 * X[:, 1]
y = 12.0 + 0.03 * X[:, 0] - 0.4 * X[:, 1] + 2.5 * X[:, 2] + rng.normal(0, 8, n)
fit = sm.OLS(y, sm.add_constant(X)).fit()
fit_nc = sm.OLS(y, X).fit()
out["ols"] = {
    "x": X.ravel().tolist(), "rows": n, "cols": 3, "y": y.tolist(),
    "params": fit.params.tolist(), "bse": fit.bse.tolist(), "tvalues": fit.tvalues.tolist(),
    "rsquared": fit.rsquared, "rsquaredAdj": fit.rsquared_adj, "scale": fit.scale, "dfResid": fit.df_resid,
    "noConstant": {"params": fit_nc.params.tolist(), "bse": fit_nc.bse.tolist(), "rsquared": fit_nc.rsquared,
                   "rsquaredAdj": fit_nc.rsquared_adj},
}

# Logistic regression on standardised features, lbfgs converged tightly.
n = 300
Z = np.column_stack([rng.normal(50, 20, n), rng.exponential(3, n), rng.binomial(1, 0.4, n).astype(float)])
logit = -1.0 + 0.04 * (Z[:, 0] - 50) + 0.3 * Z[:, 1] - 0.8 * Z[:, 2]
labels = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
scaler = StandardScaler().fit(Z)
out["logistic"] = {"x": Z.ravel().tolist(), "rows": n, "cols": 3, "labels": labels.tolist(), "fits": []}
for C in (0.05, 1.0, 100.0):
    clf = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000).fit(scaler.transform(Z), labels)
    out["logistic"]["fits"].append({
        "C": C, "coef": clf.coef_[0].tolist(), "intercept": float(clf.intercept_[0]),
        "proba": clf.predict_proba(scaler.transform(Z))[:, 1].tolist(),
    })

# Churn features as the app builds them (tenure, recency, frequency, monetary, cases, CSAT, activities of the
# English demo data generated for 2026-12-03T09:02:54Z, a 90-day horizon, seed 42's training rows): monetary is
# heavily skewed, and a Newton fit stopped on the gradient alone once stalled on it above its tolerance.
with open(os.path.join(os.path.dirname(__file__), "logistic_skewed_input.json")) as f:
    skewed = json.load(f)
S = np.array(skewed["x"]).reshape(skewed["rows"], skewed["cols"])
skewed_scaler = StandardScaler().fit(S)
clf = LogisticRegression(C=1.0, solver="lbfgs", tol=1e-12, max_iter=100000).fit(
    skewed_scaler.transform(S), skewed["labels"])
out["logisticSkewed"] = {
    "x": skewed["x"], "rows": skewed["rows"], "cols": skewed["cols"], "labels": skewed["labels"],
    "coef": clf.coef_[0].tolist(), "intercept": float(clf.intercept_[0]),
}

# Metrics on the C = 1 fit, scores rounded to 2 decimals so there are many ties for ROC AUC.
proba = np.array(out["logistic"]["fits"][1]["proba"])
scores = np.round(proba, 2)
pred = (proba >= 0.5).astype(int)
multi_true = rng.randint(0, 4, size=200)
multi_pred = np.where(rng.uniform(size=200) < 0.6, multi_true, rng.randint(0, 4, size=200))
out["metrics"] = {
    "yTrue": labels.tolist(), "yPred": pred.tolist(), "scores": scores.tolist(),
    "accuracy": accuracy_score(labels, pred), "precision": precision_score(labels, pred),
    "recall": recall_score(labels, pred), "rocAuc": roc_auc_score(labels, scores),
    "rocAucUntied": roc_auc_score(labels, proba),
    "multiTrue": multi_true.tolist(), "multiPred": multi_pred.tolist(),
    "confusion": confusion_matrix(multi_true, multi_pred, labels=[0, 1, 2, 3]).ravel().tolist(),
}

with open(os.path.join(os.path.dirname(__file__), "regression_reference.json"), "w") as f:
    json.dump(out, f)
