/**
 * Timing of frequentItemsets + associationRules on 10,000 synthetic baskets (200 items, ~8 per basket,
 * a few planted co-purchase groups) — a script, not a test.
 * Run: npx rolldown tests/reference/apriori-timing.ts --format esm -o /tmp/apriori-timing.mjs && node /tmp/apriori-timing.mjs
 */
import { associationRules, frequentItemsets } from '../../workers/kernels/apriori';
import { createRng } from '../../workers/kernels/random';

const rng = createRng(5);
const basketCount = 10_000;
const offsets = new Int32Array(basketCount + 1);
const items: number[] = [];
for (let b = 0; b < basketCount; b++) {
  const size = 3 + rng.nextInt(10);
  // Skewed popularity: low item ids are bought more often.
  for (let i = 0; i < size; i++) items.push(Math.floor(200 * rng.next() ** 2));
  if (rng.next() < 0.2) items.push(150, 151, 152);
  if (rng.next() < 0.1) items.push(160, 161, 162, 163);
  offsets[b + 1] = items.length;
}
const baskets = { offsets, items: Int32Array.from(items) };
for (const minSupport of [0.05, 0.02, 0.01, 0.005]) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sets = frequentItemsets(baskets, { minSupport });
  const t1 = performance.now();
  const rules = associationRules(sets, 0.5);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `minSupport ${minSupport}: ${sets.count.length} itemsets in ${(t1 - t0).toFixed(0)} ms, ` +
      `${rules.lift.length} rules in ${(t2 - t1).toFixed(0)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
  );
}
