"""Funnel, satisfaction, pipeline-forecast and recommendation reference values
(run: /usr/bin/python3 tests/reference/business_reference.py → business_reference.json).

Written independently of the TypeScript with pandas groupby / dropna / sort_values and itertools counting;
inputs are generated here with fixed seeds and stored in the JSON beside the outputs. Days are day numbers
since 1970-01-01; months are (year − 1970) · 12 + month − 1 via pandas to_period('M').
"""
import json
import math
import os
import random
from collections import Counter
from itertools import combinations

import numpy as np
import pandas as pd

out = {"provenance": f"pandas {pd.__version__}, numpy {np.__version__}"}


def month_of(days):
    period = pd.Series(pd.to_datetime(np.asarray(days), unit="D")).dt.to_period("M")
    return ((period.dt.year - 1970) * 12 + period.dt.month - 1).astype(int).to_numpy()


def none_if_nan(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


# ---------------------------------------------------------------- funnel
rng = np.random.RandomState(11)
# An unusual board: a user-added open stage after "lost", so open-stage numbering is not stage order.
kinds = ["open", "open", "lost", "open", "open", "won"]
open_pos = {i: k for k, i in enumerate(i for i, kind in enumerate(kinds) if kind == "open")}
S = len(open_pos)
n = 300
outcome = rng.choice(["open", "won", "lost"], size=n, p=[0.4, 0.3, 0.3])
open_stage_ids = np.array(list(open_pos))
stage = np.where(outcome == "open", open_stage_ids[rng.randint(0, S, size=n)],
                 np.where(outcome == "won", kinds.index("won"), kinds.index("lost")))
lost_from = np.where((outcome == "lost") & (rng.uniform(size=n) < 0.5), open_stage_ids[rng.randint(0, S, size=n)], -1)
owner = rng.randint(-1, 5, size=n)
created = rng.randint(19358, 19723, size=n)  # 2023
closed = np.where(outcome != "open", created + rng.randint(0, 120, size=n), -1)
closed = np.where((outcome != "open") & (rng.uniform(size=n) < 0.1), -1, closed)  # closed_at not recorded
closed = np.where((outcome == "open") & (rng.uniform(size=n) < 0.1), created + 5, closed)  # stale, ignored
# Owner 9: two open deals only (no win rate, no cycle).
stage = np.append(stage, [open_stage_ids[0], open_stage_ids[2]])
outcome = np.append(outcome, ["open", "open"])
lost_from = np.append(lost_from, [-1, -1])
owner = np.append(owner, [9, 9])
created = np.append(created, [19400, 19500])
closed = np.append(closed, [-1, -1])

df = pd.DataFrame({"stage": stage, "kind": outcome, "lost_from": lost_from, "owner": owner,
                   "created": created, "closed": closed})
df["month"] = month_of(df.created)
lost_depth = df.lost_from.map(open_pos).fillna(0)
df["depth"] = np.where(df.kind == "open", df.stage.map(open_pos),
                       np.where(df.kind == "won", S - 1, lost_depth)).astype(int)
df["cycle"] = np.where((df.kind != "open") & (df.closed != -1), df.closed - df.created, np.nan)


def funnel_stats(g):
    reached = [int((g.depth >= i).sum()) for i in range(S)]
    won, lost, opn = (int((g.kind == k).sum()) for k in ("won", "lost", "open"))
    nxt = reached[1:] + [won]
    cw = g.loc[g.kind == "won", "cycle"].dropna()
    cc = g.cycle.dropna()
    return {
        "opportunities": len(g), "open": opn, "won": won, "lost": lost, "reached": reached,
        "conversion": [nxt[i] / reached[i] if reached[i] else None for i in range(S)],
        "winRate": won / (won + lost) if won + lost else None,
        "meanCycleDaysWon": none_if_nan(cw.mean()) if len(cw) else None,
        "meanCycleDaysClosed": none_if_nan(cc.mean()) if len(cc) else None,
        "cycleSampleWon": len(cw), "cycleSampleClosed": len(cc),
    }


out["funnel"] = {
    "stageKinds": kinds, "stage": df.stage.tolist(), "owner": df.owner.tolist(), "createdDay": df.created.tolist(),
    "closedDay": df.closed.tolist(), "lostFromStage": df.lost_from.tolist(),
    "openStages": list(open_pos), "overall": funnel_stats(df),
    "byOwner": [{"owner": int(k), "stats": funnel_stats(g)} for k, g in df.groupby("owner")],
    "byMonth": [{"month": int(k), "stats": funnel_stats(g)} for k, g in df.groupby("month")],
}

# ---------------------------------------------------------------- satisfaction
rng = np.random.RandomState(23)
n = 260
month_starts = [19358, 19389, 19417, 19478, 19509]  # Jan, Feb, Mar, May, Jun 2023 (no April)
day = np.array([month_starts[m] + rng.randint(0, 28) for m in rng.randint(0, 5, size=n)])
customer = np.where(rng.uniform(size=n) < 0.1, -1, rng.randint(0, 40, size=n))


def answers(lo, hi, missing):
    a = rng.randint(lo, hi + 1, size=n).astype(float)
    a[rng.uniform(size=n) < missing] = np.nan
    return a


sv = pd.DataFrame({"day": day, "customer": customer, "csat": answers(1, 5, 0.15), "nps": answers(0, 10, 0.15),
                   "quality": answers(1, 5, 0.1), "reliability": answers(1, 5, 0.1),
                   "responsiveness": answers(1, 5, 0.1), "price": answers(1, 5, 0.1)})
sv["month"] = month_of(sv.day)
c = sv.dropna(subset=["csat"]).groupby("month")["csat"]
csat = pd.DataFrame({"responses": c.size(), "satisfiedPercent": c.apply(lambda s: 100 * (s >= 4).mean()),
                     "mean": c.mean()})
p = sv.dropna(subset=["nps"]).groupby("month")["nps"]
nps = pd.DataFrame({"responses": p.size(), "promoters": p.apply(lambda s: int((s >= 9).sum())),
                    "detractors": p.apply(lambda s: int((s <= 6).sum()))})
nps["passives"] = nps.responses - nps.promoters - nps.detractors
nps["nps"] = 100 * (nps.promoters - nps.detractors) / nps.responses

# Segment table: customers 0..34 listed (segment c % 4, or none when c % 7 == 0); 35..39 not listed.
seg_customers = np.arange(35)
seg = np.where(seg_customers % 7 == 0, -1, seg_customers % 4)
segment_of = dict(zip(seg_customers.tolist(), seg.tolist()))


def summary(score):
    """score: Series indexed by response, NaN = not scored."""
    scored = score.dropna()
    frame = pd.DataFrame({"score": scored, "customer": sv.customer[scored.index]})
    per_c = frame[frame.customer != -1].groupby("customer")["score"].agg(["mean", "size"])
    per_c["segment"] = per_c.index.map(lambda c: segment_of.get(c, -1))
    per_s = per_c[per_c.segment != -1].groupby("segment")["mean"].agg(["mean", "size"])
    return {
        "responses": scored.index.tolist(), "score": scored.tolist(),
        "customers": per_c.index.tolist(), "customerMean": per_c["mean"].tolist(),
        "customerResponses": per_c["size"].tolist(),
        "segments": per_s.index.tolist(), "segmentMean": per_s["mean"].tolist(),
        "segmentCustomers": per_s["size"].tolist(),
    }


features = ["quality", "reliability", "responsiveness", "price", "csat"]
weights = np.array([2.0, 1.0, 0.0, -0.5, 1.0])
answered = sv[features].notna()
numerator = (sv[features].fillna(0) * weights).sum(axis=1)
denominator = (answered * np.abs(weights)).sum(axis=1)
preference = (numerator / denominator.where(denominator > 0)).astype(float)

out["satisfaction"] = {
    **{k: [None if math.isnan(v) else v for v in sv[k]] for k in ["csat", "nps", *features[:4]]},
    "day": sv.day.tolist(), "customer": sv.customer.tolist(),
    "segmentCustomers": seg_customers.tolist(), "segment": seg.tolist(),
    "csatTrend": {"months": csat.index.tolist(), **{k: csat[k].tolist() for k in csat}},
    "npsTrend": {"months": nps.index.tolist(), **{k: nps[k].tolist() for k in nps}},
    "index": summary(sv.quality * sv.reliability * sv.responsiveness / sv.price),
    "weights": weights.tolist(), "features": features, "preference": summary(preference),
}

# ---------------------------------------------------------------- pipeline forecast
rng = np.random.RandomState(31)
n = 320
pkinds = ["open", "open", "open", "open", "won", "lost"]
pstage = rng.randint(0, 6, size=n)
currency = rng.randint(0, 3, size=n)
pstage = np.where(currency == 2, rng.choice([4, 5], size=n), pstage)  # currency 2: closed deals only
amount = rng.randint(0, 5_000_000, size=n) / 100  # minor units → major units
prob = rng.randint(0, 101, size=n) / 100
expected = rng.randint(19509, 19875, size=n)  # 2023-06-01 .. 2024-05-31
expected = np.where(rng.uniform(size=n) < 0.1, -1, expected)
as_of = 19737  # 2024-01-15
as_of_month = int(month_of([as_of])[0])
pf = pd.DataFrame({"stage": pstage, "currency": currency, "amount": amount, "prob": prob, "expected": expected})
pf = pf[pf.stage.map(lambda s: pkinds[s] == "open")].copy()
pf["weighted"] = pf.amount * pf.prob
pf["month"] = np.where(pf.expected == -1, -1, month_of(pf.expected.clip(lower=0)))


def totals(frame):
    return {"count": len(frame), "amount": float(frame.amount.sum()), "weighted": float(frame.weighted.sum())}


forecast = []
for code, g in pf.groupby("currency"):
    dated = g[g.expected != -1]
    future = dated[dated.month >= as_of_month].groupby("month").agg(
        count=("amount", "size"), amount=("amount", "sum"), weighted=("weighted", "sum"))
    forecast.append({"currency": int(code), "months": future.index.tolist(), "count": future["count"].tolist(),
                     "amount": future.amount.tolist(), "weighted": future.weighted.tolist(),
                     "overdue": totals(dated[dated.month < as_of_month]), "undated": totals(g[g.expected == -1]),
                     "total": totals(g)})
out["forecast"] = {"stageKinds": pkinds, "stage": pstage.tolist(), "amount": amount.tolist(),
                   "probability": prob.tolist(), "expectedCloseDay": expected.tolist(),
                   "currency": currency.tolist(), "asOfDay": as_of, "currencies": forecast}

# ---------------------------------------------------------------- recommendations
prng = random.Random(5)
n_items = 10
baskets = []
for _ in range(120):
    basket = {i for i in range(n_items) if prng.random() < 0.15}
    if prng.random() < 0.3:
        basket |= {1, 2} | ({5} if prng.random() < 0.5 else set())
    if prng.random() < 0.2:
        basket |= {1, 7}
    basket.add(prng.randrange(n_items))
    items = list(basket) + ([max(basket)] if prng.random() < 0.2 else [])  # a repeated item
    prng.shuffle(items)
    baskets.append(items)
nb = len(baskets)
min_support, min_confidence = 0.04, 0.25
supports = {}
for k in range(1, n_items + 1):
    counts = Counter(cmb for b in baskets for cmb in combinations(sorted(set(b)), k))
    level = {cmb: cnt for cmb, cnt in counts.items() if cnt / nb >= min_support}
    if not level:
        break
    supports.update(level)
rules = []
for s in sorted(supports, key=lambda s: (len(s), s)):
    for r in range(1, len(s)):
        for a in combinations(s, r):
            cons = tuple(x for x in s if x not in a)
            conf = supports[s] / supports[a]
            if conf >= min_confidence:
                rules.append({"antecedent": list(a), "consequent": list(cons), "support": supports[s] / nb,
                              "confidence": conf, "lift": conf / (supports[cons] / nb)})
rf = pd.DataFrame(rules)
rf["rule"] = range(len(rf))
rf["size"] = rf.antecedent.map(len)
by_rules, by_counts = {}, {}
top_n = 5
sets = [set(b) for b in baskets]
for product in [1, 2, 7, 8]:
    hits = rf[rf.antecedent.map(lambda a: product in a)].explode("consequent")
    hits = hits.rename(columns={"consequent": "product"}).astype({"product": int})
    hits = hits.sort_values(["size", "lift", "confidence", "product"], ascending=[True, False, False, True],
                            kind="mergesort").drop_duplicates("product", keep="first").head(top_n)
    by_rules[product] = {k: hits[k].tolist() for k in ["product", "rule", "size", "lift", "confidence", "support"]}
    n_a = sum(product in s for s in sets)
    co = Counter(item for s in sets if product in s for item in s if item != product)
    n_b = Counter(item for s in sets for item in s)
    cf = pd.DataFrame({"product": list(co), "count": list(co.values())})
    cf["support"] = cf["count"] / nb
    cf["confidence"] = cf["count"] / n_a
    cf["lift"] = cf.confidence / (cf["product"].map(n_b) / nb)
    cf = cf.sort_values(["count", "lift", "product"], ascending=[False, False, True]).head(top_n)
    by_counts[product] = {"basketsWithProduct": n_a, **{k: cf[k].tolist() for k in cf}}
out["recommendations"] = {"baskets": baskets, "minSupport": min_support, "minConfidence": min_confidence,
                          "rules": rules, "topN": top_n, "byRules": by_rules, "byCounts": by_counts}

with open(os.path.join(os.path.dirname(__file__), "business_reference.json"), "w") as f:
    json.dump(out, f)
