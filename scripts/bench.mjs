/**
 * `npm run bench`: builds the app with its benchmark harness page, serves it, and measures in headless
 * Chromium, for the small demo profile and the bench profile (1,000,000 customers, 5,000,000 orders):
 * durable save per edit vs the whole-image save a naive sql.js app does, cold start to the first list
 * page rendered, the list page query p95, main-thread long tasks while scrolling the list, and peak
 * memory of the tab's renderer process. Prints a table and writes bench/results/<time>.json.
 *
 * BENCH_CUSTOMERS / BENCH_ORDERS shrink the bench profile for a quick run; BENCH_REUSE=1 keeps a browser
 * profile in the temp folder so a second run reuses the generated workspaces (the 1M load takes minutes).
 */
import { chromium } from '@playwright/test';
import { execSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { benchKernels } from './bench-kernels.mjs';
import { buildInto, measureInitialJs, printInitialJs } from './bundle-size.mjs';

const PORT = 4183;
const ORIGIN = `http://localhost:${PORT}`;
const BIG = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 1_000_000),
  orders: Number(process.env.BENCH_ORDERS ?? 5_000_000),
};
const IMPORT_CONTACTS = Number(process.env.BENCH_IMPORT_CONTACTS ?? 100_000);
const WORKFLOW_LEADS = Number(process.env.BENCH_WORKFLOW_LEADS ?? 10_000);
/** @param {...unknown} args */
const REUSE = process.env.BENCH_REUSE === '1';
/** BENCH_ONLY=analytics: load the profiles, then measure only the analytics (a quick re-run). */
const ONLY_ANALYTICS = process.env.BENCH_ONLY === 'analytics';
/** BENCH_ONLY=workflow: load the profiles, then measure only the workflow rules (imports, date rules). */
const ONLY_WORKFLOW = process.env.BENCH_ONLY === 'workflow';
/** BENCH_ONLY=workspace: load the profiles, then measure only issue 3's figures (lists, groups, kanban,
 * timeline, search, cold start). */
const ONLY_WORKSPACE = process.env.BENCH_ONLY === 'workspace';
const log = (...args) => console.log('[bench]', ...args);

function build() {
  log('building (vite build --mode bench)…');
  const status = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn'], {
    stdio: 'inherit',
  }).status;
  if (status !== 0) throw new Error('build failed');
}

async function serve() {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--mode', 'bench', '--outDir', 'dist-bench', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('preview server did not start');
}

/** Resident memory (bytes) of Chromium's renderer processes: the tab, its workers and their heaps. */
function rendererRss() {
  const out = execSync('ps -eo rss=,args=', { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  let total = 0;
  for (const line of out.split('\n')) {
    if (line.includes('--type=renderer') && !line.includes('--extension-process'))
      total += Number(line.trim().split(/\s+/)[0]) * 1024;
  }
  return total;
}

function memorySampler() {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rendererRss())), 1000);
  return { stop: () => (clearInterval(timer), Math.max(peak, rendererRss())) };
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} store
 */
