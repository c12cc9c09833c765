"""CLV, churn and cohort-retention reference values (run: /usr/bin/python3 tests/reference/clv_reference.py).

Written independently of the TypeScript (vectorised numpy / pandas groupby + pivot), inputs generated here
with a fixed seed and stored in clv_reference.json beside the outputs.
"""
import json
import os

import numpy as np
import pandas as pd

rng = np.random.RandomState(7)
out = {"provenance": f"pandas {pd.__version__}, numpy {np.__version__}"}

# Simple CLV.
amounts = np.round(rng.gamma(3.0, 25.0, size=300), 2)
customers = rng.randint(0, 80, size=300)
n_customers = len(np.unique(customers))
aov = amounts.sum() / len(amounts)
pf = len(amounts) / n_customers
out["simple"] = {
    "revenue": float(amounts.sum()), "orderCount": len(amounts), "customerCount": int(n_customers),
    "lifespan": 3.5, "averageOrderValue": aov, "purchaseFrequency": pf, "value": aov * pf * 3.5,
}

# Discounted CLV: sum over t = 1..T of m * R_t * r^(t-1) / (1+d)^t, vectorised.
revenue = np.round(rng.uniform(80, 200, size=24), 2)
t = np.arange(1, 25)
m, r, d = 0.35, 0.82, 0.01
out["discounted"] = {
    "margin": m, "retention": r, "discountRate": d, "revenuePerPeriod": revenue.tolist(),
    "value": float(np.sum(m * revenue * r ** (t - 1) / (1 + d) ** t)),
    # Geometric limit for constant R = 100: m * R / (1 + d - r).
    "limitConstant100": m * 100 / (1 + d - r),
}

# Churn: customers acquired over two years, some churned; period = days 400..490.
n = 500
acquired = rng.randint(0, 730, size=n)
churned = np.where(rng.uniform(size=n) < 0.4, acquired + rng.randint(1, 400, size=n), -1)
df = pd.DataFrame({"a": acquired, "c": churned})
start, end = 400, 490
def active(x):
    return (df.a <= x) & ((df.c == -1) | (df.c > x))
cohort = active(start)
out["churn"] = {
    "acquiredDay": acquired.tolist(), "churnedDay": churned.tolist(), "periodStart": start, "periodEnd": end,
    "startCount": int(cohort.sum()), "lost": int((cohort & ~active(end)).sum()),
    "acquiredDuring": int(((df.a > start) & (df.a <= end)).sum()), "endCount": int(active(end).sum()),
    "churnRate": float((cohort & ~active(end)).sum() / cohort.sum()),
}

# Monthly cohorts from order dates (day numbers since 1970-01-01), pandas to_period('M').
n_orders = 900
cust = rng.randint(0, 150, size=n_orders)
day = rng.randint(18993, 19358, size=n_orders)  # 2022-01-01 .. 2022-12-31
dates = pd.to_datetime(day, unit="D")
orders = pd.DataFrame({"customer": cust, "day": day, "period": dates.to_period("M")})
orders["month"] = (orders.period.dt.year - 1970) * 12 + orders.period.dt.month - 1
orders["cohort"] = orders.groupby("customer")["month"].transform("min")
orders["offset"] = orders["month"] - orders["cohort"]
counts = orders.groupby(["cohort", "offset"])["customer"].nunique().unstack(fill_value=0)
sizes = counts[0]
retention = counts.divide(sizes, axis=0)
width = int(orders["month"].max() - counts.index.min() + 1)
counts = counts.reindex(columns=range(width), fill_value=0)
retention = retention.reindex(columns=range(width), fill_value=0.0)
out["cohorts"] = {
    "customerCount": 150, "customerIndex": cust.tolist(), "day": day.tolist(),
    "month": orders["month"].tolist(), "cohortMonths": counts.index.tolist(), "cohortSizes": sizes.tolist(),
    "width": width, "activeCounts": counts.values.ravel().tolist(), "retention": retention.values.ravel().tolist(),
}

with open(os.path.join(os.path.dirname(__file__), "clv_reference.json"), "w") as f:
    json.dump(out, f)
