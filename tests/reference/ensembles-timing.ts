/**
 * Timing of the tree models on 100,000 × 10 — a script, not a test. Budget (issue): one decision tree of
 * depth 8 ≤ 2 s. Also a random forest of 50 trees of depth 8 and gradient boosting of 100 stages of depth 3.
 * Run: npx rolldown tests/reference/ensembles-timing.ts --format esm -o /tmp/ensembles-timing.mjs && node /tmp/ensembles-timing.mjs
 * Prints wall time and this process's CPU time (the latter is what matters on a shared, loaded machine).
 */
import { gradientBoosting } from '../../workers/kernels/boosting';
import { decisionTree } from '../../workers/kernels/cart';
import { randomForest } from '../../workers/kernels/forest';
import { createRng } from '../../workers/kernels/random';

const n = 100_000;
const p = 10;
const rng = createRng(2024);
const data = new Float64Array(n * p);
const y = new Int32Array(n);
for (let i = 0; i < n; i++) {
  // Continuous features (every value distinct: the most cut points) and a noisy churn-like label.
  let logit = -0.5;
  for (let j = 0; j < p; j++) {
    const v = rng.next() * 100;
    data[i * p + j] = v;
    logit += j < 4 ? ((j % 2 ? 1 : -1) * (v - 50)) / (15 * (j + 1)) : 0;
  }
  y[i] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
}
const x = { data, rows: n, cols: p };
const runs: [string, () => unknown][] = [
  ['decision tree, depth 8', () => decisionTree(x, y, { maxDepth: 8 })],
  ['random forest, 50 trees of depth 8', () => randomForest(x, y, { trees: 50, maxDepth: 8, seed: 1 })],
  [
    'gradient boosting, 100 stages of depth 3',
    () => gradientBoosting(x, y, { estimators: 100, maxDepth: 3 }),
  ],
];
for (const [name, run] of runs) {
  for (let repeat = 0; repeat < 2; repeat++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(`${name}: wall ${wall.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  }
}