async function harness(context, store) {
  const page = await context.newPage();
  page.on(
    'console',
    (/** @type {import('@playwright/test').ConsoleMessage} */ message) =>
      message.text().startsWith('[bench]') && log(message.text().slice(8)),
  );
  await page.goto(`${ORIGIN}/bench/index.html?store=${store}`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

const LONG_TASK_OBSERVER = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Opens the real app on `store`, returns ms from navigation to the first list page rendered. */
/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} store
 */
async function coldStart(context, store) {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.goto(`${ORIGIN}/index.html?store=${store}#/customers`);
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('crm:first-list-page')[0]?.startTime,
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  return { page, ms: await handle.jsonValue() };
}

/** Scrolls the customer list like an impatient user for `seconds`; counts main-thread tasks over 50 ms. */
/**
 * @param {import('@playwright/test').Page} page
 * @param {number} seconds
 */
async function scrollLongTasks(page, seconds) {
  const scroller = page.locator('[data-scroll-container]').first();
  await scroller.waitFor();
  const startedAt = await page.evaluate(() => performance.now());
  const box = await scroller.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const until = Date.now() + seconds * 1000;
  let step = 0;
  while (Date.now() < until) {
    if (step % 25 === 24) {
      // a jump, as when dragging the scrollbar
      await scroller.evaluate(
        (el, fraction) => (el.scrollTop = fraction * el.scrollHeight),
        (step * 0.37) % 1,
      );
    } else {
      await page.mouse.wheel(0, 1200);
    }
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    step++;
  }
  const tasks = await page.evaluate(
    (t0) =>
      /** @type {{ start: number; duration: number }[]} */ (Reflect.get(window, '__longTasks')).filter(
        (task) => task.start >= t0,
      ),
    startedAt,
  );
  return {
    scrollSteps: step,
    longTasks: tasks.length,
    longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
  };
}

/**
 * ~50 Latin and ~50 Chinese global-search queries drawn from customers of the loaded profile: parts of
 * Chinese names (a person's given name, a company's brand and trade without the city), English name
 * words and their prefixes, email local parts, the first digits of phone numbers.
 * @param {{ name: string; email: string; phone: string }[]} samples
 */
function searchQueries(samples) {
  const cjk = /[\u4e00-\u9fff]/;
  const chinese = [];
  const latin = [];
  samples.forEach((sample, i) => {
    const chars = Array.from(sample.name);
    if (cjk.test(sample.name)) {
      if (chinese.length >= 50) return;
      if (chars.length <= 3) chinese.push(i % 2 ? sample.name : chars.slice(1).join(''));
      else chinese.push(chars.slice(2, 4 + (i % 3)).join(''));
      return;
    }
    if (latin.length >= 50) return;
    const words = sample.name.split(/\s+/);
    const digits = sample.phone.replace(/\D/g, '');
    const kinds = [
      () => words[0],
      () => words[0]?.slice(0, 4),
      () => sample.email.split('@')[0]?.slice(0, 6),
      () => (digits.length >= 7 ? digits.slice(0, 7) : words[1]),
      () => words.slice(0, 2).join(' '),
    ];
    const query = kinds[i % kinds.length]();
    if (query) latin.push(query);
  });
  return { latin, chinese };
}

/**
 * Opens the kanban board in the running app (`#/pipeline`, all owners) `runs` times, leaving for Settings in
 * between, and returns the median ms from the navigation to the board in the document (the view's
 * `crm:pipeline-board` mark, taken after the DOM update) plus main-thread tasks over 50 ms meanwhile.
 */
/**
 * @param {import('@playwright/test').Page} page
 * @param {number} runs
 */
async function kanbanRender(page, runs) {
  const times = [];
  let longTasks = 0;
  let longestMs = 0;
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.waitForTimeout(300);
    const t0 = await page.evaluate(() => {
      const started = performance.now();
      location.hash = '#/pipeline';
      return started;
    });
    const handle = await page.waitForFunction(
      (since) =>
        performance.getEntriesByName('crm:pipeline-board').find((mark) => mark.startTime >= since)?.startTime,
      t0,
      { timeout: 60_000, polling: 20 },
    );
    times.push((await handle.jsonValue()) - t0);
    await page.waitForTimeout(300); // long tasks are reported after they end
    const tasks = await page.evaluate(
      (since) =>
        /** @type {{ start: number; duration: number }[]} */ (Reflect.get(window, '__longTasks')).filter(
          (task) => task.start >= since,
        ),
      t0,
    );
    longTasks += tasks.length;
    longestMs = Math.max(longestMs, ...tasks.map((task) => task.duration));
  }
  const cards = await page.locator('[data-card-id]').count();
  return { ms: median(times), runs: times, longTasks, longestMs, cardsRendered: cards };
}

