"""Decision-tree reference with scikit-learn DecisionTreeClassifier
(run: /usr/bin/python3 tests/reference/cart_reference.py → cart_reference.json).

Feature values are multiples of 1/64, exact in float32, because sklearn trees convert X to float32.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier

rng = np.random.RandomState(21)
n = 240
X = np.round(np.column_stack([
    rng.uniform(0, 100, n),      # recency-like
    rng.gamma(2.0, 3.0, n),      # frequency-like
    rng.lognormal(4, 0.7, n),    # monetary-like
    rng.uniform(-1, 1, n),       # noise
]) * 64) / 64
score = -0.03 * X[:, 0] + 0.25 * X[:, 1] + 0.004 * X[:, 2] + rng.normal(0, 0.6, n)
y = np.digitize(score, [-0.5, 1.0])  # 3 classes
X_test = np.round(rng.uniform([0, 0, 10, -1], [100, 20, 300, 1], size=(100, 4)) * 64) / 64

configs = [
    {"criterion": "gini"},
    {"criterion": "entropy", "max_depth": 4, "min_samples_leaf": 5},
    {"criterion": "gini", "max_depth": 6, "min_samples_split": 20},
]
fits = []
for cfg in configs:
    tree = DecisionTreeClassifier(random_state=0, **cfg).fit(X, y)
    t = tree.tree_
    fits.append({
        "config": cfg, "feature": [int(f) if f >= 0 else -1 for f in t.feature], "threshold": t.threshold.tolist(),
        "left": t.children_left.tolist(), "right": t.children_right.tolist(), "impurity": t.impurity.tolist(),
        "importances": tree.feature_importances_.tolist(),
        "trainPred": tree.predict(X).tolist(), "testPred": tree.predict(X_test).tolist(),
    })

# The seed sklearn's Splitter draws for its feature order (Splitter.init: random_state.randint(0, RAND_R_MAX)).
rand_r_seed = int(np.random.RandomState(0).randint(0, 0x7FFFFFFF))

out = {
    "randRSeed": rand_r_seed,
    "provenance": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "x": X.ravel().tolist(), "rows": n, "cols": 4, "y": y.tolist(), "xTest": X_test.ravel().tolist(), "fits": fits,
}
with open(os.path.join(os.path.dirname(__file__), "cart_reference.json"), "w") as f:
    json.dump(out, f)
