"""k-means and silhouette reference values with scikit-learn
(run: /usr/bin/python3 tests/reference/kmeans_reference.py → kmeans_reference.json).

Data are generated here (make_blobs, fixed random_state) and stored in the JSON with the outputs.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score

out = {"provenance": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}"}

# Overlapping blobs with explicit initial centroids: Lloyd must reproduce sklearn's path exactly.
X, _ = make_blobs(n_samples=500, n_features=3, centers=5, cluster_std=2.5, random_state=11)
init = X[[3, 50, 100, 150, 200]]
km = KMeans(n_clusters=5, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(X)
out["fixedInit"] = {
    "points": X.ravel().tolist(), "rows": X.shape[0], "cols": X.shape[1], "k": 5, "init": init.ravel().tolist(),
    "labels": km.labels_.tolist(), "centroids": km.cluster_centers_.ravel().tolist(),
    "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
    "silhouette": float(silhouette_score(X, km.labels_)),
}
# Same data, loose tolerance: stops on centre shift rather than on unchanged labels.
km_tol = KMeans(n_clusters=5, init=init, n_init=1, tol=0.05, algorithm="lloyd").fit(X)
out["fixedInitLooseTol"] = {
    "tol": 0.05, "labels": km_tol.labels_.tolist(), "centroids": km_tol.cluster_centers_.ravel().tolist(),
    "inertia": float(km_tol.inertia_), "iterations": int(km_tol.n_iter_),
}

# Uniform cube, no cluster structure: many Lloyd iterations (exercises the bounds of the accelerated loop).
U = np.random.RandomState(4).uniform(0, 10, size=(3000, 3))
km_u = KMeans(n_clusters=8, init=U[:8], n_init=1, algorithm="lloyd").fit(U)
out["uniformCube"] = {
    "points": U.ravel().tolist(), "rows": 3000, "cols": 3, "k": 8, "init": U[:8].ravel().tolist(),
    "labels": km_u.labels_.tolist(), "centroids": km_u.cluster_centers_.ravel().tolist(),
    "inertia": float(km_u.inertia_), "iterations": int(km_u.n_iter_),
}
# One initial centroid far from all data: its cluster is empty and gets the farthest point (relocation).
far_init = init.copy()
far_init[2] = [500.0, 500.0, 500.0]
km_far = KMeans(n_clusters=5, init=far_init, n_init=1, algorithm="lloyd").fit(X)
out["emptyCluster"] = {
    "init": far_init.ravel().tolist(), "labels": km_far.labels_.tolist(),
    "centroids": km_far.cluster_centers_.ravel().tolist(), "inertia": float(km_far.inertia_),
    "iterations": int(km_far.n_iter_),
}

# Well-separated blobs: k-means++ best of n_init = 10.
Y, _ = make_blobs(n_samples=1200, n_features=3, centers=6, cluster_std=0.8, random_state=5)
best = KMeans(n_clusters=6, init="k-means++", n_init=10, random_state=0, algorithm="lloyd").fit(Y)
out["separated"] = {
    "points": Y.ravel().tolist(), "rows": Y.shape[0], "cols": Y.shape[1], "k": 6,
    "inertia": float(best.inertia_),
    "elbow": [float(KMeans(n_clusters=k, n_init=10, random_state=0).fit(Y).inertia_) for k in range(1, 9)],
}

# Silhouette with a singleton cluster and ragged label numbers.
labels = np.array(km.labels_) * 3 + 2
labels[7] = 99
out["silhouetteSingleton"] = {"labels": labels.tolist(), "score": float(silhouette_score(X, labels))}

with open(os.path.join(os.path.dirname(__file__), "kmeans_reference.json"), "w") as f:
    json.dump(out, f)
