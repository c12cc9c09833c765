"""Frequent itemsets and association rules by brute force (run: /usr/bin/python3
tests/reference/apriori_reference.py → apriori_reference.json). mlxtend is not available, so this counts
every k-combination of every basket with itertools and applies mlxtend's definitions: support =
count / baskets ≥ min_support; confidence = support(A ∪ C) / support(A) ≥ min_confidence;
lift = confidence / support(C).
"""
import json
import os
import random
import sys
from collections import Counter
from itertools import combinations

rng = random.Random(99)
n_items = 12
baskets = []
for _ in range(80):
    basket = {i for i in range(n_items) if rng.random() < 0.18}
    if rng.random() < 0.35:  # bread + butter (+ jam) bought together
        basket |= {1, 2} | ({5} if rng.random() < 0.6 else set())
    if rng.random() < 0.25:
        basket |= {7, 9}
    basket.add(rng.randrange(n_items))
    # Duplicates and shuffled order in the input must not change the result.
    items = list(basket) + ([min(basket)] if rng.random() < 0.2 else [])
    rng.shuffle(items)
    baskets.append(items)

min_support, min_confidence = 0.08, 0.6
n = len(baskets)
supports = {}
for k in range(1, n_items + 1):
    counts = Counter(c for b in baskets for c in combinations(sorted(set(b)), k))
    level = {c: cnt for c, cnt in counts.items() if cnt / n >= min_support}
    if not level:
        break
    supports.update(level)

itemsets = sorted(supports, key=lambda s: (len(s), s))
rules = []
for s in itemsets:
    for r in range(1, len(s)):
        for a in combinations(s, r):
            c = tuple(x for x in s if x not in a)
            conf = supports[s] / supports[a]
            if conf >= min_confidence:
                rules.append({"antecedent": list(a), "consequent": list(c), "support": supports[s] / n,
                              "confidence": conf, "lift": conf / (supports[c] / n)})

out = {
    "provenance": f"Python {sys.version.split()[0]} itertools brute force (mlxtend definitions)",
    "baskets": baskets, "minSupport": min_support, "minConfidence": min_confidence,
    "itemsets": [list(s) for s in itemsets], "counts": [supports[s] for s in itemsets], "rules": rules,
}
with open(os.path.join(os.path.dirname(__file__), "apriori_reference.json"), "w") as f:
    json.dump(out, f)
