"""RFM reference values with pandas (run: /usr/bin/python3 tests/reference/rfm_reference.py).

Inputs are generated here with a fixed numpy seed and written into the JSON next to the outputs, so the
TypeScript test reads both from rfm_reference.json.
"""
import json
import os

import numpy as np
import pandas as pd

rng = np.random.RandomState(20240601)
n_customers = 57  # customers 50..56 get no orders, to check that they are left unscored
n_orders = 400
customer = rng.randint(0, 50, size=n_orders)
day = rng.randint(19000, 19365, size=n_orders)
# Rounded amounts so several customers tie on monetary and frequency.
amount = np.round(rng.gamma(2.0, 40.0, size=n_orders), 0)
as_of = 19400

orders = pd.DataFrame({"customer": customer, "day": day, "amount": amount})
g = orders.groupby("customer")
rfm = pd.DataFrame(
    {
        "recency": as_of - g["day"].max(),
        "frequency": g["day"].count(),
        "monetary": g["amount"].sum(),
    }
).sort_index()
r_score = pd.qcut(rfm["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
f_score = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
m_score = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)

# qcut bins of ranks 1..m for many m, to pin down the boundary rule exactly.
qcut_by_size = {
    str(m): pd.qcut(pd.Series(np.arange(1, m + 1, dtype=float)), 5, labels=[1, 2, 3, 4, 5]).astype(int).tolist()
    for m in range(2, 121)
}

out = {
    "provenance": f"pandas {pd.__version__}, numpy {np.__version__}",
    "input": {
        "customerCount": n_customers,
        "asOf": as_of,
        "customerIndex": customer.tolist(),
        "day": day.tolist(),
        "amount": amount.tolist(),
    },
    "customers": rfm.index.tolist(),
    "recency": rfm["recency"].tolist(),
    "frequency": rfm["frequency"].tolist(),
    "monetary": rfm["monetary"].tolist(),
    "rScore": r_score.tolist(),
    "fScore": f_score.tolist(),
    "mScore": m_score.tolist(),
    "qcutBySize": qcut_by_size,
}
with open(os.path.join(os.path.dirname(__file__), "rfm_reference.json"), "w") as f:
    json.dump(out, f)
