/**
 * `node scripts/bundle-size.mjs`: the JavaScript a first visit downloads before the app can render — the
 * entry chunk named by index.html, every chunk it imports statically (recursively) and every
 * `modulepreload` link — gzipped at level 9, against the 150 KB budget. The sql.js WebAssembly, the
 * workers (started by the app, not by the page) and lazily imported screens are printed for information
 * but are not part of the figure. Exits 1 over budget.
 *
 * Builds the production site into a temporary folder first (not dist/, which the e2e runs share), unless
 * `--dir <folder>` names an existing build. `--json` prints the result as JSON only.
 * scripts/bench.mjs imports `measureInitialJs` and adds the figure to its table and its JSON.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Builds the production site into `outDir` (quietly); throws when the build fails. */
export function buildInto(outDir) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

// Minified ES modules start with their static imports: `import{a as b}from"./x.js";`, `import"./y.js";`,
// `export{c}from"./z.js";`. A dynamic `import("./w.js")` has a parenthesis and is not matched.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;

function staticImports(code) {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]);
}

/** Every file reachable from `roots` through static imports, as paths relative to `dir`. */
function closure(dir, roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${file} is referenced but missing from ${dir}`);
    seen.add(file);
    for (const spec of staticImports(readFileSync(path, 'utf8'))) {
      if (/^[a-z]+:/i.test(spec)) continue; // another origin would be a CSP violation anyway
      queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  }
  return seen;
}

// The message catalogs are chunks of their own (src/lib/i18n/catalogs.svelte.ts), named after their
// modules; main.ts awaits the current language's before mounting, so it counts as initial.
const LOCALE_CHUNKS = { en: /^assets\/en-[\w-]+\.js$/, 'zh-CN': /^assets\/zh-cn-[\w-]+\.js$/ };

/**
 * @param {string} dir a built site (index.html + assets/)
 * @returns {{ files: { file: string, raw: number, gzip: number }[], raw: number, gzip: number,
 *   locales: Record<string, { extra: string[], raw: number, gzip: number }>, worst: number, catalogsInShell: string[],
 *   budget: number, withinBudget: boolean, notCounted: { file: string, raw: number, gzip: number }[] }}
 */
export function measureInitialJs(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((url) => posix.normalize(url.replace(/^\.?\//, '')));
  if (roots.length === 0) throw new Error(`${dir}/index.html names no module script`);

  const sizes = new Map();
  const size = (file) => {
    let entry = sizes.get(file);
    if (!entry) {
      const bytes = readFileSync(join(dir, file));
      entry = { file, raw: bytes.length, gzip: gzipSize(bytes) };
      sizes.set(file, entry);
    }
    return entry;
  };
  const sum = (files, key) => files.reduce((total, file) => total + size(file)[key], 0);

  const initial = closure(dir, roots);
  const assets = readdirSync(join(dir, 'assets')).map((name) => `assets/${name}`);
  const locales = {};
  for (const [locale, pattern] of Object.entries(LOCALE_CHUNKS)) {
    const chunks = assets.filter((file) => pattern.test(file));
    const extra = [...closure(dir, chunks)].filter((file) => !initial.has(file));
    locales[locale] = { extra, raw: sum(extra, 'raw'), gzip: sum(extra, 'gzip') };
  }
  const files = [...initial].map(size).sort((a, b) => b.gzip - a.gzip);
  const raw = sum([...initial], 'raw');
  const gzip = sum([...initial], 'gzip');
  const worst = gzip + Math.max(0, ...Object.values(locales).map((l) => l.gzip));
  // A static import of a catalog (`import { en } from '…/messages/en'`) puts it in every visitor's download.
  const catalogsInShell = Object.entries(LOCALE_CHUNKS)
    .filter(([, pattern]) => [...initial].some((file) => pattern.test(file)))
    .map(([locale]) => locale);
  const counted = new Set([...initial, ...Object.values(locales).flatMap((l) => l.extra)]);
  const notCounted = assets
    .filter((file) => /\.(js|wasm)$/.test(file) && !counted.has(file))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    raw,
    gzip,
    locales,
    worst,
    catalogsInShell,
    budget: BUDGET_BYTES,
    withinBudget: worst <= BUDGET_BYTES && catalogsInShell.length === 0,
    notCounted,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function printInitialJs(result, { all = false } = {}) {
  const row = (name, raw, gzip, note = '') =>
    console.log(`  ${name.padEnd(46)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)}${note}`);
  console.log('initial JavaScript (entry + static imports + modulepreloads), gzip -9:');
  for (const f of result.files) row(f.file, f.raw, f.gzip);
  row('shell total', result.raw, result.gzip);
  for (const [locale, l] of Object.entries(result.locales)) {
    const total = result.gzip + l.gzip;
    row(`+ ${locale} messages (${l.extra.join(', ') || 'already in the shell'})`, l.raw, l.gzip);
    row(
      `= first visit in ${locale}`,
      result.raw + l.raw,
      total,
      `   budget ${kb(result.budget)}: ${total <= result.budget ? 'ok' : 'OVER'}`,
    );
  }
  const shown = all ? result.notCounted : result.notCounted.slice(0, 8);
  console.log('loaded later (workers, WebAssembly, screens on first use), largest first:');
  for (const f of shown) row(f.file, f.raw, f.gzip);
  if (shown.length < result.notCounted.length)
    console.log(`  … ${result.notCounted.length - shown.length} more`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dir');
  let dir = at >= 0 ? args[at + 1] : undefined;
  if (!dir) {
    dir = join(tmpdir(), 'crm-bundle-size');
    buildInto(dir);
  }
  const result = measureInitialJs(dir);
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printInitialJs(result, { all: args.includes('--all') });
  if (result.catalogsInShell.length > 0) {
    console.error(
      `the ${result.catalogsInShell.join(', ')} message catalog is imported statically: import messages through ` +
        `src/lib/i18n (t, hasMessage) or catalogs.svelte.ts, never from messages/en.ts or zh-cn.ts`,
    );
    process.exit(1);
  }
  if (!result.withinBudget) {
    console.error(`initial JavaScript ${kb(result.worst)} gzip is over the ${kb(result.budget)} budget`);
    process.exit(1);
  }
}
