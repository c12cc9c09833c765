"""Random forest and gradient boosting reference with scikit-learn
(run: /usr/bin/python3 tests/reference/ensembles_reference.py → ensembles_reference.json).

Churn-like data: integer, quarter and 1/64 feature values, all exact in float32 (sklearn trees convert X to
float32, the kernels keep float64, so only float32-exact inputs give identical splits).

- regressionTree: DecisionTreeRegressor(criterion='friedman_mse') on the churn log-odds — boosting's base learner.
- weightedTrees: DecisionTreeClassifier(max_features=k, random_state=r).fit(X, y, sample_weight=bootstrap
  counts) — one forest tree with its bootstrap made explicit, so it can be matched exactly.
- forests: RandomForestClassifier for random_state 0..9 — the spread of held-out accuracy, ROC AUC and
  importances across seeds (our forest draws its own bootstraps, so only these statistics are comparable).
- boosting: GradientBoostingClassifier (deterministic with subsample=1) — predict_proba, decision_function
  and feature_importances_, plus each stage's splitter state to break exact feature ties the same way.
- subsampledBoosting: GradientBoostingClassifier(subsample=0.5) for random_state 0..9 — metric spread.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.RandomState(42)
n = 1200
tenure = rng.randint(1, 73, n)                                    # months
monthly = np.round(rng.uniform(20, 120, n) * 4) / 4               # monthly charges
tickets = rng.poisson(1.5, n)                                     # support cases
contract = rng.choice([0, 1, 2], n, p=[0.5, 0.3, 0.2])            # month-to-month, 1 year, 2 years
login_days = np.minimum(np.floor(rng.exponential(20, n)), 365)    # days since last login
products = rng.randint(1, 6, n)
csat = rng.randint(1, 6, n)                                       # satisfaction 1..5
noise = np.round(rng.uniform(-1, 1, n) * 64) / 64
X = np.column_stack([tenure, monthly, tickets, contract, login_days, products, csat, noise]).astype(float)
logit = (1.2 - 0.06 * tenure + 0.025 * (monthly - 70) + 0.4 * tickets - 1.0 * contract
         + 0.05 * login_days - 0.2 * (products - 1) - 0.3 * (csat - 3))
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
assert np.all(X.astype(np.float32) == X)
n_train = 900
X_train, y_train, X_test, y_test = X[:n_train], y[:n_train], X[n_train:], y[n_train:]

RAND_R_MAX = 0x7FFFFFFF


def tree_dict(tree):
    t = tree.tree_
    return {
        "feature": [int(f) if f >= 0 else -1 for f in t.feature], "threshold": t.threshold.tolist(),
        "left": t.children_left.tolist(), "right": t.children_right.tolist(), "impurity": t.impurity.tolist(),
        "counts": t.value[:, 0, :].ravel().tolist(), "importances": tree.feature_importances_.tolist(),
    }


weighted_trees = []
for cfg, seed in [({"max_features": 3}, 0), ({"max_features": 2, "criterion": "entropy", "max_depth": 5,
                                                "min_samples_leaf": 3}, 7)]:
    counts = np.bincount(np.random.RandomState(100 + seed).randint(0, n_train, n_train), minlength=n_train)
    tree = DecisionTreeClassifier(random_state=seed, **cfg).fit(X_train, y_train, sample_weight=counts)
    weighted_trees.append({
        "config": cfg, "sampleWeight": counts.tolist(),
        "randRState": int(np.random.RandomState(seed).randint(0, RAND_R_MAX)),
        **tree_dict(tree), "testProba": tree.predict_proba(X_test)[:, 1].tolist(),
    })


regressor = DecisionTreeRegressor(criterion="friedman_mse", max_depth=4, min_samples_leaf=5, random_state=3)
regressor.fit(X_train, logit[:n_train])
regression_tree = {
    "config": {"max_depth": 4, "min_samples_leaf": 5}, "target": logit[:n_train].tolist(),
    "randRState": int(np.random.RandomState(3).randint(0, RAND_R_MAX)),
    "feature": [int(f) if f >= 0 else -1 for f in regressor.tree_.feature],
    "threshold": regressor.tree_.threshold.tolist(), "impurity": regressor.tree_.impurity.tolist(),
    "value": regressor.tree_.value.ravel().tolist(), "testPred": regressor.predict(X_test).tolist(),
}


def spread(values):
    values = np.asarray(values)
    return {"mean": float(values.mean()), "min": float(values.min()), "max": float(values.max())}


forests = []
for cfg in [{}, {"criterion": "entropy", "max_depth": 6, "min_samples_leaf": 5}]:
    acc, auc, importances = [], [], []
    for seed in range(10):
        forest = RandomForestClassifier(n_estimators=100, random_state=seed, **cfg).fit(X_train, y_train)
        acc.append(accuracy_score(y_test, forest.predict(X_test)))
        auc.append(roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1]))
        importances.append(forest.feature_importances_)
    importances = np.array(importances)
    rankings = [tuple(np.argsort(-imp)) for imp in importances]
    # Features whose rank is the same under every sklearn seed — the ranking a forest can be held to.
    stable_top = 0
    while stable_top < 8 and len({r[:stable_top + 1] for r in rankings}) == 1:
        stable_top += 1
    forests.append({
        "config": cfg, "accuracy": spread(acc), "auc": spread(auc),
        "importances": importances.mean(axis=0).tolist(), "stableTop": [int(f) for f in rankings[0][:stable_top]],
    })

boosting = []
for cfg, seed in [({}, 0), ({"n_estimators": 60, "learning_rate": 0.3, "max_depth": 2, "min_samples_leaf": 10}, 1),
                  ({"n_estimators": 40, "learning_rate": 0.05, "max_depth": 5, "min_samples_split": 20}, 2)]:
    model = GradientBoostingClassifier(random_state=seed, **cfg).fit(X_train, y_train)
    states = np.random.RandomState(seed)
    boosting.append({
        "config": cfg,
        "stageRandomStates": [int(states.randint(0, RAND_R_MAX)) for _ in range(model.n_estimators_)],
        "initialScore": float(model._raw_predict_init(X_train[:1])[0, 0]),
        "trainProba": model.predict_proba(X_train)[:, 1].tolist(),
        "testProba": model.predict_proba(X_test)[:, 1].tolist(),
        "testScore": model.decision_function(X_test).tolist(), "testPred": model.predict(X_test).tolist(),
        "importances": model.feature_importances_.tolist(),
        "nodeCounts": [int(stage[0].tree_.node_count) for stage in model.estimators_],
    })

acc, auc = [], []
for seed in range(10):
    model = GradientBoostingClassifier(subsample=0.5, random_state=seed).fit(X_train, y_train)
    acc.append(accuracy_score(y_test, model.predict(X_test)))
    auc.append(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))

out = {
    "provenance": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "cols": X.shape[1], "xTrain": X_train.ravel().tolist(), "yTrain": y_train.tolist(),
    "xTest": X_test.ravel().tolist(), "yTest": y_test.tolist(),
    "regressionTree": regression_tree, "weightedTrees": weighted_trees, "forests": forests, "boosting": boosting,
    "subsampledBoosting": {"config": {"subsample": 0.5}, "accuracy": spread(acc), "auc": spread(auc)},
}
with open(os.path.join(os.path.dirname(__file__), "ensembles_reference.json"), "w") as f:
    json.dump(out, f)
