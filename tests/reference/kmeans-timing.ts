/**
 * Timing of one k-means++ run (nInit = 1, k = 5) on 1,000,000 × 3 points — a script, not a test.
 * Run: npx rolldown tests/reference/kmeans-timing.ts --format esm -o /tmp/kmeans-timing.mjs && node /tmp/kmeans-timing.mjs
 * Prints wall time and this process's CPU time (the latter is what matters on a shared, loaded machine).
 */
import { kmeans } from '../../workers/kernels/kmeans';
import { createRng } from '../../workers/kernels/random';

const n = 1_000_000;
const d = 3;
const rng = createRng(123);
const blobs = new Float64Array(n * d);
const uniform = new Float64Array(n * d);
const rfmLike = new Float64Array(n * d);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
for (let i = 0; i < n; i++) {
  // Standardised-ish recency (uniform), log frequency and log monetary (skewed, correlated): RFM clustering.
  const logFrequency = Math.log1p(-Math.log(1 - rng.next()) * 3);
  rfmLike[i * d] = rng.next() * 3;
  rfmLike[i * d + 1] = logFrequency;
  rfmLike[i * d + 2] = 0.8 * logFrequency + 0.5 * gaussian();
  const blob = rng.nextInt(5);
  for (let j = 0; j < d; j++) {
    blobs[i * d + j] = blob * 3 * (j + 1) + (rng.next() + rng.next() + rng.next() - 1.5) * 3;
    uniform[i * d + j] = rng.next() * 10;
  }
}
for (const [name, data] of [
  ['overlapping blobs', blobs],
  ['RFM-like (skewed, no clear clusters)', rfmLike],
  ['uniform cube (worst case: many iterations)', uniform],
] as const) {
  for (let run = 0; run < 3; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = kmeans({ data, rows: n, cols: d }, { k: 5, nInit: 1, seed: run });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `${name}, seed ${run}: wall ${wall.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ` +
        `${result.iterations} iterations`,
    );
  }
}
