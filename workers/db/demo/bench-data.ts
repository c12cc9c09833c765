/**
 * Benchmark data: the 1,000,000-customer / 5,000,000-order profile the UI must stay smooth on.
 *
 * Built for speed, not prose. What is hand-written and why (all measured in Node on sql.js 1.16, where a
 * plain row insert alone costs 2–5 µs and binding a value from JS about 1 µs):
 * - a seeded PRNG ({@link Rng}, sfc32) and fixed pools of Chinese and English name parts, cities and
 *   industries composed per row with array lookups, instead of faker (microseconds per call);
 * - customers, contacts and activities: one prepared statement per table, one parameter array mutated in
 *   place, `run()` (bind + step + reset: leaving a statement un-reset makes every other write pay for a
 *   statement journal), explicit ids instead of RETURNING;
 * - orders: no per-row JS at all, one set-based INSERT … SELECT per day (bench-orders.ts); 5× fewer µs/row
 *   than binding 8 values per row; no order lines (`total_minor` only);
 * - the secondary indexes of the bulk tables are dropped first and rebuilt once at the end (bulk-indexes.ts:
 *   one sort per index instead of millions of random inserts), and the page cache is enlarged meanwhile.
 * Measured: 100k customers / 500k orders in ≈16 s (52 s with per-row orders and live indexes), ≈141 MiB.
 * The workspace records below add ≈2 s and 12 MiB at that size (19.5 vs 17.3 s and 147 vs 135 MiB on a
 * loaded 2-core machine, where the same run varies by ±20 %).
 *
 * Only a light sprinkle of contacts (1 per 10 customers) and activities (1 per 10 customers, over the last
 * 90 days and the next 30). Workspace records, per BENCH_RATIOS (bench-pipeline.ts, bench-service.ts):
 * opportunities 3 per 100 customers, exactly half of them open (15,000 at 1M) spread over the open stages;
 * leads, contracts and cases 1 per 10 customers; 24 campaigns with 1 member per 50 customers;
 * relationships 1 per 100; both locales' knowledge-base articles. Records of English customers use the
 * English vocabulary. The timeline customer (bench-timeline.ts) is the first customer of the run
 * (id = 1 on an empty workspace; `summary.timelineCustomerId`), with ≈1,000 planted events.
 * Rows are written in the order an index likes best: customer ids grow with `created_at`, order ids grow with
 * `order_date`, and each order goes to a non-prospect customer that already existed on that date.
 *
 * Transactions: this function does NOT open one, but it MUST run inside one (the caller's): outside a
 * transaction SQLite would commit, and the persistence engine would capture, every row separately; and the
 * index drop/rebuild is only safe inside a transaction (a failure rolls the schema back). Millions of rows
 * must not go through the write-ahead log either: the persistence engine should run this with change capture
 * off and then write a full snapshot (checkpoint) instead of a log record.
 *
 * Deterministic for a given (seed, now, customers, orders) on an empty database.
 */
import { setIntegerPragma } from '../sql-text';
import type { Database, SqlValue, Statement } from 'sql.js';
import type { DemoProgress, DemoSummary, LifecycleStage } from '../contract';
import { type SavedIndex, dropIndexes, restoreIndexes } from './bulk-indexes';
import { type BenchContext, lookupTable, maxId } from './bench-context';
import { insertBenchOrders, orderAmounts } from './bench-orders';
import { insertBenchBaskets } from './bench-baskets';
import {
  insertBenchContracts,
  insertBenchLeads,
  insertBenchOpportunities,
  linkDealsToLeads,
} from './bench-pipeline';
import {
  insertBenchArticles,
  insertBenchCampaigns,
  insertBenchCases,
  insertBenchMembers,
  insertBenchRelationships,
} from './bench-service';
import { plantTimelineCustomer } from './bench-timeline';
import { INDUSTRIES } from './catalog';
import { emptySummary } from './demo-context';
import { EN_RECORDS } from './pools-records-en';
import { ZH_RECORDS } from './pools-records-zh';
import { countTimelineEvents } from './timeline';
import { EN_FIRST_NAMES, EN_LAST_NAMES, EN_MAIL_PROVIDERS, US_CITIES } from './pools-en';
import {
  CN_BRAND_CHARS,
  CN_GIVEN_CHARS,
  CN_MAIL_PROVIDERS,
  CN_MOBILE_PREFIXES,
  CN_SURNAMES,
} from './pools-zh';
import { CN_CITIES, CN_ROADS } from './pools-zh-places';
import { DAY_MS, DEFAULT_SEED, Rng, isoTimestamp } from './random';

