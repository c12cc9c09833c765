/**
 * The DB worker: owns sql.js, the persistence engine and the repositories, and exposes {@link DbApi}
 * through Comlink. Expected failures are returned as `{ ok: false, code, message }` values.
 */
import * as Comlink from 'comlink';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { UseStore } from 'idb-keyval';
import type { CoreApi, DbApi, OpenOptions } from './db/api';
import type { OpenInfo, Result } from './db/contract';
import { DomainError } from './db/errors';
import { LATEST_SCHEMA_VERSION, migrate } from './db/migrations';
import { PersistenceEngine } from './db/persistence/engine';
import { countLog, openIdbStore } from './db/persistence/idb-store';
import { BrowserCoordinator } from './db/sync/coordinator';
import * as customers from './db/repositories/customers';
import * as contacts from './db/repositories/contacts';
import * as users from './db/repositories/users';
import { registerSqlJs } from './db/repositories/numeric-rows';
import { clearWorkspaceData, refreshPlannerStats } from './db/repositories/workspace';
import { emit, guard, nowIso, ok, runtime } from './db/runtime';
import { activitiesHandlers } from './db/features/activities/handlers';
import { backupsHandlers } from './db/features/backups/handlers';
import { encryptionHandlers } from './db/features/encryption/handlers';
import { isLocked } from './db/features/encryption/service';
import { exportHandlers } from './db/features/export/handlers';
import { importHandlers } from './db/features/import/handlers';
import { sqlConsoleHandlers } from './db/features/sql/handlers';
import { ordersHandlers } from './db/features/orders/handlers';
import { pipelineHandlers } from './db/features/pipeline/handlers';
import { serviceHandlers } from './db/features/service/handlers';
import { marketingHandlers } from './db/features/marketing/handlers';
import { createAuditTrail } from './db/features/history/audit-trail';
import { createSearchIndex, ensureSearchIndex } from './db/features/search/search-index';
import { searchHandlers } from './db/features/search/handlers';
import { customerFacets, recordsHandlers, warmFacets } from './db/features/records/handlers';
import { historyHandlers } from './db/features/history/handlers';
import { duplicatesHandlers } from './db/features/duplicates/handlers';
import { analyticsHandlers } from './db/features/analytics/handlers';
import { outreachHandlers } from './db/features/outreach/handlers';
import { approvalsHandlers } from './db/features/approvals/handlers';
import { createApprovalGate } from './db/features/approvals/gate';
import { workflowHandlers, workflowState } from './db/features/workflow/handlers';
import { createWorkflowEngine } from './db/features/workflow/engine';
import { scenariosHandlers } from './db/features/scenarios/handlers';

let opening: Promise<Result<OpenInfo>> | null = null;
const customerCounts = new customers.CountCache();

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

async function open(options: OpenOptions): Promise<Result<OpenInfo>> {
  if (typeof indexedDB === 'undefined') {
    return {
      ok: false,
      code: 'not_ready',
      message: 'this browser does not offer IndexedDB, so nothing could be saved',
    };
  }
  const SQL = await initSqlJs({ locateFile: () => options.wasmUrl });
  runtime.SQL = SQL;
  registerSqlJs(SQL); // numeric reads (analytics) step through SQLite's raw functions
  runtime.workspace = options.storeName ?? 'kehu-crm';
  const store = openIdbStore(runtime.workspace);
  runtime.store = store;
  // An encrypted workspace loads nothing until `unlock(passphrase)` has given this tab its key.
  runtime.finishOpen = () => startEngine(SQL, store);
  if (await isLocked(store)) {
    return { ok: false, code: 'locked', message: 'the workspace is encrypted; enter its passphrase' };
  }
  return startEngine(SQL, store);
}

async function startEngine(SQL: SqlJsStatic, store: UseStore): Promise<Result<OpenInfo>> {
  const { engine: opened, created } = await PersistenceEngine.open({
    SQL,
    store,
    coordinator: new BrowserCoordinator(runtime.workspace),
    tab: crypto.randomUUID(),
    // The search index holds terms only JS can compute: filled after migrating (an upgrade from schema < 4,
    // a restored file), checked by row counts otherwise (features/search/search-index.ts).
    migrate: (db) => {
      migrate(db);
      ensureSearchIndex(db);
    },
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    onStatus: (status) => emit({ type: 'status', status }),
    onChanged: (tables, remote) => emit({ type: 'changed', tables, remote }),
    // The approval gate first, then the workflow rules (a refused win runs no rule): the rows they write
    // are then audited and indexed like any other.
    derived: [
      createApprovalGate(() => runtime.actorId, nowIso),
      createWorkflowEngine(workflowState, nowIso),
      createAuditTrail(() => runtime.actorId, nowIso),
      createSearchIndex(),
      customerFacets, // last: it sees the rows every other state wrote
    ],
  });
  runtime.engine = opened;
  // After the first screen has had its queries: the columns take ~4 s of reads at 1M customers.
  setTimeout(() => void warmFacets(), 1500);
  startDateRuleClock();
  const customerCount = await opened.read((db) =>
    Number(db.exec('SELECT count(*) FROM customers')[0]?.values[0]?.[0] ?? 0),
  );
  const schemaVersion = await opened.read((db) =>
    Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0),
  );
  return ok({ schemaVersion, seq: opened.seq, customerCount, created });
}

