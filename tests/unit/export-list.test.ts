import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerInput } from '../../workers/db/contract';
import { exportCustomerList } from '../../workers/db/features/export/list-export';
import type { ExportProgress, ExportRequest } from '../../workers/db/features/export/api';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { insertContact } from '../../workers/db/repositories/contacts';
import { insertCustomer, listCustomers } from '../../workers/db/repositories/customers';
import { insertUser } from '../../workers/db/repositories/users';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';

let SQL: SqlJsStatic;
const engines: PersistenceEngine[] = [];
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

async function openEngine(): Promise<PersistenceEngine> {
  const name = `export-${Math.random()}`;
  const { engine } = await PersistenceEngine.open({
    SQL,
    store: openIdbStore(name),
    coordinator: new InProcessCoordinator(new Mutex(), `channel-${name}`),
    tab: 'tab',
    migrate: (db) => void migrate(db),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
  });
  engines.push(engine);
  return engine;
}

const NOW = '2026-03-16T01:30:00.000Z';
const customer = (name: string, extra: Partial<CustomerInput> = {}): CustomerInput => ({
  kind: 'company',
  name,
  stage: 'prospect',
  ownerId: null,
  industry: '',
  address: '',
  phone: '',
  email: '',
  notes: '',
  ...extra,
});

/** A small CRM: customers with Chinese names, a formula-looking note, contacts and activities. */
async function seeded(): Promise<PersistenceEngine> {
  const engine = await openEngine();
  await engine.write((db) => {
    const owner = insertUser(db, { name: '李娜', email: 'li@crm.cn', role: 'rep' }, NOW);
    const a = insertCustomer(db, customer('华信科技', { ownerId: owner, stage: 'new', notes: '=1+1' }), NOW);
    const b = insertCustomer(db, customer('Acme, Inc.', { phone: '+1 555 0100', stage: 'existing' }), NOW);
    insertCustomer(db, customer('北方重工', { stage: 'new' }), NOW);
    insertContact(
      db,
      {
        customerId: a,
        name: '王小明',
        title: '经理',
        phone: '',
        email: 'w@x.cn',
        notes: '',
        isPrimary: true,
      },
      NOW,
    );
    insertContact(
      db,
      { customerId: b, name: 'Jane; Doe', title: '', phone: '', email: '', notes: 'a\nb', isPrimary: false },
      NOW,
    );
    db.run(
      `INSERT INTO activities (type, subject, due_at, customer_id) VALUES
         ('meeting', '季度回顾', '2026-03-20T06:00:00.000Z', ?), ('task', '寄合同', NULL, ?),
         ('call', '电话', '2026-03-18T06:00:00.000Z', ?)`,
      [a, b, a],
    );
  });
  return engine;
}

const list = (extra: Partial<ExportRequest['list']> = {}): ExportRequest['list'] => ({
  sort: { column: 'name', direction: 'asc' },
  ...extra,
});

