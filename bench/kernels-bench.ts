/**
 * Kernel timings in Node (the same V8 as the analytics worker), on seeded synthetic data of the sizes the
 * analytics issue names. Bundled and run by scripts/bench-kernels.mjs, which then times scikit-learn's
 * KMeans on the very same points and initial centroids (written to `KMEANS_DATA_DIR`). Prints one JSON line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { associationRules, frequentItemsets } from '../workers/kernels/apriori';
import { arimaForecast, selectArimaOrder } from '../workers/kernels/arima-forecast';
import { decisionTree } from '../workers/kernels/cart';
import { kmeans } from '../workers/kernels/kmeans';
import { kmeansPlusPlus } from '../workers/kernels/kmeans-init';
import { createRng } from '../workers/kernels/random';
import { rfmScores, rfmValues } from '../workers/kernels/rfm';
import { chooseDifferencing } from '../workers/analytics/sales';

const rng = createRng(20261203);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
const time = <T>(task: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = task();
  return { ms: performance.now() - started, value };
};
const best = <T>(runs: number, task: () => T) => {
  const all = Array.from({ length: runs }, () => time(task));
  return {
    ms: Math.min(...all.map((r) => r.ms)),
    all: all.map((r) => Math.round(r.ms)),
    value: all[0]!.value,
  };
};

// RFM: 1,000,000 customers, 5,000,000 sales over three years, heavy-tailed frequency and amounts.
const customers = 1_000_000;
const sales = 5_000_000;
const customerIndex = new Int32Array(sales);
const day = new Int32Array(sales);
const amount = new Float64Array(sales);
const asOf = 20_000;
for (let i = 0; i < sales; i++) {
  customerIndex[i] = Math.floor(customers * rng.next() ** 1.6);
  day[i] = asOf - Math.floor(1095 * rng.next());
  amount[i] = Math.round(Math.exp(5 + gaussian()));
}
const rfm = best(3, () => rfmScores(rfmValues({ customerIndex, day, amount }, customers, asOf)));

// k-means k = 5 on 1,000,000 × 3 RFM-like points (standardised recency, log frequency, log monetary).
const n = 1_000_000;
const d = 3;
const points = new Float64Array(n * d);
for (let i = 0; i < n; i++) {
  const logFrequency = Math.log1p(-Math.log(1 - rng.next()) * 3);
  points[i * d] = rng.next() * 3;
  points[i * d + 1] = logFrequency;
  points[i * d + 2] = 0.8 * logFrequency + 0.5 * gaussian();
}
const matrix = { data: points, rows: n, cols: d };
const init = kmeansPlusPlus(matrix, 5, createRng(7));
const km = best(3, () => kmeans(matrix, { k: 5, init, nInit: 1 }));
const dataDir = process.env.KMEANS_DATA_DIR;
if (dataDir) {
  writeFileSync(join(dataDir, 'points.f64'), new Uint8Array(points.buffer));
  writeFileSync(join(dataDir, 'init.f64'), new Uint8Array(init.buffer));
}

// Decision tree depth 8 on 100,000 × 10 (churn-like: a few informative features, the rest noise).
const rows = 100_000;
const cols = 10;
const x = new Float64Array(rows * cols);
const y = new Int32Array(rows);
for (let i = 0; i < rows; i++) {
  for (let j = 0; j < cols; j++) x[i * cols + j] = j < 3 ? Math.round(rng.next() * 365) : gaussian();
  const score = 0.01 * x[i * cols]! - 0.004 * x[i * cols + 1]! + 0.3 * x[i * cols + 3]! + gaussian();
  y[i] = score > 1.5 ? 1 : 0;
}
const tree = best(3, () => decisionTree({ data: x, rows, cols }, y, { maxDepth: 8 }));

// Automatic ARIMA on 120 monthly points (trend + yearly season + noise), p, q ≤ 2, d by minimum variance.
const series = Float64Array.from(
  { length: 120 },
  (_, t) => 1000 + 8 * t + 120 * Math.sin((2 * Math.PI * t) / 12) + 40 * gaussian(),
);
const arima = best(5, () => {
  const dOrder = chooseDifferencing(series);
  const { best: fit } = selectArimaOrder(series, dOrder, 2, 2);
  return { order: fit.order, forecast: arimaForecast(series, fit, 12, 0.95) };
});

// Apriori on 100,000 baskets at 1 % support: 200 products with Zipf-like popularity, 1–8 lines a basket,
// and a few products usually bought together.
const basketCount = 100_000;
const offsets = new Int32Array(basketCount + 1);
const items: number[] = [];
for (let b = 0; b < basketCount; b++) {
  const size = 1 + Math.floor(rng.next() ** 2 * 8);
  const basket = new Set<number>();
  while (basket.size < size) basket.add(Math.floor(200 * rng.next() ** 2.5));
  if (basket.has(0) && rng.next() < 0.6) basket.add(7);
  if (basket.has(3) && rng.next() < 0.5) basket.add(11);
  items.push(...basket);
  offsets[b + 1] = items.length;
}
const baskets = { offsets, items: Int32Array.from(items) };
const apriori = best(3, () => {
  const sets = frequentItemsets(baskets, { minSupport: 0.01 });
  return { itemsets: sets.support.length, rules: associationRules(sets, 0.1).lift.length };
});

console.log(
  JSON.stringify({
    rfm: { customers, sales, ms: rfm.ms, runs: rfm.all },
    kmeans: {
      n,
      d,
      k: 5,
      ms: km.ms,
      runs: km.all,
      iterations: km.value.iterations,
      inertia: km.value.inertia,
    },
    tree: { rows, cols, maxDepth: 8, ms: tree.ms, runs: tree.all, nodes: tree.value.feature.length },
    arima: { points: 120, ms: arima.ms, runs: arima.all, order: arima.value.order },
    apriori: { baskets: basketCount, minSupport: 0.01, ms: apriori.ms, runs: apriori.all, ...apriori.value },
  }),
);
