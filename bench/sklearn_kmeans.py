"""scikit-learn's KMeans on the points and initial centroids bench/kernels-bench.ts wrote, for the k-means
comparison in `npm run bench` (lloyd, the same initial centroids, n_init = 1). Prints one JSON line.
Times with sklearn's default OpenMP threads (all cores) and with one thread (like our single worker)."""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

folder = sys.argv[1]
points = np.fromfile(os.path.join(folder, "points.f64"), dtype="<f8").reshape(-1, 3)
init = np.fromfile(os.path.join(folder, "init.f64"), dtype="<f8").reshape(-1, 3)


def best_of(runs):
    times, model = [], None
    for _ in range(runs):
        started = time.perf_counter()
        model = KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd").fit(points)
        times.append((time.perf_counter() - started) * 1000)
    return min(times), [round(t) for t in times], model


ms, runs, model = best_of(3)
with threadpool_limits(limits=1):
    ms_one, runs_one, _ = best_of(3)
print(json.dumps({
    "sklearn": sklearn.__version__, "cores": os.cpu_count(), "ms": ms, "runs": runs,
    "msOneThread": ms_one, "runsOneThread": runs_one,
    "iterations": int(model.n_iter_), "inertia": float(model.inertia_),
}))
