// @ts-check
/**
 * The kernel part of `npm run bench`: bundles bench/kernels-bench.ts, runs it in Node and, when Debian's
 * python3-sklearn is installed, times scikit-learn's KMeans on the same points and initial centroids.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {Record<string, any>} */
export function benchKernels() {
  const folder = mkdtempSync(join(tmpdir(), 'crm-kernels-'));
  try {
    const bundle = join(folder, 'kernels-bench.mjs');
    const built = spawnSync(
      'npx',
      ['rolldown', 'bench/kernels-bench.ts', '--format', 'esm', '--platform', 'node', '-o', bundle],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (built.status !== 0) throw new Error('could not bundle bench/kernels-bench.ts');
    const run = spawnSync('node', ['--max-old-space-size=8192', bundle], {
      env: { ...process.env, KMEANS_DATA_DIR: folder },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) throw new Error(`kernel bench failed: ${run.stderr}`);
    const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    const python = spawnSync('/usr/bin/python3', ['bench/sklearn_kmeans.py', folder], { encoding: 'utf8' });
    figures.sklearnKmeans =
      python.status === 0
        ? JSON.parse(python.stdout.trim().split('\n').at(-1) ?? '{}')
        : { error: 'not measured: install Debian’s python3-sklearn (apt-get install -y python3-sklearn)' };
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
