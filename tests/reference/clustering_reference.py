"""DBSCAN and Ward reference values with scikit-learn and scipy
(run: /usr/bin/python3 tests/reference/clustering_reference.py → clustering_reference.json).

Data are generated here (make_blobs and numpy RandomState, fixed seeds), rounded to 4 decimals so the JSON
stays small, and stored in the JSON with the outputs (the references are computed on the rounded data).
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.datasets import make_blobs
from sklearn.neighbors import NearestNeighbors

out = {"provenance": f"scikit-learn {sklearn.__version__}, scipy {scipy.__version__}, numpy {np.__version__}"}


def blobs_with_noise(n_blobs, n_noise, dims, centers, std, seed):
    """Blobs plus uniform noise over the blobs' bounding box, shuffled so noise indices interleave."""
    X, _ = make_blobs(n_samples=n_blobs, n_features=dims, centers=centers, cluster_std=std, random_state=seed)
    rs = np.random.RandomState(seed + 1)
    noise = rs.uniform(X.min(axis=0), X.max(axis=0), size=(n_noise, dims))
    return np.round(np.vstack([X, noise])[rs.permutation(n_blobs + n_noise)], 4)


def contested_border_points(X, eps, labels, core):
    """Border points with core neighbours in two or more clusters: where 'first cluster wins' matters."""
    neighbourhoods = NearestNeighbors(radius=eps).fit(X).radius_neighbors(X, return_distance=False)
    return sum(
        1
        for i, nb in enumerate(neighbourhoods)
        if not core[i] and len({labels[j] for j in nb if core[j]}) > 1
    )


def rounding_boundary_case():
    """Scattered points plus one pair whose distance is within an ulp of eps, where Σd² ≤ eps·eps and
    sqrt(Σd²) ≤ eps disagree; sklearn's KD-tree (used here) applies the former. Other pairs are ≫ eps apart."""
    rs = np.random.RandomState(17)
    X = np.round(rs.uniform(0, 1000, size=(40, 2)), 1)
    while True:
        a = np.round(rs.uniform(0, 1000, size=2), 1)
        b = a + rs.uniform(2, 4, size=2)
        sq = float(np.sum((a - b) ** 2))
        d = np.sqrt(sq)
        for eps in [np.sqrt(np.nextafter(sq, -np.inf)), np.nextafter(d, -np.inf), np.nextafter(d, np.inf)]:
            if (np.sqrt(sq) <= eps) != (sq <= eps * eps):
                return np.vstack([X[:20], a, X[20:], b]), float(eps)


def dbscan_case(X, eps, min_samples):
    db = DBSCAN(eps=eps, min_samples=min_samples).fit(X)
    core = np.zeros(len(X), dtype=bool)
    core[db.core_sample_indices_] = True
    return {
        "points": X.ravel().tolist(), "rows": X.shape[0], "cols": X.shape[1],
        "eps": eps, "minSamples": min_samples,
        "labels": db.labels_.tolist(), "core": core.astype(int).tolist(),
        "contestedBorderPoints": contested_border_points(X, eps, db.labels_, core),
    }


out["dbscan"] = {
    # 3-D blobs that touch: two border points lie within eps of core points of two clusters.
    "touching3d": dbscan_case(blobs_with_noise(450, 50, 3, 5, 1.0, 9), 1.2, 8),
    # Tiny 1-D case: point 0 is a border point between cluster B (indices 1-4) and cluster A (5-8).
    "contested1d": dbscan_case(np.array([[0.7], [1.1], [1.2], [1.3], [1.4], [0.0], [0.1], [0.2], [0.3]]), 0.45, 4),
    # 5-D, well separated, more noise.
    "separated5d": dbscan_case(blobs_with_noise(320, 80, 5, 4, 0.8, 21), 1.6, 6),
    # minSamples = 1: every point is core, clusters are the connected components of the eps-graph.
    "components2d": dbscan_case(blobs_with_noise(250, 50, 2, 6, 0.7, 5), 0.35, 1),
    # Integer lattice with duplicates: many distances exactly eps, so the inclusive test (≤ eps) matters.
    "roundingBoundary": dbscan_case(*rounding_boundary_case(), 2),
    "latticeBoundary": dbscan_case(np.random.RandomState(3).randint(0, 12, size=(160, 2)).astype(float), 1.0, 4),
}


def ward_case(X, ks):
    Z = linkage(X, method="ward")
    labels = {
        str(k): AgglomerativeClustering(n_clusters=k, linkage="ward").fit(X).labels_.tolist() for k in ks
    }
    return {
        "points": X.ravel().tolist(), "rows": X.shape[0], "cols": X.shape[1],
        "merges": Z.ravel().tolist(), "labels": labels,
    }


X3, _ = make_blobs(n_samples=400, n_features=3, centers=5, cluster_std=1.5, random_state=3)
X5, _ = make_blobs(n_samples=300, n_features=5, centers=4, cluster_std=2.0, random_state=13)
# Ties: a 1-D run of equally spaced points, and exact duplicates (zero distances) on an integer lattice.
line = np.arange(9, dtype=float).reshape(-1, 1)
lattice = np.array([[i % 3, (i // 3) % 3] for i in range(12)], dtype=float)
X_small = np.round(make_blobs(n_samples=12, n_features=2, centers=3, random_state=2)[0], 4)
out["ward"] = {
    "blobs3d": ward_case(np.round(X3, 4), [1, 2, 3, 5, 8]),
    "blobs5d": ward_case(np.round(X5, 4), [2, 4, 6]),
    "line": ward_case(line, [2, 3, 4]),
    "duplicates": ward_case(lattice, [2, 3, 9, 10]),
    "small": ward_case(X_small, [1, 3, 11, 12]),
}

with open(os.path.join(os.path.dirname(__file__), "clustering_reference.json"), "w") as f:
    json.dump(out, f)
