import { createHash } from 'node:crypto';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoProgress } from '../../workers/db/contract';
import { generateBenchData } from '../../workers/db/demo/bench-data';
import { TIMELINE_PLAN } from '../../workers/db/demo/bench-timeline';
import { DEMO_PROFILE, generateDemoData } from '../../workers/db/demo/demo-data';
import { Rng, WeightedPicker } from '../../workers/db/demo/random';
import { migrate } from '../../workers/db/migrations/index';

const NOW = new Date('2025-06-15T08:00:00.000Z');
const CJK = /[\u4e00-\u9fff]/;

let SQL: SqlJsStatic;

beforeAll(async () => {
  SQL = await initSqlJs();
});

function freshDb(): Database {
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

/** Runs the generator the way the persistence engine will: inside the caller's transaction. */
function inTransaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: SqlValue[][] = [];
    while (stmt.step()) out.push(stmt.get());
    return out;
  } finally {
    stmt.free();
  }
}

function scalar(db: Database, sql: string): number {
  return Number(rows(db, sql)[0]?.[0]);
}

function dumpHash(db: Database, tables: readonly string[]): string {
  const hash = createHash('sha256');
  for (const table of tables) hash.update(JSON.stringify(rows(db, `SELECT * FROM ${table} ORDER BY id`)));
  return hash.digest('hex');
}

const ALL_TABLES = [
  'users',
  'customers',
  'contacts',
  'products',
  'orders',
  'order_lines',
  'activities',
  'campaigns',
  'campaign_members',
  'leads',
  'opportunities',
  'contracts',
  'cases',
  'knowledge_articles',
  'customer_relationships',
];

function expectHealthy(db: Database): void {
  expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
  expect(rows(db, 'PRAGMA integrity_check')).toEqual([['ok']]);
}

describe('random', () => {
  it('is deterministic per seed and roughly uniform', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 8 }, () => a.uint32());
    expect(Array.from({ length: 8 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.uint32())).not.toEqual(seqA);

    const rng = new Rng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[rng.int(10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);

    const picker = new WeightedPicker(['a', 'b'], [1, 3]);
    let bs = 0;
    for (let i = 0; i < 10_000; i++) if (picker.pick(rng) === 'b') bs++;
    expect(bs / 10_000).toBeGreaterThan(0.72);
    expect(bs / 10_000).toBeLessThan(0.78);
  });
});

