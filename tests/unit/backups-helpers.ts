/**
 * Shared set-up for the backups tests: a workspace with the app's real schema in fake IndexedDB, opened
 * by the persistence engine, with the backups handlers pointed at it and a controllable clock.
 */
import 'fake-indexeddb/auto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import { LATEST_SCHEMA_VERSION, migrate } from '../../workers/db/migrations';
import { PersistenceEngine } from '../../workers/db/persistence/engine';
import { openIdbStore } from '../../workers/db/persistence/idb-store';
import { InProcessCoordinator, Mutex } from '../../workers/db/sync/coordinator';
import { runtime } from '../../workers/db/runtime';
import type { BackupContext } from '../../workers/db/features/backups/backup-store';
import { insertCustomer } from '../../workers/db/repositories/customers';
import { insertContact } from '../../workers/db/repositories/contacts';
import type { Result } from '../../workers/db/contract';

let SQL: SqlJsStatic | null = null;
let counter = 0;

export async function sqlJs(): Promise<SqlJsStatic> {
  SQL ??= await initSqlJs();
  return SQL;
}

export interface TestWorkspace {
  store: UseStore;
  engine: PersistenceEngine;
  context: BackupContext;
  clock: { now: Date };
  /** Opens the same stored workspace again, as a reload of the page would. */
  reopen(): Promise<PersistenceEngine>;
  close(): void;
}

export async function openWorkspace(): Promise<TestWorkspace> {
  const sql = await sqlJs();
  const name = `backups-${++counter}-${Date.now()}`;
  const store = openIdbStore(name);
  const lock = new Mutex();
  const clock = { now: new Date('2026-03-16T09:30:00Z') };
  const engines: PersistenceEngine[] = [];
  const open = async () => {
    const { engine } = await PersistenceEngine.open({
      SQL: sql,
      store,
      coordinator: new InProcessCoordinator(lock, `channel-${name}`),
      tab: `tab-${Math.random()}`,
      migrate: (db) => void migrate(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      now: () => clock.now,
    });
    engines.push(engine);
    return engine;
  };
  const engine = await open();
  const context: BackupContext = { engine, store, SQL: sql, now: () => clock.now };
  runtime.engine = engine;
  runtime.store = store;
  runtime.SQL = sql;
  return {
    store,
    engine,
    context,
    clock,
    reopen: open,
    close: () => engines.forEach((e) => e.close()),
  };
}

const NOW = '2026-03-16T09:30:00.000Z';

export function addCustomer(
  db: Database,
  name: string,
  extra: { email?: string; phone?: string } = {},
): number {
  return insertCustomer(
    db,
    {
      kind: 'company',
      name,
      stage: 'prospect',
      ownerId: null,
      industry: '',
      address: '',
      phone: extra.phone ?? '',
      email: extra.email ?? '',
      notes: '',
    },
    NOW,
  );
}

export function addContact(db: Database, customerId: number, name: string, email = ''): number {
  return insertContact(
    db,
    { customerId, name, title: '', phone: '', email, notes: '', isPrimary: false },
    NOW,
  );
}

export const customerNames = (engine: PersistenceEngine) =>
  engine.read((db) =>
    (db.exec('SELECT name FROM customers ORDER BY name')[0]?.values ?? []).map((row) => String(row[0])),
  );

/** A fresh database with the app's schema, exported as `.sqlite` bytes after `fill` ran on it. */
export async function appFile(fill: (db: Database) => void = () => undefined): Promise<Uint8Array> {
  const db = new (await sqlJs()).Database();
  try {
    migrate(db);
    db.exec('PRAGMA foreign_keys = ON');
    fill(db);
    return db.export();
  } finally {
    db.close();
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

export const fileOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