let dateRuleClock: ReturnType<typeof setInterval> | null = null;

/** Date rules fire on open and every minute while the app is open (each tab; the firings are exactly-once). */
function startDateRuleClock(): void {
  const pass = () => void workflowHandlers.runDueDateRules().catch(() => undefined);
  pass();
  dateRuleClock ??= setInterval(pass, 60_000);
}

const coreHandlers: CoreApi = {
  open(options) {
    opening ??= open(options).catch((error: unknown) => {
      opening = null;
      return {
        ok: false,
        code: 'not_ready',
        message: error instanceof Error ? error.message : String(error),
      };
    });
    return opening;
  },

  subscribe(callback) {
    runtime.listener = callback;
    if (runtime.lastStatus) callback({ type: 'status', status: runtime.lastStatus });
  },

  listCustomers: (query) =>
    guard((e) => e.read((db) => customers.listCustomers(db, query, customerCounts.at(e.seq)))),
  getCustomer: (id) =>
    guard((e) =>
      e.read((db) => {
        const customer = customers.getCustomer(db, id);
        if (!customer) throw new DomainError('not_found', `customer ${id} does not exist`);
        return customer;
      }),
    ),
  createCustomer: (input) =>
    guard((e) =>
      e.write((db) => {
        const id = customers.insertCustomer(db, input, nowIso());
        return customers.getCustomer(db, id)!;
      }),
    ),
  updateCustomer: (id, input) =>
    guard((e) =>
      e.write((db) => {
        customers.updateCustomer(db, id, input, nowIso());
        return customers.getCustomer(db, id)!;
      }),
    ),
  deleteCustomer: (id) =>
    guard(async (e) => {
      const { value: removedRows, seq } = await e.write((db) => {
        const before = db.getRowsModified();
        customers.deleteCustomer(db, id);
        return db.getRowsModified() - before;
      });
      return { undoSeq: seq, removedRows };
    }),

  listContacts: (customerId) => guard((e) => e.read((db) => contacts.listContacts(db, customerId))),
  createContact: (input) =>
    guard((e) =>
      e.write((db) => {
        const id = contacts.insertContact(db, input, nowIso());
        return contacts.getContact(db, id)!;
      }),
    ),
  updateContact: (id, input) =>
    guard((e) =>
      e.write((db) => {
        contacts.updateContact(db, id, input, nowIso());
        return contacts.getContact(db, id)!;
      }),
    ),
  deleteContact: (id) =>
    guard(async (e) => {
      const { seq } = await e.write((db) => contacts.deleteContact(db, id));
      return { undoSeq: seq, removedRows: 1 };
    }),

  undoDelete: (undoSeq) => guard((e) => e.undoDelete(undoSeq)),

  listUsers: () => guard((e) => e.read((db) => users.listUsers(db))),
  setActor: async (userId) => {
    if (userId !== null && !Number.isSafeInteger(userId))
      return { ok: false, code: 'validation', message: 'a user id is a whole number' };
    runtime.actorId = userId;
    return ok(true as const);
  },

  loadDemoData: (locale, onProgress) =>
    guard(async (e) => {
      const { generateDemoData } = await import('./db/demo/demo-data');
      const { value } = await e.bulkWrite((db) => {
        clearWorkspaceData(db);
        const summary = generateDemoData(db, { locale, now: new Date(), onProgress });
        refreshPlannerStats(db);
        return summary;
      });
      return value;
    }),

  loadBenchData: (size, onProgress) =>
    guard(async (e) => {
      const { generateBenchData } = await import('./db/demo/bench-data');
      const { value } = await e.bulkWrite((db) => {
        clearWorkspaceData(db);
        const summary = generateBenchData(db, { ...size, now: new Date(), onProgress });
        refreshPlannerStats(db);
        return summary;
      });
      return value;
    }),

  exportDatabase: () =>
    guard(async (e) => {
      // The Blob is made here, not on the main thread: wrapping a 1 GB array copies it, and a Blob
      // crosses to the page as a handle.
      const bytes = await e.exportDatabase();
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' });
    }),

  integrityCheck: () =>
    guard((e) =>
      e.read((db) => {
        const integrity = (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) => String(row[0]));
        const orphans = db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0;
        return orphans > 0
          ? `${integrity.join('; ')}; foreign keys: ${orphans} broken`
          : integrity.join('; ');
      }),
    ),

  storageInfo: () =>
    guard(async (e) => {
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = await navigator.storage?.persisted?.().catch(() => null);
      return {
        usageBytes: estimate?.usage ?? null,
        quotaBytes: estimate?.quota ?? null,
        persisted: persisted ?? null,
        databaseBytes: await e.read((db) => {
          const pages = db.exec('PRAGMA page_count')[0]?.values[0]?.[0];
          const pageSize = db.exec('PRAGMA page_size')[0]?.values[0]?.[0];
          return Number(pages ?? 0) * Number(pageSize ?? 0);
        }),
        logRecords: runtime.store ? await countLog(runtime.store) : 0,
      };
    }),

  checkpoint: () => guard((e) => e.checkpoint()),

  retryStorage: () =>
    guard(async (e) => {
      await e.retryStorage();
      return true as const;
    }),

  benchWholeImageSave: () =>
    guard(async (e) => {
      const started = performance.now();
      const bytes = await e.exportDatabase();
      const exported = performance.now();
      const scratch = openIdbStore(`${runtime.workspace}-whole-image-bench`);
      const putAll = (pieces: Uint8Array[]) =>
        scratch('readwrite', (os) => {
          pieces.forEach((piece, index) => os.put(piece, ['image', index]));
          return new Promise<void>((resolve, reject) => {
            os.transaction.oncomplete = () => resolve();
            os.transaction.onabort = () => reject(os.transaction.error);
          });
        });
      // What a naive app does: one put of the whole image. Chromium refuses values over ~133 MB; past that
      // the closest naive save is the image in 64 MB slices in one transaction, and at ~1 GB that is
      // refused too. Failures are reported, not hidden: the export alone is then a lower bound.
      let failure: string | null = null;
      // Past 1 GiB even the attempt is unsafe: cloning the image into IndexedDB beside the database and its
      // export needs more memory than a tab has, and the renderer is killed instead of the put failing.
      if (bytes.length > 1024 ** 3) {
        return {
          bytes: bytes.length,
          exportMs: exported - started,
          putMs: null,
          totalMs: null,
          failure: `not attempted: a ${Math.round(bytes.length / 1024 ** 2)} MB image in one save exhausts the tab's memory (values over ~133 MB are refused anyway)`,
          saved: false,
        };
      }
      try {
        await putAll([bytes]);
      } catch (error) {
        failure = describe(error);
        const slice = 64 * 1024 * 1024; // copies: cloning a view would store its whole buffer
        const pieces: Uint8Array[] = [];
        for (let start = 0; start < bytes.length; start += slice)
          pieces.push(bytes.slice(start, start + slice));
        try {
          await putAll(pieces);
        } catch (sliced) {
          failure = `${failure}; in 64 MB slices: ${describe(sliced)}`;
          const exportMs = exported - started;
          await scratch(
            'readwrite',
            (os) => void os.delete(IDBKeyRange.bound(['image', 0], ['image', Infinity])),
          );
          return { bytes: bytes.length, exportMs, putMs: null, totalMs: null, failure, saved: false };
        }
      }
      const saved = performance.now();
      await scratch(
        'readwrite',
        (os) => void os.delete(IDBKeyRange.bound(['image', 0], ['image', Infinity])),
      );
      return {
        bytes: bytes.length,
        exportMs: exported - started,
        putMs: saved - exported,
        totalMs: saved - started,
        failure,
        saved: true,
      };
    }),
};

const api: DbApi = {
  ...coreHandlers,
  ...recordsHandlers,
  ...historyHandlers,
  ...duplicatesHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...sqlConsoleHandlers,
  ...backupsHandlers,
  ...encryptionHandlers,
  ...searchHandlers,
  ...ordersHandlers,
  ...activitiesHandlers,
  ...pipelineHandlers,
  ...serviceHandlers,
  ...marketingHandlers,
  ...analyticsHandlers,
  ...outreachHandlers,
  ...approvalsHandlers,
  ...workflowHandlers,
  ...scenariosHandlers,
};

Comlink.expose(api);