describe('customer list export', () => {
  it('writes the list as shown (filter and sort) to CSV with a BOM, header and neutralized formulas', async () => {
    const engine = await seeded();
    const progress: ExportProgress[] = [];
    const file = await exportCustomerList(
      engine,
      { kind: 'customers-csv', list: list({ stage: 'new', sort: { column: 'name', direction: 'desc' } }) },
      (p) => progress.push(p),
      { pageSize: 1 },
    );
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,name,kind,stage,owner,industry,phone,email,address,notes,createdAt,updatedAt');
    const expected = await engine.read(
      (db) =>
        listCustomers(db, {
          stage: 'new',
          sort: { column: 'name', direction: 'desc' },
          offset: 0,
          limit: 50,
        }).rows,
    );
    expect(lines.slice(1, -1).map((line) => line.split(',')[1])).toEqual(expected.map((c) => c.name));
    expect(text).toContain(",'=1+1,");
    expect(text).toContain('李娜');
    expect(file.records).toBe(2);
    expect(file.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
  });

  it('keeps the list order across pages when exporting by owner and as JSON', async () => {
    const engine = await seeded();
    const file = await exportCustomerList(
      engine,
      { kind: 'customers-json', list: list({ sort: { column: 'owner', direction: 'asc' } }) },
      undefined,
      { pageSize: 2 },
    );
    const rows = JSON.parse(await file.blob.text()) as { name: string; owner: string | null }[];
    const expected = await engine.read(
      (db) => listCustomers(db, { sort: { column: 'owner', direction: 'asc' }, offset: 0, limit: 50 }).rows,
    );
    expect(rows.map((row) => row.name)).toEqual(expected.map((c) => c.name));
    expect(rows.find((row) => row.name === '华信科技')?.owner).toBe('李娜');
  });

  it("exports the listed customers' contacts as vCard 4.0 and CSV", async () => {
    const engine = await seeded();
    const vcf = await exportCustomerList(engine, { kind: 'contacts-vcf', list: list() });
    const cards = await vcf.blob.text();
    expect(cards.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(2);
    expect(cards).toContain('FN:Jane\\; Doe\r\n');
    expect(cards).toContain('NOTE:a\\nb\r\n');
    expect(cards).toContain('ORG:华信科技\r\n');
    const onlyAcme = await exportCustomerList(engine, { kind: 'contacts-csv', list: list({ text: 'acme' }) });
    const csv = (await onlyAcme.blob.text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('id,name,title,phone,email,notes,isPrimary,customerId,customer');
    expect(csv).toContain('Jane; Doe');
    expect(csv).not.toContain('王小明');
    expect(onlyAcme.records).toBe(1);
  });

  it('exports tasks and meetings (not calls) as an RFC 5545 calendar with CRLF lines', async () => {
    const engine = await seeded();
    const file = await exportCustomerList(engine, { kind: 'activities-ics', list: list() });
    const ics = await file.blob.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20260320T060000Z');
    expect(ics).toContain('SUMMARY:寄合同');
    expect(ics).not.toContain('电话');
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(file.records).toBe(2);
  });

  it('refuses an unknown export kind with a validation error', async () => {
    const engine = await seeded();
    await expect(exportCustomerList(engine, { kind: 'xlsx' as never, list: list() })).rejects.toMatchObject({
      code: 'validation',
    });
  });
});

const SQLITE3 = '/usr/bin/sqlite3';

describe('whole-database .sqlite export', () => {
  it('is a file the sqlite3 command-line tool opens, passes integrity_check and has every row', async () => {
    const engine = await seeded();
    await engine.write((db) => {
      for (let i = 0; i < 300; i++) insertCustomer(db, customer(`客户 ${i}`, { notes: 'x'.repeat(i) }), NOW);
    });
    const counts = await engine.read((db) => {
      const tables = db
        .exec(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )[0]!
        .values.map((row) => String(row[0]));
      return Object.fromEntries(
        tables.map((table) => [table, Number(db.exec(`SELECT count(*) FROM "${table}"`)[0]!.values[0]![0])]),
      );
    });
    const bytes = await engine.exportDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'crm-export-'));
    try {
      const path = join(dir, 'backup.sqlite');
      writeFileSync(path, bytes);
      const sqlite = (sql: string) =>
        execFileSync(SQLITE3, ['-readonly', path, sql], { encoding: 'utf8' }).trim();
      expect(sqlite('PRAGMA integrity_check')).toBe('ok');
      expect(sqlite('PRAGMA foreign_key_check')).toBe('');
      expect(Number(sqlite('PRAGMA user_version'))).toBe(LATEST_SCHEMA_VERSION);
      const fileCounts: Record<string, number> = {};
      for (const table of Object.keys(counts)) {
        fileCounts[table] = Number(sqlite(`SELECT count(*) FROM "${table}"`));
      }
      expect(fileCounts).toEqual(counts);
      expect(counts.customers).toBe(303);
      expect(sqlite("SELECT name FROM customers WHERE name = '华信科技'")).toBe('华信科技');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
