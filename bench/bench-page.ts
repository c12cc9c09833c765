/**
 * Benchmark harness page (built only by `vite build --mode bench`). Exposes measurements on
 * `window.bench` for scripts/bench.mjs; each one times round trips from the main thread, i.e. what the
 * UI waits for.
 */
import { callback, dbClient, openDatabase } from '../src/lib/db-client';
import type { WholeImageSave } from '../workers/db/api';
import type { CustomerInput, CustomerListQuery } from '../workers/db/contract';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const summary = (values: number[]) => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});

async function unwrap<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; message: string }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.message);
  return settled.value;
}

// Main-thread tasks over 50 ms, so each data-in/data-out figure can say whether the page stayed responsive.
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

/** Runs `task`, returning its wall time from the main thread and the main-thread long tasks meanwhile. */
async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; longTasks: number; value: T }> {
  const started = performance.now();
  const value = await task();
  const ms = performance.now() - started;
  // A long task is reported after it ends; give the observer a frame to deliver the last ones.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { ms, longTasks: longTasks.filter((t) => t.start >= started).length, value };
}

const bench = {
  /**
   * Each analysis through the real path (DB worker columns → analytics worker → summary), timed from the
   * page with the main thread's long tasks meanwhile. RFM runs twice: cold (columns read from SQLite) and
   * warm (the analytics worker's cached columns), which separates reading from computing.
   */
  async analytics() {
    const { runAnalysis } = await import('../src/lib/analytics-client');
    const currency = (await unwrap(dbClient().saleCurrencies()))[0]?.currency ?? 'CNY';
    const dataVersion = Date.now();
    const run = (request: Record<string, unknown>) =>
      timed(() =>
        unwrap(
          runAnalysis({ ...request, currency, dataVersion } as never, () => undefined) as Promise<
            { ok: true; value: Record<string, unknown> } | { ok: false; message: string }
          >,
        ),
      );
    const features = ['recency', 'frequency', 'monetary'];
    const rfmCold = await run({ kind: 'rfm' });
    const rfmWarm = await run({ kind: 'rfm' });
    const kmeans = await run({
      kind: 'segments',
      method: 'kmeans',
      features,
      k: 5,
      seed: 1,
      nInit: 1,
      eps: 0.5,
      minSamples: 5,
      elbowMax: 0,
    });
    const tree = await run({
      kind: 'churnModel',
      model: 'tree',
      features: ['tenure', 'recency', 'frequency', 'monetary', 'cases', 'csat', 'activities'],
      horizonDays: 180,
      testFraction: 0.25,
      seed: 1,
      maxDepth: 8,
      trees: 50,
    });
    const forecast = await run({ kind: 'forecast', horizon: 6, level: 0.95 });
    const basket = await run({
      kind: 'basket',
      minSupport: 0.01,
      minConfidence: 0.1,
      maxLength: 3,
      baskets: 100_000,
    });
    const brief = (r: { ms: number; longTasks: number }) => ({ ms: r.ms, longTasks: r.longTasks });
    return {
      currency,
      rfmCold: { ...brief(rfmCold), customers: rfmCold.value.customersWithOrders },
      rfmWarm: brief(rfmWarm),
      kmeans: { ...brief(kmeans), customers: kmeans.value.customers },
      tree: {
        ...brief(tree),
        trainSize: tree.value.trainSize,
        auc: tree.value.auc,
        scored: tree.value.scored,
      },
      forecast: {
        ...brief(forecast),
        months: (forecast.value.months as number[]).length,
        order: forecast.value.order,
      },
      basket: { ...brief(basket), baskets: basket.value.baskets, rules: basket.value.totalRules },
    };
  },

  async open() {
    const started = performance.now();
    // A workspace that opens with a problem (read-only, damaged) would fail later steps obscurely: say so.
    const info = await unwrap(
      openDatabase((event) => {
        if (event.type === 'status' && event.status.problems.length > 0)
          console.log(`[bench] workspace problem: ${JSON.stringify(event.status.problems)}`);
      }),
    );
    return { ms: performance.now() - started, customerCount: info.customerCount };
  },

  async loadSmall() {
    const started = performance.now();
    const summaryOfData = await unwrap(dbClient().loadDemoData('en'));
    return { ms: performance.now() - started, ...summaryOfData };
  },

  async loadLarge(customers: number, orders: number) {
    const started = performance.now();
    let last = '';
    const summaryOfData = await unwrap(
      dbClient().loadBenchData(
        { customers, orders },
        callback((p) => {
          const line = `${p.phase} ${Math.round((100 * p.done) / Math.max(1, p.total))}%`;
          if (line !== last) console.log(`[bench] ${line}`);
          last = line;
        }),
      ),
    );
    return { ms: performance.now() - started, ...summaryOfData };
  },

  /** Durable save per edit: update a customer and wait for the acknowledgement. */
  async saves(count: number) {
    const db = dbClient();
    const page = await unwrap(
      db.listCustomers({ sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 200 }),
    );
    const latencies: number[] = [];
    const warmUp = 20; // JIT and first-use costs, not counted: the figure is the steady state of editing
    for (let i = 0; i < warmUp + count; i++) {
      const customer = page.rows[i % page.rows.length]!;
      const input: CustomerInput = { ...customer, notes: `benchmark edit ${i}` };
      const started = performance.now();
      await unwrap(db.updateCustomer(customer.id, input));
      if (i >= warmUp) latencies.push(performance.now() - started);
    }
    return summary(latencies);
  },

  /** What a naive sql.js app pays per save: export the whole image and put it in IndexedDB. */
  async wholeImage(count: number) {
    const totals: number[] = [];
    const exports: number[] = [];
    let last: WholeImageSave | null = null;
    for (let i = 0; i < count; i++) {
      last = await unwrap(dbClient().benchWholeImageSave());
      exports.push(last.exportMs);
      if (last.totalMs !== null) totals.push(last.totalMs);
    }
    return {
      saved: last?.saved ?? false,
      failure: last?.failure ?? null,
      bytes: last?.bytes ?? 0,
      total: totals.length ? summary(totals) : null,
      exportOnly: summary(exports),
    };
  },

  /** The customer list's page query (filter + sort + page of 50) in several realistic shapes. */
  async listQueries(runs: number) {
    const db = dbClient();
    const users = await unwrap(db.listUsers());
    const total = (
      await unwrap(db.listCustomers({ sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 1 }))
    ).total;
    const shapes: Record<string, Omit<CustomerListQuery, 'offset' | 'limit'> & { offset?: number }> = {
      'all, by name': { sort: { column: 'name', direction: 'asc' } },
      'stage = existing, by name': { stage: 'existing', sort: { column: 'name', direction: 'asc' } },
      'owner, by updated desc': {
        ownerId: users[1]?.id ?? null,
        sort: { column: 'updatedAt', direction: 'desc' },
      },
      'stage + owner, by created': {
        stage: 'prospect',
        ownerId: users[2]?.id ?? null,
        sort: { column: 'createdAt', direction: 'asc' },
      },
      'all, by email, middle of the list': {
        sort: { column: 'email', direction: 'desc' },
        offset: Math.floor(total / 2),
      },
      'text "li", by name': { text: 'li', sort: { column: 'name', direction: 'asc' } },
    };
    const results: Record<string, ReturnType<typeof summary>> = {};
    const all: number[] = [];
    for (const [name, shape] of Object.entries(shapes)) {
      const latencies: number[] = [];
      for (let i = 0; i < runs; i++) {
        const offset = (shape.offset ?? 0) + (i % 5) * 50;
        const started = performance.now();
        await unwrap(db.listCustomers({ ...shape, offset, limit: 50 }));
        latencies.push(performance.now() - started);
      }
      results[name] = summary(latencies);
      all.push(...latencies);
    }
    return { overall: summary(all), shapes: results, total };
  },

  /**
   * The customer list as a user drives its filter builder: conditions + a sort + a group-by, each shape
   * timed as the list's first page and its groups together (what the screen waits for). Values vary per
   * run so the count cache never answers a repeated query.
   */
  async filterSortGroup(runs: number) {
    const db = dbClient();
    const users = await unwrap(db.listUsers());
    const industries = (await unwrap(db.groupRecords('customer', {}, 'industry'))).map((g) => g.value);
    const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
    const stages = ['prospect', 'new', 'existing', 'lost'] as const;
    const shapes: Record<
      string,
      (i: number) => { query: Omit<CustomerListQuery, 'offset' | 'limit'>; groupBy: string }
    > = {
      'stage = x, by name, grouped by owner': (i) => ({
        query: {
          conditions: [{ field: 'stage', op: 'eq', value: pick(stages, i) }],
          sort: { column: 'name', direction: 'asc' },
        },
        groupBy: 'ownerId',
      }),
      'industry = x, by updated desc, grouped by stage': (i) => ({
        query: {
          conditions: [{ field: 'industry', op: 'eq', value: String(pick(industries, i)) }],
          sort: { column: 'updatedAt', direction: 'desc' },
        },
        groupBy: 'stage',
      }),
      'owner = x and kind = person, by name, grouped by stage': (i) => ({
        query: {
          conditions: [
            { field: 'ownerId', op: 'eq', value: pick(users, i).id },
            { field: 'kind', op: 'eq', value: 'person' },
          ],
          sort: { column: 'name', direction: 'asc' },
        },
        groupBy: 'stage',
      }),
      'created after a date, by created, grouped by kind': (i) => ({
        query: {
          conditions: [
            {
              field: 'createdAt',
              op: 'gte',
              value: new Date(Date.now() - (30 + i) * 86_400_000).toISOString(),
            },
          ],
          sort: { column: 'createdAt', direction: 'desc' },
        },
        groupBy: 'kind',
      }),
    };
    const results: Record<string, ReturnType<typeof summary>> = {};
    const all: number[] = [];
    const run = await timed(async () => {
      for (const [name, shape] of Object.entries(shapes)) {
        const latencies: number[] = [];
        for (let i = 0; i < runs; i++) {
          const { query, groupBy } = shape(i);
          const filter = {
            conditions: query.conditions,
          };
          const started = performance.now();
          await Promise.all([
            unwrap(db.listCustomers({ ...query, offset: 0, limit: 50 })),
            unwrap(db.groupRecords('customer', filter, groupBy)),
          ]);
          latencies.push(performance.now() - started);
        }
        results[name] = summary(latencies);
        all.push(...latencies);
      }
    });
    return { overall: summary(all), shapes: results, longTasks: run.longTasks };
  },

  async checkpoint() {
    const started = performance.now();
    await unwrap(dbClient().checkpoint());
    return performance.now() - started;
  },

  /** The whole database as a downloadable .sqlite Blob, as Settings → Download does. */
  async sqliteExport() {
    const { ms, longTasks: tasks, value } = await timed(() => unwrap(dbClient().exportDatabase()));
    return { ms, longTasks: tasks, bytes: value.size };
  },

  /**
   * Imports `count` contacts from a generated CSV (names of existing customers in the company column) to
   * durable, as the import wizard does: preview (read, detect, parse) then run (check, one write). The
   * file is made before the clock starts; the import is undone afterwards so the profile stays as it was.
   */
  async importContacts(count: number) {
    const db = dbClient();
    const customers = await unwrap(
      db.listCustomers({ sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 500 }),
    );
    const lines = ['name,company,title,phone,email,notes'];
    for (let i = 0; i < count; i++) {
      const customer = customers.rows[i % customers.rows.length]!;
      lines.push(
        `Bench Contact ${i},"${customer.name.replaceAll('"', '""')}",Buyer,+86 138 ${String(i).padStart(8, '0')},bench.contact.${i}@example.com,imported`,
      );
    }
    const file = new Blob([lines.join('\r\n')], { type: 'text/csv' });
    const run = await timed(async () => {
      const preview = await unwrap(db.importPreview(file, { fileName: 'bench-contacts.csv' }));
      const written = await unwrap(
        db.importRun(preview.token, {
          recordType: 'contacts',
          mapping: preview.suggested.contacts,
          policy: 'create',
          allowInvalid: true,
        }),
      );
      await unwrap(db.importDiscard(preview.token));
      return written.value;
    });
    const imports = await unwrap(db.listImports());
    const latest = imports.find((record) => record.fileName === 'bench-contacts.csv' && !record.undoneAt);
    if (latest) await unwrap(db.undoImport(latest.id));
    return { ms: run.ms, longTasks: run.longTasks, bytes: file.size, ...run.value };
  },

  /**
   * Workflow rules on the profile: a CSV import of `leads` leads with no lead rule and then with three
   * (round-robin assignment in the biggest team, event leads into a campaign, a notification for hot
   * leads; each import undone afterwards), and the minute's date-rule pass with the contract renewal
   * reminder over every contract (catch-up passes of ≤ 2,000 firings, then the idle pass). The rules are
   * deleted at the end so the profile stays as it was.
   */
  async workflow(leads: number) {
    const db = dbClient();
    const scalar = async (sql: string) => (await unwrap(db.runSql({ sql, maxRows: 1 }))).rows[0]?.[0];
    const team = String(
      (await scalar(
        "SELECT team FROM users WHERE team <> '' AND active = 1 GROUP BY team ORDER BY count(*) DESC LIMIT 1",
      )) ?? '',
    );
    const campaignId = Number(await scalar('SELECT min(id) FROM campaigns'));
    const contracts = Number(await scalar('SELECT count(*) FROM contracts'));
    const lines = ['name,company,source,status,score'];
    for (let i = 0; i < leads; i++)
      lines.push(`Bench Lead ${i},Bench Co ${i % 997},${i % 3 === 0 ? 'event' : 'website'},new,${i % 100}`);
    const file = new Blob([lines.join('\r\n')], { type: 'text/csv' });
    // A snapshot of the whole database follows a write after two idle seconds; at 1M customers it takes
    // seconds and a write waits for it. Each timed step starts after one, so it measures itself.
    const settle = () => unwrap(dbClient().checkpoint());
    const importLeads = async (fileName: string) => {
      await settle();
      const run = await timed(async () => {
        const preview = await unwrap(db.importPreview(file, { fileName }));
        const written = await unwrap(
          db.importRun(preview.token, {
            recordType: 'leads',
            mapping: preview.suggested.leads,
            policy: 'create',
            allowInvalid: true,
          }),
        );
        await unwrap(db.importDiscard(preview.token));
        return written.value;
      });
      const latest = (await unwrap(db.listImports())).find((r) => r.fileName === fileName && !r.undoneAt);
      if (latest) await unwrap(db.undoImport(latest.id));
      return { ms: run.ms, longTasks: run.longTasks, ...run.value };
    };
    const without = await importLeads('bench-leads-plain.csv');
    const base = { entity: 'lead' as const, trigger: { type: 'created' as const }, enabled: true };
    const rules = [
      (await unwrap(db.installWorkflowTemplate('lead_round_robin', { enabled: true, team }))).value,
      (
        await unwrap(
          db.saveWorkflowRule(null, {
            ...base,
            name: 'Bench: event leads to a campaign',
            conditions: [{ field: 'source', op: 'eq', value: 'event' }],
            actions: [{ type: 'add_to_campaign', campaignId }],
          }),
        )
      ).value,
      (
        await unwrap(
          db.saveWorkflowRule(null, {
            ...base,
            name: 'Bench: hot lead',
            conditions: [{ field: 'score', op: 'gte', value: 90 }],
            actions: [{ type: 'notify', recipient: 'owner', message: 'Hot lead {title}' }],
          }),
        )
      ).value,
    ];
    const withRules = await importLeads('bench-leads-rules.csv');
    const runs = Number(await scalar('SELECT count(*) FROM workflow_runs'));
    for (const rule of rules) await unwrap(db.deleteWorkflowRule(rule.id));

    const renewal = (await unwrap(db.installWorkflowTemplate('contract_renewal', { enabled: true }))).value;
    const passes: { ms: number; longTasks: number; fired: number; failed: number }[] = [];
    for (let i = 0; i < 30; i++) {
      await settle();
      const pass = await timed(() => unwrap(db.runDueDateRules()));
      passes.push({
        ms: pass.ms,
        longTasks: pass.longTasks,
        fired: pass.value.fired,
        failed: pass.value.failed,
      });
      if (pass.value.fired === 0) break;
    }
    await unwrap(db.deleteWorkflowRule(renewal.id));
    return {
      leads,
      team,
      without,
      withRules,
      extraMs: withRules.ms - without.ms,
      workflowRunsAfter: runs,
      contracts,
      catchUp: passes.slice(0, -1),
      idle: passes.at(-1),
      firedTotal: passes.reduce((sum, p) => sum + p.fired, 0),
      longTasks: without.longTasks + withRules.longTasks + passes.reduce((sum, p) => sum + p.longTasks, 0),
    };
  },

  /** The whole customer list (sorted by name) to CSV, as the Export menu does. */
  async exportCustomersCsv() {
    const run = await timed(() =>
      unwrap(
        dbClient().exportCustomerList({
          kind: 'customers-csv',
          list: { sort: { column: 'name', direction: 'asc' } },
        }),
      ),
    );
    return {
      ms: run.ms,
      workerMs: run.value.ms,
      longTasks: run.longTasks,
      records: run.value.records,
      bytes: run.value.blob.size,
    };
  },

  /**
   * The timeline of a busy customer: the one with the most orders, topped up to 1,000 events with
   * activities logged through the worker (as the "Log activity" form does; only the missing number, so a
   * reused profile is not inflated). Then the first page (50 events) as the customer page loads it, and a
   * page deep in the history through the cursor: round trips from the main thread, and long tasks.
   */
  async timeline(runs: number) {
    const db = dbClient();
    const busiest = await unwrap(
      db.runSql({
        sql: 'SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1',
      }),
    );
    const customerId = Number(busiest.rows[0]?.[0]);
    const TARGET = 1000;
    let events = 0;
    let cursor: string | undefined;
    do {
      const page = await unwrap(db.customerTimeline(customerId, { limit: 200, before: cursor }));
      events += page.events.length;
      cursor = page.next ?? undefined;
    } while (cursor && events < TARGET);
    const added = Math.max(0, TARGET - events);
    const types = ['call', 'meeting', 'email', 'note', 'task'] as const;
    for (let i = 0; i < added; i++) {
      await unwrap(
        db.logActivity({
          type: types[i % types.length]!,
          subject: `Bench activity ${i}`,
          body: 'Logged by the benchmark to give one customer a long history.',
          dueAt: new Date(Date.now() - i * 3_600_000).toISOString(),
          customerId,
        }),
      );
    }
    const firstPage: number[] = [];
    const deepPage: number[] = [];
    const run = await timed(async () => {
      for (let i = 0; i < runs; i++) {
        let started = performance.now();
        const first = await unwrap(db.customerTimeline(customerId, { limit: 50 }));
        firstPage.push(performance.now() - started);
        // Page 10 of 50: the cursor of event 450, as "Load more" reaches it.
        let before = first.next ?? undefined;
        for (let p = 1; p < 9 && before; p++)
          before = (await unwrap(db.customerTimeline(customerId, { limit: 50, before }))).next ?? undefined;
        started = performance.now();
        await unwrap(db.customerTimeline(customerId, { limit: 50, before }));
        deepPage.push(performance.now() - started);
      }
    });
    return {
      customerId,
      events: events + added,
      added,
      firstPage: summary(firstPage),
      deepPage: summary(deepPage),
      longTasks: run.longTasks,
    };
  },

  /**
   * The kanban board's worker query (all owners, no search: the largest board), and how many open deals it
   * covers: the render figure in scripts/bench.mjs is only meaningful with ≥ 10,000 of them.
   */
  async kanbanQuery(runs: number) {
    const db = dbClient();
    const latencies: number[] = [];
    let board = await unwrap(db.pipelineBoard({}));
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      board = await unwrap(db.pipelineBoard({}));
      latencies.push(performance.now() - started);
    }
    const open = board.columns.filter((column) => column.stage.kind === 'open');
    return {
      ...summary(latencies),
      openOpportunities: open.reduce((n, column) => n + column.count, 0),
      cardsSent: board.columns.reduce((n, column) => n + column.cards.length, 0),
    };
  },

  async storage() {
    return unwrap(dbClient().storageInfo());
  },

  /**
   * Customers spread evenly over the list (by creation time), for scripts/bench.mjs to draw realistic
   * global-search queries from: parts of names, email and phone fragments.
   */
  async searchSamples(count: number) {
    const db = dbClient();
    const sort = { column: 'createdAt', direction: 'asc' } as const;
    const total = (await unwrap(db.listCustomers({ sort, offset: 0, limit: 1 }))).total;
    const samples: { name: string; email: string; phone: string }[] = [];
    for (let i = 0; i < count; i++) {
      const offset = Math.floor(((i + 0.5) * total) / count);
      const row = (await unwrap(db.listCustomers({ sort, offset, limit: 1 }))).rows[0];
      if (row) samples.push({ name: row.name, email: row.email, phone: row.phone });
    }
    return samples;
  },

  /**
   * Global search as the header box runs it (first 5 per record type, counts per type), per group of
   * queries: round-trip latency from the main thread, and main-thread long tasks over the whole run.
   */
  async search(groups: Record<string, string[]>) {
    const db = dbClient();
    const run = await timed(async () => {
      const figures: Record<string, ReturnType<typeof summary> & { meanMatches: number }> = {};
      for (const [name, queries] of Object.entries(groups)) {
        const latencies: number[] = [];
        let matches = 0;
        for (const query of queries) {
          const started = performance.now();
          const result = await unwrap(db.search(query, { limit: 5 }));
          latencies.push(performance.now() - started);
          matches += result.total;
        }
        figures[name] = { ...summary(latencies), meanMatches: matches / Math.max(1, queries.length) };
      }
      return figures;
    });
    return { groups: run.value, longTasks: run.longTasks };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.title = 'bench ready';
