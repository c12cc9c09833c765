/**
 * The DB worker's API as the UI sees it through Comlink (`src/lib/db-client/` wraps it).
 * Types only; `workers/db.worker.ts` implements it.
 */
import type {
  Contact,
  ContactInput,
  Customer,
  CustomerInput,
  CustomerListQuery,
  DbEvent,
  DeleteReceipt,
  DemoLocale,
  DemoProgress,
  DemoSummary,
  OpenInfo,
  Page,
  Result,
  StorageInfo,
  User,
  Written,
} from './contract';
import type { ActivitiesApi } from './features/activities/api';
import type { BackupsApi } from './features/backups/api';
import type { EncryptionApi } from './features/encryption/api';
import type { ExportApi } from './features/export/api';
import type { OrdersApi } from './features/orders/api';
import type { ImportApi } from './features/import/api';
import type { SqlConsoleApi } from './features/sql/api';
import type { SearchApi } from './features/search/api';
import type { RecordsApi } from './features/records/api';
import type { HistoryApi } from './features/history/api';
import type { DuplicatesApi } from './features/duplicates/api';
import type { PipelineApi } from './features/pipeline/api';
import type { ServiceApi } from './features/service/api';
import type { MarketingApi } from './features/marketing/api';
import type { AnalyticsApi } from './features/analytics/api';
import type { OutreachApi } from './features/outreach/api';
import type { ApprovalsApi } from './features/approvals/api';
import type { WorkflowApi } from './features/workflow/api';
import type { ScenariosApi } from './features/scenarios/api';

/** The naive save's cost, or why it could not be done (`putMs`/`totalMs` null when nothing was stored). */
export interface WholeImageSave {
  bytes: number;
  exportMs: number;
  putMs: number | null;
  totalMs: number | null;
  /** Why the single put (and, if tried, the sliced put) failed. */
  failure: string | null;
  saved: boolean;
}

export interface OpenOptions {
  /** IndexedDB database name; tests and benchmarks use their own. */
  storeName?: string;
  /** URL of sql-wasm.wasm as the bundler emitted it. */
  wasmUrl: string;
}

/** The foundation's calls: open, customers and contacts, demo data, storage. */
export interface CoreApi {
  open(options: OpenOptions): Promise<Result<OpenInfo>>;
  /** Events (status, changed tables) are pushed to this Comlink-proxied listener. */
  subscribe(listener: (event: DbEvent) => void): void;

  listCustomers(query: CustomerListQuery): Promise<Result<Page<Customer>>>;
  getCustomer(id: number): Promise<Result<Customer>>;
  createCustomer(input: CustomerInput): Promise<Result<Written<Customer>>>;
  updateCustomer(id: number, input: CustomerInput): Promise<Result<Written<Customer>>>;
  deleteCustomer(id: number): Promise<Result<DeleteReceipt>>;

  listContacts(customerId: number): Promise<Result<Contact[]>>;
  createContact(input: ContactInput): Promise<Result<Written<Contact>>>;
  updateContact(id: number, input: ContactInput): Promise<Result<Written<Contact>>>;
  deleteContact(id: number): Promise<Result<DeleteReceipt>>;

  /** Restores the rows a delete removed, as a new durable write. */
  undoDelete(undoSeq: number): Promise<Result<Written<number>>>;

  listUsers(): Promise<Result<User[]>>;
  /** Who this tab acts as (the header's user switcher): the author of its changes in the audit log. */
  setActor(userId: number | null): Promise<Result<true>>;

  loadDemoData(
    locale: DemoLocale,
    onProgress?: (progress: DemoProgress) => void,
  ): Promise<Result<DemoSummary>>;

  /**
   * Replaces the workspace with the large test profile (trainers' performance demos and `npm run bench`):
   * generated in the worker, saved as one snapshot.
   */
  loadBenchData(
    size: { customers: number; orders: number },
    onProgress?: (progress: DemoProgress) => void,
  ): Promise<Result<DemoSummary>>;

  /** The whole database as a SQLite file, ready to download (a Blob crosses threads as a handle). */
  exportDatabase(): Promise<Result<Blob>>;
  integrityCheck(): Promise<Result<string>>;
  storageInfo(): Promise<Result<StorageInfo>>;
  /** Writes a snapshot and trims the log (also runs by itself when idle). */
  checkpoint(): Promise<Result<number>>;
  /** Re-attempts after a storage failure: clears the error state once a test write succeeds. */
  retryStorage(): Promise<Result<true>>;
  /**
   * Measures what a naive sql.js app pays per save (export the whole image + one IndexedDB put), for the
   * benchmark's comparison with the log-first save. Writes to a scratch database and removes it.
   */
  benchWholeImageSave(): Promise<Result<WholeImageSave>>;
}

/** Everything the UI can ask of the DB worker: the core plus one interface per feature. */
export interface DbApi
  extends
    CoreApi,
    RecordsApi,
    HistoryApi,
    DuplicatesApi,
    ImportApi,
    ExportApi,
    SqlConsoleApi,
    BackupsApi,
    EncryptionApi,
    SearchApi,
    OrdersApi,
    ActivitiesApi,
    PipelineApi,
    ServiceApi,
    MarketingApi,
    AnalyticsApi,
    OutreachApi,
    ApprovalsApi,
    WorkflowApi,
    ScenariosApi {}
