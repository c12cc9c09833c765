/**
 * Writes the shipped scenario files public/scenarios/<id>.json from the sources in this folder (Vite copies
 * public/ into dist/ as static files). `--check` writes nothing and fails when a shipped file differs from
 * its source (a unit test runs it, so the two never drift apart).
 *
 *   node scripts/scenarios/build.mjs          # regenerate
 *   node scripts/scenarios/build.mjs --check  # verify
 */
import { readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import * as prettier from 'prettier';
import b2bSales from './b2b-sales.mjs';
import retail from './retail.mjs';
import service from './service.mjs';

const SCENARIOS = [retail, b2bSales, service];
const check = process.argv.includes('--check');
let stale = 0;

for (const scenario of SCENARIOS) {
  const file = new URL(`../../public/scenarios/${scenario.id}.json`, import.meta.url);
  // Round-trip so `undefined` and key order match what a reader of the JSON sees.
  const data = JSON.parse(JSON.stringify(scenario));
  if (check) {
    const shipped = await readFile(file, 'utf8').then(JSON.parse, () => null);
    if (!isDeepStrictEqual(shipped, data)) {
      stale++;
      console.error(`public/scenarios/${scenario.id}.json differs from scripts/scenarios/${scenario.id}.mjs`);
    }
  } else {
    // Formatted as `npm run check` (prettier) expects, so regenerating never fails the format check.
    const options = (await prettier.resolveConfig(file)) ?? {};
    await writeFile(file, await prettier.format(JSON.stringify(data), { ...options, parser: 'json' }));
    console.log(`wrote public/scenarios/${scenario.id}.json`);
  }
}
if (stale > 0) {
  console.error('Run `node scripts/scenarios/build.mjs` to regenerate them.');
  process.exit(1);
}