function logWorkflow(name, workflow) {
  log(
    `${name}: ${WORKFLOW_LEADS} leads imported in ${Math.round(workflow.without.ms)} ms without rules, ` +
      `${Math.round(workflow.withRules.ms)} ms with three (+${Math.round(workflow.extraMs)} ms); date rules over ` +
      `${workflow.contracts} contracts: ${workflow.catchUp.map((p) => `${p.fired} fired in ${Math.round(p.ms)} ms`).join(', ')}, ` +
      `idle pass ${Math.round(workflow.idle?.ms ?? NaN)} ms; ${workflow.longTasks} long tasks`,
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Issue 3's figures on an open bench page: list pages, filter + sort + group, kanban, timeline, search. */
async function measureWorkspace(page, profile, result) {
  result.list = await page.evaluate((n) => window.bench.listQueries(n), 20);
  result.filterSortGroup = await page.evaluate((n) => window.bench.filterSortGroup(n), 8);
  log(
    `${profile.name}: customer filter + sort + group p95 ${result.filterSortGroup.overall.p95.toFixed(1)} ms, ${result.filterSortGroup.longTasks} long tasks`,
  );
  result.kanbanQuery = await page.evaluate((n) => window.bench.kanbanQuery(n), 10);
  log(
    `${profile.name}: kanban query p95 ${result.kanbanQuery.p95.toFixed(1)} ms over ${result.kanbanQuery.openOpportunities} open opportunities`,
  );
  result.timeline = await page.evaluate((n) => window.bench.timeline(n), 20);
  log(
    `${profile.name}: timeline of customer ${result.timeline.customerId} (${result.timeline.events} events, ${result.timeline.added} activities added) first page p95 ${result.timeline.firstPage.p95.toFixed(1)} ms`,
  );
  const samples = await page.evaluate((n) => window.bench.searchSamples(n), 400);
  result.search = await page.evaluate((groups) => window.bench.search(groups), searchQueries(samples));
  log(
    `${profile.name}: global search p95 Latin ${result.search.groups.latin?.p95.toFixed(1)} ms, Chinese ${result.search.groups.chinese?.p95.toFixed(1)} ms, ${result.search.longTasks} long tasks`,
  );
}

/** Three cold starts (median), then scrolling and the kanban board on the last one. */
async function coldStartAndBoard(context, store, profile, result) {
  const starts = [];
  let appPage = null;
  for (let i = 0; i < 3; i++) {
    if (appPage) await appPage.close();
    const started = await coldStart(context, store);
    starts.push(started.ms);
    appPage = started.page;
  }
  result.coldStartMs = median(starts);
  result.coldStartRuns = starts;
  result.scroll = await scrollLongTasks(appPage, profile.big ? 8 : 4);
  result.kanban = await kanbanRender(appPage, 3);
  log(
    `${profile.name}: kanban rendered in ${Math.round(result.kanban.ms)} ms, ${result.kanban.longTasks} long tasks`,
  );
  await appPage.close();
}

async function measureProfile(context, profile) {
  const memory = memorySampler();
  const store = REUSE ? `bench-${profile.name}` : `bench-${profile.name}-${Date.now()}`;
  const page = await harness(context, store);
  const result = { profile: profile.name };
  const opened = await page.evaluate(() => window.bench.open());
  result.openMs = opened.ms;
  const expected = profile.big ? BIG.customers : 500;
  if (REUSE && opened.customerCount === expected) {
    log(`${profile.name}: reusing the ${expected} customers generated by an earlier run (BENCH_REUSE)`);
    result.load = { ms: NaN, reused: true, customers: expected, orders: profile.big ? BIG.orders : NaN };
  } else {
    log(`${profile.name}: loading data…`);
    result.load = profile.big
      ? await page.evaluate(({ customers, orders }) => window.bench.loadLarge(customers, orders), BIG)
      : await page.evaluate(() => window.bench.loadSmall());
  }
  log(`${profile.name}: loaded in ${Math.round(result.load.ms)} ms`);
  if (ONLY_WORKFLOW) {
    result.workflow = await page.evaluate((n) => window.bench.workflow(n), WORKFLOW_LEADS);
    logWorkflow(profile.name, result.workflow);
    await page.close();
    return result;
  }
  if (ONLY_WORKSPACE) {
    // The first group right after open is answered by SQL (the facet columns are still being read).
    result.firstGroupAfterOpen = await page.evaluate((n) => window.bench.filterSortGroup(n), 1);
    log(
      `${profile.name}: first filter + sort + group right after open, max ${result.firstGroupAfterOpen.overall.max.toFixed(0)} ms`,
    );
    await page.waitForTimeout(profile.big ? 30_000 : 3_000); // facet columns: ~1.5 s delay + chunked reads
    await measureWorkspace(page, profile, result);
    await page.close();
    await coldStartAndBoard(context, store, profile, result);
    result.peakRendererBytes = memory.stop();
    return result;
  }
  result.analytics = await page.evaluate(() => window.bench.analytics());
  log(`${profile.name}: analytics ${JSON.stringify(result.analytics)}`);
  if (ONLY_ANALYTICS) {
    await page.close();
    result.peakRendererBytes = memory.stop();
    return result;
  }
  result.save = await page.evaluate((n) => window.bench.saves(n), profile.big ? 200 : 300);
  log(`${profile.name}: save p50 ${result.save.p50.toFixed(1)} ms`);
  result.checkpointMs = await page.evaluate(() => window.bench.checkpoint());
  result.wholeImage = await page.evaluate((n) => window.bench.wholeImage(n), profile.big ? 2 : 5);
  log(
    `${profile.name}: whole-image save ${result.wholeImage.saved ? `${Math.round(result.wholeImage.total.p50)} ms` : `failed (${result.wholeImage.failure})`}`,
  );
  await measureWorkspace(page, profile, result);
  result.storage = await page.evaluate(() => window.bench.storage());
  result.sqliteExport = await page.evaluate(() => window.bench.sqliteExport());
  result.csvExport = await page.evaluate(() => window.bench.exportCustomersCsv());
  log(
    `${profile.name}: CSV export of ${result.csvExport.records} customers ${Math.round(result.csvExport.ms)} ms`,
  );
  result.importContacts = await page.evaluate((n) => window.bench.importContacts(n), IMPORT_CONTACTS);
  log(`${profile.name}: import of ${IMPORT_CONTACTS} contacts ${Math.round(result.importContacts.ms)} ms`);
  result.workflow = await page.evaluate((n) => window.bench.workflow(n), WORKFLOW_LEADS);
  logWorkflow(profile.name, result.workflow);
  // The import and its undo leave two large log records that an open would replay; a user who stays two
  // seconds gets them folded into a snapshot. Cold start below is measured at rest, as before.
  await page.evaluate(() => window.bench.checkpoint());
  log(`${profile.name}: .sqlite export ${Math.round(result.sqliteExport.ms)} ms`);
  await page.close();

  await coldStartAndBoard(context, store, profile, result);
  result.peakRendererBytes = memory.stop();
  return result;
}

function analyticsTable(small, big, kernels) {
  const f = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const cell = (r) => `${f(r.ms)} / ${r.longTasks}`;
  const sk = kernels.sklearnKmeans;
  const rows = [
    [
      'RFM, cold: read sales + score (ms / long tasks)',
      cell(small.analytics.rfmCold),
      cell(big.analytics.rfmCold),
      '',
    ],
    [
      'RFM, warm: score cached columns',
      cell(small.analytics.rfmWarm),
      cell(big.analytics.rfmWarm),
      '≤ 2000 / 0',
    ],
    [
      'k-means k = 5 segmentation, whole page run',
      cell(small.analytics.kmeans),
      cell(big.analytics.kmeans),
      '0 long tasks',
    ],
    [
      'churn tree depth 8, whole page run',
      cell(small.analytics.tree),
      cell(big.analytics.tree),
      '0 long tasks',
    ],
    [
      'revenue ARIMA forecast, whole page run',
      cell(small.analytics.forecast),
      cell(big.analytics.forecast),
      '0 long tasks',
    ],
    [
      'basket rules over newest 100k orders',
      cell(small.analytics.basket),
      cell(big.analytics.basket),
      '0 long tasks',
    ],
  ];
  const kernelRows = [
    [
      `RFM scores, ${kernels.rfm.customers} customers × ${kernels.rfm.sales} sales (ms)`,
      f(kernels.rfm.ms),
      '≤ 2000',
    ],
    [
      `k-means k = 5, ${kernels.kmeans.n} × 3, n_init 1 (ms, ${kernels.kmeans.iterations} iterations)`,
      f(kernels.kmeans.ms),
      '≤ 1000',
    ],
    [
      `scikit-learn ${sk.sklearn ?? ''} KMeans, same data and init (ms): all cores / 1 thread`,
      sk.error ?? `${f(sk.ms)} / ${f(sk.msOneThread)} (${sk.iterations} iterations)`,
      '',
    ],
    [
      '  ours ÷ scikit-learn (all cores / 1 thread)',
      sk.error ? '–' : `${f(kernels.kmeans.ms / sk.ms, 2)} / ${f(kernels.kmeans.ms / sk.msOneThread, 2)}`,
      '≤ 2',
    ],
    [`decision tree depth 8, ${kernels.tree.rows} × ${kernels.tree.cols} (ms)`, f(kernels.tree.ms), '≤ 2000'],
    [`automatic ARIMA, ${kernels.arima.points} monthly points (ms)`, f(kernels.arima.ms, 1), '≤ 200'],
    [`Apriori, ${kernels.apriori.baskets} baskets at 1 % support (ms)`, f(kernels.apriori.ms), '≤ 2000'],
  ];
  console.log('\nanalytics in the app (small │ bench profile)');
  for (const r of rows) console.log(`  ${r[0].padEnd(50)} ${r[1].padEnd(14)} ${r[2].padEnd(14)} ${r[3]}`);
  console.log('\nanalytics kernels in Node (best of 3; same V8 as the worker)');
  for (const r of kernelRows) console.log(`  ${r[0].padEnd(78)} ${r[1].padEnd(28)} ${r[2]}`);
}

function table(small, big) {
  const f = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
  const naive = (p) => (p.wholeImage.saved ? f(p.wholeImage.total.p50) : 'fails');
  // When the naive save cannot be stored at all, its export alone is a lower bound on its cost.
  const ratio = (p) =>
    p.wholeImage.saved
      ? f(p.save.p50 / p.wholeImage.total.p50, 4)
      : `≤ ${f(p.save.p50 / p.wholeImage.exportOnly.p50, 4)} (vs export alone)`;
  const rows = [
    [
      'data',
      `${small.load.customers} customers`,
      `${big.load.customers} customers, ${big.load.orders} orders`,
      '',
    ],
    ['database size', mb(small.storage.databaseBytes), mb(big.storage.databaseBytes), ''],
    ['durable save p50 (ms)', f(small.save.p50), f(big.save.p50), '≤ 5'],
    ['durable save p95 (ms)', f(small.save.p95), f(big.save.p95), '≤ 25'],
    ['save p50 bench/small', '', f(big.save.p50 / small.save.p50, 2), '≤ 1.5'],
    ['whole-image save p50 (ms)', naive(small), naive(big), '(naive sql.js app)'],
    ['  of which export() (ms)', f(small.wholeImage.exportOnly.p50), f(big.wholeImage.exportOnly.p50), ''],
    ['durable save / whole-image', ratio(small), ratio(big), '≤ 0.05 at 1M'],
    ['cold start → first list page (ms)', f(small.coldStartMs, 0), f(big.coldStartMs, 0), '≤ 500 / ≤ 3000'],
    ['list page query p95 (ms)', f(small.list.overall.p95), f(big.list.overall.p95), '≤ 50 at 1M'],
    [
      'global search p95 Latin / Chinese (ms)',
      `${f(small.search.groups.latin?.p95)} / ${f(small.search.groups.chinese?.p95)}`,
      `${f(big.search.groups.latin?.p95)} / ${f(big.search.groups.chinese?.p95)}`,
      '≤ 100',
    ],
    ['long tasks > 50 ms while searching', String(small.search.longTasks), String(big.search.longTasks), '0'],
    ['long tasks > 50 ms while scrolling', String(small.scroll.longTasks), String(big.scroll.longTasks), '0'],
    [
      'kanban: open opportunities',
      String(small.kanbanQuery.openOpportunities),
      String(big.kanbanQuery.openOpportunities),
      '≥ 10000 at bench',
    ],
    [
      'customer filter + sort + group p95 (ms) / long tasks',
      `${f(small.filterSortGroup.overall.p95)} / ${small.filterSortGroup.longTasks}`,
      `${f(big.filterSortGroup.overall.p95)} / ${big.filterSortGroup.longTasks}`,
      '≤ 150 / 0',
    ],
    ['kanban board query p95 (ms)', f(small.kanbanQuery.p95), f(big.kanbanQuery.p95), ''],
    [
      'kanban open → rendered (ms) / long tasks',
      `${f(small.kanban.ms, 0)} / ${small.kanban.longTasks}`,
      `${f(big.kanban.ms, 0)} / ${big.kanban.longTasks}`,
      '≤ 300 / 0',
    ],
    [
      'timeline of 1,000 events: first page p95 (ms) / long tasks',
      `${f(small.timeline.firstPage.p95)} / ${small.timeline.longTasks}`,
      `${f(big.timeline.firstPage.p95)} / ${big.timeline.longTasks}`,
      '≤ 100 / 0',
    ],
    ['  a page 450 events deep, p95 (ms)', f(small.timeline.deepPage.p95), f(big.timeline.deepPage.p95), ''],
    ['peak renderer memory', mb(small.peakRendererBytes), mb(big.peakRendererBytes), '(reported)'],
    [
      '.sqlite export (ms) / long tasks',
      `${f(small.sqliteExport.ms, 0)} / ${small.sqliteExport.longTasks}`,
      `${f(big.sqliteExport.ms, 0)} / ${big.sqliteExport.longTasks}`,
      '≤ 2000 / 0',
    ],
    [
      'CSV export of all customers (ms) / long tasks',
      `${f(small.csvExport.ms, 0)} / ${small.csvExport.longTasks}`,
      `${f(big.csvExport.ms, 0)} / ${big.csvExport.longTasks}`,
      '≤ 5000 at 1M / 0',
    ],
    [
      `import ${IMPORT_CONTACTS} contacts from CSV (ms) / long tasks`,
      `${f(small.importContacts.ms, 0)} / ${small.importContacts.longTasks}`,
      `${f(big.importContacts.ms, 0)} / ${big.importContacts.longTasks}`,
      '≤ 3000 / 0',
    ],
    [
      `import ${WORKFLOW_LEADS} leads: without rules / with three (ms)`,
      `${f(small.workflow.without.ms, 0)} / ${f(small.workflow.withRules.ms, 0)}`,
      `${f(big.workflow.without.ms, 0)} / ${f(big.workflow.withRules.ms, 0)}`,
      '',
    ],
    ['  cost of the three rules (ms)', f(small.workflow.extraMs, 0), f(big.workflow.extraMs, 0), '≤ 1000'],
    [
      'date rules: first catch-up pass (ms) / firings',
      `${f(small.workflow.catchUp[0]?.ms, 0)} / ${small.workflow.catchUp[0]?.fired ?? 0}`,
      `${f(big.workflow.catchUp[0]?.ms, 0)} / ${big.workflow.catchUp[0]?.fired ?? 0}`,
      '',
    ],
    [
      `date rules: the minute's pass over all contracts (ms)`,
      `${f(small.workflow.idle?.ms, 0)} (${small.workflow.contracts})`,
      `${f(big.workflow.idle?.ms, 0)} (${big.workflow.contracts})`,
      '≤ 2000',
    ],
    [
      'long tasks > 50 ms during imports and date rules',
      String(small.workflow.longTasks),
      String(big.workflow.longTasks),
      '0',
    ],
    ['bulk load + snapshot (ms)', f(small.load.ms, 0), f(big.load.ms, 0), ''],
    ['checkpoint (ms)', f(small.checkpointMs, 0), f(big.checkpointMs, 0), ''],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join(' │ ');
  console.log('\n' + line(['figure', 'small', 'bench', 'goal']));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
  for (const p of [small, big]) {
    if (p.wholeImage.failure)
      console.log(`\nnaive whole-image save, ${p.profile} profile: ${p.wholeImage.failure}`);
  }
  console.log('\nlist query shapes at bench profile (p95 ms):');
  for (const [name, s] of Object.entries(big.list.shapes)) console.log(`  ${name.padEnd(40)} ${f(s.p95)}`);
}

async function main() {
  // The shipped build (not dist-bench, whose chunks are shared with the harness page), in a folder of its own.
  log('measuring the initial JavaScript of the production build…');
  const bundleDir = join(tmpdir(), 'crm-bench-bundle');
  buildInto(bundleDir);
  const initialJs = measureInitialJs(bundleDir);
  build();
  const server = await serve();
  const options = { executablePath: findChromium({ install: true }), args: CHROMIUM_ARGS };
  // BENCH_REUSE keeps the browser profile (and the generated workspaces) between runs.
  const browser = REUSE ? null : await chromium.launch(options);
  const newContext = async () =>
    browser
      ? browser.newContext()
      : chromium.launchPersistentContext(join(tmpdir(), 'crm-bench-profile'), options);
  try {
    let context = await newContext();
    const small = await measureProfile(context, { name: 'small', big: false });
    await context.close();
    context = await newContext();
    const big = await measureProfile(context, { name: 'bench', big: true });
    await context.close();
    if (!ONLY_WORKFLOW && !ONLY_WORKSPACE) log('kernel timings in Node and scikit-learn…');
    const kernels = ONLY_WORKFLOW || ONLY_WORKSPACE ? null : benchKernels();
    if (!ONLY_ANALYTICS && !ONLY_WORKFLOW && !ONLY_WORKSPACE) table(small, big);
    console.log('');
    printInitialJs(initialJs);
    if (kernels) analyticsTable(small, big, kernels);
    mkdirSync('bench/results', { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const report = {
      at: new Date().toISOString(),
      chromium: browser?.version() ?? 'persistent profile',
      small,
      bench: big,
      kernels,
      initialJs: { ...initialJs, notCounted: undefined },
      size: BIG,
    };
    writeFileSync(`bench/results/${stamp}.json`, JSON.stringify(report, null, 2));
    writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2));
    log(`saved bench/results/${stamp}.json`);
  } finally {
    await browser?.close();
    process.kill(-server.pid);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
