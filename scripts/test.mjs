// @ts-check
/**
 * `npm test`: unit tests (vitest, Node) then end-to-end tests (Playwright, system Chromium) against the
 * built site served by `vite preview`. Ends with one line "N passed, N failed" over both suites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureSqlite3, findChromium } from './find-chromium.mjs';

const e2eOnly = process.argv.includes('--e2e-only');
const extra = process.argv.slice(2).filter((arg) => arg !== '--e2e-only');
mkdirSync('test-results', { recursive: true });

/** @type {(command: string, args: string[], env?: Record<string, string>) => number} */
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let chromium;
try {
  chromium = findChromium({ install: true });
  ensureSqlite3({ install: true });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

if (!e2eOnly) {
  status |= run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]);
  if (existsSync('test-results/unit.json')) {
    const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
    counts.passed += unit.numPassedTests;
    counts.failed += unit.numFailedTests;
    counts.skipped += unit.numPendingTests + unit.numTodoTests;
  }
}

const built = run('npx', ['vite', 'build', '--logLevel', 'warn']) === 0;
status |= built ? 0 : 1;
if (built) {
  status |= run('npx', ['playwright', 'test', ...extra], { CHROMIUM_PATH: chromium });
  if (existsSync('test-results/e2e.json')) {
    const e2e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    counts.passed += e2e.stats.expected;
    counts.failed += e2e.stats.unexpected + e2e.stats.flaky;
    counts.skipped += e2e.stats.skipped;
  }
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