export interface BenchDataOptions {
  customers: number;
  orders: number;
  seed?: number;
  now: Date;
  onProgress?: (progress: DemoProgress) => void;
}

/** The full benchmark profile. */
export const BENCH_PROFILE = { customers: 1_000_000, orders: 5_000_000 } as const;

const BENCH_USERS = 40;
const BENCH_MANAGERS = 4;
const CONTACT_EVERY = 10;
const ACTIVITY_EVERY = 10;
/**
 * Sizes of the workspace records, relative to the customer count (see the docblock). At 1,000,000
 * customers: 30,000 opportunities (15,000 open), 100,000 leads, contracts and cases each, 20,000 campaign
 * members, 10,000 relationships.
 */
export const BENCH_RATIOS = {
  opportunitiesPer100Customers: 3,
  leadEvery: 10,
  contractEvery: 10,
  caseEvery: 10,
  memberEvery: 50,
  relationshipEvery: 100,
} as const;
const PROGRESS_EVERY = 50_000;
/** Page cache while generating, in KiB. */
const BULK_CACHE_KIB = 131_072;
/** Customers are created over the last six years (orders over the last two: bench-orders.ts). */
const CUSTOMER_YEARS = 6;

export function generateBenchData(db: Database, options: BenchDataOptions): DemoSummary {
  const customerCount = Math.floor(options.customers);
  const orderCount = Math.floor(options.orders);
  if (!(customerCount >= 1) || !(orderCount >= 0)) {
    throw new Error('generateBenchData: customers must be ≥ 1 and orders ≥ 0');
  }
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateBenchData: options.now is not a valid date');
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  const report = options.onProgress ?? (() => {});
  const summary: DemoSummary = emptySummary();

  // ---- pools, built once ----
  const cnCities = CN_CITIES.map((c) => ({
    name: c.name,
    prefix: `${c.province}${c.name}市`,
    districts: c.districts,
    area: c.area,
  }));
  const companySuffixCn = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司'];
  const companySuffixEn = ['Inc.', 'LLC', 'Group', 'Co.', 'Corp.', 'Partners'];
  const industryZh = INDUSTRIES.map((i) => i.zh);
  const industryEn = INDUSTRIES.map((i) => i.en);
  const stages: readonly LifecycleStage[] = ['prospect', 'new', 'existing', 'lost'];
  const stageTable = lookupTable([0, 1, 2, 3], [25, 15, 48, 12], 1024);
  const amounts = orderAmounts(rng);
  const nowIso = isoTimestamp(nowMs);

  const statements: Statement[] = [];
  const prepare = (sql: string): Statement => {
    const stmt = db.prepare(sql);
    statements.push(stmt);
    return stmt;
  };

  // A bigger page cache for the duration (restored below): fewer page spills while inserting, and the index
  // rebuild sorts in memory instead of spilling to temp files (measured with 512 MiB: 18.4 → 16.7 s at 100k/500k;
  // 128 MiB keeps the extra memory bounded). temp_store is
  // left alone: changing it would drop the persistence engine's temp triggers.
  const previousCacheSize = Number(db.exec('PRAGMA cache_size')[0]?.values[0]?.[0] ?? -2000);
  setIntegerPragma(db, 'cache_size', -BULK_CACHE_KIB);
  let droppedIndexes: SavedIndex[] = [];
  let indexesRestored = false;
  try {
    droppedIndexes = dropIndexes(db);
    // ---- users ----
    const userBase = maxId(db, 'users');
    const insertUser = prepare(
      `INSERT INTO users (id, name, email, role, team, manager_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const userCreated = isoTimestamp(nowMs - (CUSTOMER_YEARS * 365 + 30) * DAY_MS);
    const repIds: number[] = [];
    const managerIds: number[] = [];
    for (let i = 0; i < BENCH_USERS; i++) {
      const id = userBase + 1 + i;
      const role = i === 0 ? 'admin' : i <= BENCH_MANAGERS ? 'manager' : 'rep';
      const [sur, surPy] = CN_SURNAMES[i % CN_SURNAMES.length]!;
      const [given, givenPy] = CN_GIVEN_CHARS[(i * 7) % CN_GIVEN_CHARS.length]!;
      const team = role === 'admin' ? '' : `Team ${((i - 1) % BENCH_MANAGERS) + 1}`;
      const managerId = role === 'rep' ? userBase + 2 + ((i - 1) % BENCH_MANAGERS) : null;
      insertUser.run([
        id,
        sur + given,
        `${surPy}.${givenPy}${i}@example.com`,
        role,
        team,
        managerId,
        userCreated,
        userCreated,
      ]);
      if (role === 'rep') repIds.push(id);
      if (role === 'manager') managerIds.push(id);
      summary.users++;
    }
    report({ phase: 'users', done: summary.users, total: BENCH_USERS });
    // Uneven books: rep k gets weight 1/(k+1)^0.7; managers a little.
    const ownerTable = lookupTable(
      [...repIds, ...managerIds],
      [...repIds.map((_, k) => 1 / Math.pow(k + 1, 0.7)), ...managerIds.map(() => 0.05)],
      4096,
    );

    // ---- customers (+ a contact for every 10th) ----
    const customerBase = maxId(db, 'customers');
    const contactBase = maxId(db, 'contacts');
    const insertCustomer = prepare(
      `INSERT INTO customers (id, kind, name, stage, owner_id, industry, address, phone, email, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    );
    const insertContact = prepare(
      `INSERT INTO contacts (id, customer_id, name, title, phone, email, is_primary, created_at, updated_at)
       VALUES (?, ?, ?, '', ?, ?, 1, ?, ?)`,
    );
    const c: SqlValue[] = new Array<SqlValue>(11).fill(null);
    const k: SqlValue[] = new Array<SqlValue>(7).fill(null);
    const owners = new Int32Array(customerCount);
    const stageOf = new Uint8Array(customerCount);
    const langOf = new Uint8Array(customerCount);
    const customerStartMs = nowMs - CUSTOMER_YEARS * 365 * DAY_MS;
    const customerStepMs = (CUSTOMER_YEARS * 365 * DAY_MS) / customerCount;
    const mobile = (): string =>
      CN_MOBILE_PREFIXES[rng.int(CN_MOBILE_PREFIXES.length)]! +
      String(100_000_000 + rng.int(100_000_000)).slice(1);
    const cnPerson = (): [string, string] => {
      const [sur, surPy] = CN_SURNAMES[rng.int(CN_SURNAMES.length)]!;
      const [g1, g1Py] = CN_GIVEN_CHARS[rng.int(CN_GIVEN_CHARS.length)]!;
      if (rng.next() < 0.3) return [sur + g1, surPy + g1Py];
      const [g2, g2Py] = CN_GIVEN_CHARS[rng.int(CN_GIVEN_CHARS.length)]!;
      return [sur + g1 + g2, surPy + g1Py + g2Py];
    };
    const enPerson = (): [string, string] => {
      const first = EN_FIRST_NAMES[rng.int(EN_FIRST_NAMES.length)]!;
      const last = EN_LAST_NAMES[rng.int(EN_LAST_NAMES.length)]!;
      return [`${first} ${last}`, `${first}.${last}`.toLowerCase()];
    };

    for (let i = 0; i < customerCount; i++) {
      const id = customerBase + 1 + i;
      // The first customer is the timeline customer (bench-timeline.ts): an existing customer.
      const drawnStage = stageTable[rng.uint32() & 1023]!;
      const stage = i === 0 ? 2 : drawnStage;
      const owner = stage === 0 && rng.next() < 0.05 ? 0 : ownerTable[rng.uint32() & 4095]!;
      owners[i] = owner;
      stageOf[i] = stage;
      const kindRoll = rng.next();
      langOf[i] = kindRoll < 0.8 ? 0 : 1;
      const industry = rng.int(INDUSTRIES.length);
      let name: string;
      let address: string;
      let phone: string;
      let email: string;
      let industryLabel = '';
      let kind = 'company';
      if (kindRoll < 0.8) {
        // Chinese: 55 % companies, 25 % persons.
        const city = cnCities[rng.int(cnCities.length)]!;
        address = `${city.prefix}${city.districts[rng.int(city.districts.length)]!}${CN_ROADS[rng.int(CN_ROADS.length)]!}${1 + rng.int(399)}号`;
        if (kindRoll < 0.55) {
          const [b1, b1Py] = CN_BRAND_CHARS[rng.int(CN_BRAND_CHARS.length)]!;
          const [b2, b2Py] = CN_BRAND_CHARS[rng.int(CN_BRAND_CHARS.length)]!;
          const words = INDUSTRIES[industry]!.zhWords;
          name =
            city.name +
            b1 +
            b2 +
            words[rng.int(words.length)]! +
            companySuffixCn[rng.int(companySuffixCn.length)]!;
          industryLabel = industryZh[industry]!;
          phone = `${city.area}-${2 + rng.int(7)}${String(10_000_000 + rng.int(10_000_000)).slice(1)}`;
          email = `info@${b1Py}${b2Py}${INDUSTRIES[industry]!.slug}.com`;
        } else {
          kind = 'person';
          const [n, py] = cnPerson();
          name = n;
          phone = mobile();
          email = `${py}${rng.int(100)}@${CN_MAIL_PROVIDERS[rng.int(CN_MAIL_PROVIDERS.length)]!}`;
        }
      } else {
        // English: 12 % companies, 8 % persons.
        const city = US_CITIES[rng.int(US_CITIES.length)]!;
        address = `${1 + rng.int(9899)} ${EN_LAST_NAMES[rng.int(EN_LAST_NAMES.length)]!} St, ${city.city}, ${city.state}`;
        phone = `(${city.area}) ${201 + rng.int(788)}-${String(10_000 + rng.int(10_000)).slice(1)}`;
        if (kindRoll < 0.92) {
          const last = EN_LAST_NAMES[rng.int(EN_LAST_NAMES.length)]!;
          const words = INDUSTRIES[industry]!.enWords;
          const word = words[rng.int(words.length)]!;
          name = `${last} ${word} ${companySuffixEn[rng.int(companySuffixEn.length)]!}`;
          industryLabel = industryEn[industry]!;
          email = `info@${last}${word}.com`.toLowerCase();
        } else {
          kind = 'person';
          const [n, latin] = enPerson();
          name = n;
          email = `${latin}@${EN_MAIL_PROVIDERS[rng.int(EN_MAIL_PROVIDERS.length)]!}`;
        }
      }
      const createdMs = Math.floor(customerStartMs + i * customerStepMs);
      const created = isoTimestamp(createdMs);
      const updated =
        rng.next() < 0.5 ? created : isoTimestamp(createdMs + Math.floor(rng.next() * (nowMs - createdMs)));
      c[0] = id;
      c[1] = kind;
      c[2] = name;
      c[3] = stages[stage]!;
      c[4] = owner === 0 ? null : owner;
      c[5] = industryLabel;
      c[6] = address;
      c[7] = phone;
      c[8] = email;
      c[9] = created;
      c[10] = updated;
      insertCustomer.run(c);
      summary.customers++;

      if (i % CONTACT_EVERY === 0) {
        const [n, py] = kindRoll < 0.8 ? cnPerson() : enPerson();
        k[0] = contactBase + 1 + summary.contacts;
        k[1] = id;
        k[2] = n;
        k[3] = mobile();
        k[4] = kind === 'company' ? `${py}@${email.slice(email.indexOf('@') + 1)}` : '';
        k[5] = created;
        k[6] = created;
        insertContact.run(k);
        summary.contacts++;
      }
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'customers', done: i + 1, total: customerCount });
    }
    report({ phase: 'customers', done: summary.customers, total: customerCount });
    report({ phase: 'contacts', done: summary.contacts, total: summary.contacts });

    // ---- orders: set-based, one INSERT … SELECT per day (see bench-orders.ts) ----
    // Customers created before the instant: customer indexes [0, existingAt(ms)).
    const existingAt = (dayMs: number): number =>
      Math.max(1, Math.min(customerCount, Math.floor((dayMs - customerStartMs) / customerStepMs)));
    summary.orders = insertBenchOrders(db, rng, {
      orderCount,
      nowMs,
      orderBase: maxId(db, 'orders'),
      customerBase,
      customerCount,
      stageOf,
      existingAt,
      amounts,
      report,
      progressEvery: PROGRESS_EVERY,
    });
    report({ phase: 'orders', done: summary.orders, total: orderCount });

    // ---- activities: a light sprinkle over the last 90 days and the next 30 ----
    const insertActivity = prepare(
      `INSERT INTO activities (type, subject, due_at, done, done_at, customer_id, owner_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const a: SqlValue[] = new Array<SqlValue>(9).fill(null);
    const types = ['call', 'meeting', 'email', 'note', 'task'];
    const subjects = ['电话回访', '上门拜访', '发送报价单', '客户反馈', '准备报价方案'];
    const activityTotal = Math.floor(customerCount / ACTIVITY_EVERY);
    // Only customers that existed before the earliest due date, so no activity predates its customer.
    const activityCustomers = existingAt(nowMs - 91 * DAY_MS);
    const todayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
    for (let n = 0; n < activityTotal; n++) {
      const ci = rng.int(activityCustomers);
      const t = rng.int(types.length);
      const dueMs = todayMs + (rng.int(120) - 90) * DAY_MS + 3_600_000 + rng.int(36) * 900_000;
      const due = isoTimestamp(dueMs);
      const done = dueMs < nowMs && rng.next() < 0.9;
      const owner = owners[ci]!;
      a[0] = types[t]!;
      a[1] = subjects[t]!;
      a[2] = due;
      a[3] = done ? 1 : 0;
      a[4] = done ? due : null;
      a[5] = customerBase + 1 + ci;
      a[6] = owner === 0 ? ownerTable[0]! : owner;
      a[7] = dueMs < nowMs ? due : nowIso;
      a[8] = done ? due : a[7];
      insertActivity.run(a);
      summary.activities++;
    }
    report({ phase: 'activities', done: summary.activities, total: activityTotal });

    // ---- workspace records: bench-pipeline.ts, bench-service.ts, bench-timeline.ts ----
    const bench: BenchContext = {
      db,
      rng,
      nowMs,
      summary,
      report,
      prepare,
      customerBase,
      customerCount,
      stageOf,
      langOf,
      owners,
      createdMsOf: (index) => Math.floor(customerStartMs + index * customerStepMs),
      existingAt,
      contactOf: (index) => (index % CONTACT_EVERY === 0 ? contactBase + 1 + index / CONTACT_EVERY : null),
      anyOwner: () => ownerTable[rng.uint32() & 4095]!,
      managerIds,
      userIds: [...managerIds, ...repIds],
      person: (lang) => (lang === 0 ? cnPerson() : enPerson()),
      mobile,
      records: [ZH_RECORDS, EN_RECORDS],
    };
    const campaigns = insertBenchCampaigns(bench);
    const deals = insertBenchOpportunities(
      bench,
      Math.floor((customerCount * BENCH_RATIOS.opportunitiesPer100Customers) / 100),
      { amounts },
    );
    const leadCount = Math.floor(customerCount / BENCH_RATIOS.leadEvery);
    const { leadBase, converted } = insertBenchLeads(bench, leadCount, deals, campaigns, companyNames(rng));
    linkDealsToLeads(bench, deals, leadBase, converted);
    insertBenchContracts(bench, Math.floor(customerCount / BENCH_RATIOS.contractEvery), amounts);
    insertBenchCases(bench, Math.floor(customerCount / BENCH_RATIOS.caseEvery));
    insertBenchMembers(bench, campaigns, Math.floor(customerCount / BENCH_RATIOS.memberEvery));
    insertBenchRelationships(bench, Math.floor(customerCount / BENCH_RATIOS.relationshipEvery));
    insertBenchArticles(bench);
    insertBenchBaskets(bench);
    summary.timelineCustomerId = plantTimelineCustomer(bench, amounts);

    report({ phase: 'saving', done: 0, total: droppedIndexes.length });
    for (const stmt of statements.splice(0)) stmt.free();
    restoreIndexes(db, droppedIndexes);
    indexesRestored = true;
    summary.timelineEvents = countTimelineEvents(db, summary.timelineCustomerId);
    report({ phase: 'saving', done: droppedIndexes.length, total: droppedIndexes.length });
    return summary;
  } finally {
    for (const stmt of statements) stmt.free();
    setIntegerPragma(db, 'cache_size', Math.trunc(previousCacheSize));
    if (!indexesRestored) {
      // Failure path: the caller must roll back, which restores the indexes anyway; recreate them here too
      // in case it does not, so the schema never silently loses an index.
      try {
        restoreIndexes(db, droppedIndexes);
      } catch {
        // The original error is the one to report; the rollback restores the schema.
      }
    }
  }
}

/** Company names for leads, composed once per language from the same pools as the customers'. */
function companyNames(rng: Rng): [string[], string[]] {
  const zh: string[] = [];
  const en: string[] = [];
  for (let n = 0; n < 512; n++) {
    const city = CN_CITIES[rng.int(CN_CITIES.length)]!;
    const industry = INDUSTRIES[rng.int(INDUSTRIES.length)]!;
    const [b1] = CN_BRAND_CHARS[rng.int(CN_BRAND_CHARS.length)]!;
    const [b2] = CN_BRAND_CHARS[rng.int(CN_BRAND_CHARS.length)]!;
    zh.push(`${city.name}${b1}${b2}${industry.zhWords[rng.int(industry.zhWords.length)]!}有限公司`);
    const last = EN_LAST_NAMES[rng.int(EN_LAST_NAMES.length)]!;
    en.push(
      `${last} ${industry.enWords[rng.int(industry.enWords.length)]!} ${rng.pick(['Inc.', 'LLC', 'Group', 'Co.'])}`,
    );
  }
  return [zh, en];
}