describe('generateDemoData', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const hashes = [1, 1, 2].map((seed) => {
      const db = freshDb();
      try {
        inTransaction(db, () => generateDemoData(db, { locale: 'zh-CN', seed, now: NOW }));
        return dumpHash(db, ALL_TABLES);
      } finally {
        db.close();
      }
    });
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    describe(locale, () => {
      let db: Database;
      let progress: DemoProgress[];
      let summary: ReturnType<typeof generateDemoData>;

      beforeAll(() => {
        db = freshDb();
        progress = [];
        summary = inTransaction(db, () =>
          generateDemoData(db, { locale, seed: 2024, now: NOW, onProgress: (p) => progress.push(p) }),
        );
        return () => db.close();
      });

      it('writes the demo profile and reports matching counts', () => {
        expect(summary).toMatchObject({
          users: scalar(db, 'SELECT count(*) FROM users'),
          customers: scalar(db, 'SELECT count(*) FROM customers'),
          contacts: scalar(db, 'SELECT count(*) FROM contacts'),
          orders: scalar(db, 'SELECT count(*) FROM orders'),
          activities: scalar(db, 'SELECT count(*) FROM activities'),
        });
        expect(summary.users).toBe(DEMO_PROFILE.users);
        expect(scalar(db, "SELECT count(*) FROM users WHERE role = 'admin'")).toBe(1);
        expect(scalar(db, "SELECT count(*) FROM users WHERE role = 'manager'")).toBeGreaterThanOrEqual(2);
        expect(summary.customers).toBe(500);
        expect(summary.contacts).toBeGreaterThan(500);
        expect(summary.contacts).toBeLessThan(1500);
        expect(summary.orders).toBe(3000);
        // 2,000 on customers; the follow-ups on leads, deals and cases come on top (demo-records.test.ts).
        expect(
          scalar(
            db,
            'SELECT count(*) FROM activities WHERE lead_id IS NULL AND opportunity_id IS NULL AND case_id IS NULL',
          ),
        ).toBe(2000);
        expect(scalar(db, 'SELECT count(*) FROM products')).toBe(30);
        const lines = scalar(db, 'SELECT count(*) FROM order_lines');
        expect(lines).toBeGreaterThan(3000 * 1.5);
        expect(lines).toBeLessThan(3000 * 3.5);
      });

      it('has a realistic mix of kinds, stages and owners', () => {
        const companies = scalar(db, "SELECT count(*) FROM customers WHERE kind = 'company'") / 500;
        expect(companies).toBeGreaterThan(0.6);
        expect(companies).toBeLessThan(0.8);
        expect(scalar(db, "SELECT count(*) FROM customers WHERE kind = 'company' AND industry = ''")).toBe(0);
        for (const stage of ['prospect', 'new', 'existing', 'lost']) {
          expect(scalar(db, `SELECT count(*) FROM customers WHERE stage = '${stage}'`)).toBeGreaterThan(25);
        }
        // Uneven books of business: the biggest owner has several times the smallest rep's customers.
        const perOwner = rows(
          db,
          "SELECT count(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.role = 'rep' GROUP BY u.id",
        ).map((r) => Number(r[0]));
        expect(Math.max(...perOwner)).toBeGreaterThan(2 * Math.min(...perOwner));
        // Every assigned owner exists (NULL = unassigned pool).
        expect(
          scalar(
            db,
            'SELECT count(*) FROM customers WHERE owner_id IS NOT NULL AND owner_id NOT IN (SELECT id FROM users)',
          ),
        ).toBe(0);
        expect(scalar(db, 'SELECT count(*) FROM customers WHERE owner_id IS NULL')).toBeLessThan(25);
        // Customers without orders are prospects or new, never "existing".
        expect(
          scalar(
            db,
            "SELECT count(*) FROM customers c WHERE stage = 'prospect' AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
          ),
        ).toBe(0);
      });

      it('writes names in the chosen language', () => {
        const names = rows(db, 'SELECT name FROM customers UNION ALL SELECT name FROM contacts').map((r) =>
          String(r[0]),
        );
        const cjk = names.filter((n) => CJK.test(n)).length;
        if (locale === 'zh-CN') {
          expect(cjk).toBe(names.length);
          expect(
            scalar(db, "SELECT count(*) FROM customers WHERE kind = 'company' AND name NOT LIKE '%公司'"),
          ).toBe(0);
          const phones = rows(db, 'SELECT phone FROM customers UNION ALL SELECT phone FROM contacts').map(
            (r) => String(r[0]),
          );
          for (const phone of phones) expect(phone).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-[2-8]\d{6,7})$/);
        } else {
          expect(cjk).toBe(0);
        }
        const emails = rows(db, "SELECT email FROM customers WHERE email <> ''").map((r) => String(r[0]));
        for (const email of emails) expect(email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        const currency = locale === 'zh-CN' ? 'CNY' : 'USD';
        expect(
          rows(db, 'SELECT DISTINCT currency FROM orders UNION SELECT DISTINCT currency FROM products'),
        ).toEqual([[currency]]);
      });

      it('keeps order totals equal to the sum of their lines', () => {
        expect(
          scalar(
            db,
            `SELECT count(*) FROM orders o
              WHERE o.total_minor <> (SELECT coalesce(sum(quantity * unit_price_minor), 0)
                                        FROM order_lines l WHERE l.order_id = o.id)`,
          ),
        ).toBe(0);
        expect(
          scalar(
            db,
            'SELECT count(*) FROM orders WHERE NOT EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id)',
          ),
        ).toBe(0);
        expect(scalar(db, 'SELECT count(*) FROM orders WHERE total_minor <= 0')).toBe(0);
      });

      it('dates orders within 24 months, after the customer existed, and not in the future', () => {
        const now = NOW.toISOString();
        expect(scalar(db, `SELECT count(*) FROM orders WHERE order_date > '${now.slice(0, 10)}'`)).toBe(0);
        expect(
          scalar(db, `SELECT count(*) FROM orders WHERE order_date < date('${now}', '-25 months')`),
        ).toBe(0);
        expect(
          scalar(
            db,
            'SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at < c.created_at',
          ),
        ).toBe(0);
        for (const table of ['customers', 'contacts', 'orders', 'users', 'products']) {
          expect(
            scalar(db, `SELECT count(*) FROM ${table} WHERE created_at > '${now}' OR updated_at > '${now}'`),
          ).toBe(0);
          expect(scalar(db, `SELECT count(*) FROM ${table} WHERE created_at > updated_at`)).toBe(0);
        }
        expect(
          scalar(
            db,
            "SELECT count(*) FROM orders WHERE order_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
          ),
        ).toBe(0);
        expect(scalar(db, 'SELECT count(DISTINCT order_no) FROM orders')).toBe(3000);
      });

      it('marks past activities done, plans future ones open', () => {
        const now = NOW.toISOString();
        expect(scalar(db, `SELECT count(*) FROM activities WHERE due_at > '${now}' AND done = 1`)).toBe(0);
        expect(scalar(db, `SELECT count(*) FROM activities WHERE due_at > '${now}'`)).toBeGreaterThan(50);
        expect(
          scalar(db, `SELECT count(*) FROM activities WHERE due_at < '${now}' AND done = 0`),
        ).toBeGreaterThan(0);
        expect(
          scalar(db, `SELECT count(*) FROM activities WHERE due_at < '${now}' AND done = 1`),
        ).toBeGreaterThan(1000);
        expect(scalar(db, 'SELECT count(*) FROM activities WHERE (done = 1) <> (done_at IS NOT NULL)')).toBe(
          0,
        );
        expect(scalar(db, 'SELECT count(DISTINCT type) FROM activities')).toBe(5);
      });

      it('has survey responses after orders, with lost customers less satisfied and some questions skipped', () => {
        expect(summary.surveyResponses).toBe(DEMO_PROFILE.surveyResponses);
        expect(scalar(db, 'SELECT count(*) FROM survey_responses')).toBe(DEMO_PROFILE.surveyResponses);
        expect(scalar(db, 'SELECT count(*) FROM survey_responses WHERE quality IS NULL')).toBeGreaterThan(0);
        expect(
          scalar(
            db,
            'SELECT count(*) FROM survey_responses r WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.customer_id AND o.order_date <= r.responded_at)',
          ),
        ).toBe(0);
        const meanCsat = (stage: string) =>
          scalar(
            db,
            `SELECT avg(r.csat) FROM survey_responses r JOIN customers c ON c.id = r.customer_id WHERE c.stage = '${stage}'`,
          );
        expect(meanCsat('lost')).toBeLessThan(meanCsat('existing') - 0.5);
      });

      it('reports progress and leaves a healthy database', () => {
        const phases = new Set(progress.map((p) => p.phase));
        expect([...phases]).toEqual([
          'users',
          'customers',
          'contacts',
          'orders',
          'activities',
          'campaigns',
          'leads',
          'opportunities',
          'contracts',
          'cases',
          'articles',
          'relationships',
          'members',
          'surveys',
        ]);
        expect(progress.length).toBeGreaterThan(10);
        for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
        expectHealthy(db);
      });
    });
  }

  it('does not open or commit a transaction itself', () => {
    const db = freshDb();
    try {
      db.exec('BEGIN');
      generateDemoData(db, { locale: 'en', seed: 3, now: NOW });
      db.exec('ROLLBACK');
      expect(scalar(db, 'SELECT count(*) FROM customers')).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('generateBenchData', () => {
  it('writes the requested counts with valid references, deterministically', () => {
    const run = (seed: number) => {
      const db = freshDb();
      const summary = inTransaction(db, () =>
        generateBenchData(db, { customers: 2_000, orders: 10_000, seed, now: NOW }),
      );
      return { db, summary };
    };
    const { db, summary } = run(9);
    try {
      // Besides the sprinkle, the timeline customer's planted history (demo-bench.test.ts).
      expect(summary).toMatchObject({
        users: 40,
        customers: 2_000,
        contacts: 200 + TIMELINE_PLAN.contacts,
        orders: 10_000 + TIMELINE_PLAN.orders,
        activities: 200 + TIMELINE_PLAN.activities,
      });
      expect(scalar(db, 'SELECT count(*) FROM customers')).toBe(2_000);
      expect(scalar(db, 'SELECT count(*) FROM orders')).toBe(summary.orders);
      expect(scalar(db, 'SELECT count(*) FROM contacts')).toBe(summary.contacts);
      expect(scalar(db, 'SELECT count(*) FROM activities')).toBe(summary.activities);
      // Lines only for the newest 100,000 generated orders (all 10,000 here): the basket benchmark's data.
      expect(scalar(db, 'SELECT count(DISTINCT order_id) FROM order_lines')).toBe(10_000);
      expect(
        scalar(
          db,
          'SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at < c.created_at',
        ),
      ).toBe(0);
      expect(scalar(db, `SELECT count(*) FROM orders WHERE created_at > '${NOW.toISOString()}'`)).toBe(0);
      const cjk = rows(db, 'SELECT name FROM customers').filter((r) => CJK.test(String(r[0]))).length;
      expect(cjk).toBeGreaterThan(1_400);
      expect(cjk).toBeLessThan(1_800);
      for (const r of rows(db, "SELECT phone FROM customers WHERE phone NOT LIKE '(%'")) {
        expect(String(r[0])).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-[2-8]\d{7})$/);
      }
      expectHealthy(db);
      // A second run on another empty database with the same seed gives the same rows.
      const again = run(9);
      try {
        expect(dumpHash(again.db, ALL_TABLES)).toBe(dumpHash(db, ALL_TABLES));
      } finally {
        again.db.close();
      }
    } finally {
      db.close();
    }
  });

  it('leaves the schema and connection settings as it found them', () => {
    const db = freshDb();
    try {
      const schema = rows(db, 'SELECT type, name, sql FROM sqlite_master ORDER BY name');
      db.exec('PRAGMA cache_size = -4321');
      inTransaction(db, () => generateBenchData(db, { customers: 300, orders: 900, seed: 2, now: NOW }));
      expect(rows(db, 'SELECT type, name, sql FROM sqlite_master ORDER BY name')).toEqual(schema);
      expect(rows(db, "SELECT name FROM sqlite_temp_master WHERE name LIKE 'bench%'")).toEqual([]);
      expect(scalar(db, 'PRAGMA cache_size')).toBe(-4321);
      // The planner uses the rebuilt indexes.
      const plan = rows(
        db,
        'EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = 5 ORDER BY order_date',
      );
      expect(plan.map((r) => String(r[3])).join(' ')).toContain('idx_orders_customer_date');
    } finally {
      db.close();
    }
  });

  it('appends after existing rows without id clashes', () => {
    const db = freshDb();
    try {
      inTransaction(db, () => generateDemoData(db, { locale: 'zh-CN', seed: 1, now: NOW }));
      inTransaction(db, () => generateBenchData(db, { customers: 500, orders: 1_000, seed: 1, now: NOW }));
      expect(scalar(db, 'SELECT count(*) FROM customers')).toBe(1_000);
      expect(scalar(db, 'SELECT count(*) FROM orders')).toBe(4_000 + TIMELINE_PLAN.orders);
      expectHealthy(db);
    } finally {
      db.close();
    }
  });

  it.runIf(process.env.BENCH_DATA_TIMING === '1')(
    'timing: 100k customers / 500k orders',
    () => {
      const db = freshDb();
      try {
        const started = performance.now();
        const summary = inTransaction(db, () =>
          generateBenchData(db, { customers: 100_000, orders: 500_000, seed: 1, now: NOW }),
        );
        const ms = performance.now() - started;
        const exportStarted = performance.now();
        const bytes = db.export().length;
        const exportMs = performance.now() - exportStarted;
        console.log(
          `generateBenchData 100k/500k: ${(ms / 1000).toFixed(1)} s (×10 ≈ ${((ms * 10) / 1000).toFixed(0)} s for 1M/5M), ` +
            `database ${(bytes / 1024 / 1024).toFixed(1)} MiB, export ${exportMs.toFixed(0)} ms`,
          summary,
        );
        expect(summary.orders).toBe(500_000);
      } finally {
        db.close();
      }
    },
    600_000,
  );
});
